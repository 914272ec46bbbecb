import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { testContact } from '../testing/contact-fixtures';
import { ContactEditDialogComponent } from './contact-edit-dialog.component';

const ada = (updated_at: string, phone: string): Contact => ({
  ...testContact(1),
  first_name: 'Ada',
  last_name: 'Lovelace',
  phone,
  updated_at,
});

describe('ContactEditDialogComponent, changes made elsewhere', () => {
  let events: Subject<ContactEvent>;
  let root: HTMLElement;
  let stable: () => Promise<void>;

  beforeEach(async () => {
    events = new Subject<ContactEvent>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject<void>(), state: () => 'live' } },
      ],
    });
    const fixture = TestBed.createComponent(ContactEditDialogComponent);
    fixture.componentRef.setInput('contactId', 1);
    fixture.detectChanges();
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .expectOne((r) => r.method === 'GET' && r.url.endsWith('/api/contacts/1/'))
      .flush(ada('2026-11-26T10:00:05.000Z', '+1 555 0005'), { headers: { ETag: '"v5"' } });
    await stable();
  });

  const banner = () => root.querySelector('[data-testid=remote-change-banner]')?.textContent ?? null;
  const update = (contact: Contact, seq: number) => events.next({ type: 'contact.updated', contact, seq, edited_by: null, address_book: 1 });

  it('ignores the echo of the loaded version and a late event for an older one', async () => {
    update(ada('2026-11-26T10:00:05.000Z', '+1 555 0005'), 5);
    update(ada('2026-11-26T10:00:01.000Z', '+1 555 0001'), 4);
    await stable();
    expect(banner()).toBeNull();
  });

  it('shows a newer version as a change made elsewhere', async () => {
    update(ada('2026-11-26T10:00:09.000Z', '+1 555 0009'), 9);
    await stable();
    expect(banner()).toContain('Phone is now “+1 555 0009”');
  });

  it('names who made the change when an account did', async () => {
    events.next({ type: 'contact.updated', contact: ada('2026-11-26T10:00:09.000Z', '+1 555 0009'), seq: 9, edited_by: { id: 2, name: 'Grace Hopper' }, address_book: 1 });
    await stable();
    expect(banner()).toContain('Grace Hopper changed Phone: Phone is now “+1 555 0009”.');
  });
});

describe('ContactEditDialogComponent, moving to another book', () => {
  it('offers the books I can write to and sends address_book when another one is chosen', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { accounts: signal(true), user: () => GRACE } },
        { provide: ContactEventsService, useValue: { bookEvents$: new Subject(), events$: new Subject(), resync$: new Subject() } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(AddressBooksStore).start();
    http.expectOne('/api/address-books/').flush([testBook(3, 'Contacts', 'owner', 1, GRACE), testBook(7, 'Family', 'editor', 0, ADA), testBook(8, 'Work', 'viewer', 0, ADA)]);
    const fixture = TestBed.createComponent(ContactEditDialogComponent);
    fixture.componentRef.setInput('contactId', 1);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    http.expectOne('/api/contacts/1/').flush({ ...ada('2026-11-26T10:00:05.000Z', '+1 555 0005'), address_book: 3 }, { headers: { ETag: '"v5"' } });
    await vi.waitFor(() => expect(root.querySelector('#edit-book')).not.toBeNull());
    const options = Array.from(root.querySelectorAll<HTMLOptionElement>('#edit-book option')).map((o) => [o.textContent?.trim(), o.selected]);
    expect(options).toEqual([
      ['Contacts', true],
      ['Family (shared)', false],
    ]);
    const select = root.querySelector<HTMLSelectElement>('#edit-book')!;
    select.value = '7';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const patch = http.expectOne((r) => r.method === 'PATCH' && r.url === '/api/contacts/1/');
    expect(patch.request.body).toEqual({ address_book: 7 });
    expect(patch.request.headers.get('If-Match')).toBe('"v5"');
    patch.flush({ ...ada('2026-11-26T10:00:09.000Z', '+1 555 0005'), address_book: 7 });
  });
});

describe('ContactEditDialogComponent, the details', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  let stable: () => Promise<void>;
  const phones = [
    { label: 'mobile', value: '+44 1' },
    { label: 'work', value: '+44 2' },
    { label: 'Lab', value: '+44 3' },
  ];
  const byId = <T extends HTMLElement>(id: string) => root.querySelector<T>(`#${id}`)!;
  const type = (id: string, value: string) => {
    const input = byId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const save = async () => {
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await stable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: ContactEventsService, useValue: { events$: new Subject(), resync$: new Subject(), state: () => 'live' } },
      ],
    });
    const fixture = TestBed.createComponent(ContactEditDialogComponent);
    fixture.componentRef.setInput('contactId', 1);
    fixture.detectChanges();
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/contacts/1/').flush({ ...ada('2026-11-26T10:00:05.000Z', '+1 555 0005'), other_phones: phones, birthday: '--12-10' }, { headers: { ETag: '"v5"' } });
    await vi.waitFor(() => expect(root.querySelector('#edit-other_phones-2-value')).not.toBeNull());
  });

  it('shows every field of the contact, the birthday without its year included', () => {
    expect(byId<HTMLInputElement>('edit-other_phones-2-value').value).toBe('+44 3');
    expect(byId<HTMLSelectElement>('edit-birthday').value).toBe('10');
    expect(byId<HTMLSelectElement>('edit-birthday-month').value).toBe('12');
    expect(byId<HTMLInputElement>('edit-birthday-year').value).toBe('');
  });

  it('sends only the changed list, and puts the server’s message on the row it names', async () => {
    type('edit-other_phones-2-value', '+44 9');
    await save();
    const patch = http.expectOne((r) => r.method === 'PATCH');
    expect(patch.request.body).toEqual({ other_phones: [phones[0], phones[1], { label: 'Lab', value: '+44 9' }] });
    patch.flush({ 'other_phones[2].value': ['Enter a valid phone number.'] }, { status: 400, statusText: 'Bad Request' });
    const input = byId('edit-other_phones-2-value');
    await vi.waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(byId(input.getAttribute('aria-describedby')!).textContent?.trim()).toBe('Enter a valid phone number.');
    expect(byId('edit-other_phones-1-value').getAttribute('aria-invalid')).toBeNull();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Please fix the highlighted fields.');
  });

  it('checks the rows before sending anything', async () => {
    type('edit-other_phones-0-value', 'call me');
    await save();
    http.expectNone((r) => r.method === 'PATCH');
    expect(byId('edit-other_phones-0-value').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe('edit-other_phones-0-value');
  });
});
