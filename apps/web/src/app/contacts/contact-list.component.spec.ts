import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import type { AddressBookEvent } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { testContact } from '../testing/contact-fixtures';
import { ContactListComponent } from './contact-list.component';

describe('ContactListComponent with shared books', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  let bookEvents: Subject<AddressBookEvent>;

  beforeEach(async () => {
    bookEvents = new Subject();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { accounts: signal(true), user: () => GRACE } },
        { provide: ContactEventsService, useValue: { bookEvents$: bookEvents, events$: new Subject(), resync$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AddressBooksStore).start();
    http.expectOne('/api/address-books/').flush([testBook(3, 'Contacts', 'owner', 1, GRACE), testBook(8, 'Work', 'viewer', 1, ADA)]);
    const fixture = TestBed.createComponent(ContactListComponent);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/contacts/?page_size=20').flush({
      count: 2,
      next: null,
      previous: null,
      results: [
        { ...testContact(1), first_name: 'Mine', address_book: 3 },
        { ...testContact(2), first_name: 'Theirs', address_book: 8 },
      ],
    });
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=contact-row]')).toHaveLength(2));
  });

  const row = (id: number) => root.querySelector(`[data-testid=contact-row][data-contact-id="${id}"]`)!;
  const buttons = (id: number) => Array.from(row(id).querySelectorAll('button, a')).map((b) => b.textContent?.trim());

  it('a viewer’s contacts have History but no Edit or Delete; my own have all three', () => {
    // The name opens the contact's page, which everyone who can read the book may see.
    expect(buttons(1)).toEqual(['Mine 1', 'c1@example.com', 'Edit', 'History', 'Delete']);
    expect(buttons(2)).toEqual(['Theirs 2', 'c2@example.com', 'History']);
    expect(row(2).querySelector('[data-testid=read-only]')?.textContent?.trim()).toBe('View only');
  });

  it('names each row’s book when the list mixes books', () => {
    expect(row(1).querySelector('[data-testid=contact-book]')?.textContent).toContain('Contacts');
    expect(row(2).querySelector('[data-testid=contact-book]')?.textContent).toContain('Work');
  });

  it('a book unshared live takes its contacts off the list without a reload', async () => {
    bookEvents.next({ type: 'address_book.unshared', address_book_id: 8 });
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=contact-row]')).toHaveLength(1));
    expect(row(1)).not.toBeNull();
  });
});
