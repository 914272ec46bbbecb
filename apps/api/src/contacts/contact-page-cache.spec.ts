import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { BookRole, Page } from '@contacts/wire-types';
import { BookAccess } from '../access/book-access.js';
import { ApiError } from '../common/api-errors.js';
import type { DataVersion } from '../database/data-version.js';
import type { ContactEntity } from './contact.entity.js';
import { ContactPageCache } from './contact-page-cache.js';
import type { ContactMutations } from './contact-mutations.js';
import type { ContactPageQuery, ContactPagesRepository } from './contact-pages.repository.js';
import type { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';
import type { ContactInputValidator } from './validators/contact-input.validator.js';

function fakeVersion(initial: string | null) {
  const state = { value: initial };
  return { state, version: { current: () => state.value } as unknown as DataVersion };
}

/** A render the test finishes by hand, to order what happens while a page is being read. */
function deferred() {
  let finish!: (body: string) => void;
  const promise = new Promise<string>((res) => (finish = res));
  return { render: () => promise, finish };
}

const body = (n: number) => JSON.stringify({ count: n, results: Array.from({ length: 20 }, (_, i) => ({ id: i, n })) });
const KEY = 'http://h/api/contacts/?';

describe('ContactPageCache', () => {
  it('serves a page from memory while the data version holds, and renders again once it moves', async () => {
    const { state, version } = fakeVersion('1');
    const cache = new ContactPageCache(version);
    let renders = 0;
    const render = async () => body(++renders);
    expect((await cache.get(KEY, render)).json).toEqual(body(1));
    expect((await cache.get(KEY, render)).json).toEqual(body(1));
    expect(renders).toBe(1);
    state.value = '2'; // a commit somewhere
    expect((await cache.get(KEY, render)).json).toEqual(body(2));
    expect((await cache.get(`${KEY}search=ada`, render)).json).toEqual(body(3));
  });

  it('does not keep a page read while a commit happened, even once a fresher read of it is kept', async () => {
    const { state, version } = fakeVersion('1');
    const cache = new ContactPageCache(version);
    const before = deferred();
    const stale = cache.get(KEY, before.render); // reads at version 1 …
    state.value = '2'; // … a commit lands while it reads …
    const after = deferred();
    const fresh = cache.get(KEY, after.render); // … and a later request reads again
    after.finish(body(2));
    expect((await fresh).json).toEqual(body(2));
    before.finish(body(1)); // the slow, older read ends last
    expect((await stale).json).toEqual(body(1)); // its own caller gets what it read
    expect((await cache.get(KEY, async () => body(99))).json).toEqual(body(2)); // nobody else does
  });

  it('renders a page once for concurrent misses of one version, and counts it once', async () => {
    const { version } = fakeVersion('1');
    const cache = new ContactPageCache(version);
    const slow = deferred();
    let renders = 0;
    const render = () => (renders++, slow.render());
    const waiting = [cache.get(KEY, render), cache.get(KEY, render), cache.get(KEY, render)];
    slow.finish(body(1));
    const pages = await Promise.all(waiting);
    expect(renders).toBe(1);
    expect(pages.map((p) => p.json)).toEqual([body(1), body(1), body(1)]);
    expect(cache.held).toEqual({ pages: 1, bytes: body(1).length });
  });

  it('does not share a render across versions: a miss after a commit reads again', async () => {
    const { state, version } = fakeVersion('1');
    const cache = new ContactPageCache(version);
    const first = deferred();
    const old = cache.get(KEY, first.render);
    state.value = '2';
    let renders = 0;
    const fresh = cache.get(KEY, async () => (renders++, body(2)));
    first.finish(body(1));
    expect((await fresh).json).toEqual(body(2));
    expect((await old).json).toEqual(body(1));
    expect(renders).toBe(1);
  });

  it('forgets a failed render: the next request tries again', async () => {
    const cache = new ContactPageCache(fakeVersion('1').version);
    await expect(cache.get(KEY, () => Promise.reject(new Error('disk on fire')))).rejects.toThrow('disk on fire');
    expect((await cache.get(KEY, async () => body(2))).json).toEqual(body(2));
  });

  it('never caches without a version signal (PostgreSQL)', async () => {
    const cache = new ContactPageCache(fakeVersion(null).version);
    let renders = 0;
    await cache.get(KEY, async () => body(++renders));
    await cache.get(KEY, async () => body(++renders));
    expect(renders).toBe(2);
    expect(cache.held).toEqual({ pages: 0, bytes: 0 });
  });

  it('compresses a kept page once per encoding, into bytes that decode to the JSON, and counts them', async () => {
    const cache = new ContactPageCache(fakeVersion('1').version);
    const page = await cache.get(KEY, async () => body(1));
    const br = page.encoded('br');
    expect(brotliDecompressSync(br).toString()).toEqual(body(1));
    expect(br.length).toBeLessThan(body(1).length);
    const hit = await cache.get(KEY, async () => body(2));
    expect(hit.encoded('br')).toBe(br); // the same bytes: not compressed again
    const gzip = hit.encoded('gzip');
    expect(gunzipSync(gzip).toString()).toEqual(body(1));
    hit.encoded('gzip');
    expect(cache.held).toEqual({ pages: 1, bytes: body(1).length + br.length + gzip.length });
  });

  it('does not count compressed copies of a page it no longer holds', async () => {
    const { state, version } = fakeVersion('1');
    const cache = new ContactPageCache(version);
    const old = await cache.get(KEY, async () => body(1));
    state.value = '2';
    const current = await cache.get(`${KEY}page=2`, async () => body(2));
    expect(brotliDecompressSync(old.encoded('br')).toString()).toEqual(body(1)); // still sent right
    expect(cache.held).toEqual({ pages: 1, bytes: current.json.length });
  });

  it('drops the oldest pages beyond its size budget, keeps the newest, and releases exactly what it drops', async () => {
    const cache = new ContactPageCache(fakeVersion('1').version);
    const big = (n: number) => async () => String(n).repeat(1.5 * 1024 * 1024);
    for (let n = 0; n < 4; n++) await cache.get(`${KEY}page=${n}`, big(n)); // 6 MiB rendered, 4 MiB budget
    expect(cache.held).toEqual({ pages: 2, bytes: 3 * 1024 * 1024 });
    let renders = 0;
    const counted = (n: number) => async () => (renders++, String(n));
    await cache.get(`${KEY}page=3`, counted(3)); // newest: still there
    expect(renders).toBe(0);
    await cache.get(`${KEY}page=0`, counted(0)); // oldest: evicted
    expect(renders).toBe(1);
  });

  it('counts compressed copies in the budget: adding them can evict the oldest page', async () => {
    const cache = new ContactPageCache(fakeVersion('1').version);
    // Incompressible text, so each copy is about as large as the JSON itself.
    const noise = () => randomBytes(0.975 * 1024 * 1024).toString('base64'); // 1.3 Mi characters
    await cache.get(`${KEY}page=1`, async () => noise());
    const second = await cache.get(`${KEY}page=2`, async () => noise());
    expect(cache.held.pages).toBe(2); // 2.6 MiB of JSON
    second.encoded('br'); // + ~1.1 MiB
    expect(cache.held.pages).toBe(2);
    second.encoded('gzip'); // + ~1.1 MiB: over budget, the oldest goes
    expect(cache.held).toEqual({ pages: 1, bytes: second.json.length + second.encoded('br').length + second.encoded('gzip').length });
  });
});

describe('ContactsService.list over the page cache: scoped by the books the caller can read', () => {
  const AT = '2026-01-01T00:00:00.000Z';
  const row = (id: number, book: number): ContactEntity => ({
    id, address_book_id: book, first_name: `F${id}`, last_name: 'L', email: `c${id}@example.com`, phone: '1', created_at: AT, updated_at: AT,
  });
  const ROWS = [row(1, 1), row(2, 2), row(3, 3)];
  const userAccess = (id: number, roles: Record<number, BookRole>) =>
    BookAccess.forUser(
      { kind: 'user', user: { id, email: `u${id}@example.com`, name: `U${id}`, is_admin: false }, credential: { type: 'token', id } },
      new Map(Object.entries(roles).map(([book, role]) => [Number(book), role])),
      null,
    );

  function setup() {
    const reads: Array<ContactPageQuery['books']> = [];
    const pages = {
      async page({ books }: ContactPageQuery) {
        reads.push(books);
        const rows = ROWS.filter((r) => books === 'all' || books.includes(r.address_book_id));
        return { count: rows.length, rows };
      },
    } as unknown as ContactPagesRepository;
    const { version } = fakeVersion('1');
    const service = new ContactsService({} as ContactsRepository, pages, {} as ContactMutations, {} as ContactInputValidator, new ContactPageCache(version));
    const list = async (access: BookAccess, query: Record<string, string> = {}) => {
      const rawQuery = new URLSearchParams(query).toString();
      const body = await service.list(query, { origin: 'http://h', path: '/api/contacts/', query, rawQuery }, access);
      return (JSON.parse(body.json) as Page<{ id: number; address_book: number }>).results.map((c) => c.id);
    };
    return { list, reads };
  }

  it('a caller never gets a page cached for someone who sees other books; callers who see the same books share one', async () => {
    const { list, reads } = setup();
    const both = userAccess(1, { 1: 'owner', 2: 'viewer' });
    const second = userAccess(2, { 2: 'owner' });
    const alsoSecond = userAccess(3, { 2: 'editor' }); // another account, the same books

    expect(await list(both)).toEqual([1, 2]);
    expect(await list(second)).toEqual([2]);
    expect(await list(alsoSecond)).toEqual([2]);
    expect(await list(BookAccess.nothing())).toEqual([]);
    expect(await list(BookAccess.everything({ kind: 'open' }, 1))).toEqual([1, 2, 3]);
    expect(reads).toEqual([[1, 2], [2], [], 'all']);
  });

  it('?address_book= lists that one book if the caller can read it; else 404 and nothing read', async () => {
    const { list, reads } = setup();
    const both = userAccess(1, { 1: 'owner', 2: 'viewer' });
    expect(await list(both, { address_book: '2' })).toEqual([2]);
    const refused = await list(userAccess(2, { 2: 'owner' }), { address_book: '1' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).getStatus()).toBe(404);
    const bad = await list(both, { address_book: 'x' }).catch((e: unknown) => e);
    expect((bad as ApiError).getResponse()).toEqual({ address_book: ['A valid integer is required.'] });
    expect(reads).toEqual([[2]]);
  });
});
