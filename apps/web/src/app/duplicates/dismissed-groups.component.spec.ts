import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent, DuplicateDismissal } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ToastService } from '../shared/toast.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { testContact } from '../testing/contact-fixtures';
import { DismissedGroupsComponent } from './dismissed-groups.component';

const person = (id: number, first_name: string, last_name: string, fields: Partial<Contact> = {}): Contact => ({
  ...testContact(id),
  first_name,
  last_name,
  ...fields,
});

const DISMISSALS = '/api/contacts/duplicates/dismissals/';
const NOT_FOUND = { status: 404, statusText: 'Not Found' };
const NO_CONTENT = { status: 204, statusText: 'No Content' };

const dismissal = (id: number, contacts: number[], fields: Partial<DuplicateDismissal> = {}): DuplicateDismissal => ({
  id,
  address_book: 1,
  contacts,
  dismissed_at: '2026-11-26T10:00:00.000Z',
  dismissed_by: null,
  ...fields,
});

/** Any read of one contact (`/api/contacts/3/`). */
const isNameRead = (req: { url: string }) => /^\/api\/contacts\/\d+\/$/.test(req.url);

describe('DismissedGroupsComponent', () => {
  let fixture: ComponentFixture<DismissedGroupsComponent>;
  let root: HTMLElement;
  let http: HttpTestingController;
  let events: Subject<ContactEvent>;
  let takenBack: DuplicateDismissal[];

  /** `accounts`: several books with roles (otherwise AUTH=none: one book, everything allowed). */
  const create = (accounts = false) => {
    events = new Subject();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { accounts: signal(accounts), user: () => (accounts ? GRACE : null) } },
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject(), bookEvents$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    if (accounts) {
      TestBed.inject(AddressBooksStore).start();
      http.expectOne('/api/address-books/').flush([testBook(3, 'Family', 'owner', 2, GRACE), testBook(8, 'Work', 'viewer', 2, ADA)]);
    }
    fixture = TestBed.createComponent(DismissedGroupsComponent);
    fixture.componentRef.setInput('book', null);
    takenBack = [];
    fixture.componentInstance.takenBack.subscribe((d) => takenBack.push(d));
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  };

  afterEach(() => http.verify());

  const rendered = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const answer = async (dismissed: DuplicateDismissal[], url = DISMISSALS) => {
    http.expectOne(url).flush(dismissed);
    await rendered();
  };
  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const button = (selector: string) => root.querySelector(selector) as HTMLButtonElement;
  const names = () => Array.from(root.querySelectorAll('[data-testid=dismissed-names]')).map((n) => n.textContent?.trim());
  const open = async () => {
    button('[data-testid=dismissed-toggle]').click();
    await rendered();
  };
  const toasts = () => TestBed.inject(ToastService).toasts();

  describe('with one book', () => {
    beforeEach(() => create());

    it('is collapsed with its count, reads no name until opened, then names each group, a deleted contact as such', async () => {
      await answer([dismissal(9, [3, 4]), dismissal(8, [5, 6])]);
      const toggle = button('[data-testid=dismissed-toggle]');
      expect(toggle.textContent?.trim()).toBe('▸ Dismissed (2)');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      http.expectNone(isNameRead);

      await open();
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(root.querySelector('[aria-label="Loading dismissed groups"]')).not.toBeNull();
      http.expectOne('/api/contacts/3/').flush(person(3, 'Grace', 'Hopper'));
      http.expectOne('/api/contacts/4/').flush(person(4, 'Grace', 'Hopper'));
      http.expectOne('/api/contacts/5/').flush(person(5, 'Alan', 'Turing'));
      http.expectOne('/api/contacts/6/').flush({ detail: 'Not found.' }, NOT_FOUND);
      await rendered();
      expect(names()).toEqual(['Grace Hopper and Grace Hopper', 'Alan Turing and a deleted contact']);
      expect(text('[data-testid=dismissed-group]')).toMatch(/^Grace Hopper and Grace Hopper dismissed .+ Suggest again$/);
    });

    it('"Suggest again" waits for the answer, then drops the group, tells the page and reads the list again', async () => {
      fixture.componentRef.setInput(
        'knownNames',
        new Map([
          [3, 'Grace Hopper'],
          [4, 'Grace Hopper'],
          [5, 'Alan Turing'],
          [6, 'Ada Lovelace'],
        ]),
      );
      await answer([dismissal(9, [3, 4]), dismissal(8, [5, 6])]);
      await open();
      button('[data-ids="3,4"] [data-testid=suggest-again]').click();
      await rendered();
      expect(button('[data-ids="3,4"] [data-testid=suggest-again]').disabled).toBe(true);
      expect(takenBack).toEqual([]);

      http.expectOne({ method: 'DELETE', url: `${DISMISSALS}9/` }).flush(null, NO_CONTENT);
      await rendered();
      expect(takenBack.map((d) => d.id)).toEqual([9]);
      expect(names()).toEqual(['Alan Turing and Ada Lovelace']);
      await answer([dismissal(8, [5, 6])]);
      expect(names()).toEqual(['Alan Turing and Ada Lovelace']);
      expect(text('[data-testid=dismissed-toggle]')).toBe('▾ Dismissed (1)');
    });

    it('a dismissal already taken back elsewhere (404) counts as taken back; another refusal says why and keeps it', async () => {
      await answer([dismissal(9, [3, 4]), dismissal(8, [5, 6])]);
      fixture.componentInstance.takeBack(dismissal(9, [3, 4]));
      http.expectOne({ method: 'DELETE', url: `${DISMISSALS}9/` }).flush({ detail: 'Not found.' }, NOT_FOUND);
      await rendered();
      expect(takenBack.map((d) => d.id)).toEqual([9]);
      await answer([dismissal(8, [5, 6])]);

      fixture.componentInstance.takeBack(dismissal(8, [5, 6]));
      http
        .expectOne({ method: 'DELETE', url: `${DISMISSALS}8/` })
        .flush({ detail: 'You do not have permission to perform this action.' }, { status: 403, statusText: 'Forbidden' });
      await rendered();
      expect(takenBack.map((d) => d.id)).toEqual([9]);
      expect(toasts().map((t) => [t.kind, t.message])).toEqual([
        ['error', 'Could not suggest them again: You do not have permission to perform this action.'],
      ]);
      expect(text('[data-testid=dismissed-toggle]')).toBe('▸ Dismissed (1)');
      await open();
      http.expectOne('/api/contacts/5/').flush(person(5, 'Alan', 'Turing'));
      http.expectOne('/api/contacts/6/').flush(person(6, 'Ada', 'Lovelace'));
      await rendered();
      expect(button('[data-ids="5,6"] [data-testid=suggest-again]').disabled).toBe(false);
    });

    it('says when the dismissed groups cannot be read, and Retry asks again', async () => {
      http.expectOne(DISMISSALS).flush({ detail: 'The database is busy.' }, { status: 503, statusText: 'Unavailable' });
      await rendered();
      expect(text('[data-testid=dismissed-error]')).toContain('The database is busy.');
      button('[data-testid=dismissed-error] button').click();
      await answer([dismissal(9, [3, 4])]);
      expect(root.querySelector('[data-testid=dismissed-error]')).toBeNull();
      expect(text('[data-testid=dismissed-toggle]')).toBe('▸ Dismissed (1)');
    });

    it('says when the names cannot be read, and Retry reads them', async () => {
      await answer([dismissal(9, [3, 4])]);
      await open();
      http.expectOne('/api/contacts/3/').flush({ detail: 'The database is busy.' }, { status: 503, statusText: 'Unavailable' });
      // One read failing stops the others.
      expect(http.match('/api/contacts/4/').map((req) => req.cancelled)).toEqual([true]);
      await rendered();
      expect(text('[data-testid=dismissed-names-error]')).toContain('The database is busy.');
      button('[data-testid=dismissed-names-error] button').click();
      await rendered();
      expect(root.querySelector('[aria-label="Loading dismissed groups"]')).not.toBeNull();
      http.expectOne('/api/contacts/3/').flush(person(3, 'Grace', 'Hopper'));
      http.expectOne('/api/contacts/4/').flush(person(4, 'Grace', 'Hopper'));
      await rendered();
      expect(names()).toEqual(['Grace Hopper and Grace Hopper']);
    });

    it('does not read the names the page knows, and each name follows its contact’s renames, deletions and restores', async () => {
      fixture.componentRef.setInput('knownNames', new Map([[3, 'Grace Hopper']]));
      await answer([dismissal(9, [3, 4])]);
      await open();
      expect(root.querySelector('[aria-label="Loading dismissed groups"]')).not.toBeNull();
      http.expectOne('/api/contacts/4/').flush(person(4, 'Grace', 'Brewster'));
      await rendered();
      expect(names()).toEqual(['Grace Hopper and Grace Brewster']);

      events.next({ type: 'contact.updated', contact: person(3, 'Amazing', 'Grace'), seq: 7, edited_by: null, address_book: 1 });
      events.next({ type: 'contact.deleted', contact_id: 4, seq: 8, edited_by: null, address_book: 1 });
      // Not a contact shown here: ignored, and read once one of its groups is shown.
      events.next({ type: 'contact.updated', contact: person(12, 'Alan', 'Turing'), seq: 9, edited_by: null, address_book: 1 });
      await rendered();
      expect(names()).toEqual(['Amazing Grace and a deleted contact']);
      events.next({ type: 'contact.created', contact: person(4, 'Grace', 'Brewster'), seq: 10, edited_by: null, address_book: 1 });
      await rendered();
      expect(names()).toEqual(['Amazing Grace and Grace Brewster']);

      fixture.componentInstance.add(dismissal(10, [12, 3]));
      fixture.componentInstance.refresh();
      await answer([dismissal(10, [12, 3]), dismissal(9, [3, 4])]);
      // The names shown stay while the new one is read.
      expect(names()).toEqual(['… and Amazing Grace', 'Amazing Grace and Grace Brewster']);
      http.expectOne('/api/contacts/12/').flush(person(12, 'Alan', 'Turing'));
      await rendered();
      expect(names()).toEqual(['Alan Turing and Amazing Grace', 'Amazing Grace and Grace Brewster']);
    });

    it('puts a group dismissed on the page at the top, and a re-read that fails keeps what is shown', async () => {
      await answer([dismissal(9, [3, 4])]);
      fixture.componentInstance.add(dismissal(10, [5, 6]));
      await rendered();
      expect(text('[data-testid=dismissed-toggle]')).toBe('▸ Dismissed (2)');
      fixture.componentInstance.refresh();
      await rendered();
      expect(root.querySelector('[data-testid=dismissed]')).not.toBeNull();
      http.expectOne(DISMISSALS).flush({ detail: 'The database is busy.' }, { status: 503, statusText: 'Unavailable' });
      await rendered();
      expect(root.querySelector('[data-testid=dismissed-error]')).toBeNull();
      await open();
      for (const id of [5, 6, 3, 4]) http.expectOne(`/api/contacts/${id}/`).flush(person(id, 'Grace', `Hopper ${id}`));
      await rendered();
      expect(names()).toEqual(['Grace Hopper 5 and Grace Hopper 6', 'Grace Hopper 3 and Grace Hopper 4']);
    });

    it('shows nothing while hidden, and keeps its list and being open', async () => {
      fixture.componentRef.setInput(
        'knownNames',
        new Map([
          [3, 'Grace Hopper'],
          [4, 'Ada Lovelace'],
        ]),
      );
      await answer([dismissal(9, [3, 4])]);
      await open();
      fixture.componentRef.setInput('visible', false);
      await rendered();
      expect(root.children).toHaveLength(0);
      fixture.componentRef.setInput('visible', true);
      await rendered();
      expect(button('[data-testid=dismissed-toggle]').getAttribute('aria-expanded')).toBe('true');
      expect(names()).toEqual(['Grace Hopper and Ada Lovelace']);
    });

    it('another book: its dismissals, with nothing shown while they are read', async () => {
      await answer([dismissal(9, [3, 4])]);
      fixture.componentRef.setInput('book', 5);
      await rendered();
      expect(root.querySelector('[data-testid=dismissed]')).toBeNull();
      await answer([dismissal(11, [7, 8], { address_book: 5 })], `${DISMISSALS}?address_book=5`);
      expect(text('[data-testid=dismissed-toggle]')).toBe('▸ Dismissed (1)');
    });
  });

  it('with shared books, names each group’s book and who dismissed it, and a viewer cannot take it back', async () => {
    create(true);
    await answer([
      dismissal(9, [3, 4], { address_book: 3, dismissed_by: { id: 2, name: 'Grace Hopper' } }),
      dismissal(8, [7, 10], { address_book: 8 }),
    ]);
    await open();
    for (const id of [3, 4, 7, 10]) http.expectOne(`/api/contacts/${id}/`).flush(person(id, 'Grace', 'Hopper'));
    await rendered();
    const dismissed = Array.from(root.querySelectorAll('[data-testid=dismissed-group]'));
    const lines = dismissed.map((d) => d.textContent?.replace(/\s+/g, ' ').trim());
    expect(lines[0]).toMatch(/^Grace Hopper and Grace Hopper in “Family” · dismissed .+ by Grace Hopper Suggest again$/);
    expect(lines[1]).toMatch(/^Grace Hopper and Grace Hopper in “Work” · dismissed [^·]+$/);
    expect(dismissed.map((d) => d.querySelector('[data-testid=suggest-again]') !== null)).toEqual([true, false]);
  });
});
