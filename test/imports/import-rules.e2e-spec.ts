import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { AddressBook, Contact, ImportJob, Page, Version } from '@contacts/wire-types';
import { createAccount, type Session, signUp } from '../support/accounts.js';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { card, finished, get, importFile, upload } from './import-support.js';

/**
 * What an import does card by card: each card all or nothing (a card that breaks a rule is
 * skipped with its field errors and nothing of it is written), duplicates skipped or
 * updated as asked, versions "created"/"updated" through "import"; and what it refuses at
 * once: a file too large, empty, neither vCard nor CSV, a CSV without the columns it needs,
 * a book the caller cannot write.
 */
describe('imports: each card all or nothing, bad input refused', () => {
  let app: TestApp;
  let ada: Session;
  let grace: Session;
  let adaBook: number;
  let graceBook: number;

  const db = () => app.app.get(DataSource);
  const count = async (sql: string, params: unknown[] = []) => Number((await db().query(sql, params))[0].n);
  /** The spooled uploads that are not from before this suite (on PostgreSQL the spool is the working directory's data/). */
  const spoolDir = () => (TEST_DATABASE === 'postgres' ? resolve('data', 'import-spool') : join(app.dir, 'import-spool'));
  let spooledBefore: string[] = [];
  const spooled = () => (existsSync(spoolDir()) ? readdirSync(spoolDir()) : []);
  const spoolFiles = () => spooled().filter((file) => !spooledBefore.includes(file));

  async function contactsOf(who: Session, book: number): Promise<Contact[]> {
    const res = await get(app.baseUrl, `/api/contacts/?address_book=${book}&page_size=100`, who.headers);
    expect(res.status).toBe(200);
    return (res.body as Page<Contact>).results;
  }

  async function historyOf(who: Session, id: number): Promise<Version[]> {
    const res = await get(app.baseUrl, `/api/contacts/${id}/history/`, who.headers);
    expect(res.status).toBe(200);
    return res.body as Version[];
  }

  async function newBook(who: Session, name: string): Promise<number> {
    const res = await fetch(`${app.baseUrl}/api/address-books/`, { method: 'POST', headers: { ...who.headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ name }) });
    expect(res.status).toBe(201);
    return ((await res.json()) as AddressBook).id;
  }

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    spooledBefore = spooled();
    ada = await signUp(app.baseUrl, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada Lovelace' });
    grace = await createAccount(app.baseUrl, ada, { email: 'grace@example.com', password: 'another good one', name: 'Grace Hopper' });
    const books = async (who: Session) => ((await get(app.baseUrl, '/api/address-books/', who.headers)).body as AddressBook[]).find((b) => b.role === 'owner')!.id;
    adaBook = await books(ada);
    graceBook = await books(grace);
  });

  afterAll(() => app?.close());

  it('a card without an email is skipped with its field error; the others are written, each with a "created" version through "import"', async () => {
    const book = await newBook(ada, 'No email');
    const file = card({ first: 'Ada', last: 'One', email: 'ada.one@example.com' }) + card({ first: 'Nobody', last: 'Mail', email: null }) + card({ first: 'Ada', last: 'Three', email: 'ada.three@example.com' });
    const job = await importFile(app.baseUrl, file, { query: `address_book=${book}`, headers: ada.headers });
    expect(job).toEqual({
      id: job.id, status: 'done', total: 3, processed: 3, created: 2, updated: 0,
      skipped: [{ index: 1, name: 'Nobody Mail', errors: { email: [expect.any(String)] } }],
    });
    const contacts = await contactsOf(ada, book);
    expect(contacts.map((c) => c.email).sort()).toEqual(['ada.one@example.com', 'ada.three@example.com']);
    expect(await count(`SELECT COUNT(*) AS n FROM contact_versions WHERE address_book_id = ${book}`)).toBe(2);
    for (const contact of contacts) {
      const versions = await historyOf(ada, contact.id);
      expect(versions.map((v) => [v.edited_reason, v.edited_via, v.edited_by])).toEqual([['created', 'import', { id: ada.user.id, name: 'Ada Lovelace' }]]);
    }
    expect(spoolFiles()).toEqual([]); // the upload is removed once the job is done
  });

  it('on_duplicate=skip leaves the existing contacts alone; on_duplicate=update writes over them (same uid, else same email)', async () => {
    const book = await newBook(ada, 'Duplicates');
    const original = card({ uid: 'dup-1', first: 'Alan', last: 'Turing', email: 'alan@example.com', tel: '+44 1' }) + card({ uid: 'dup-2', first: 'Grace', last: 'Hopper', email: 'grace.h@example.com', tel: '+1 2' });
    const first = await importFile(app.baseUrl, original, { query: `address_book=${book}`, headers: ada.headers });
    expect([first.created, first.updated, first.skipped]).toEqual([2, 0, []]);
    // The same uid with another email, and another uid with the same email: both are the same contacts.
    const again = card({ uid: 'dup-1', first: 'Alan', last: 'Turing', email: 'alan.turing@example.com', tel: '+44 9' }) + card({ uid: 'other', first: 'Grace', last: 'Hopper', email: 'GRACE.H@example.com', tel: '+1 9' });

    const skipped = await importFile(app.baseUrl, again, { query: `address_book=${book}&on_duplicate=skip`, headers: ada.headers });
    expect(skipped).toMatchObject({ status: 'done', total: 2, processed: 2, created: 0, updated: 0 });
    expect(skipped.skipped).toEqual([
      { index: 0, name: 'Alan Turing', errors: expect.any(Object) },
      { index: 1, name: 'Grace Hopper', errors: expect.any(Object) },
    ]);
    let contacts = await contactsOf(ada, book);
    expect(contacts.map((c) => [c.email, c.phone]).sort()).toEqual([['alan@example.com', '+44 1'], ['grace.h@example.com', '+1 2']]);

    const updated = await importFile(app.baseUrl, again, { query: `address_book=${book}&on_duplicate=update`, headers: ada.headers });
    expect(updated).toMatchObject({ status: 'done', total: 2, processed: 2, created: 0, updated: 2, skipped: [] });
    contacts = await contactsOf(ada, book);
    expect(contacts.map((c) => [c.email, c.phone, c.uid]).sort()).toEqual([['GRACE.H@example.com', '+1 9', expect.any(String)], ['alan.turing@example.com', '+44 9', 'dup-1']]);
    for (const contact of contacts) {
      expect((await historyOf(ada, contact.id)).map((v) => [v.edited_reason, v.edited_via])).toEqual([['updated', 'import'], ['created', 'import']]);
    }
  });

  it('a card whose email another contact of the book has is skipped (409 keyed by email), nothing of it written', async () => {
    const book = await newBook(ada, 'Taken');
    await importFile(app.baseUrl, card({ uid: 'taken-a', email: 'a@example.com' }) + card({ uid: 'taken-b', email: 'b@example.com' }), { query: `address_book=${book}`, headers: ada.headers });
    const versionsBefore = await count(`SELECT COUNT(*) AS n FROM contact_versions WHERE address_book_id = ${book}`);
    // uid of A, email of B: updating A would take B's email.
    const job = await importFile(app.baseUrl, card({ uid: 'taken-a', first: 'Clash', last: 'Card', email: 'b@example.com' }), { query: `address_book=${book}&on_duplicate=update`, headers: ada.headers });
    expect(job).toMatchObject({ status: 'done', processed: 1, created: 0, updated: 0, skipped: [{ index: 0, name: 'Clash Card', errors: { email: ['Email must be unique.'] } }] });
    expect(await count(`SELECT COUNT(*) AS n FROM contact_versions WHERE address_book_id = ${book}`)).toBe(versionsBefore);
    expect((await contactsOf(ada, book)).map((c) => c.email).sort()).toEqual(['a@example.com', 'b@example.com']);
  });

  it('a broken card is skipped with its reason; the cards around it are imported', async () => {
    const book = await newBook(ada, 'Broken');
    const broken = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken Card\r\nthis line has no colon at all\r\nEND:VCARD\r\n';
    const job = await importFile(app.baseUrl, card({ email: 'before@example.com' }) + broken + card({ email: 'after@example.com' }), { query: `address_book=${book}`, headers: ada.headers });
    expect(job).toMatchObject({ status: 'done', total: 3, processed: 3, created: 2 });
    expect(job.skipped).toEqual([{ index: 1, name: 'Broken Card', errors: { vcard: [expect.stringMatching(/\S/)] } }]);
    expect((await contactsOf(ada, book)).map((c) => c.email).sort()).toEqual(['after@example.com', 'before@example.com']);
  });

  it('a CSV without an email column → 400 naming what is missing; nothing is kept', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM imports');
    const res = await upload(app.baseUrl, 'first_name,last_name,phone\nAda,Lovelace,+1 555\n', { contentType: 'text/csv', headers: ada.headers });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/email/i);
    expect(await count('SELECT COUNT(*) AS n FROM imports')).toBe(before);
    expect(spoolFiles()).toEqual([]);
  });

  it('a CSV that breaks off (an unclosed quote) → 400 before any row is written', async () => {
    const before = { imports: await count('SELECT COUNT(*) AS n FROM imports'), contacts: await count('SELECT COUNT(*) AS n FROM contacts') };
    const csv = 'first_name,last_name,email,phone\nAda,Lovelace,ada.csv@example.com,+1 555\nBroken,"Quote,broken@example.com,+1 555\n';
    const res = await upload(app.baseUrl, csv, { contentType: 'text/csv', headers: ada.headers });
    expect([res.status, typeof (res.body as { detail?: unknown }).detail]).toEqual([400, 'string']);
    expect(await count('SELECT COUNT(*) AS n FROM imports')).toBe(before.imports);
    expect(await count('SELECT COUNT(*) AS n FROM contacts')).toBe(before.contacts);
    expect(spoolFiles()).toEqual([]);
  });

  it('a 60 MiB body → 413 with the contract’s message; no job, no contact, nothing left in the spool', async () => {
    const before = { imports: await count('SELECT COUNT(*) AS n FROM imports'), contacts: await count('SELECT COUNT(*) AS n FROM contacts') };
    const filler = card({ extra: [`NOTE:${'x'.repeat(60)}`] });
    const big = Buffer.from(filler.repeat(Math.ceil((60 * 1024 * 1024) / filler.length)));
    expect(big.length).toBeGreaterThan(60 * 1024 * 1024 - 1);
    const res = await upload(app.baseUrl, big, { headers: ada.headers });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ detail: 'The file is larger than 50 MiB.' });
    // The same body without a length up front (chunked): cut off once past the limit.
    const chunked = await fetch(`${app.baseUrl}/api/contacts/import/`, {
      method: 'POST',
      headers: { ...ada.headers, 'Content-Type': 'text/vcard' },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < big.length; at += 1 << 20) controller.enqueue(big.subarray(at, at + (1 << 20)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toEqual({ detail: 'The file is larger than 50 MiB.' });
    expect(await count('SELECT COUNT(*) AS n FROM imports')).toBe(before.imports);
    expect(await count('SELECT COUNT(*) AS n FROM contacts')).toBe(before.contacts);
    expect(spoolFiles()).toEqual([]);
  }, 60_000);

  it('binary garbage, an empty body, a bad on_duplicate or address_book → 400', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    for (const contentType of ['text/vcard', 'application/octet-stream', 'text/csv']) {
      const res = await upload(app.baseUrl, garbage, { contentType, headers: ada.headers });
      expect([contentType, res.status, typeof (res.body as { detail?: unknown }).detail]).toEqual([contentType, 400, 'string']);
    }
    expect((await upload(app.baseUrl, '', { headers: ada.headers })).status).toBe(400);
    const badOption = await upload(app.baseUrl, card(), { query: 'on_duplicate=merge', headers: ada.headers });
    expect([badOption.status, badOption.body]).toEqual([400, { on_duplicate: ['"merge" is not a valid choice.'] }]);
    const badBook = await upload(app.baseUrl, card(), { query: 'address_book=abc', headers: ada.headers });
    expect([badBook.status, badBook.body]).toEqual([400, { address_book: ['A valid integer is required.'] }]);
    expect(spoolFiles()).toEqual([]);
  });

  it("a book the caller cannot write → 403 (viewer) or 404 (not theirs); another account's import → 404", async () => {
    const share = await fetch(`${app.baseUrl}/api/address-books/${graceBook}/members/`, {
      method: 'POST', headers: { ...grace.headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'ada@example.com', role: 'viewer' }),
    });
    expect(share.status).toBe(201);
    const asViewer = await upload(app.baseUrl, card(), { query: `address_book=${graceBook}`, headers: ada.headers });
    expect([asViewer.status, asViewer.body]).toEqual([403, { detail: expect.any(String) }]);
    const notTheirs = await upload(app.baseUrl, card(), { query: `address_book=${adaBook}`, headers: grace.headers });
    expect([notTheirs.status, notTheirs.body]).toEqual([404, { detail: 'Not found.' }]);
    const anonymous = await upload(app.baseUrl, card());
    expect(anonymous.status).toBe(401);

    const started = await upload(app.baseUrl, card({ email: 'own.book@example.com' }), { headers: ada.headers });
    expect(started.status).toBe(202);
    const id = (started.body as { id: string }).id;
    expect((await get(app.baseUrl, `/api/imports/${id}/`, grace.headers)).status).toBe(404);
    expect((await get(app.baseUrl, `/api/imports/${crypto.randomUUID()}/`, ada.headers)).status).toBe(404);
    expect((await get(app.baseUrl, '/api/imports/not-an-id/', ada.headers)).status).toBe(404);
    const job: ImportJob = await finished(app.baseUrl, id, ada.headers);
    expect(job).toMatchObject({ status: 'done', created: 1 });
    // Without address_book: the caller's own first book.
    expect((await contactsOf(ada, adaBook)).map((c) => c.email)).toContain('own.book@example.com');
    expect(spoolFiles()).toEqual([]);
  });
});

