import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AddressBook, Contact } from '@contacts/wire-types';
import { BookAccess } from '../../apps/api/src/access/book-access.js';
import { DatabaseReader } from '../../apps/api/src/database/database-reader.js';
import { type BookChange, HistoryService } from '../../apps/api/src/history/history.service.js';
import { type Session, signUp } from '../support/accounts.js';
import { contactFields } from '../support/contacts-fixtures.js';
import type { AppConfig } from '../../apps/api/src/config/app-config.js';
import { tempDir } from '../support/temp-dir.js';
import { createTestPostgresDatabase, startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';

const LONG_HISTORY = 100_000;

/**
 * HistoryService.bookChanges, the source of CardDAV's sync-collection: what a sync from a
 * token must tell one book, on the real schema (versions written by the triggers).
 */
describe('HistoryService.bookChanges', () => {
  let app: TestApp;
  let dropDatabase: (() => Promise<void>) | undefined;
  let ada: Session;
  let history: HistoryService;
  let home: number;
  let work: number;
  const everything = BookAccess.everything({ kind: 'service' }, null);

  const send = (method: 'post' | 'patch' | 'delete', path: string, body?: object) => app.http()[method](path).set(ada.headers).send(body);

  async function create(book: number, overrides: Record<string, string> = {}): Promise<Contact> {
    const res = await send('post', '/api/contacts/', { ...contactFields(), address_book: book, ...overrides });
    expect(res.status).toBe(201);
    return res.body as Contact;
  }

  async function update(contact: Contact, fields: object): Promise<void> {
    expect((await send('patch', `/api/contacts/${contact.id}/`, fields)).status).toBe(200);
  }

  async function remove(contact: Contact): Promise<void> {
    expect((await send('delete', `/api/contacts/${contact.id}/`)).status).toBe(204);
  }

  /**
   * The app, on a database that already holds a long history of another book. Written
   * before this app starts, so its realtime hub starts above it instead of replaying it.
   */
  async function startOnLongHistory(): Promise<TestApp> {
    const folder = tempDir();
    const postgres = TEST_DATABASE === 'postgres' ? await createTestPostgresDatabase() : null;
    dropDatabase = async () => {
      await postgres?.drop();
      folder.remove();
    };
    const database: AppConfig['database'] = postgres
      ? { kind: 'postgres', url: postgres.url }
      : { kind: 'sqlite', path: join(folder.path, 'contacts.sqlite3') };
    const migrated = await startTestApp({ database }, { AUTH: 'accounts' });
    try {
      await writeLongHistory(migrated.app.get(DataSource));
    } finally {
      await migrated.close();
    }
    return startTestApp({ database }, { AUTH: 'accounts' });
  }

  const changesOf = async (book: number, since: number, limit = 1000) => history.bookChanges(book, since, everything, limit);
  const change = (contact: Contact, present: boolean): BookChange => ({ contactId: contact.id, uid: contact.uid as string, present });

  beforeAll(async () => {
    app = await startOnLongHistory();
    ada = await signUp(app.baseUrl);
    history = app.app.get(HistoryService);
    const books = (await app.http().get('/api/address-books/').set(ada.headers)).body as AddressBook[];
    home = books[0].id;
    const res = await send('post', '/api/address-books/', { name: 'Work' });
    expect(res.status).toBe(201);
    work = (res.body as AddressBook).id;
  });

  afterAll(async () => {
    await app?.close();
    await dropDatabase?.();
  });

  it('tells a sync after one change that change only', async () => {
    const before = await create(home);
    const since = await history.head();
    await update(before, { phone: '+1-555-0100' });
    const result = await changesOf(home, since);
    expect(result.changes).toEqual([change(before, true)]);
    expect(result).toMatchObject({ head: since + 1, upTo: since + 1, truncated: false });
    expect(await history.head()).toBe(since + 1);
  });

  it('finds nothing from the head, and nothing for a change in another book', async () => {
    const head = await history.head();
    expect(await changesOf(home, head)).toEqual({ head, upTo: head, truncated: false, changes: [] });
    await create(work);
    const result = await changesOf(home, head);
    expect(result).toEqual({ head: head + 1, upTo: head + 1, truncated: false, changes: [] });
  });

  it('tells a deletion as not present, with the uid the card had', async () => {
    const contact = await create(home);
    const since = await history.head();
    await remove(contact);
    expect((await changesOf(home, since)).changes).toEqual([change(contact, false)]);
  });

  it('tells a move out as not present to the old book with its old uid, and as present to the new one', async () => {
    const contact = await create(home);
    const since = await history.head();
    await update(contact, { address_book: work });
    expect((await changesOf(home, since)).changes).toEqual([change(contact, false)]);
    expect((await changesOf(work, since)).changes).toEqual([change(contact, true)]);
    // Later changes in the new book are none of the old book's business, and do not change
    // the href the old book's clients know (a uid changed in the database, here).
    const moved = await history.head();
    await update(contact, { phone: '+1-555-0101' });
    await app.app
      .get(DataSource)
      .createQueryBuilder()
      .update('contacts')
      .set({ uid: 'renamed-in-work' })
      .where('id = :id', { id: contact.id })
      .execute();
    expect((await changesOf(home, moved)).changes).toEqual([]);
    expect((await changesOf(home, since)).changes).toEqual([change(contact, false)]);
    expect((await changesOf(work, since)).changes).toEqual([{ contactId: contact.id, uid: 'renamed-in-work', present: true }]);
  });

  it('tells a contact created and deleted within the window once, as not present', async () => {
    const since = await history.head();
    const contact = await create(home);
    await update(contact, { phone: '+1-555-0102' });
    await remove(contact);
    expect((await changesOf(home, since)).changes).toEqual([change(contact, false)]);
  });

  it('tells several changes to one contact once, ordered by each contact’s last change', async () => {
    const since = await history.head();
    const first = await create(home);
    const second = await create(home);
    await update(first, { phone: '+1-555-0103' });
    expect((await changesOf(home, since)).changes).toEqual([change(second, true), change(first, true)]);
  });

  it('cuts at the limit, and a sync from upTo finds the rest', async () => {
    const since = await history.head();
    const contacts = [await create(home), await create(home), await create(home)];
    await create(work);
    await update(contacts[0], { phone: '+1-555-0104' });
    const firstPage = await changesOf(home, since, 2);
    expect(firstPage.truncated).toBe(true);
    expect(firstPage.changes).toEqual([change(contacts[1], true), change(contacts[2], true)]);
    const head = await history.head();
    expect(firstPage.head).toBe(head);
    expect(firstPage.upTo).toBeLessThan(head);
    const rest = await changesOf(home, firstPage.upTo, 2);
    expect(rest).toEqual({ head, upTo: head, truncated: false, changes: [change(contacts[0], true)] });
    // Exactly the limit is not truncated.
    expect((await changesOf(home, since, 3)).truncated).toBe(false);
  });

  it('answers a book the caller cannot read with 404 (before anything else)', async () => {
    const stranger = BookAccess.forUser(
      { kind: 'user', user: { id: 999_999, email: 'x@example.com', name: 'X', is_admin: false }, credential: { type: 'token', id: 1 } },
      new Map(),
      null,
    );
    await expect(history.bookChanges(home, 0, stranger, 10)).rejects.toMatchObject({ status: 404 });
  });

  it('walks the primary key from the token, not the whole history', async () => {
    const contact = await create(home);
    const since = await history.head();
    await update(contact, { phone: '+1-555-0105' });
    const reader = app.app.get(DatabaseReader).dataSource;
    const queries = recordQueries(reader);
    expect((await changesOf(home, since)).changes).toEqual([change(contact, true)]);
    queries.stop();
    const walk = queries.seen.find((query) => /GROUP BY "v"."contact_id"/i.test(query.sql));
    expect(walk).toBeDefined();
    const walkPlan = await planOf(reader, walk!.sql, walk!.parameters);
    if (TEST_DATABASE === 'postgres') expect(walkPlan).toMatch(/Index (Only )?Scan using \w+ on contact_versions v\b/);
    else expect(walkPlan).toMatch(/SEARCH v USING (INTEGER PRIMARY KEY|INDEX \w+) \(.*(rowid|id)>\?/);
    // Nor does any other query of it read the history table from end to end.
    expect(queries.seen.length).toBeGreaterThanOrEqual(3);
    for (const query of queries.seen) {
      const plan = await planOf(reader, query.sql, query.parameters);
      if (TEST_DATABASE === 'postgres') expect(plan).not.toMatch(/Seq Scan on contact_versions/);
      else expect(plan).not.toMatch(/^SCAN /m);
    }
  });
});

/** The SQL the data source runs from now until stop(), with its parameters. */
function recordQueries(dataSource: DataSource): { seen: Array<{ sql: string; parameters: unknown[] }>; stop(): void } {
  const seen: Array<{ sql: string; parameters: unknown[] }> = [];
  const logger = dataSource.logger;
  const original = logger.logQuery;
  logger.logQuery = (sql, parameters, runner) => {
    seen.push({ sql, parameters: Array.isArray(parameters) ? parameters : [] });
    return original.call(logger, sql, parameters, runner);
  };
  return { seen, stop: () => (logger.logQuery = original) };
}

/** Versions written straight into the append-only table, of contacts in a book no test uses: the shape of a long history, in one statement. */
async function writeLongHistory(writer: DataSource): Promise<void> {
  const columns = `contact_id, address_book_id, first_name, last_name, email, phone, edited_at, edited_reason, contact_created_at, edited_via, uid`;
  const values = `1000000 + n % 5000, 999999, 'F', 'L', 'e' || n || '@example.com', '', '2024-01-01T00:00:00.000Z', 'updated', '2024-01-01T00:00:00.000Z', 'database', 'u' || (n % 5000)`;
  const series =
    TEST_DATABASE === 'postgres'
      ? `generate_series(1, ${LONG_HISTORY}) AS n`
      : `(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${LONG_HISTORY}) SELECT n FROM s)`;
  await writer.query(`INSERT INTO contact_versions (${columns}) SELECT ${values} FROM ${series}`);
  // The planner's statistics, as a database that has lived with such a history has them.
  await writer.query('ANALYZE');
}

async function planOf(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<string> {
  const rows = (await dataSource.query(
    `EXPLAIN ${dataSource.options.type === 'postgres' ? '' : 'QUERY PLAN '}${sql}`,
    parameters,
  )) as Array<Record<string, unknown>>;
  return rows.map((row) => String(row['QUERY PLAN'] ?? row['detail'])).join('\n');
}
