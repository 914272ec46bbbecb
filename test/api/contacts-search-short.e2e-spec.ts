// Search for short and broad terms: a one- or two-character term matches the start of a
// word (names, organization, the emails' local parts, the phones' digit groups), a longer
// one any substring; counts are exact and both windows (page numbers, cursor) walk the
// matches in list order — also rows written with sqlite3 / psql.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Contact, ContactFields, Page } from '@contacts/wire-types';
import { type DatabaseTarget, literal, sql } from '../database-changes/sql-shell.js';
import { createContact } from '../support/contacts-fixtures.js';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';

describe(`search by short and broad terms on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  let db: DatabaseTarget;
  const people: Record<string, Contact> = {};
  const add = async (key: string, fields: Partial<ContactFields>) => {
    people[key] = await createContact(app, fields);
  };

  beforeAll(async () => {
    app = await startTestApp({}, { CREATE_DELAY_MS: '0' });
    const { database } = app.config;
    db = database.kind === 'sqlite' ? { kind: 'sqlite', path: database.path } : { kind: 'postgres', url: database.url };
    await add('abbott', { first_name: 'Jo', last_name: 'Abbott', email: 'jo.abbott@example.com', phone: '+44 20 7946 0101' });
    await add('abigail', { first_name: 'Abigail', last_name: 'Stone', email: 'stone@example.org', phone: '+1-555-0102' });
    await add('maryAnn', { first_name: 'Mary-Ann', last_name: 'Abel', email: 'mary@example.net', phone: '+1-555-0103' });
    await add('emailOnly', { first_name: 'Xavier', last_name: 'Quinn', email: 'ab@x.org', phone: '+1-555-0104' });
    await add('midWord', { first_name: 'Barbara', last_name: 'Crabtree', email: 'crab@example.com', phone: '+1-555-0105' });
    await add('domainOnly', { first_name: 'Zed', last_name: 'Young', email: 'zed@abc.example', phone: '+1-555-0106' });
    await add('organization', { first_name: 'Olga', last_name: 'Ivanova', email: 'olga@example.com', phone: '+49 30 1234567', organization: 'Abacus Ltd' });
    await add('otherEmail', {
      first_name: 'Kwame', last_name: 'Mensah', email: 'kwame@example.com', phone: '+233 30 2222222',
      other_emails: [{ label: 'work', value: 'abe.w@work.example' }],
    });
    await add('otherPhone', {
      first_name: 'Ada', last_name: 'Chen', email: 'chen@example.com', phone: '+86 10 8888 0000',
      other_phones: [{ label: 'mobile', value: '+44 7700 900555' }],
    });
    await add('unicode', { first_name: 'Øystein', last_name: 'Ødegård', email: 'oystein@example.no', phone: '+47 22 33 44 55' });
  });
  afterAll(() => app?.close());

  const page = async (query: string) => {
    const res = await app.http().get(`/api/contacts/${query}`);
    expect({ query, status: res.status }).toEqual({ query, status: 200 });
    return res.body as Page<Contact>;
  };
  const found = async (term: string) => {
    const result = await page(`?page_size=100&search=${encodeURIComponent(term)}`);
    expect(result.count).toBe(result.results.length);
    return result.results.map((c) => c.id).sort((x, y) => x - y);
  };
  const ids = (...keys: string[]) => keys.map((key) => people[key].id).sort((x, y) => x - y);

  it.each([
    ['ab', ['abbott', 'abigail', 'maryAnn', 'emailOnly', 'organization', 'otherEmail']],
    ['AB', ['abbott', 'abigail', 'maryAnn', 'emailOnly', 'organization', 'otherEmail']],
    ['a', ['abbott', 'abigail', 'maryAnn', 'emailOnly', 'organization', 'otherEmail', 'otherPhone']],
    ['an', ['maryAnn']],
    ['55', ['abigail', 'maryAnn', 'emailOnly', 'midWord', 'domainOnly', 'unicode']],
    ['77', ['otherPhone']],
    ['+1', ['abigail', 'maryAnn', 'emailOnly', 'midWord', 'domainOnly', 'organization', 'otherPhone']],
    ['x', ['emailOnly']],
    ['øD', ['unicode']],
    ['ØY', ['unicode']],
  ])('%s matches the start of a word of the names, organization, local parts and phones, exactly counted', async (term, keys) => {
    expect(await found(term)).toEqual(ids(...keys));
  });

  it('a short term matches neither inside a word nor in an email domain, and one without letters or digits matches nothing', async () => {
    expect(await found('ra')).toEqual([]);
    expect(await found('or')).toEqual([]);
    for (const term of ['%', '_', '+', '@.']) expect(await found(term)).toEqual([]);
  });

  it('three characters or more still match any substring', async () => {
    expect(await found('rab')).toEqual(ids('midWord'));
    expect(await found('abc')).toEqual(ids('domainOnly'));
    expect(await found('bbo')).toEqual(ids('abbott'));
  });

  it('rows inserted, changed and deleted with the database client are found, and counted, as the API’s', async () => {
    const [inserted] = (await sql(db, `INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Abner', 'Doubleday', ${literal('abner@example.com')}, '1') RETURNING id`)).split('\n');
    expect(await found('ab')).toEqual([...ids('abbott', 'abigail', 'maryAnn', 'emailOnly', 'organization', 'otherEmail'), Number(inserted)].sort((x, y) => x - y));
    await sql(db, `UPDATE contacts SET last_name = 'Abernathy' WHERE id = ${people.midWord.id}`);
    await sql(db, `UPDATE contacts SET first_name = 'Joanna', last_name = 'Bright', email = 'jo.bright@example.com' WHERE id = ${people.abbott.id}`);
    await sql(db, `DELETE FROM contacts WHERE id = ${inserted}`);
    expect(await found('ab')).toEqual(ids('abigail', 'maryAnn', 'emailOnly', 'midWord', 'organization', 'otherEmail'));
    expect(await found('br')).toEqual(ids('abbott'));
  });

  it('the export walks the same matches', async () => {
    const res = await app.http().get('/api/contacts/export/?format=csv&search=ab');
    expect(res.status).toBe(200);
    const exported = people.abigail.email;
    expect(res.text).toContain(exported);
    expect(res.text).toContain('abe.w@work.example');
    expect(res.text).not.toContain(people.domainOnly.email);
  });

  describe('a broad term (most of the book) through both windows', () => {
    const BULK = 50;
    const listOrder: number[] = [];
    const matching = (set: Set<number>) => listOrder.filter((id) => set.has(id));

    beforeAll(async () => {
      // Written by the client in one statement: equal timestamps, so ids settle the order.
      const rows = Array.from({ length: BULK }, (_, i) =>
        `('Broad${i}', 'Bulk', ${literal(`broad.${i}@bulk.example`)}, ${literal(`+1-2${String(i).padStart(2, '0')}-555-01${String(i).padStart(2, '0')}`)})`);
      await sql(db, `INSERT INTO contacts (first_name, last_name, email, phone) VALUES ${rows.join(', ')}`);
      for (let p = 1; ; p++) {
        const all = await page(`?page_size=100&page=${p}`);
        listOrder.push(...all.results.map((c) => c.id));
        if (!all.next) break;
      }
    });

    const walkPages = async (search: string, pageSize: number) => {
      const seen: number[] = [];
      let count: number;
      for (let p = 1; ; p++) {
        const result = await page(`?page_size=${pageSize}&page=${p}&search=${encodeURIComponent(search)}`);
        count = result.count;
        seen.push(...result.results.map((c) => c.id));
        if (!result.next) break;
      }
      return { count, seen };
    };

    const walkCursor = async (search: string, pageSize: number) => {
      const forward: number[] = [];
      const counts = new Set<number>();
      let result = await page(`?cursor=&page_size=${pageSize}&search=${encodeURIComponent(search)}`);
      expect(result.previous).toBeNull();
      for (;;) {
        counts.add(result.count);
        forward.push(...result.results.map((c) => c.id));
        if (!result.next) break;
        result = await page(new URL(result.next).search);
      }
      // And back from the last page to the first.
      const backward: number[] = [...result.results.map((c) => c.id)];
      while (result.previous) {
        result = await page(new URL(result.previous).search);
        backward.unshift(...result.results.map((c) => c.id));
      }
      return { counts: [...counts], forward, backward };
    };

    it.each([
      ['+1-2', 'substring'],
      ['br', 'word start'],
    ])('%s (%s): exact count, every match once in list order, by page number and by cursor', async (term) => {
      const expected = matching(new Set(listOrder.filter((id) => id > people.unicode.id)));
      for (const pageSize of [1, 7, 100]) {
        const byPage = await walkPages(term, pageSize);
        const extra = term === 'br' ? [people.abbott.id] : [];
        const want = matching(new Set([...expected, ...extra]));
        expect(byPage).toEqual({ count: want.length, seen: want });
        const byCursor = await walkCursor(term, pageSize);
        expect(byCursor).toEqual({ counts: [want.length], forward: want, backward: want });
      }
    });

    it('a short term with a handful of matches among many pages the same way', async () => {
      const want = matching(new Set(ids('abigail', 'maryAnn', 'emailOnly', 'midWord', 'organization', 'otherEmail')));
      expect(await walkPages('ab', 4)).toEqual({ count: want.length, seen: want });
      expect(await walkCursor('ab', 4)).toEqual({ counts: [want.length], forward: want, backward: want });
    });
  });
});
