// The list's cursor pages (?cursor=, DRF CursorPagination style) and the exact counts the
// database keeps per book: a walk by key loses or repeats no row that stays put while it
// goes, whatever else changes; counts follow every insert, delete and move, made through
// the API or with the sqlite3 / psql shell.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Contact, Page } from '@contacts/wire-types';
import { newAccount, signUp } from '../support/accounts.js';
import { TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { type DatabaseTarget, literal, sql } from '../database-changes/sql-shell.js';
import { addContact, client, type Client, distinctFields, expectOk, newBook, startMergeApp } from '../merge/merge-support.js';

describe(`list cursor and counts on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  let db: DatabaseTarget;
  let ada: Client;
  let bookA: number;
  let bookB: number;

  beforeAll(async () => {
    ({ app, db } = await startMergeApp());
    ada = client(app, await signUp(app.baseUrl, newAccount('Ada Lovelace')));
    bookA = (await newBook(ada, 'Cursor A')).id;
    bookB = (await newBook(ada, 'Cursor B')).id;
  });
  afterAll(() => app?.close());

  const list = async (query: string): Promise<Page<Contact>> => expectOk(await ada.get(`/api/contacts/${query}`), 200, `list ${query}`).body as Page<Contact>;
  /** A link of the envelope, followed on the same server. */
  const follow = (link: string) => {
    const url = new URL(link);
    return list(url.search);
  };
  /** The whole list in order, read by page number (the reference a walk is compared with). */
  const everything = async (filter: string): Promise<number[]> => {
    const ids: number[] = [];
    for (let page = await list(`?page_size=100${filter}`); ; page = await follow(page.next!)) {
      ids.push(...page.results.map((c) => c.id));
      if (!page.next) return ids;
    }
  };
  const shellCount = async (where: string) => Number(await sql(db, `SELECT COUNT(*) FROM contacts WHERE ${where}`));

  it('walks forward and back without losing or repeating a row, while rows are edited, deleted, added and moved', async () => {
    const a = [];
    for (let i = 0; i < 10; i++) a.push(await addContact(ada, bookA, distinctFields()));
    for (let i = 0; i < 5; i++) await addContact(ada, bookB, distinctFields());

    for (const filter of [`&address_book=${bookA}`, '']) {
      const before = await everything(filter);
      const first = await list(`?cursor=&page_size=3${filter}`);
      expect(first.previous).toBeNull();
      expect(first.count).toBe(before.length);
      expect(first.results.map((c) => c.id)).toEqual(before.slice(0, 3));
      // Links keep the other parameters and carry the cursor instead of a page number.
      const next = new URL(first.next!);
      expect(next.searchParams.get('page_size')).toBe('3');
      expect(next.searchParams.get('address_book')).toBe(filter ? String(bookA) : null);
      expect(next.searchParams.has('page')).toBe(false);

      const seen = first.results.map((c) => c.id);
      const changed = new Set<number>();
      let page = first;
      let step = 0;
      while (page.next) {
        step += 1;
        const boundary = page.results[page.results.length - 1].id;
        const ahead = before.filter((id) => !seen.includes(id) && !changed.has(id));
        if (step === 1) {
          // The row the next cursor points from goes: the cursor holds its key, not the row.
          expectOk(await ada.delete(`/api/contacts/${boundary}/`), 204, 'delete boundary');
          changed.add(boundary);
          // A row not reached yet is edited (it moves above the walk) and a new one is added (at the top).
          expectOk(await ada.patch(`/api/contacts/${ahead[0]}/`, { phone: '+1 617 555 0199' }), 200, 'edit ahead');
          changed.add(ahead[0]);
          await addContact(ada, bookA, distinctFields());
        }
        if (step === 2 && ahead.length > 1) {
          // One not reached yet moves to the other book (out of book A's list; to the top of the combined one).
          expectOk(await ada.patch(`/api/contacts/${ahead[1]}/`, { address_book: bookB }), 200, 'move ahead');
          changed.add(ahead[1]);
        }
        page = await follow(page.next);
        seen.push(...page.results.map((c) => c.id));
      }
      // Every row that stayed put was seen once, in list order; nothing twice.
      expect(new Set(seen).size).toBe(seen.length);
      const unchanged = before.filter((id) => !changed.has(id));
      expect(seen.filter((id) => !changed.has(id))).toEqual(unchanged);
      expect(page.count).toBe((await everything(filter)).length);

      // And back from the last page to the first: the list as it is now, every row once.
      const now = await everything(filter);
      const back: number[] = [];
      for (;;) {
        back.unshift(...page.results.map((c) => c.id));
        if (!page.previous) break;
        page = await follow(page.previous);
      }
      expect(back).toEqual(now);
    }
    expect(a).toHaveLength(10);
  });

  it('pages by cursor with a search, and past the end', async () => {
    const term = `Zebulon${process.pid}`;
    for (let i = 0; i < 4; i++) await addContact(ada, i % 2 ? bookA : bookB, distinctFields({ last_name: `${term}x${i}` }));
    const matches = await everything(`&search=${term}`);
    expect(matches).toHaveLength(4);
    const first = await list(`?cursor=&page_size=3&search=${term}`);
    expect(first.count).toBe(4);
    const second = await follow(first.next!);
    expect(second.next).toBeNull();
    expect([...first.results, ...second.results].map((c) => c.id)).toEqual(matches);
    expect(new URL(first.next!).searchParams.get('search')).toBe(term);
    // Forward from the last row: an empty page that can still go back, to the rows before it.
    const last = second.results[second.results.length - 1];
    const beyond = await list(`?page_size=3&search=${term}&cursor=${cursorOf(last, false)}`);
    expect(beyond.results).toEqual([]);
    expect(beyond.next).toBeNull();
    const back = await follow(beyond.previous!);
    expect(back.results.map((c) => c.id)).toEqual(matches.slice(0, 3));
    expect(back.previous).toBeNull();
  });

  it('answers a bad cursor with DRF’s 404', async () => {
    const bad = [
      'not*base64',
      Buffer.from('not json').toString('base64url'),
      Buffer.from('{"p":{"updated_at":"2024-01-01T00:00:00.000Z","id":"1"},"r":false}').toString('base64url'),
      Buffer.from('{"p":{"updated_at":5,"id":1},"r":false}').toString('base64url'),
      Buffer.from('{"p":{"updated_at":"2024-01-01T00:00:00.000Z","id":1}}').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
      'x'.repeat(600),
    ];
    for (const cursor of bad) {
      const res = await ada.get(`/api/contacts/?cursor=${cursor}`);
      expect({ cursor, status: res.status, body: res.body }).toEqual({ cursor, status: 404, body: { detail: 'Invalid cursor' } });
    }
    const twice = await ada.get('/api/contacts/?cursor=&cursor=');
    expect([twice.status, twice.body]).toEqual([404, { detail: 'Invalid cursor' }]);
    // A well-formed key that matches no row is a valid position.
    const nowhere = await ada.get(`/api/contacts/?cursor=${cursorOf({ updated_at: '1999-01-01T00:00:00.000Z', id: 1 }, false)}`);
    expect([nowhere.status, nowhere.body.results]).toEqual([200, []]);
  });

  it('keeps counts exact through API and shell inserts, deletes and moves', async () => {
    const expectCounts = async () => {
      const [inA, inB] = [await shellCount(`address_book_id = ${bookA}`), await shellCount(`address_book_id = ${bookB}`)];
      expect((await list(`?address_book=${bookA}`)).count).toBe(inA);
      expect((await list(`?address_book=${bookB}&cursor=`)).count).toBe(inB);
      // Ada reads her own first book too: every book she can read.
      const own = (await list('')).count;
      const mine = (await everything('')).length;
      expect(own).toBe(mine);
      const kept = Number(await sql(db, `SELECT coalesce(sum(contacts), 0) FROM address_book_contact_counts WHERE address_book_id IN (${bookA}, ${bookB})`));
      expect(kept).toBe(inA + inB);
      const books = expectOk(await ada.get('/api/address-books/'), 200, 'books').body as Array<{ id: number; contact_count: number }>;
      expect(books.find((b) => b.id === bookA)?.contact_count).toBe(inA);
      expect(books.find((b) => b.id === bookB)?.contact_count).toBe(inB);
      const deleted = Number(await sql(db, `SELECT COUNT(*) FROM deleted_contacts WHERE address_book_id IN (${bookA}, ${bookB})`));
      const deletedKept = Number(await sql(db, `SELECT coalesce(sum(deleted), 0) FROM address_book_contact_counts WHERE address_book_id IN (${bookA}, ${bookB})`));
      expect(deletedKept).toBe(deleted);
      const everyDeleted = Number(await sql(db, 'SELECT COUNT(*) FROM deleted_contacts'));
      expect(Number(await sql(db, 'SELECT coalesce(sum(deleted), 0) FROM address_book_contact_counts'))).toBe(everyDeleted);
    };
    await expectCounts();

    const made = await addContact(ada, bookA, distinctFields());
    expectOk(await ada.patch(`/api/contacts/${made.id}/`, { address_book: bookB }), 200, 'move');
    await expectCounts();
    expectOk(await ada.delete(`/api/contacts/${made.id}/`), 204, 'delete');
    await expectCounts();
    expectOk(await ada.post(`/api/contacts/${made.id}/restore/`), 201, 'restore');
    await expectCounts();

    // The shell: several rows in one statement, across books; a move; a delete of several.
    const fields = (n: number, book: number) => {
      const f = distinctFields();
      return `(${book}, ${literal(f.first_name)}, ${literal(f.last_name)}, ${literal(`shell${n}.${f.email}`)}, ${literal(f.phone)})`;
    };
    await sql(db, `INSERT INTO contacts (address_book_id, first_name, last_name, email, phone) VALUES ${fields(1, bookA)}, ${fields(2, bookA)}, ${fields(3, bookB)}`);
    await expectCounts();
    await sql(db, `UPDATE contacts SET address_book_id = ${bookB} WHERE id = (SELECT max(id) FROM contacts WHERE address_book_id = ${bookA})`);
    await expectCounts();
    await sql(db, `DELETE FROM contacts WHERE id IN (SELECT id FROM contacts WHERE address_book_id IN (${bookA}, ${bookB}) ORDER BY id DESC LIMIT 3)`);
    await expectCounts();
    // Back from recently deleted with an INSERT of its id, and a delete-list move in the shell.
    const gone = Number(await sql(db, `SELECT max(contact_id) FROM deleted_contacts WHERE address_book_id IN (${bookA}, ${bookB})`));
    await sql(db, `UPDATE deleted_contacts SET address_book_id = ${bookA} WHERE contact_id = ${gone}`);
    await expectCounts();
    const readable = (expectOk(await ada.get('/api/address-books/'), 200, 'books').body as Array<{ id: number }>).map((b) => b.id);
    const deletedList = expectOk(await ada.get('/api/contacts/deleted/'), 200, 'deleted').body as Page<Contact>;
    expect(deletedList.count).toBe(Number(await sql(db, `SELECT COUNT(*) FROM deleted_contacts WHERE address_book_id IN (${readable.join(', ')})`)));
  });
});

/** A cursor as the server makes them (the test needs one for a row the server gave no link to). */
function cursorOf(row: { updated_at: string; id: number }, reverse: boolean): string {
  return Buffer.from(JSON.stringify({ p: { updated_at: row.updated_at, id: row.id }, r: reverse })).toString('base64url');
}
