import type { CallerRef } from '../access/caller.js';

/**
 * The `caller` column: whom a job acts as when it resumes without a request. `open`,
 * `service`, or `user:<id>:session:<session id>` / `user:<id>:token:<token id>` /
 * `user:<id>:password:-` (ids, never
 * secrets: a session's id is already a hash).
 */
export function encodeCaller(ref: CallerRef): string {
  if (ref.kind !== 'user') return ref.kind;
  const credential = ref.credential;
  return `user:${ref.userId}:${credential.type}:${credential.type === 'password' ? '-' : credential.id}`;
}

/** The reference back, or null for a value this code did not write. */
export function decodeCaller(text: string): CallerRef | null {
  if (text === 'open' || text === 'service') return { kind: text };
  const match = /^user:(\d+):(session|token|password):(.+)$/.exec(text);
  if (!match) return null;
  const userId = Number(match[1]);
  if (match[2] === 'password') return { kind: 'user', userId, credential: { type: 'password' } };
  if (match[2] === 'session') return { kind: 'user', userId, credential: { type: 'session', id: match[3] } };
  const tokenId = Number(match[3]);
  return Number.isSafeInteger(tokenId) ? { kind: 'user', userId, credential: { type: 'token', id: tokenId } } : null;
}
