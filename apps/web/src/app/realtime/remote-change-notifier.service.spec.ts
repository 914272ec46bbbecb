import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent, User } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { ToastService } from '../shared/toast.service';
import { testContact } from '../testing/contact-fixtures';
import { ContactEventsService } from './contact-events.service';
import { RemoteChangeNotifier } from './remote-change-notifier.service';

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
});
