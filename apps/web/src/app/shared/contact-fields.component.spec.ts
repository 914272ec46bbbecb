import { Component, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { CONTACT_FIELD_MAX_LENGTH, CONTACT_FIELD_NAMES } from '@contacts/wire-types';
import { ContactFieldsComponent } from './contact-fields.component';
import { emptyForm, formFromFields, formToFields, type ContactForm } from './contact-form';
import { validateContact, type ClientFieldErrors } from './contact-validation';

@Component({
  imports: [ContactFieldsComponent],
  template: `<app-contact-fields idPrefix="t" [collapsible]="collapsible()" [(value)]="form" [(errors)]="errors" />`,
})
class HostComponent {
  readonly form = signal<ContactForm>(emptyForm());
  readonly errors = signal<ClientFieldErrors>({});
  readonly collapsible = signal(false);
}

describe('ContactFieldsComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let host: HostComponent;
  let root: HTMLElement;
  const stable = () => fixture.whenStable();
  const el = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const byLabel = <T extends HTMLElement>(text: string) => {
    const label = Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.trim() === text);
    const input = label && root.querySelector<T>(`#${label.htmlFor}`);
    if (!input) throw new Error(`no input labelled ${text}`);
    return input;
  };
  const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const select = (input: HTMLSelectElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('change'));
  };
  const button = (text: string) => {
    const b = Array.from(root.querySelectorAll('button')).find((x) => x.textContent?.trim() === text || x.getAttribute('aria-label') === text);
    if (!b) throw new Error(`no button ${text}`);
    return b;
  };

  beforeEach(async () => {
    fixture = TestBed.createComponent(HostComponent);
    host = fixture.componentInstance;
    root = fixture.nativeElement as HTMLElement;
    await stable();
  });

  it('never lets the browser cut off a value the validator accepts (maxlength counts UTF-16 units)', () => {
    for (const name of CONTACT_FIELD_NAMES) {
      const input = el<HTMLInputElement>(`#t-${name}`)!;
      // The longest valid value: the limit in astral characters, two UTF-16 units each.
      const longest = '😀'.repeat(CONTACT_FIELD_MAX_LENGTH[name]);
      expect(validateContact({ ...emptyForm(), [name]: longest })[name] ?? '').not.toMatch(/at most/);
      // Still capped, so a huge paste cannot freeze the form; the validator gives the message.
      expect(input.maxLength).toBeGreaterThanOrEqual(longest.length);
    }
  });

  it('adds phone rows with a preset label, focuses the new one, and removes a row', async () => {
    button('+ Add phone').click();
    await stable();
    expect(document.activeElement?.id).toBe('t-other_phones-0-value');
    type(byLabel('Other phone 1'), '+44 1');
    button('+ Add phone').click();
    await stable();
    type(byLabel('Other phone 2'), '+44 2');
    type(byLabel('Label of other phone 2'), 'Lab');
    await stable();
    expect(formToFields(host.form()).other_phones).toEqual([
      { label: 'mobile', value: '+44 1' },
      { label: 'Lab', value: '+44 2' },
    ]);
    button('Remove other phone 1').click();
    await stable();
    expect(formToFields(host.form()).other_phones).toEqual([{ label: 'Lab', value: '+44 2' }]);
    expect(byLabel<HTMLInputElement>('Other phone 1').value).toBe('+44 2');
    expect(document.activeElement?.id).toBe('t-other_phones-0-value');
  });

  it('stops adding at the limit', async () => {
    for (let i = 0; i < 10; i++) button('+ Add email').click();
    await stable();
    expect(root.querySelectorAll('[data-testid=other_emails] [data-testid=list-row]')).toHaveLength(10);
    expect(button('+ Add email').disabled).toBe(true);
  });

  it('takes a birthday without its year, and with one', async () => {
    select(el<HTMLSelectElement>('#t-birthday')!, '10');
    select(el<HTMLSelectElement>('#t-birthday-month')!, '12');
    await stable();
    expect(formToFields(host.form()).birthday).toBe('--12-10');
    type(byLabel('Year (optional)'), '1815');
    await stable();
    expect(formToFields(host.form()).birthday).toBe('1815-12-10');
    button('Clear birthday').click();
    await stable();
    expect(formToFields(host.form()).birthday).toBeNull();
  });

  it('shows a server message at the row it names, and moves it when a row above is removed', async () => {
    host.form.set(
      formFromFields({
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        phone: '1',
        other_phones: [
          { label: 'mobile', value: '+44 1' },
          { label: 'work', value: '+44 2' },
          { label: 'Lab', value: 'x1' },
        ],
      }),
    );
    host.errors.set({ 'other_phones[2].value': 'Enter a valid phone number.' });
    await stable();
    const third = byLabel('Other phone 3');
    expect(third.getAttribute('aria-invalid')).toBe('true');
    expect(el(`#${third.getAttribute('aria-describedby')}`)?.textContent?.trim()).toBe('Enter a valid phone number.');
    expect(byLabel('Other phone 2').getAttribute('aria-invalid')).toBeNull();

    button('Remove other phone 1').click();
    await stable();
    expect(host.errors()).toEqual({ 'other_phones[1].value': 'Enter a valid phone number.' });
    const moved = byLabel<HTMLInputElement>('Other phone 2');
    expect(moved.value).toBe('x1');
    expect(moved.getAttribute('aria-invalid')).toBe('true');
  });

  it('lists a server message for a row that is not there, instead of losing it', async () => {
    host.errors.set({ 'addresses[3].city': 'Too long.' });
    await stable();
    expect(el('[data-testid=other-field-errors]')?.textContent).toContain('Too long.');
  });

  it('folds the details away when collapsible, and opens them for an error there', async () => {
    host.collapsible.set(true);
    await stable();
    expect(el('#t-organization')).toBeNull();
    expect(button('More details (organization, birthday, more emails, phones and addresses, notes)').getAttribute('aria-expanded')).toBe('false');
    host.errors.set({ organization: 'Organization must be at most 200 characters.' });
    await stable();
    expect(el('#t-organization')?.getAttribute('aria-invalid')).toBe('true');
  });
});
