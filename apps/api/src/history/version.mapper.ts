import type { Contact, ContactEvent, ContactMovedEvent, Editor, Version } from '@contacts/wire-types';
import { contactOf, detailsOf } from './contact-columns.js';
import type { ContactVersionEntity } from './contact-version.entity.js';

/** What this server always sends: the optional wire fields filled in. */
export type FullVersion = Version & Required<Pick<Version, 'edited_by' | 'edited_via'>>;
export type FullEvent = ContactEvent & { edited_by: Editor | null };

/** The editor snapshot; null when no account made the change (AUTH=none, a service, the database). */
export function editorOf(row: ContactVersionEntity): Editor | null {
  if (row.edited_by_id === null || row.edited_by_id === undefined) return null;
  return { id: Number(row.edited_by_id), name: row.edited_by_name ?? '' };
}

export function toVersion(row: ContactVersionEntity): FullVersion {
  return {
    id: Number(row.id),
    contact: Number(row.contact_id),
    address_book: Number(row.address_book_id),
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    phone: row.phone,
    ...detailsOf(row),
    edited_at: row.edited_at,
    edited_reason: row.edited_reason,
    edited_by: editorOf(row),
    edited_via: row.edited_via,
  };
}

/** The contact exactly as it was right after this version was written. */
export function contactAt(row: ContactVersionEntity): Contact {
  return contactOf(
    {
      id: Number(row.contact_id),
      address_book: Number(row.address_book_id),
      first_name: row.first_name,
      last_name: row.last_name,
      email: row.email,
      phone: row.phone,
      // Versions from before the column existed have none (the contact got one then).
      uid: row.uid ?? '',
      created_at: row.contact_created_at,
      updated_at: row.edited_at,
    },
    row,
  );
}

/** The realtime event a version announces; the change feed and live emits agree by construction. */
export function eventFor(row: ContactVersionEntity): FullEvent {
  const seq = Number(row.id);
  const edited_by = editorOf(row);
  const address_book = Number(row.address_book_id);
  switch (row.operation) {
    case 'insert':
      return { type: 'contact.created', contact: contactAt(row), seq, edited_by, address_book };
    case 'delete':
      return { type: 'contact.deleted', contact_id: Number(row.contact_id), seq, edited_by, address_book };
    default:
      return { type: 'contact.updated', contact: contactAt(row), seq, edited_by, address_book };
  }
}

/**
 * A version as the change feed tells it to someone who can read only the book the contact
 * left (it was moved into a book they cannot see): for them it was deleted.
 */
export function movedOutEventFor(row: ContactVersionEntity, leftBook: number): FullEvent {
  return { type: 'contact.deleted', contact_id: Number(row.contact_id), seq: Number(row.id), edited_by: editorOf(row), address_book: leftBook };
}

/** The live event a version announces, with the internal `moved_from` when it moved the contact (realtime strips it). */
export function liveEventFor(row: ContactVersionEntity, previousBook: number | null): ContactEvent | ContactMovedEvent {
  const event = eventFor(row);
  if (event.type !== 'contact.updated' || previousBook === null || previousBook === event.address_book) return event;
  return { ...event, moved_from: previousBook };
}
