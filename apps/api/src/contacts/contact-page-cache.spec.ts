import type { DataVersion } from '../database/data-version.js';
import { ContactPageCache } from './contact-page-cache.js';

function fakeVersion(initial: string | null) {
  const state = { value: initial };
  return { state, version: { current: () => state.value } as unknown as DataVersion };
}

const body = (n: number) => JSON.stringify({ count: n });
const KEY = 'http://h/api/contacts/?';

describe('ContactPageCache', () => {
  it('serves a page from memory while the data version holds, and renders again once it moves', async () => {
    const { state, version } = fakeVersion('1:1');
    const cache = new ContactPageCache(version);
    let renders = 0;
    const render = async () => body(++renders);
    expect(await cache.get(KEY, render)).toEqual(body(1));
    expect(await cache.get(KEY, render)).toEqual(body(1));
    expect(renders).toBe(1);
    state.value = '2:1'; // a commit somewhere
    expect(await cache.get(KEY, render)).toEqual(body(2));
    expect(await cache.get(`${KEY}search=ada`, render)).toEqual(body(3));
  });

  it('does not keep a page read while a commit happened', async () => {
    const { state, version } = fakeVersion('1:1');
    const cache = new ContactPageCache(version);
    let renders = 0;
    const racing = async () => {
      renders++;
      state.value = `${renders + 1}:1`;
      return body(renders);
    };
    await cache.get(KEY, racing);
    await cache.get(KEY, async () => body(++renders));
    expect(renders).toBe(2);
  });

  it('never caches without a version signal (PostgreSQL)', async () => {
    const cache = new ContactPageCache(fakeVersion(null).version);
    let renders = 0;
    await cache.get(KEY, async () => body(++renders));
    await cache.get(KEY, async () => body(++renders));
    expect(renders).toBe(2);
  });

  it('drops the oldest pages beyond its size budget, keeps the newest', async () => {
    const cache = new ContactPageCache(fakeVersion('1:1').version);
    const big = (n: number) => async () => String(n).repeat(1.5 * 1024 * 1024);
    for (let n = 0; n < 4; n++) await cache.get(`${KEY}page=${n}`, big(n)); // 6 Mi characters rendered, 4 Mi budget
    let renders = 0;
    const counted = (n: number) => async () => (renders++, String(n));
    await cache.get(`${KEY}page=3`, counted(3)); // newest: still there
    expect(renders).toBe(0);
    await cache.get(`${KEY}page=0`, counted(0)); // oldest: evicted
    expect(renders).toBe(1);
  });
});
