import type { ContactDeletedEvent, ContactEvent } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import type { AccessChange } from '../events/access-change-bus.js';

/**
 * Room names, the same for both transports (Socket.IO rooms; the plain WebSocket server's
 * RoomIndex): what an event is addressed to, and what an access change targets.
 */
export const Rooms = {
  /** AUTH=none and the service token: every event. */
  unrestricted: 'all',
  book: (id: number) => `book:${id}`,
  user: (id: number) => `user:${id}`,
  session: (hash: string) => `session:${hash}`,
  token: (id: number) => `token:${id}`,
} as const;

/**
 * Who a connection is, as its handshake found it. `books` are those readable then; from
 * then on the connection's book rooms are what it may receive (access changes move them).
 */
export type ConnectionScope =
  | { kind: 'unrestricted' }
  | { kind: 'user'; userId: number; credentialRoom: string; books: readonly number[] };

export function scopeOf(access: BookAccess): ConnectionScope {
  const caller = access.caller;
  const books = access.readableBooks();
  if (books === 'all') return { kind: 'unrestricted' };
  if (caller.kind !== 'user') throw new Error(`a ${caller.kind} caller has no realtime scope`);
  const credential = caller.credential;
  // A password (HTTP Basic) is not a credential one can revoke: the account's own room ends it.
  const credentialRoom =
    credential.type === 'session' ? Rooms.session(credential.id) : credential.type === 'token' ? Rooms.token(credential.id) : Rooms.user(caller.user.id);
  return { kind: 'user', userId: caller.user.id, credentialRoom, books };
}

/** The rooms a new connection joins. */
export function roomsOf(scope: ConnectionScope): string[] {
  if (scope.kind === 'unrestricted') return [Rooms.unrestricted];
  return [Rooms.user(scope.userId), scope.credentialRoom, ...scope.books.map(Rooms.book)];
}

/**
 * Who gets a contact event: readers of its book, and unrestricted connections. An event
 * without a book (from a process older than address books) reaches only the latter.
 */
export function eventRooms(event: ContactEvent): string[] {
  const book = event.address_book;
  return Number.isSafeInteger(book) ? [Rooms.book(book), Rooms.unrestricted] : [Rooms.unrestricted];
}

/** One variant of an event and who gets it: the connections in any of `to` and in none of `except`. */
export interface Delivery {
  event: ContactEvent;
  to: string[];
  except: string[];
}

/**
 * What goes out for an event, each variant serialised once by the transport. Normally the
 * event itself to eventRooms. A move (a contact.updated carrying the internal `moved_from`,
 * see ContactMovedEvent) goes, without that field, to the new book's readers; the old
 * book's readers who cannot read the new one get a contact.deleted under the same seq
 * instead (the contact left their view), so nobody gets both.
 */
export function deliveriesOf(event: ContactEvent): Delivery[] {
  if (!('moved_from' in event)) return [{ event, to: eventRooms(event), except: [] }];
  const { moved_from: from, ...rest } = event as ContactEvent & { moved_from: unknown };
  const update = rest as ContactEvent;
  const to = eventRooms(update);
  const plain: Delivery = { event: update, to, except: [] };
  // Never trust the wire (it may have come through Redis): only a real move to another book.
  if (update.type !== 'contact.updated' || !Number.isSafeInteger(from) || from === update.address_book) return [plain];
  const removal: ContactDeletedEvent = {
    type: 'contact.deleted', contact_id: update.contact.id, seq: update.seq, edited_by: update.edited_by, address_book: from as number,
  };
  return [plain, { event: removal, to: [Rooms.book(from as number)], except: to }];
}

/**
 * The rooms of the credential a revocation ends. Without a session or token id it ends
 * every credential of the user (e.g. an account removed), so all their connections close.
 */
export function revokedRooms(change: Extract<AccessChange, { type: 'credential_revoked' }>): string[] {
  const rooms: string[] = [];
  if (change.session_id !== undefined) rooms.push(Rooms.session(change.session_id));
  if (change.token_id !== undefined) rooms.push(Rooms.token(change.token_id));
  return rooms.length ? rooms : [Rooms.user(change.user_id)];
}
