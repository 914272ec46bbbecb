import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent, DuplicateDismissal, DuplicateGroup } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ToastService } from '../shared/toast.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { testContact } from '../testing/contact-fixtures';
import { DuplicatesComponent } from './duplicates.component';

const ada = (id: number, fields: Partial<Contact> = {}): Contact => ({
  ...testContact(id),
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: `ada${id}@example.com`,
  phone: '+44 20 7946 0000',
  ...fields,
});

const pair: DuplicateGroup = { contacts: [ada(1, { organization: 'Analytical Engines' }), ada(2)], reasons: ['same phone', 'same name'] };
const grace = (id: number, fields: Partial<Contact> = {}): Contact => ({
  ...testContact(id),
  first_name: 'Grace',
  last_name: 'Hopper',
  ...fields,
});
const gracePair: DuplicateGroup = { contacts: [grace(3), grace(4)], reasons: ['same name'] };

const DUPLICATES = '/api/contacts/duplicates/';
const DISMISSALS = '/api/contacts/duplicates/dismissals/';

const dismissal = (id: number, contacts: number[], fields: Partial<DuplicateDismissal> = {}): DuplicateDismissal => ({
  id,
  address_book: 1,
  contacts,
  dismissed_at: '2026-11-26T10:00:00.000Z',
  dismissed_by: null,
  ...fields,
});

