import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent } from '@contacts/wire-types';
import { ToastService } from '../shared/toast.service';
import { testContact } from '../testing/contact-fixtures';
import { ContactEventsService } from './contact-events.service';
import { RemoteChangeNotifier } from './remote-change-notifier.service';

const at = (id: number, first_name: string, updated_at: string): Contact => ({ ...testContact(id), first_name, last_name: 'Lovelace', updated_at });

describe('RemoteChangeNotifier', () => {
  let events: Subject<ContactEvent>;
  let shown: string[];
  let notifier: RemoteChangeNotifier;

  beforeEach(() => {
    events = new Subject<ContactEvent>();
    shown = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject<void>(), state: () => 'live' } },
        { provide: ToastService, useValue: { show: (m: string) => shown.push(m) } },
      ],
    });
    notifier = TestBed.inject(RemoteChangeNotifier);
    notifier.start();
  });

  it('toasts a change made elsewhere, named by the newest version', () => {
    notifier.remember([at(1, 'Ada', '2026-11-26T10:00:00.000Z')]);
    events.next({ type: 'contact.updated', contact: at(1, 'Augusta', '2026-11-26T10:00:05.000Z'), seq: 5, edited_by: null });
    events.next({ type: 'contact.deleted', contact_id: 1, seq: 6, edited_by: null });
    expect(shown).toEqual(['Augusta Lovelace was updated elsewhere', 'Augusta Lovelace was deleted elsewhere']);
  });

  it('ignores a late event older than the version already shown, and keeps the newer name', () => {
    notifier.remember([at(1, 'Augusta', '2026-11-26T10:00:05.000Z')]);
    events.next({ type: 'contact.updated', contact: at(1, 'Ada', '2026-11-26T10:00:01.000Z'), seq: 4, edited_by: null });
    expect(shown).toEqual([]);
    events.next({ type: 'contact.deleted', contact_id: 1, seq: 6, edited_by: null });
    // A create older than the delete (delivered late) does not announce the contact as added.
    events.next({ type: 'contact.created', contact: at(1, 'Ada', '2026-11-26T10:00:00.000Z'), seq: 3, edited_by: null });
    expect(shown).toEqual(['Augusta Lovelace was deleted elsewhere']);
  });

  it('names the editor when the event carries one', () => {
    const grace = { id: 2, name: 'Grace Hopper' };
    notifier.remember([at(1, 'Ada', '2026-11-26T10:00:00.000Z')]);
    events.next({ type: 'contact.created', contact: at(2, 'Bob', '2026-11-26T10:00:01.000Z'), seq: 4, edited_by: grace });
    events.next({ type: 'contact.updated', contact: at(1, 'Augusta', '2026-11-26T10:00:05.000Z'), seq: 5, edited_by: grace });
    events.next({ type: 'contact.deleted', contact_id: 1, seq: 6, edited_by: grace });
    events.next({ type: 'contact.deleted', contact_id: 99, seq: 7, edited_by: grace });
    expect(shown).toEqual(['Grace Hopper added Bob Lovelace', 'Grace Hopper updated Augusta Lovelace', 'Grace Hopper deleted Augusta Lovelace', 'Grace Hopper deleted a contact']);
  });

  it('keeps "elsewhere" without an editor (no accounts, a service, a change made in the database)', () => {
    events.next({ type: 'contact.created', contact: at(3, 'Bob', '2026-11-26T10:00:01.000Z'), seq: 4, edited_by: null });
    events.next({ type: 'contact.deleted', contact_id: 98, seq: 5, edited_by: null });
    expect(shown).toEqual(['Bob Lovelace was added elsewhere', 'A contact was deleted elsewhere']);
  });
});
