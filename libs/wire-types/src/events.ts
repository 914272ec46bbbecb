import type { AddressBook } from './address-books.js';
import type { Contact } from './contact.js';
import type { Editor } from './version.js';
import type { ImportProgressEvent } from './imports.js';

/** Who made the change an event announces (the version's `edited_by`): null without an account. */
export interface EditedBy {
  edited_by: Editor | null;
  /** The book the contact is in after the change (for a deletion: the book it was in). */
  address_book: number;
}

export interface ContactCreatedEvent extends EditedBy {
  type: 'contact.created';
  contact: Contact;
  seq: number;
}

export interface ContactUpdatedEvent extends EditedBy {
  type: 'contact.updated';
  contact: Contact;
  seq: number;
}

export interface ContactDeletedEvent extends EditedBy {
  type: 'contact.deleted';
  contact_id: number;
  seq: number;
}

export type ContactEvent = ContactCreatedEvent | ContactUpdatedEvent | ContactDeletedEvent;
export type ContactEventType = ContactEvent['type'];

/**
 * Inside the server only, never sent to a client: a contact.updated that moved the contact
 * to another book also names the book it left, so realtime can tell that book's other
 * readers the contact is gone from their view. It rides the event bus and, as JSON, the
 * Redis channel between processes; realtime strips it before anything goes out.
 */
export interface ContactMovedEvent extends ContactUpdatedEvent {
  moved_from: number;
}

/** The caller gained a book (shared with them, or created by them on another tab). */
export interface AddressBookSharedEvent {
  type: 'address_book.shared';
  address_book: AddressBook;
}

/** The caller lost a book (unshared, left, or deleted). */
export interface AddressBookUnsharedEvent {
  type: 'address_book.unshared';
  address_book_id: number;
}

export type AddressBookEvent = AddressBookSharedEvent | AddressBookUnsharedEvent;
/** Everything a realtime connection can receive. */
export type RealtimeEvent = ContactEvent | AddressBookEvent | ImportProgressEvent;

/**
 * The one event map: Socket.IO event name -> payload. Every emit on the server and
 * every listener in the app is typed through it.
 */
export interface ContactEventMap {
  'contact.created': ContactCreatedEvent;
  'contact.updated': ContactUpdatedEvent;
  'contact.deleted': ContactDeletedEvent;
  'address_book.shared': AddressBookSharedEvent;
  'address_book.unshared': AddressBookUnsharedEvent;
  'import.progress': ImportProgressEvent;
}

export const CONTACT_EVENT_TYPES: readonly ContactEventType[] = ['contact.created', 'contact.updated', 'contact.deleted'];
export const ADDRESS_BOOK_EVENT_TYPES: readonly AddressBookEvent['type'][] = ['address_book.shared', 'address_book.unshared'];

/** Socket.IO namespace and plain WebSocket path. */
export const SOCKET_IO_NAMESPACE = '/contacts';
export const PLAIN_WS_PATH = '/ws/contacts/';

/** GET /api/changes/?since=N&limit= */
export interface ChangesPage {
  results: ContactEvent[];
  last_seq: number;
}

export const DEFAULT_CHANGES_LIMIT = 500;
export const MAX_CHANGES_LIMIT = 1000;

/** GET /api/health */
export interface Health {
  status: 'ok';
  db: 'up' | 'down';
  redis: 'up' | 'down' | 'disabled';
}
