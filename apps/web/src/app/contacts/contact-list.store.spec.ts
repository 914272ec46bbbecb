import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent } from '@contacts/wire-types';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ContactListStore } from './contact-list.store';
import { testContact } from '../testing/contact-fixtures';

const contact = testContact;
const page = (ids: number[], count: number) => ({ count, next: null, previous: null, results: ids.map(contact) });

describe('ContactListStore', () => {
  let store: ContactListStore;
  let http: HttpTestingController;
  let events: Subject<ContactEvent>;

  beforeEach(() => {
    events = new Subject<ContactEvent>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        ContactListStore,
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject<void>() } },
      ],
    });
    store = TestBed.inject(ContactListStore);
    http = TestBed.inject(HttpTestingController);
  });

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

  it('patches visible rows from events at once and keeps the count right', async () => {
    store.setQuery('', 1);
    http.expectOne('/api/contacts/?page_size=20').flush(page([3, 2, 1], 3));
    events.next({ type: 'contact.updated', contact: { ...contact(2), first_name: 'Changed' }, seq: 1 });
    expect(store.contacts()[1].first_name).toBe('Changed');
    events.next({ type: 'contact.deleted', contact_id: 3, seq: 2 });
    expect(store.contacts().map((c) => c.id)).toEqual([2, 1]);
    expect(store.count()).toBe(2);
    events.next({ type: 'contact.created', contact: contact(9), seq: 3 });
    expect(store.contacts().map((c) => c.id)).toEqual([9, 2, 1]);
    expect(store.count()).toBe(3);
    // Then one debounced refetch of the current page settles order and filter.
    await new Promise((r) => setTimeout(r, 350));
    http.expectOne('/api/contacts/?page_size=20').flush(page([9, 2, 1], 3));
    http.verify();
  });
});
