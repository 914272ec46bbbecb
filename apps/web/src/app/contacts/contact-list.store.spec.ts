import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { AddressBook, Contact, ContactEvent } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { testBook } from '../testing/account-fixtures';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ContactListStore, EVENT_BATCH_MS } from './contact-list.store';
import { testContact } from '../testing/contact-fixtures';

const contact = testContact;
const page = (ids: number[], count: number) => ({ count, next: null, previous: null, results: ids.map(contact) });
const T0 = '2026-11-26T10:00:00.000Z';
const T1 = '2026-11-26T10:00:01.000Z';
const T2 = '2026-11-26T10:00:02.000Z';
/** Contact `id` as of `updated_at`, named after it so the test can see which version is shown. */
const at = (id: number, updated_at: string): Contact => ({ ...contact(id), first_name: `v${updated_at.slice(17, 19)}`, updated_at });
const rows = (...results: Contact[]) => ({ count: results.length, next: null, previous: null, results });
/** Events reach the rows in batches. */
const settle = () => vi.advanceTimersByTime(EVENT_BATCH_MS);

describe('ContactListStore', () => {
  let store: ContactListStore;
  let http: HttpTestingController;
  let events: Subject<ContactEvent>;
  let gone: Subject<AddressBook>;

  beforeEach(() => {
    vi.useFakeTimers();
    events = new Subject<ContactEvent>();
    gone = new Subject<AddressBook>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ContactListStore,
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject<void>() } },
        { provide: AddressBooksStore, useValue: { gone$: gone } },
      ],
    });
    store = TestBed.inject(ContactListStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => vi.useRealTimers());

  it('moves to the last page when the requested page is past the end', () => {
    const corrected: number[] = [];
    store.pageCorrected$.subscribe((p) => corrected.push(p));
    store.setQuery('ada', 5);
    http.expectOne('/api/contacts/?search=ada&page=5&page_size=20').flush({ detail: 'Invalid page.' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/contacts/?search=ada&page_size=20').flush(page([1], 45));
    http.expectOne('/api/contacts/?search=ada&page=3&page_size=20').flush(page([41, 42, 43, 44, 45], 45));
    expect(store.page()).toBe(3);
    expect(corrected).toEqual([3]);
    expect(store.contacts().map((c) => c.id)).toEqual([41, 42, 43, 44, 45]);
    expect(store.status()).toBe('ready');
  });

  it('shows an error state with the message when the list cannot load', () => {
    store.setQuery('', 1);
    http.expectOne('/api/contacts/?page_size=20').flush({ detail: 'Boom' }, { status: 500, statusText: 'Server Error' });
    expect(store.status()).toBe('error');
    expect(store.error()).toBe('Boom');
  });

  it('patches visible rows from events within a batch and keeps the count right', () => {
    store.setQuery('', 1);
    http.expectOne('/api/contacts/?page_size=20').flush(page([3, 2, 1], 3));
    events.next({ type: 'contact.updated', contact: { ...contact(2), first_name: 'Changed' }, seq: 1, edited_by: null, address_book: 1 });
    settle();
    expect(store.contacts()[1].first_name).toBe('Changed');
    events.next({ type: 'contact.deleted', contact_id: 3, seq: 2, edited_by: null, address_book: 1 });
    settle();
    expect(store.contacts().map((c) => c.id)).toEqual([2, 1]);
    expect(store.count()).toBe(2);
    events.next({ type: 'contact.created', contact: contact(9), seq: 3, edited_by: null, address_book: 1 });
    settle();
    expect(store.contacts().map((c) => c.id)).toEqual([9, 2, 1]);
    expect(store.count()).toBe(3);
    // Then one debounced refetch of the current page settles order and filter.
    vi.advanceTimersByTime(350);
    http.expectOne('/api/contacts/?page_size=20').flush(page([9, 2, 1], 3));
    http.verify();
  });
  describe('a flood of events (an import of many cards)', () => {
    const list = '/api/contacts/?page_size=20';
    const created = (id: number): ContactEvent => ({ type: 'contact.created', contact: contact(id), seq: id, edited_by: null, address_book: 1 });

    it('writes the rows once per batch and refetches once after it, not per event', () => {
      store.setQuery('', 1);
      http.expectOne(list).flush(page([1], 1));
      const writes = vi.spyOn(store.contacts, 'set');
      for (let id = 2; id <= 501; id++) events.next(created(id));
      expect(writes).not.toHaveBeenCalled();
      settle();
      expect(writes).toHaveBeenCalledTimes(1);
      expect(store.contacts().map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => 501 - i));
      expect(store.count()).toBe(501);
      // Five hundred highlighted rows would only flicker.
      expect(store.highlighted().size).toBe(0);
      vi.advanceTimersByTime(350);
      expect(http.match(list)).toHaveLength(1);
    });

    it('still refetches now and then while the events never pause', () => {
      store.setQuery('', 1);
      http.expectOne(list).flush(page([1], 1));
      let requests = 0;
      for (let t = 0, id = 2; t < 6500; t += 100, id++) {
        events.next(created(id));
        vi.advanceTimersByTime(100);
        for (const req of http.match(list)) {
          requests++;
          req.flush(page([id], id));
        }
      }
      // Not one per event (65), not none until the stream ends: about one per max wait.
      expect(requests).toBe(2);
    });

    it('highlights a single change made elsewhere', () => {
      store.setQuery('', 1);
      http.expectOne(list).flush(page([1], 1));
      events.next(created(2));
      settle();
      expect([...store.highlighted()]).toEqual([2]);
    });
  });

  describe('never lets an older version win', () => {
    const firstNames = () => store.contacts().map((c) => `${c.id}:${c.first_name}`);
    const list = '/api/contacts/?page_size=20';

    beforeEach(() => {
      store.setQuery('', 1);
    });

    it('keeps a row from a fresh GET over a late event with an older updated_at', () => {
      http.expectOne(list).flush(rows(at(2, T2), at(1, T0)));
      events.next({ type: 'contact.updated', contact: at(2, T1), seq: 40, edited_by: null, address_book: 1 });
      settle();
      expect(firstNames()).toEqual(['2:v02', '1:v00']);
      events.next({ type: 'contact.updated', contact: at(1, T1), seq: 41, edited_by: null, address_book: 1 });
      settle();
      expect(firstNames()).toEqual(['2:v02', '1:v01']);
    });

    it('ignores an event with an older seq than one already applied for that contact', () => {
      http.expectOne(list).flush(rows(at(1, T0)));
      events.next({ type: 'contact.updated', contact: at(1, T2), seq: 12, edited_by: null, address_book: 1 });
      events.next({ type: 'contact.updated', contact: at(1, T1), seq: 11, edited_by: null, address_book: 1 });
      settle();
      expect(firstNames()).toEqual(['1:v02']);
    });

    it('keeps an applied event over a GET answer that left the server before it', () => {
      http.expectOne(list).flush(rows(at(1, T0)));
      store.reload(true);
      const inFlight = http.expectOne(list);
      events.next({ type: 'contact.updated', contact: at(1, T2), seq: 12, edited_by: null, address_book: 1 });
      settle();
      inFlight.flush(rows(at(1, T1)));
      expect(firstNames()).toEqual(['1:v02']);
    });

    it('keeps our PATCH answer over an older event that arrives after it', () => {
      http.expectOne(list).flush(rows(at(1, T0)));
      store.applySaved(at(1, T2));
      expect(firstNames()).toEqual(['1:v02']);
      events.next({ type: 'contact.updated', contact: at(1, T1), seq: 11, edited_by: null, address_book: 1 });
      settle();
      expect(firstNames()).toEqual(['1:v02']);
    });

    it('does not bring a deleted contact back for an older event or answer, but a restore comes back', () => {
      http.expectOne(list).flush(rows(at(2, T0), at(1, T0)));
      events.next({ type: 'contact.deleted', contact_id: 2, seq: 20, edited_by: null, address_book: 1 });
      settle();
      // A late create event (the feed and live socket can deliver out of order) and a stale GET answer.
      events.next({ type: 'contact.created', contact: at(2, T0), seq: 19, edited_by: null, address_book: 1 });
      settle();
      expect(firstNames()).toEqual(['1:v00']);
      store.reload(true);
      http.expectOne(list).flush(rows(at(2, T0), at(1, T0)));
      expect(firstNames()).toEqual(['1:v00']);
      expect(store.count()).toBe(1);
      // Restore is announced as contact.created with a newer seq and updated_at.
      events.next({ type: 'contact.created', contact: at(2, T2), seq: 21, edited_by: null, address_book: 1 });
      settle();
      expect(firstNames()).toEqual(['2:v02', '1:v00']);
    });

    it('does not bring back a contact this tab deleted when an older create event arrives late', () => {
      http.expectOne(list).flush(rows(at(2, T1), at(1, T0)));
      store.removeLocally(2);
      events.next({ type: 'contact.created', contact: at(2, T1), seq: 7, edited_by: null, address_book: 1 });
      settle();
      expect(firstNames()).toEqual(['1:v00']);
      events.next({ type: 'contact.deleted', contact_id: 2, seq: 9, edited_by: null, address_book: 1 });
      events.next({ type: 'contact.created', contact: at(2, T2), seq: 10, edited_by: null, address_book: 1 });
      settle();
      expect(firstNames()).toEqual(['2:v02', '1:v00']);
    });
  });
  describe('one address book', () => {
    const inBook = (id: number, book: number): Contact => ({ ...contact(id), address_book: book });
    const bookList = '/api/contacts/?page_size=20&address_book=7';

    it('asks the server for that book only, and leaves out events of other books', () => {
      store.setQuery('', 1, 7);
      http.expectOne(bookList).flush(rows(inBook(1, 7)));
      events.next({ type: 'contact.created', contact: inBook(2, 3), seq: 1, edited_by: null, address_book: 3 });
      events.next({ type: 'contact.created', contact: inBook(3, 7), seq: 2, edited_by: null, address_book: 7 });
      settle();
      expect(store.contacts().map((c) => c.id)).toEqual([3, 1]);
      // Moved to another book: it leaves this view.
      events.next({ type: 'contact.updated', contact: inBook(1, 3), seq: 3, edited_by: null, address_book: 3 });
      settle();
      expect(store.contacts().map((c) => c.id)).toEqual([3]);
    });

    it('drops the contacts of a book taken away at once, without a reload', () => {
      store.setQuery('', 1);
      http.expectOne('/api/contacts/?page_size=20').flush(rows(inBook(3, 7), inBook(2, 3), inBook(1, 7)));
      gone.next(testBook(7, 'Family', 'editor'));
      expect(store.contacts().map((c) => c.id)).toEqual([2]);
      expect(store.count()).toBe(1);
    });

    it('the selected book taken away (or unknown): the view asks to go back to all books', () => {
      const unavailable: number[] = [];
      store.bookUnavailable$.subscribe((id) => unavailable.push(id));
      store.setQuery('', 1, 7);
      http.expectOne(bookList).flush(rows(inBook(1, 7)));
      gone.next(testBook(7, 'Family'));
      expect(unavailable).toEqual([7]);
      store.setQuery('', 1, 99);
      http.expectOne('/api/contacts/?page_size=20&address_book=99').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
      expect(unavailable).toEqual([7, 99]);
      expect(store.status()).not.toBe('error');
    });
  });
});
