/**
 * Sync tokens (RFC 6578) are built on `seq`, the global id of the last version: a book's
 * token and ctag are the head seq when answered, so a sync from it asks for every version
 * after it. The prefix is a URI of ours (RFC 6578 §3.2 wants a URI) so a token another
 * server issued — macOS sends its own — is told apart and answered 403 valid-sync-token.
 */
const PREFIX = 'http://contacts.invalid/ns/sync/';

/** Canonical decimal only: every token we hand out is written by syncTokenOf. */
const SEQ = /^(0|[1-9]\d{0,15})$/;

export function syncTokenOf(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`a sync token needs a seq ≥ 0, not ${seq}`);
  return `${PREFIX}${seq}`;
}

/**
 * The seq a token of ours stands for; null for anything else (another server's token, a
 * mangled one). Whether the seq is still valid (not above the head) is the caller's check.
 * Surrounding white space is XML indentation, not part of the token.
 */
export function seqOfSyncToken(token: string): number | null {
  const text = token.trim();
  if (!text.startsWith(PREFIX)) return null;
  const digits = text.slice(PREFIX.length);
  if (!SEQ.test(digits)) return null;
  const seq = Number(digits);
  return Number.isSafeInteger(seq) ? seq : null;
}
