import type { Contact } from '@contacts/wire-types';

/**
 * Whether an event's version of the contact is newer than the one the edit form is based on.
 * Events can arrive late (a slow socket, the catch-up feed, another replica's poller), after
 * the form loaded a newer version; such an event, or the echo of the very version loaded, is
 * not a change made elsewhere. With no base yet every event counts: the form has nothing to
 * compare with. A timestamp that does not parse falls back to "differs means newer".
 */
export function isNewerThanBase(base: Pick<Contact, 'updated_at'> | null, incoming: Pick<Contact, 'updated_at'>): boolean {
  if (!base) return true;
  const [was, now] = [Date.parse(base.updated_at), Date.parse(incoming.updated_at)];
  if (Number.isNaN(was) || Number.isNaN(now)) return incoming.updated_at !== base.updated_at;
  return now > was;
}
