import { CONTACT_EVENT_TYPES, type ContactEvent } from '@contacts/wire-types';

/**
 * The Redis pub/sub channel that carries every contact event between processes: API
 * replicas, the queue worker and the seeding command all publish here, every replica
 * subscribes. Messages are the wire events as JSON (plus server-internal fields such as a
 * move's `moved_from`, which realtime strips before anything reaches a client).
 */
export function eventChannel(redisPrefix: string): string {
  return `${redisPrefix}contacts:events`;
}

/** The Socket.IO Redis adapter's key (its channels are `<key>#/contacts#…`). */
export function socketIoAdapterKey(redisPrefix: string): string {
  return `${redisPrefix}socket.io`;
}

export function encodeEvent(event: ContactEvent): string {
  return JSON.stringify(event);
}

/** A message from the channel, or null if it is not a well-formed event (never trust the wire). */
export function decodeEvent(raw: string): ContactEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const event = value as Partial<ContactEvent> | null;
  if (!event || typeof event !== 'object') return null;
  if (!CONTACT_EVENT_TYPES.includes(event.type as ContactEvent['type'])) return null;
  if (!Number.isSafeInteger(event.seq)) return null;
  if (event.type === 'contact.deleted') return Number.isSafeInteger(event.contact_id) ? (event as ContactEvent) : null;
  return typeof (event as { contact?: unknown }).contact === 'object' ? (event as ContactEvent) : null;
}
