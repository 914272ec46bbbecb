import { createHash } from 'node:crypto';
import type { Contact } from '@contacts/wire-types';

/** A strong validator over everything the client sees of the contact. */
export function etagOf(contact: Contact): string {
  const digest = createHash('sha1').update(JSON.stringify(contact)).digest('base64url');
  return `"${digest}"`;
}

/** RFC 9110 If-Match: `*`, or a list of entity tags (weak prefixes ignored for comparison). */
export function ifMatchSatisfied(ifMatch: string | undefined, current: Contact): boolean {
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') return true;
  const etag = etagOf(current);
  return ifMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
