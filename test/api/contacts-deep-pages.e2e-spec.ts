// Pages by number deep in a list (DRF clients' `?page=`): whether a page is read the plain
// way (an OFFSET) or from the signposts the server lays in the background (SQLite), it must
// hold exactly the rows the database itself puts there — ties on updated_at broken by id,
// all contacts or one book — and still do so after a write moves a row to the top.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Contact, Page } from '@contacts/wire-types';
import { type DatabaseTarget, sql } from '../database-changes/sql-shell.js';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';

const ROWS = 2_500; // more than two strides of signposts, and not a multiple of a page
const PAGE_SIZE = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`pages by number deep in the list on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  let db: DatabaseTarget;

  beforeAll(async () => {
    app = await startTestApp({}, { CREATE_DELAY_MS: '0' });
    const { database } = app.config;
    db = database.kind === 'sqlite' ? { kind: 'sqlite', path: database.path } : { kind: 'postgres', url: database.url };
    // Two rows per second of updated_at: ties everywhere, settled by id.
    await sql(
      db,
      db.kind === 'sqlite'
        ? `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
           INSERT INTO contacts (address_book_id, first_name, last_name, email, phone, created_at, updated_at)
           SELECT 1, 'Deep', 'P' || i, 'deep' || i || '@example.com', '+1 555 ' || i,
             strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i / 2) || ' seconds'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i / 2) || ' seconds') FROM n`
        : `INSERT INTO contacts (address_book_id, first_name, last_name, email, phone, created_at, updated_at)
           SELECT 1, 'Deep', 'P' || i, 'deep' || i || '@example.com', '+1 555 ' || i, at, at
           FROM generate_series(1, ${ROWS}) AS i,
             LATERAL (SELECT to_char((now() - (i / 2) * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) AS t`,
    );
  });
  afterAll(() => app?.close());

  /** Every id in list order, as the database's own client orders them. */
  const listOrder = async () => (await sql(db, 'SELECT id FROM contacts ORDER BY updated_at DESC, id DESC')).split('\n').map(Number);
  const pageIds = async (page: number, query = '') => {
    const body = (await app.http().get(`/api/contacts/?page=${page}&page_size=${PAGE_SIZE}${query}`).expect(200)).body as Page<Contact>;
    return { count: body.count, ids: body.results.map((contact) => contact.id) };
  };
  const deepPages = (total: number) => [51, 52, 63, 101, Math.ceil(total / PAGE_SIZE)];

  it.each([['every contact', ''], ['one book', '&address_book=1']])('%s: deep pages hold the rows the database puts there, before and after the signposts, and after a write', async (_, query) => {
    let order = await listOrder();
    expect(order.length).toBeGreaterThanOrEqual(ROWS);
    const expectPages = async () => {
      for (const page of deepPages(order.length)) {
        expect({ page, ...(await pageIds(page, query)) }).toEqual({ page, count: order.length, ids: order.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) });
      }
    };
    await expectPages(); // read the plain way; the first deep page starts laying signposts
    await sleep(500);
    await expectPages(); // from the signposts (SQLite)
    // A row from deep in the list moves to the top: every later position shifts by one.
    const moved = order[1_500];
    await app.http().patch(`/api/contacts/${moved}/`).send({ first_name: 'Moved' }).expect(200);
    order = await listOrder();
    expect(order[0]).toBe(moved);
    await expectPages();
    await sleep(500);
    await expectPages();
  });
});
