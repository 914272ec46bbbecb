import { BookAccess } from './book-access.js';
import { ResolvedAccessCache } from './resolved-access-cache.js';

describe('ResolvedAccessCache', () => {
  const access = BookAccess.nothing();

  it('reuses an answer while the database version is the one it was resolved under', () => {
    let version: string | null = '7';
    const cache = new ResolvedAccessCache(() => version, 30_000);
    const at = cache.currentVersion();
    cache.set('t:abc', at, access, 1000);
    expect(cache.get('t:abc', 2000)).toBe(access);
    expect(cache.get('t:other', 2000)).toBeNull();
    version = '8'; // any commit anywhere: a sign-out, a revocation, a share
    expect(cache.get('t:abc', 2000)).toBeNull();
    version = '7';
    expect(cache.get('t:abc', 2000)).toBeNull(); // gone, not revived
  });

  it('an answer resolved while a commit landed is never reused', () => {
    let version = '1';
    const cache = new ResolvedAccessCache(() => version);
    const before = cache.currentVersion();
    version = '2'; // committed while the credential was being looked up
    cache.set('s:secret', before, access);
    expect(cache.get('s:secret')).toBeNull();
  });

  it('ages out, and keeps nothing without a version token (PostgreSQL)', () => {
    const cache = new ResolvedAccessCache(() => '1', 30_000);
    cache.set('t:abc', '1', access, 0);
    expect(cache.get('t:abc', 30_000)).toBe(access);
    expect(cache.get('t:abc', 30_001)).toBeNull();
    const none = new ResolvedAccessCache(() => null);
    none.set('t:abc', none.currentVersion(), access);
    expect(none.get('t:abc')).toBeNull();
  });
});
