import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { AddressBook, AddressBookEvent, ContactEvent } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ToastService } from '../shared/toast.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { testContact } from '../testing/contact-fixtures';
import { AddressBooksStore } from './address-books.store';

describe('AddressBooksStore', () => {
  let http: HttpTestingController;
  let store: AddressBooksStore;
  let bookEvents: Subject<AddressBookEvent>;
  let contactEvents: Subject<ContactEvent>;
  let toasts: string[];
  const accounts = signal(true);

  const mine = testBook(3, 'Contacts', 'owner', 2, GRACE);
  const family = testBook(7, 'Family', 'editor', 5, ADA);

  beforeEach(() => {
    accounts.set(true);
    bookEvents = new Subject();
    contactEvents = new Subject();
    toasts = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { accounts, user: () => GRACE } },
        { provide: ContactEventsService, useValue: { bookEvents$: bookEvents, events$: contactEvents, resync$: new Subject<void>() } },
        { provide: ToastService, useValue: { show: (m: string) => toasts.push(m), success: (m: string) => toasts.push(m), error: (m: string) => toasts.push(m) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AddressBooksStore);
  });
  afterEach(() => http.verify());

  async function started(books: AddressBook[]): Promise<void> {
    store.start();
    http.expectOne('/api/address-books/').flush(books);
    await vi.waitFor(() => expect(store.status()).toBe('ready'));
  }

  it('lists my books first, then the shared ones, with the total count and roles', async () => {
    await started([family, mine]);
    expect(store.books().map((b) => b.name)).toEqual(['Contacts', 'Family']);
    expect(store.total()).toBe(7);
    expect(store.canWrite(7)).toBe(true);
    expect(store.isOwner(7)).toBe(false);
    expect(store.defaultBookFor(null)).toBe(3);
    expect(store.defaultBookFor(7)).toBe(7);
  });

  it('a viewer cannot write, and new contacts then default to my own book', async () => {
    await started([mine, { ...family, role: 'viewer' }]);
    expect(store.canWrite(7)).toBe(false);
    expect(store.writable().map((b) => b.id)).toEqual([3]);
    expect(store.defaultBookFor(7)).toBe(3);
    // A book this user cannot see at all is not writable either.
    expect(store.canWrite(99)).toBe(false);
  });

  it('address_book.shared adds the book and says who shared it; a new role is announced', async () => {
    await started([mine]);
    bookEvents.next({ type: 'address_book.shared', address_book: family });
    expect(store.books().map((b) => b.id)).toEqual([3, 7]);
    expect(toasts).toEqual(['Ada Lovelace shared “Family” with you']);
    bookEvents.next({ type: 'address_book.shared', address_book: { ...family, role: 'viewer' } });
    expect(store.canWrite(7)).toBe(false);
    expect(toasts.at(-1)).toBe('You can now only view “Family”');
  });

  it('address_book.unshared removes the book, tells the views (gone$) and the user', async () => {
    await started([mine, family]);
    const gone: number[] = [];
    store.gone$.subscribe((b) => gone.push(b.id));
    bookEvents.next({ type: 'address_book.unshared', address_book_id: 7 });
    expect(store.books().map((b) => b.id)).toEqual([3]);
    expect(gone).toEqual([7]);
    expect(toasts).toEqual(['You no longer have access to “Family”']);
    // Unknown ids change nothing.
    bookEvents.next({ type: 'address_book.unshared', address_book_id: 42 });
    expect(gone).toEqual([7]);
  });

  it('no toast for the echo of my own delete or leave', async () => {
    await started([mine, testBook(4, 'Old', 'owner', 0, GRACE), family]);
    const deleting = store.delete(4);
    const del = http.expectOne('/api/address-books/4/');
    expect(del.request.method).toBe('DELETE');
    // The event may come before the HTTP answer.
    bookEvents.next({ type: 'address_book.unshared', address_book_id: 4 });
    del.flush(null, { status: 204, statusText: 'No Content' });
    await deleting;
    const leaving = store.leave(7);
    const leave = http.expectOne('/api/address-books/7/members/2/');
    expect(leave.request.method).toBe('DELETE');
    leave.flush(null, { status: 204, statusText: 'No Content' });
    await leaving;
    bookEvents.next({ type: 'address_book.unshared', address_book_id: 7 });
    expect(store.books().map((b) => b.id)).toEqual([3]);
    expect(toasts).toEqual([]);
  });

  it('a refused delete (409, the last book) keeps the book and throws for the caller to show', async () => {
    await started([mine]);
    const deleting = store.delete(3).catch((e: { status: number }) => e.status);
    http.expectOne('/api/address-books/3/').flush({ detail: 'You cannot delete your last address book.' }, { status: 409, statusText: 'Conflict' });
    expect(await deleting).toBe(409);
    expect(store.books().map((b) => b.id)).toEqual([3]);
  });

  it('counts follow contact events: one list request per burst', async () => {
    vi.useFakeTimers();
    try {
      store.start();
      http.expectOne('/api/address-books/').flush([mine]);
      await vi.advanceTimersByTimeAsync(0);
      for (let seq = 1; seq <= 5; seq++) contactEvents.next({ type: 'contact.created', contact: testContact(seq), seq, edited_by: null, address_book: 3 });
      await vi.advanceTimersByTimeAsync(100);
      http.expectNone('/api/address-books/');
      await vi.advanceTimersByTimeAsync(400);
      http.expectOne('/api/address-books/').flush([{ ...mine, contact_count: 7 }]);
      await vi.advanceTimersByTimeAsync(0);
      expect(store.total()).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing with AUTH=none (one book, every write allowed)', () => {
    accounts.set(false);
    store.start();
    http.expectNone('/api/address-books/');
    expect(store.canWrite(1)).toBe(true);
    expect(store.defaultBookFor(null)).toBeNull();
  });
});
