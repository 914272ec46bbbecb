import { describe, expect, it } from '@jest/globals';
import { PageSignposts } from './page-signposts.js';
import type { ListKey } from './page-window.js';

/** A list of `n` rows in list order (newest first) and a step reader over it, counting its reads. */
function list(n: number) {
  const rows: ListKey[] = Array.from({ length: n }, (_, i) => ({ updated_at: `t${String(n - i).padStart(6, '0')}`, id: n - i }));
  const state = { reads: 0, version: '1' };
  const readStep = (_scope: string, after: ListKey | null, stride: number) => {
    state.reads++;
    const start = after ? rows.findIndex((row) => row.id === after.id) + 1 : 0;
    return Promise.resolve(rows[start + stride - 1] ?? null);
  };
  return { rows, state, readStep };
}

describe('PageSignposts', () => {
  it('has none until a deep page asks; then each signpost is the key just before its position', async () => {
    const { rows, state, readStep } = list(95);
    const posts = new PageSignposts(() => state.version, readStep, 10);
    expect(posts.nearest('*', 5)).toBeNull(); // shallow: never laid
    expect(state.reads).toBe(0);
    expect(posts.nearest('*', 47)).toBeNull(); // the first deep miss starts laying
    await posts.settled();
    expect(posts.nearest('*', 47)).toEqual({ position: 40, key: rows[39] });
    expect(posts.nearest('*', 90)).toEqual({ position: 90, key: rows[89] });
    expect(posts.nearest('*', 94)).toEqual({ position: 90, key: rows[89] });
    expect(posts.nearest('*', 10)).toEqual({ position: 10, key: rows[9] });
    expect(posts.nearest('7', 47)).toBeNull(); // another scope has its own
  });

  it('forgets them when the database changes, and abandons laying them mid-way', async () => {
    const { rows, state, readStep } = list(95);
    const posts = new PageSignposts(() => state.version, readStep, 10);
    posts.nearest('*', 50);
    await posts.settled();
    state.version = '2';
    expect(posts.nearest('*', 50)).toBeNull();
    state.version = '3'; // moves while they are laid
    await posts.settled();
    expect(posts.nearest('*', 50)).toBeNull();
    await posts.settled();
    expect(posts.nearest('*', 50)).toEqual({ position: 50, key: rows[49] });
  });

  it('lays none without a version (PostgreSQL)', async () => {
    const { state, readStep } = list(95);
    const posts = new PageSignposts(() => null, readStep, 10);
    expect(posts.nearest('*', 50)).toBeNull();
    await posts.settled();
    expect(state.reads).toBe(0);
  });
});
