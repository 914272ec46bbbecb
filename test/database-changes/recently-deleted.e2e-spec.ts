// "Recently deleted" (GET /api/contacts/deleted/) is read from `deleted_contacts`, which the
// database's version triggers keep: every way a contact goes or comes back must move it —
// the API, the sqlite3 / psql shell, a restore, a merge (never listed) and its undo.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Contact, Page } from '@contacts/wire-types';
import { createAccount, newAccount, signUp } from '../support/accounts.js';
import { TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { type DatabaseTarget, sql } from './sql-shell.js';
import { addContact, client, type Client, distinctFields, expectOk, mergeOk, newBook, startMergeApp, undo } from '../merge/merge-support.js';

describe(`recently deleted on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  let db: DatabaseTarget;
  let ada: Client;
  let grace: Client;

  beforeAll(async () => {
    ({ app, db } = await startMergeApp());
    const session = await signUp(app.baseUrl, newAccount('Ada Lovelace'));
    ada = client(app, session);
    grace = client(app, await createAccount(app.baseUrl, session, newAccount('Grace Hopper')));
  });
  afterAll(() => app?.close());

  const deleted = async (c: Client, query = ''): Promise<{ count: number; ids: number[] }> => {
    const page = expectOk(await c.get(`/api/contacts/deleted/${query}`), 200, 'deleted list').body as Page<Contact>;
    return { count: page.count, ids: page.results.map((contact) => contact.id) };
  };

  it('follows deletions and returns made through the API, the shell, restores, merges and their undo, newest first, per reader', async () => {
    const book = (await newBook(ada, 'Deleted list')).id;
    const before = await deleted(ada);
    const [a, b, c, d] = await Promise.all(['Alan', 'Barbara', 'Claude', 'Dennis'].map((first) => addContact(ada, book, distinctFields({ first_name: first }))));

    expectOk(await ada.delete(`/api/contacts/${a.id}/`), 204, 'delete');
    await sql(db, `DELETE FROM contacts WHERE id = ${b.id}`);
    let now = await deleted(ada);
    expect(now.count).toBe(before.count + 2);
    expect(now.ids.slice(0, 2)).toEqual([b.id, a.id]);
    // Another account's reader sees none of them.
    expect((await deleted(grace)).ids).not.toContain(a.id);

    // A merged-away contact is not "deleted": it comes back through the merge's undo.
    const merged = await mergeOk(ada, c.id, [d.id]);
    expect((await deleted(ada)).ids).not.toContain(d.id);
    expectOk(await undo(ada, merged.merge_id), 200, 'undo');
    expect((await deleted(ada)).count).toBe(before.count + 2);

    // Coming back by restore, or by an INSERT of its id in the shell, takes it off the list.
    expectOk(await ada.post(`/api/contacts/${a.id}/restore/`), 201, 'restore');
    await sql(db, `INSERT INTO contacts (id, address_book_id, first_name, last_name, email, phone) VALUES (${b.id}, ${book}, 'Barbara', 'Liskov', 'barbara.${b.id}@example.com', '+1 555 0100')`);
    now = await deleted(ada);
    expect(now.count).toBe(before.count);
    expect(now.ids).not.toContain(a.id);
    expect(now.ids).not.toContain(b.id);

    // Deleted again: listed once, with its latest deletion.
    expectOk(await ada.delete(`/api/contacts/${a.id}/`), 204, 'delete again');
    now = await deleted(ada, '?page_size=1');
    expect(now).toEqual({ count: before.count + 1, ids: [a.id] });
  });

  it('walks by cursor: every deleted contact once, newest deletion first, forward and back, with the exact count', async () => {
    const book = (await newBook(ada, 'Deleted by cursor')).id;
    const made = await Promise.all(['Ken', 'Dennis', 'Brian', 'Rob', 'Doug'].map((first) => addContact(ada, book, distinctFields({ first_name: first }))));
    for (const contact of made) expectOk(await ada.delete(`/api/contacts/${contact.id}/`), 204, 'delete');
    const everything = await deleted(ada, '?page_size=100');
    expect(everything.ids.slice(0, 5)).toEqual(made.map((contact) => contact.id).reverse());

    const pages: Page<Contact>[] = [];
    let url: string | null = '/api/contacts/deleted/?cursor=&page_size=2';
    while (url && pages.length < 100) {
      const page = expectOk(await ada.get(url.replace(app.baseUrl, '')), 200, 'cursor page').body as Page<Contact>;
      pages.push(page);
      url = page.next;
    }
    expect(pages.every((page) => page.count === everything.count)).toBe(true);
    expect(pages[0].previous).toBeNull();
    expect(pages.flatMap((page) => page.results.map((contact) => contact.id))).toEqual(everything.ids);
    // Back from the last page: the page before it, as it was read going forward.
    const back = expectOk(await ada.get(pages.at(-1)!.previous!.replace(app.baseUrl, '')), 200, 'previous').body as Page<Contact>;
    expect(back.results.map((contact) => contact.id)).toEqual(pages.at(-2)!.results.map((contact) => contact.id));
    expectOk(await ada.get('/api/contacts/deleted/?cursor=bm90LWEtY3Vyc29y'), 404, 'a bad cursor');
  });
});
