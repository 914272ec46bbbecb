import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ContactCreateFormComponent } from './contact-create-form.component';
import { PendingCreatesStore } from './pending-creates.store';

function type(root: HTMLElement, label: string, value: string): void {
  const id = Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.trim() === label)?.getAttribute('for');
  const input = root.querySelector<HTMLInputElement>(`#${id}`);
  if (!input) throw new Error(`no input labelled ${label}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('ContactCreateFormComponent', () => {
  let root: HTMLElement;
  let http: HttpTestingController;
  let store: PendingCreatesStore;
  let stable: () => Promise<void>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(ContactCreateFormComponent);
    await fixture.whenStable();
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PendingCreatesStore);
  });

  const submit = async () => {
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await stable();
  };

  it('has the four labelled inputs and the create button', () => {
    const labels = Array.from(root.querySelectorAll('label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['First name', 'Last name', 'Email', 'Phone']);
    expect(root.querySelector('button[type=submit]')?.textContent?.trim()).toBe('Create contact');
  });

  it('shows client-side errors on the fields and sends nothing', async () => {
    type(root, 'First name', 'Ada');
    type(root, 'Email', 'not-an-email');
    type(root, 'Phone', 'abc');
    await submit();
    http.expectNone('/api/contacts/');
    const errors = Array.from(root.querySelectorAll('[data-testid=field-error]')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Last name is required.', 'Enter a valid email address.', 'Use digits and + - ( ) . or spaces.']);
    expect(root.querySelector('#create-email')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#create-email')?.getAttribute('aria-describedby')).toBe('create-email-error');
  });

  it('submits a valid contact and clears the form at once', async () => {
    type(root, 'First name', 'Ada');
    type(root, 'Last name', 'Lovelace');
    type(root, 'Email', 'ada@example.com');
    type(root, 'Phone', '+1 555 1000');
    await stable();
    await submit();
    const req = http.expectOne('/api/contacts/');
    expect(req.request.body.email).toBe('ada@example.com');
    expect(store.items()).toHaveLength(1);
    expect(store.draftIsEmpty()).toBe(true);
    expect(root.querySelector<HTMLInputElement>('#create-first_name')?.value).toBe('');
  });
});
