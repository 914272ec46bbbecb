import { describe, expect, it } from '@jest/globals';
import { SearchCountCache } from './search-count-cache.js';

describe('SearchCountCache', () => {
  it('serves a count only at the version it was counted at', () => {
    const cache = new SearchCountCache();
    cache.set('ab|*', '7', 120);
    expect(cache.get('ab|*', '7')).toBe(120);
    expect(cache.get('ab|*', '8')).toBeUndefined();
    expect(cache.get('cd|*', '7')).toBeUndefined();
  });

  it('forgets every count once the version moves, and keeps nothing without a version', () => {
    const cache = new SearchCountCache();
    cache.set('ab|*', '7', 120);
    cache.set('cd|*', '8', 5);
    expect(cache.get('ab|*', '7')).toBeUndefined();
    expect(cache.get('cd|*', '8')).toBe(5);
    cache.set('ef|*', null, 3);
    expect(cache.get('ef|*', null)).toBeUndefined();
  });

  it('holds at most maxEntries counts', () => {
    const cache = new SearchCountCache(2);
    cache.set('a', '1', 1);
    cache.set('b', '1', 2);
    cache.set('c', '1', 3);
    expect([cache.get('a', '1'), cache.get('b', '1'), cache.get('c', '1')]).toEqual([undefined, undefined, 3]);
  });
});
