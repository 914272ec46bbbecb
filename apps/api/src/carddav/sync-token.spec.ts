import { seqOfSyncToken, syncTokenOf } from './sync-token.js';

describe('sync tokens', () => {
  it('round-trips a seq through its token', () => {
    for (const seq of [0, 1, 42, 100_000, Number.MAX_SAFE_INTEGER - 1]) expect(seqOfSyncToken(syncTokenOf(seq))).toBe(seq);
  });

  it('is a URI of ours', () => {
    expect(syncTokenOf(7)).toBe('http://contacts.invalid/ns/sync/7');
  });

  it('reads a token with the white space of indented XML around it', () => {
    expect(seqOfSyncToken('\n    http://contacts.invalid/ns/sync/12\n  ')).toBe(12);
  });

  it.each([
    ['empty', ''],
    ["another server's (Sabre)", 'http://sabre.io/ns/sync/12'],
    ['a macOS-style opaque token', 'data:,12_34/abcdef'],
    ['ours without a seq', 'http://contacts.invalid/ns/sync/'],
    ['ours with a negative seq', 'http://contacts.invalid/ns/sync/-1'],
    ['ours with a fraction', 'http://contacts.invalid/ns/sync/1.5'],
    ['ours with leading zeros', 'http://contacts.invalid/ns/sync/007'],
    ['ours with trailing text', 'http://contacts.invalid/ns/sync/12/x'],
    ['ours with an exponent', 'http://contacts.invalid/ns/sync/1e3'],
    ['ours beyond a safe integer', 'http://contacts.invalid/ns/sync/99999999999999999'],
    ['a bare number', '12'],
  ])('does not take %s', (_label, token) => {
    expect(seqOfSyncToken(token)).toBeNull();
  });

  it('refuses to write a token for a seq that is not a non-negative integer', () => {
    for (const seq of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => syncTokenOf(seq)).toThrow(RangeError);
  });
});
