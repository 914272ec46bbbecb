import type { Caller } from '../access/caller.js';
import { type BookAccess, forbidden } from '../access/book-access.js';

/** The signed-in account behind a request; the service token has none → 403. */
export function callerOf(access: BookAccess): Extract<Caller, { kind: 'user' }> {
  if (access.caller.kind !== 'user') throw forbidden();
  return access.caller;
}
