import { decodeCaller, encodeCaller } from './import-caller.js';

describe('the caller a job acts as', () => {
  it('round-trips every kind', () => {
    for (const ref of [
      { kind: 'open' as const },
      { kind: 'service' as const },
      { kind: 'user' as const, userId: 7, credential: { type: 'session' as const, id: 'ab12'.repeat(16) } },
      { kind: 'user' as const, userId: 12, credential: { type: 'token' as const, id: 3 } },
    ]) {
      expect(decodeCaller(encodeCaller(ref))).toEqual(ref);
    }
  });

  it('refuses what it did not write', () => {
    for (const text of ['', 'anonymous', 'user:x:token:1', 'user:1:cookie:abc', 'user:1:token:abc', 'user:1:session:']) expect(decodeCaller(text)).toBeNull();
  });
});
