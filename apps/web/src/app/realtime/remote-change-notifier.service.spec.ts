import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent, User } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { ToastService } from '../shared/toast.service';
import { testContact } from '../testing/contact-fixtures';
import { ContactEventsService } from './contact-events.service';
import { LocalEchoService } from './local-echo.service';
import { BURST_TOASTS, BURST_WINDOW_MS, RemoteChangeNotifier } from './remote-change-notifier.service';

const at = (id: number, first_name: string, updated_at: string): Contact => ({ ...testContact(id), first_name, last_name: 'Lovelace', updated_at });

describe('RemoteChangeNotifier', () => {
  let events: Subject<ContactEvent>;
  let shown: string[];
  let notifier: RemoteChangeNotifier;
  let me: User | null = null;

  beforeEach(() => {
    me = null;
    events = new Subject<ContactEvent>();
    shown = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject<void>(), state: () => 'live' } },
        { provide: ToastService, useValue: { show: (m: string) => shown.push(m) } },
        { provide: SessionStore, useValue: { user: () => me } },
      ],
    });
    notifier = TestBed.inject(RemoteChangeNotifier);
    notifier.start();
  });

  it('toasts a change made elsewhere, named by the newest version', () => {
    notifier.remember([at(1, 'Ada', '2026-11-26T10:00:00.000Z')]);
    events.next({ type: 'contact.updated', contact: at(1, 'Augusta', '2026-11-26T10:00:05.000Z'), seq: 5, edited_by: null, address_book: 1 });
    events.next({ type: 'contact.deleted', contact_id: 1, seq: 6, edited_by: null, address_book: 1 });
    expect(shown).toEqual(['Augusta Lovelace was updated elsewhere', 'Augusta Lovelace was deleted elsewhere']);
  });

  it('ignores a late event older than the version already shown, and keeps the newer name', () => {
    notifier.remember([at(1, 'Augusta', '2026-11-26T10:00:05.000Z')]);
    events.next({ type: 'contact.updated', contact: at(1, 'Ada', '2026-11-26T10:00:01.000Z'), seq: 4, edited_by: null, address_book: 1 });
    expect(shown).toEqual([]);
    events.next({ type: 'contact.deleted', contact_id: 1, seq: 6, edited_by: null, address_book: 1 });
    // A create older than the delete (delivered late) does not announce the contact as added.
    events.next({ type: 'contact.created', contact: at(1, 'Ada', '2026-11-26T10:00:00.000Z'), seq: 3, edited_by: null, address_book: 1 });
    expect(shown).toEqual(['Augusta Lovelace was deleted elsewhere']);
  });

  it('names the editor when the event carries one', () => {
    const grace = { id: 2, name: 'Grace Hopper' };
    notifier.remember([at(1, 'Ada', '2026-11-26T10:00:00.000Z')]);
    events.next({ type: 'contact.created', contact: at(2, 'Bob', '2026-11-26T10:00:01.000Z'), seq: 4, edited_by: grace, address_book: 1 });
    events.next({ type: 'contact.updated', contact: at(1, 'Augusta', '2026-11-26T10:00:05.000Z'), seq: 5, edited_by: grace, address_book: 1 });
    events.next({ type: 'contact.deleted', contact_id: 1, seq: 6, edited_by: grace, address_book: 1 });
    events.next({ type: 'contact.deleted', contact_id: 99, seq: 7, edited_by: grace, address_book: 1 });
    expect(shown).toEqual(['Grace Hopper added Bob Lovelace', 'Grace Hopper edited Augusta Lovelace', 'Grace Hopper deleted Augusta Lovelace', 'Grace Hopper deleted a contact']);
  });

  it('says "You … elsewhere" for my own account in another tab or through a token', () => {
    me = { id: 2, name: 'Grace Hopper', email: 'g@example.com', is_admin: false, created_at: '' };
    events.next({ type: 'contact.updated', contact: at(1, 'Augusta', '2026-11-26T10:00:05.000Z'), seq: 5, edited_by: { id: 2, name: 'Grace Hopper' }, address_book: 1 });
    events.next({ type: 'contact.updated', contact: at(1, 'Ada', '2026-11-26T10:00:06.000Z'), seq: 6, edited_by: { id: 3, name: 'Alan Turing' }, address_book: 1 });
    expect(shown).toEqual(['You edited Augusta Lovelace elsewhere', 'Alan Turing edited Ada Lovelace']);
  });

  it('keeps "elsewhere" without an editor (no accounts, a service, a change made in the database)', () => {
    events.next({ type: 'contact.created', contact: at(3, 'Bob', '2026-11-26T10:00:01.000Z'), seq: 4, edited_by: null, address_book: 1 });
    events.next({ type: 'contact.deleted', contact_id: 98, seq: 5, edited_by: null, address_book: 1 });
    expect(shown).toEqual(['Bob Lovelace was added elsewhere', 'A contact was deleted elsewhere']);
  });

  it('sums up a flood of changes (an import elsewhere) instead of a toast per contact', () => {
    vi.useFakeTimers();
    try {
      for (let i = 1; i <= 50; i++) events.next({ type: 'contact.created', contact: at(100 + i, `P${i}`, '2026-11-26T10:00:01.000Z'), seq: i, edited_by: null, address_book: 1 });
      expect(shown).toHaveLength(BURST_TOASTS);
      vi.advanceTimersByTime(BURST_WINDOW_MS);
      expect(shown.slice(BURST_TOASTS)).toEqual([`${50 - BURST_TOASTS} more changes made elsewhere`]);
      // Still flooding: one summary per window, no single toasts.
      events.next({ type: 'contact.created', contact: at(200, 'Q', '2026-11-26T10:00:01.000Z'), seq: 60, edited_by: null, address_book: 1 });
      vi.advanceTimersByTime(BURST_WINDOW_MS);
      expect(shown.at(-1)).toBe('1 more change made elsewhere');
      // A quiet window ends the flood: the next change is toasted by itself again.
      vi.advanceTimersByTime(BURST_WINDOW_MS);
      events.next({ type: 'contact.updated', contact: at(200, 'Quentin', '2026-11-26T10:00:09.000Z'), seq: 61, edited_by: null, address_book: 1 });
      expect(shown.at(-1)).toBe('Quentin Lovelace was updated elsewhere');
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves the echo of an import from this tab to the import’s own summary', () => {
    const done = TestBed.inject(LocalEchoService).beginImport(1);
    events.next({ type: 'contact.created', contact: at(5, 'Imported', '2026-11-26T10:00:01.000Z'), seq: 8, edited_by: null, address_book: 1 });
    // Another book, or a delete, is not the import's doing.
    events.next({ type: 'contact.created', contact: { ...at(6, 'Other', '2026-11-26T10:00:01.000Z'), address_book: 2 }, seq: 9, edited_by: null, address_book: 2 });
    events.next({ type: 'contact.deleted', contact_id: 5, seq: 10, edited_by: null, address_book: 1 });
    expect(shown).toEqual(['Other Lovelace was added elsewhere', 'Imported Lovelace was deleted elsewhere']);
    done();
  });

  it('still names another person’s change in the book an import writes into', () => {
    me = { id: 2, name: 'Grace Hopper', email: 'g@example.com', is_admin: false, created_at: '' };
    const done = TestBed.inject(LocalEchoService).beginImport(1);
    events.next({ type: 'contact.created', contact: at(5, 'Mine', '2026-11-26T10:00:01.000Z'), seq: 8, edited_by: { id: 2, name: 'Grace Hopper' }, address_book: 1 });
    events.next({ type: 'contact.updated', contact: at(7, 'Theirs', '2026-11-26T10:00:01.000Z'), seq: 9, edited_by: { id: 3, name: 'Alan Turing' }, address_book: 1 });
    expect(shown).toEqual(['Alan Turing edited Theirs Lovelace']);
    done();
  });
});