describe('imports with AUTH=none', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('anyone imports into the one book and reads the job', async () => {
    const job = await importFile(app.baseUrl, card({ email: 'open@example.com' }));
    expect(job).toMatchObject({ status: 'done', total: 1, processed: 1, created: 1, updated: 0, skipped: [] });
    const list = await get(app.baseUrl, '/api/contacts/?search=open%40example.com');
    expect((list.body as Page<Contact>).results.map((c) => c.email)).toEqual(['open@example.com']);
    const versions = (await get(app.baseUrl, `/api/contacts/${(list.body as Page<Contact>).results[0].id}/history/`)).body as Version[];
    expect(versions.map((v) => [v.edited_reason, v.edited_via, v.edited_by])).toEqual([['created', 'import', null]]);
  });
  it('a book that does not exist → 404 (AUTH=none may name any number): no job, no contact; nor does a create or a move put a contact there', async () => {
    const before = Number((await app.app.get(DataSource).query('SELECT COUNT(*) AS n FROM contacts'))[0].n);
    const refused = await upload(app.baseUrl, card({ email: 'nowhere@example.com' }), { query: 'address_book=999' });
    expect(refused.status).toBe(404);
    const json = { 'Content-Type': 'application/json' };
    const fields = { first_name: 'No', last_name: 'Where', email: 'nowhere@example.com', phone: '1' };
    const created = await fetch(`${app.baseUrl}/api/contacts/`, { method: 'POST', headers: json, body: JSON.stringify({ ...fields, address_book: 999 }) });
    expect(created.status).toBe(404);
    const own = await fetch(`${app.baseUrl}/api/contacts/`, { method: 'POST', headers: json, body: JSON.stringify({ ...fields, email: 'somewhere@example.com' }) });
    expect(own.status).toBe(201);
    const moved = await fetch(`${app.baseUrl}/api/contacts/${((await own.json()) as Contact).id}/`, { method: 'PATCH', headers: json, body: JSON.stringify({ address_book: 999 }) });
    expect(moved.status).toBe(404);
    const rows = (await app.app.get(DataSource).query('SELECT address_book_id FROM contacts')) as Array<{ address_book_id: number }>;
    expect(rows.length).toBe(before + 1);
    expect(rows.every((row) => Number(row.address_book_id) !== 999)).toBe(true);
  });
});
