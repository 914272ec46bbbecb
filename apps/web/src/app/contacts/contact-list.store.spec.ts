import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { WritableSignal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { AddressBook, Contact, ContactEvent } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { testBook } from '../testing/account-fixtures';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ContactListStore, EVENT_BATCH_MS } from './contact-list.store';
import { MAX_LOADED_ROWS } from './loaded-pages';
import { testContact } from '../testing/contact-fixtures';

const contact = testContact;
const page = (ids: number[], count: number) => ({ count, next: null, previous: null, results: ids.map(contact) });
const T0 = '2026-11-26T10:00:00.000Z';
const T1 = '2026-11-26T10:00:01.000Z';
const T2 = '2026-11-26T10:00:02.000Z';
/** Contact `id` as of `updated_at`, named after it so the test can see which version is shown. */
const at = (id: number, updated_at: string): Contact => ({ ...contact(id), first_name: `v${updated_at.slice(17, 19)}`, updated_at });
/** Contact `id` as of `updated_at`, with its usual name. */
const at2 = (id: number, updated_at: string): Contact => ({ ...contact(id), updated_at });
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

  it('shows an error state with the message when the list cannot load', () => {
    store.setQuery('');
    http.expectOne('/api/contacts/?cursor=&page_size=50').flush({ detail: 'Boom' }, { status: 500, statusText: 'Server Error' });
    expect(store.status()).toBe('error');
    expect(store.error()).toBe('Boom');
  });

  it('patches visible rows from events within a batch and keeps the count right', () => {
    store.setQuery('');
    http.expectOne('/api/contacts/?cursor=&page_size=50').flush(page([3, 2, 1], 3));
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
    http.expectOne('/api/contacts/?cursor=&page_size=50').flush(page([9, 2, 1], 3));
    http.verify();
  });
  describe('a flood of events (an import of many cards)', () => {
    const list = '/api/contacts/?cursor=&page_size=50';
    const created = (id: number): ContactEvent => ({ type: 'contact.created', contact: contact(id), seq: id, edited_by: null, address_book: 1 });

    it('writes the rows once per batch and refetches once after it, not per event', () => {
      store.setQuery('');
      http.expectOne(list).flush(page([1], 1));
      const writes = vi.spyOn((store as unknown as { pages: WritableSignal<unknown> }).pages, 'set');
      for (let id = 2; id <= 501; id++) events.next(created(id));
      expect(writes).not.toHaveBeenCalled();
      settle();
      expect(writes).toHaveBeenCalledTimes(1);
      // The window keeps the newest rows only; the refresh then walks on from where they end.
      expect(store.contacts().map((c) => c.id)).toEqual(Array.from({ length: MAX_LOADED_ROWS }, (_, i) => 501 - i));
      expect(store.count()).toBe(501);
      // Five hundred highlighted rows would only flicker.
      expect(store.highlighted().size).toBe(0);
      vi.advanceTimersByTime(350);
      expect(http.match(list)).toHaveLength(1);
    });

    it('still refetches now and then while the events never pause', () => {
      store.setQuery('');
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
      store.setQuery('');
      http.expectOne(list).flush(page([1], 1));
      events.next(created(2));
      settle();
      expect([...store.highlighted()]).toEqual([2]);
    });
  });

  describe('never lets an older version win', () => {
    const firstNames = () => store.contacts().map((c) => `${c.id}:${c.first_name}`);
    const list = '/api/contacts/?cursor=&page_size=50';

    beforeEach(() => {
      store.setQuery('');
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
      store.scheduleRefresh();
      vi.advanceTimersByTime(350);
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
      store.scheduleRefresh();
      vi.advanceTimersByTime(350);
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
  describe('scrolling through the cursor pages', () => {
    const first = '/api/contacts/?cursor=&page_size=50';
    const link = (token: string) => `http://localhost/api/contacts/?cursor=${token}&page_size=50`;
    const at = (token: string) => `/api/contacts/?cursor=${token}&page_size=50`;
    /** Ids `from` down to `to` (the list is newest first; equal times order by id). */
    const ids = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);
    const cursorPage = (rowIds: number[], count: number, next: string | null, previous: string | null = null) => ({
      count,
      next: next && link(next),
      previous: previous && link(previous),
      results: rowIds.map(contact),
    });
    const shown = () => store.contacts().map((c) => c.id);

    it('loads the next page when asked, and stops at the last', () => {
      store.setQuery('');
      http.expectOne(first).flush(cursorPage(ids(120, 71), 120, 'p2'));
      expect(store.hasMore()).toBe(true);
      store.loadMore();
      // Asked twice while it loads: one request.
      store.loadMore();
      expect(store.loadingMore()).toBe(true);
      http.expectOne(at('p2')).flush(cursorPage(ids(70, 21), 120, 'p3', 'b2'));
      store.loadMore();
      http.expectOne(at('p3')).flush(cursorPage(ids(20, 1), 120, null, 'b3'));
      expect(shown()).toEqual(ids(120, 1));
      expect(store.count()).toBe(120);
      expect(store.hasMore()).toBe(false);
      store.loadMore();
      http.verify();
    });

    it('a page that fails shows its error with Retry; the loaded rows stay', () => {
      store.setQuery('');
      http.expectOne(first).flush(cursorPage(ids(100, 51), 100, 'p2'));
      store.loadMore();
      http.expectOne(at('p2')).flush({ detail: 'Boom' }, { status: 503, statusText: 'Unavailable' });
      expect(store.moreError()).toBe('Boom');
      expect(store.status()).toBe('ready');
      expect(shown()).toEqual(ids(100, 51));
      // The sentinel stays in view: it does not hammer the server, Retry does ask again.
      store.loadMore();
      http.expectNone(at('p2'));
      store.retryMore();
      expect(store.moreError()).toBe('');
      http.expectOne(at('p2')).flush(cursorPage(ids(50, 1), 100, null, 'b2'));
      expect(shown()).toEqual(ids(100, 1));
    });

    it('a refresh after an event re-reads the first page only and keeps the rows loaded below it', () => {
      store.setQuery('');
      http.expectOne(first).flush(cursorPage(ids(150, 101), 150, 'p2'));
      store.loadMore();
      http.expectOne(at('p2')).flush(cursorPage(ids(100, 51), 150, 'p3', 'b2'));
      // Someone creates 151 and edits 60 (an edit moves it to the top); 149 is deleted.
      const edited = { ...contact(60), first_name: 'Edited', updated_at: T2 };
      events.next({ type: 'contact.created', contact: at2(151, T1), seq: 1, edited_by: null, address_book: 1 });
      events.next({ type: 'contact.updated', contact: edited, seq: 2, edited_by: null, address_book: 1 });
      events.next({ type: 'contact.deleted', contact_id: 149, seq: 3, edited_by: null, address_book: 1 });
      settle();
      expect(shown().slice(0, 3)).toEqual([151, 150, 148]);
      expect(store.count()).toBe(150);
      vi.advanceTimersByTime(350);
      // The server's first page now: 60, 151, then 150…104 (149 gone): it ends one row later than before.
      const fresh = [edited, at2(151, T1), ...ids(150, 104).filter((id) => id !== 149).map(contact)];
      http.expectOne(first).flush({ count: 150, next: link('q2'), previous: null, results: fresh });
      expect(shown()).toEqual([60, 151, ...ids(150, 51).filter((id) => id !== 149 && id !== 60)]);
      expect(store.contacts()[0].first_name).toBe('Edited');
      // No second request: the rows below the first page are not walked again.
      http.verify();
      // The walk goes on from where the loaded rows end.
      store.loadMore();
      http.expectOne(at('p3')).flush(cursorPage(ids(50, 1), 150, null, 'b3'));
      expect(shown()).toEqual([60, 151, ...ids(150, 1).filter((id) => id !== 149 && id !== 60)]);
    });

    it('drops pages far above, keeps their height as rows above, and brings them back through previous', () => {
      store.setQuery('');
      http.expectOne(first).flush(cursorPage(ids(300, 251), 300, 'p2'));
      for (const [token, from, next] of [['p2', 250, 'p3'], ['p3', 200, 'p4'], ['p4', 150, 'p5'], ['p5', 100, 'p6']] as const) {
        store.loadMore();
        http.expectOne(at(token)).flush(cursorPage(ids(from, from - 49), 300, next, `b${token}`));
      }
      expect(store.contacts()).toHaveLength(MAX_LOADED_ROWS);
      expect(store.rowsAbove()).toBe(50);
      expect(shown()[0]).toBe(250);
      expect(store.hasEarlier()).toBe(true);
      // A refresh now re-reads the window's first page, from where the dropped page ended.
      store.scheduleRefresh();
      vi.advanceTimersByTime(350);
      http.expectOne(at('p2')).flush(cursorPage(ids(250, 201), 300, 'p3', 'bp2'));
      expect(store.contacts()).toHaveLength(MAX_LOADED_ROWS);
      store.loadEarlier();
      http.expectOne(at('bp2')).flush(cursorPage(ids(300, 251), 300, 'p2', null));
      expect(store.rowsAbove()).toBe(0);
      expect(store.hasEarlier()).toBe(false);
      expect(shown()[0]).toBe(300);
      // Still bounded: the far end went instead.
      expect(store.contacts()).toHaveLength(MAX_LOADED_ROWS);
      expect(shown().at(-1)).toBe(101);
      store.loadMore();
      http.expectOne(at('p5')).flush(cursorPage(ids(100, 51), 300, 'p6', 'bp5'));
    });

    it('a cursor the server no longer accepts starts the list over', () => {
      store.setQuery('');
      http.expectOne(first).flush(cursorPage(ids(100, 51), 100, 'p2'));
      store.loadMore();
      http.expectOne(at('p2')).flush({ detail: 'Invalid cursor' }, { status: 404, statusText: 'Not Found' });
      expect(store.status()).toBe('loading');
      http.expectOne(first).flush(cursorPage(ids(100, 51), 100, 'p2'));
      expect(store.status()).toBe('ready');
      expect(store.moreError()).toBe('');
    });

    it('a new search cancels the page still loading for the old one', () => {
      store.setQuery('');
      http.expectOne(first).flush(cursorPage(ids(100, 51), 100, 'p2'));
      store.loadMore();
      const stale = http.expectOne(at('p2'));
      store.setQuery('ada');
      expect(stale.cancelled).toBe(true);
      http.expectOne('/api/contacts/?search=ada&cursor=&page_size=50').flush(cursorPage([7], 1, null));
      expect(shown()).toEqual([7]);
      expect(store.loadingMore()).toBe(false);
    });
  });
  describe('one address book', () => {
    const inBook = (id: number, book: number): Contact => ({ ...contact(id), address_book: book });
    const bookList = '/api/contacts/?cursor=&page_size=50&address_book=7';

    it('asks the server for that book only, and leaves out events of other books', () => {
      store.setQuery('', 7);
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
      store.setQuery('');
      http.expectOne('/api/contacts/?cursor=&page_size=50').flush(rows(inBook(3, 7), inBook(2, 3), inBook(1, 7)));
      gone.next(testBook(7, 'Family', 'editor'));
      expect(store.contacts().map((c) => c.id)).toEqual([2]);
      expect(store.count()).toBe(1);
    });

    it('the selected book taken away (or unknown): the view asks to go back to all books', () => {
      const unavailable: number[] = [];
      store.bookUnavailable$.subscribe((id) => unavailable.push(id));
      store.setQuery('', 7);
      http.expectOne(bookList).flush(rows(inBook(1, 7)));
      gone.next(testBook(7, 'Family'));
      expect(unavailable).toEqual([7]);
      store.setQuery('', 99);
      http.expectOne('/api/contacts/?cursor=&page_size=50&address_book=99').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
      expect(unavailable).toEqual([7, 99]);
      expect(store.status()).not.toBe('error');
    });
  });
});
