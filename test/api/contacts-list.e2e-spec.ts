import type { Contact, Page } from '@contacts/wire-types';
import { createContact } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /api/contacts/: DRF envelope, paging, search, order', () => {
  let app: TestApp;
  const made: Contact[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const empty = await app.http().get('/api/contacts/');
    expect(empty.body).toEqual({ count: 0, next: null, previous: null, results: [] });
    made.push(await createContact(app, { first_name: 'Ada', last_name: 'Lovelace', email: 'Ada.Lovelace@Example.com', phone: '+44 20 7946 0001' }));
    made.push(await createContact(app, { first_name: 'Grace', last_name: 'Hopper', email: 'grace@navy.example', phone: '+1-555-0100' }));
    // 23 more so there are two pages of 20.
    for (let i = 0; i < 23; i++) made.push(await createContact(app, { first_name: `Bulk${i}`, last_name: 'Person' }));
  });
  afterAll(() => app.close());

  const page = async (query: string) => (await app.http().get(`/api/contacts/${query}`)).body as Page<Contact>;

  it('lists newest updated first, 20 a page, with absolute next/previous links', async () => {
    const first = await page('');
    expect(first.count).toBe(25);
    expect(first.results).toHaveLength(20);
    expect(first.results[0].id).toBe(made[24].id);
    const stamps = first.results.map((c) => c.updated_at);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(`${app.baseUrl}/api/contacts/?page=2`);
    const second = (await app.http().get(new URL(first.next!).pathname + new URL(first.next!).search)).body as Page<Contact>;
    expect(second.results).toHaveLength(5);
    expect(second.next).toBeNull();
    expect(second.previous).toBe(`${app.baseUrl}/api/contacts/`);
    expect(new Set([...first.results, ...second.results].map((c) => c.id)).size).toBe(25);
  });

  it('an update moves a contact to the top', async () => {
    await app.http().patch(`/api/contacts/${made[0].id}/`).send({ phone: '+44 20 7946 0002' });
    expect((await page('')).results[0].id).toBe(made[0].id);
  });

  it('page_size is capped at 100 and bad values fall back to 20', async () => {
    expect((await page('?page_size=5')).results).toHaveLength(5);
    expect((await page('?page_size=1000')).results).toHaveLength(25);
    expect((await page('?page_size=abc')).results).toHaveLength(20);
    const capped = await app.http().get('/api/contacts/?page_size=100&page=1');
    expect(capped.body.next).toBeNull();
  });

  it('a page past the end, or not a page number, is 404 "Invalid page."', async () => {
    for (const query of ['?page=3', '?page=0', '?page=abc', '?page=-1']) {
      const res = await app.http().get(`/api/contacts/${query}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Invalid page.' });
    }
  });

  it.each([
    ['first name', 'lovel', 'Ada'],
    ['last name', 'HOPP', 'Grace'],
    ['full name', 'ada love', 'Ada'],
    ['email', 'navy.exam', 'Grace'],
    ['email, case-insensitively', 'ada.lovelace@example', 'Ada'],
    ['phone', '7946', 'Ada'],
    ['a short term', 'Ad', 'Ada'],
  ])('search matches on %s', async (_what, term, expected) => {
    const result = await page(`?search=${encodeURIComponent(term)}`);
    expect(result.results.map((c) => c.first_name)).toEqual([expected]);
    expect(result.count).toBe(1);
  });

  it('search keeps paging and returns nothing for no match; special characters are literal', async () => {
    const bulk = await page('?search=bulk&page_size=10');
    expect(bulk.count).toBe(23);
    expect(bulk.next).toBe(`${app.baseUrl}/api/contacts/?search=bulk&page_size=10&page=2`);
    expect((await page('?search=zzzz-nobody')).count).toBe(0);
    expect((await page(`?search=${encodeURIComponent('%')}`)).count).toBe(0);
    expect((await page(`?search=${encodeURIComponent('"quoted" OR x')}`)).count).toBe(0);
    expect((await page(`?search=${encodeURIComponent('_')}`)).count).toBe(0);
  });
});