describe('DuplicatesComponent', () => {
  let fixture: ComponentFixture<DuplicatesComponent>;
  let root: HTMLElement;
  let http: HttpTestingController;
  let events: Subject<ContactEvent>;

  beforeEach(() => {
    events = new Subject();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        // AUTH=none: one book, everything allowed.
        { provide: SessionStore, useValue: { accounts: signal(false), user: () => null } },
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject(), bookEvents$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DuplicatesComponent);
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const groups = () => root.querySelectorAll('[data-testid=duplicate-group]');
  const rendered = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  /** The two reads the view starts with (or makes after a change): the groups, then what was dismissed. */
  const answer = async (found: DuplicateGroup[], dismissed: DuplicateDismissal[] = []) => {
    http.expectOne(DUPLICATES).flush(found);
    http.expectOne(DISMISSALS).flush(dismissed);
    await rendered();
  };
  const groupIds = () => Array.from(groups()).map((g) => g.getAttribute('data-ids'));
  const button = (selector: string) => root.querySelector(selector) as HTMLButtonElement;
  const toasts = () => TestBed.inject(ToastService).toasts();

  it('shows a loading state, then each group with its contacts and its reasons as chips', async () => {
    expect(root.querySelector('[aria-busy=true]')).not.toBeNull();
    await answer([pair]);
    expect(root.querySelector('[aria-busy=true]')).toBeNull();
    expect(groups()).toHaveLength(1);
    expect(Array.from(root.querySelectorAll('[data-testid=duplicate-reason]')).map((c) => c.textContent?.trim())).toEqual([
      'Same phone',
      'Same name',
    ]);
    const contacts = Array.from(root.querySelectorAll('[data-testid=duplicate-contact]')).map((c) =>
      Array.from(c.children).map((part) => part.textContent?.trim()),
    );
    expect(contacts).toEqual([
      ['Ada Lovelace', 'ada1@example.com · +44 20 7946 0000 · Analytical Engines'],
      ['Ada Lovelace', 'ada2@example.com · +44 20 7946 0000'],
    ]);
    const compare = root.querySelector('[data-testid=compare-link]');
    expect(compare?.getAttribute('href')).toBe('/duplicates/compare?ids=1,2');
  });

  it('says when there are no duplicates, and what is looked at', async () => {
    await answer([]);
    expect(text('[data-testid=duplicates-empty]')).toContain('No duplicates found');
    expect(text('[data-testid=duplicates-empty]')).toContain('compared by email, phone and name');
    expect(groups()).toHaveLength(0);
  });

  it('shows the error with Retry, which asks again', async () => {
    http.expectOne(DUPLICATES).flush({ detail: 'The database is busy.' }, { status: 503, statusText: 'Unavailable' });
    http.expectOne(DISMISSALS).flush([dismissal(9, [3, 4])]);
    await rendered();
    expect(text('[data-testid=duplicates-error]')).toContain('The database is busy.');
    // The Dismissed section waits beneath a list that loaded.
    expect(root.querySelector('[data-testid=dismissed]')).toBeNull();
    (root.querySelector('[data-testid=duplicates-error] button') as HTMLButtonElement).click();
    http.expectOne('/api/contacts/duplicates/').flush([pair]);
    await rendered();
    expect(groups()).toHaveLength(1);
    expect(root.querySelector('[data-testid=duplicates-error]')).toBeNull();
    expect(text('[data-testid=dismissed-toggle]')).toBe('▸ Dismissed (1)');
  });

  it('reads the groups again after a burst of contact events (a merge elsewhere), once', async () => {
    await answer([pair]);
    // A merge elsewhere: the other is deleted, then the survivor updated.
    events.next({ type: 'contact.deleted', contact_id: 2, seq: 7, edited_by: null, address_book: 1 });
    events.next({ type: 'contact.updated', contact: ada(1), seq: 8, edited_by: null, address_book: 1 });
    await vi.waitFor(() => http.expectOne(DUPLICATES).flush([]));
    http.expectOne(DISMISSALS).flush([]);
    await rendered();
    expect(groups()).toHaveLength(0);
    expect(text('[data-testid=duplicates-empty]')).toContain('No duplicates found');
  });

  it('"Not the same person" sends the group’s contacts and takes the group out of the list before the answer', async () => {
    await answer([pair, gracePair]);
    expect(root.querySelector('[data-testid=dismissed]')).toBeNull();
    button('[data-ids="1,2"] [data-testid=dismiss-button]').click();
    const post = http.expectOne({ method: 'POST', url: DISMISSALS });
    expect(post.request.body).toEqual({ contacts: [1, 2] });
    await rendered();
    expect(groupIds()).toEqual(['3,4']);
    expect(text('[data-testid=duplicates-count]')).toBe('1 group of possible duplicates');

    post.flush(dismissal(7, [1, 2]), { status: 201, statusText: 'Created' });
    await rendered();
    expect(groupIds()).toEqual(['3,4']);
    expect(toasts().map((t) => [t.kind, t.message, t.action?.label])).toEqual([['success', 'Marked as not the same person', 'Undo']]);
    expect(text('[data-testid=dismissed-toggle]')).toBe('▸ Dismissed (1)');
  });

  it('puts the group back where it was, with the reason, when the dismissal is refused', async () => {
    await answer([pair, gracePair]);
    button('[data-ids="1,2"] [data-testid=dismiss-button]').click();
    await rendered();
    expect(groupIds()).toEqual(['3,4']);
    http
      .expectOne({ method: 'POST', url: DISMISSALS })
      .flush({ detail: 'You do not have permission to perform this action.' }, { status: 403, statusText: 'Forbidden' });
    await rendered();
    expect(groupIds()).toEqual(['1,2', '3,4']);
    expect(toasts().map((t) => [t.kind, t.message])).toEqual([
      ['error', 'Could not mark them as not the same person: You do not have permission to perform this action.'],
    ]);
    expect(root.querySelector('[data-testid=dismissed]')).toBeNull();
  });

  it('Undo in the toast takes the dismissal back, then reads the list again', async () => {
    await answer([pair]);
    button('[data-testid=dismiss-button]').click();
    http.expectOne({ method: 'POST', url: DISMISSALS }).flush(dismissal(7, [1, 2]), { status: 201, statusText: 'Created' });
    await rendered();
    expect(text('[data-testid=duplicates-empty]')).toContain('No duplicates found');

    toasts()[0].action?.run();
    const undo = http.expectOne({ method: 'DELETE', url: `${DISMISSALS}7/` });
    // Nothing is read before the server has forgotten the dismissal.
    http.expectNone(DUPLICATES);
    undo.flush(null, { status: 204, statusText: 'No Content' });
    await answer([pair]);
    expect(groupIds()).toEqual(['1,2']);
    expect(root.querySelector('[data-testid=dismissed]')).toBeNull();
  });

  it('names a dismissed group from the groups already read, and "Suggest again" there reads the groups again', async () => {
    await answer([pair], [dismissal(9, [2, 5])]);
    button('[data-testid=dismissed-toggle]').click();
    // Contact 2 is in the list: only the other one is read.
    http.expectOne('/api/contacts/5/').flush(ada(5, { first_name: 'Alan', last_name: 'Turing' }));
    await rendered();
    expect(text('[data-testid=dismissed-names]')).toBe('Ada Lovelace and Alan Turing');

    button('[data-ids="2,5"] [data-testid=suggest-again]').click();
    http.expectOne({ method: 'DELETE', url: `${DISMISSALS}9/` }).flush(null, { status: 204, statusText: 'No Content' });
    await answer([{ contacts: [ada(2), ada(5, { first_name: 'Alan', last_name: 'Turing' })], reasons: ['same phone'] }, pair]);
    expect(groupIds()).toEqual(['2,5', '1,2']);
    expect(root.querySelector('[data-testid=dismissed]')).toBeNull();
  });
});

describe('DuplicatesComponent with shared books', () => {
  it('names each group’s book, and a viewer can look at a group but not merge or dismiss it', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { accounts: signal(true), user: () => GRACE } },
        { provide: ContactEventsService, useValue: { events$: new Subject(), resync$: new Subject(), bookEvents$: new Subject() } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(AddressBooksStore).start();
    http.expectOne('/api/address-books/').flush([testBook(3, 'Family', 'owner', 2, GRACE), testBook(8, 'Work', 'viewer', 2, ADA)]);
    const fixture = TestBed.createComponent(DuplicatesComponent);
    const root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne(DUPLICATES).flush([
      { contacts: [ada(1, { address_book: 3 }), ada(2, { address_book: 3 })], reasons: ['same name'] },
      { contacts: [ada(5, { address_book: 8 }), ada(6, { address_book: 8 })], reasons: ['same phone'] },
    ]);
    http.expectOne(DISMISSALS).flush([]);
    await fixture.whenStable();
    fixture.detectChanges();
    const groups = Array.from(root.querySelectorAll('[data-testid=duplicate-group]'));
    expect(groups.map((g) => g.querySelector('[data-testid=duplicate-book]')?.textContent?.trim())).toEqual(['in “Family”', 'in “Work”']);
    expect(groups.map((g) => g.querySelector('[data-testid=compare-link]') !== null)).toEqual([true, false]);
    expect(groups.map((g) => g.querySelector('[data-testid=dismiss-button]') !== null)).toEqual([true, false]);
    expect(groups[1].textContent).toContain('View only');
    http.verify();
  });
});
