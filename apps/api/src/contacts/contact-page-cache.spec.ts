import type { DataVersion } from '../database/data-version.js';
import type { ContactEntity } from './contact.entity.js';
import { ContactPageCache } from './contact-page-cache.js';

function fakeVersion(initial: string | null) {
  const state = { value: initial };
  return { state, version: { current: () => state.value } as unknown as DataVersion };
}

const page = (n: number) => ({ count: n, rows: [] as ContactEntity[] });
const query = { search: '', offset: 0, limit: 20 };

describe('ContactPageCache', () => {
  it('serves a page from memory while the data version holds, and reloads once it moves', async () => {
    const { state, version } = fakeVersion('1:1');
    const cache = new ContactPageCache(version);
    let loads = 0;
    const load = async () => page(++loads);
    expect(await cache.get(query, load)).toEqual(page(1));
    expect(await cache.get(query, load)).toEqual(page(1));
    expect(loads).toBe(1);
    state.value = '2:1'; // a commit somewhere
    expect(await cache.get(query, load)).toEqual(page(2));
    expect(await cache.get({ ...query, search: 'ada' }, load)).toEqual(page(3));
  });

  it('does not keep a page read while a commit happened', async () => {
    const { state, version } = fakeVersion('1:1');
    const cache = new ContactPageCache(version);
    let loads = 0;
    const racing = async () => {
      loads++;
      state.value = `${loads + 1}:1`;
      return page(loads);
    };
    await cache.get(query, racing);
    await cache.get(query, async () => page(++loads));
    expect(loads).toBe(2);
  });

  it('never caches without a version signal (PostgreSQL)', async () => {
    const cache = new ContactPageCache(fakeVersion(null).version);
    let loads = 0;
    await cache.get(query, async () => page(++loads));
    await cache.get(query, async () => page(++loads));
    expect(loads).toBe(2);
  });
});
