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
