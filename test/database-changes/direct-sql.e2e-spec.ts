// Changes made straight in the database with the real sqlite3 / psql clients while the
// server runs (TEST_DATABASE selects which): versioned by the database, announced once to
// Socket.IO and plain-WebSocket clients within 2 s, refused when they break a rule.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type ContactEvent, emptyContactDetails, type Version } from '@contacts/wire-types';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { api, changesSince, type EventClient, plainWsClient, sleep, socketIoClient } from '../realtime/realtime-clients.js';
import { type DatabaseTarget, literal, shell, sql, untilWriteLocked } from './sql-shell.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const ANNOUNCED_WITHIN_MS = 2000;

describe(`changes made straight in the ${TEST_DATABASE} database`, () => {
  let t: TestApp;
  let db: DatabaseTarget;
  let clients: EventClient[] = [];
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.config.database.kind === 'sqlite' ? { kind: 'sqlite', path: t.config.database.path } : { kind: 'postgres', url: t.config.database.url };
  });
  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });
  afterAll(() => t?.close());

  const connect = async () => (clients = await Promise.all([socketIoClient(t.baseUrl), plainWsClient(t.baseUrl)]));
  const history = async (id: number): Promise<Version[]> => (await api(t.baseUrl, 'GET', `/api/contacts/${id}/history/`)).body;
  const lastSeq = async () => (await changesSince(t.baseUrl, 0)).last_seq;
  const email = () => `direct${++n}.${process.pid}@example.com`;
  /** How a script opens a transaction of several statements: IMMEDIATE on SQLite, as the README says (a deferred BEGIN could not wait for another writer). */
  const begin = () => (db.kind === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN');
  /** A statement that keeps a transaction open for a second or so. */
  const pause = () => (db.kind === 'postgres'
    ? 'SELECT pg_sleep(1.5);'
    : 'SELECT count(*) FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 4000000) SELECT i FROM r);');

  /** Both clients get exactly these events (nothing else, nothing twice), each within 2 s of the client exiting. */
  async function expectAnnounced(all: EventClient[], before: number, expected: ContactEvent[]) {
    const started = Date.now();
    await Promise.all(all.map((c) => c.waitFor((events) => events.filter((e) => e.seq > before).length >= expected.length, ANNOUNCED_WITHIN_MS, `${expected.length} events`)));
    expect(Date.now() - started).toBeLessThan(ANNOUNCED_WITHIN_MS);
    await sleep(1200); // a sweep or two later: still nothing more
    for (const c of all) expect({ kind: c.kind, events: c.events.filter((e) => e.seq > before) }).toEqual({ kind: c.kind, events: expected });
    expect((await changesSince(t.baseUrl, before)).results).toEqual(expected);
  }

  it('an INSERT naming only the four fields is a contact with timestamps, one `database` version, a created event', async () => {
    const all = await connect();
    const before = await lastSeq();
    const address = email();
    const out = await sql(db, `INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Hedy', 'Lamarr', ${literal(address)}, '+1-555-0100') RETURNING id`);
    const id = Number(out);
    const contact = (await api(t.baseUrl, 'GET', `/api/contacts/${id}/`)).body;
    expect(contact).toEqual({
      id, address_book: 1, first_name: 'Hedy', last_name: 'Lamarr', email: address, phone: '+1-555-0100', ...emptyContactDetails(),
      uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/), created_at: expect.stringMatching(ISO), updated_at: contact.created_at,
    });
    const versions = await history(id);
    expect(versions).toEqual([{
      id: before + 1, contact: id, address_book: 1, first_name: 'Hedy', last_name: 'Lamarr', email: address, phone: '+1-555-0100', ...emptyContactDetails(),
      edited_at: contact.updated_at, edited_reason: 'created', edited_by: null, edited_via: 'database',
    }]);
    await expectAnnounced(all, before, [{ type: 'contact.created', contact, seq: before + 1, address_book: 1, edited_by: null }]);
  });

  it('an UPDATE moves updated_at, writes one `database` version and is announced; a DELETE too', async () => {
    const created = (await api(t.baseUrl, 'POST', '/api/contacts/', { first_name: 'Tim', last_name: 'Berners-Lee', email: email(), phone: '+1-555-0200' })).body;
    const all = await connect();
    const before = await lastSeq();
    await sql(db, `UPDATE contacts SET phone = '+44 20 7946 0001' WHERE id = ${created.id}`);
    const updated = (await api(t.baseUrl, 'GET', `/api/contacts/${created.id}/`)).body;
    expect(updated).toEqual({ ...created, phone: '+44 20 7946 0001', updated_at: expect.stringMatching(ISO) });
    expect(updated.updated_at > created.updated_at).toBe(true);
    await sql(db, `DELETE FROM contacts WHERE id = ${created.id}`);
    expect((await api(t.baseUrl, 'GET', `/api/contacts/${created.id}/`)).status).toBe(404);

    const versions = await history(created.id);
    expect(versions.map((v) => [v.id, v.edited_reason, v.edited_via, v.edited_by])).toEqual([
      [before + 2, 'deleted', 'database', null],
      [before + 1, 'updated', 'database', null],
      [expect.any(Number), 'created', 'api', null],
    ]);
    expect(versions[1]).toMatchObject({ phone: '+44 20 7946 0001', edited_at: updated.updated_at });
    await expectAnnounced(all, before, [
      { type: 'contact.updated', contact: updated, seq: before + 1, address_book: 1, edited_by: null },
      { type: 'contact.deleted', contact_id: created.id, seq: before + 2, address_book: 1, edited_by: null },
    ]);
    // The API sees it as deleted like any other: restore brings it back with its reason.
    const restored = await api(t.baseUrl, 'POST', `/api/contacts/${created.id}/restore/`);
    expect(restored).toMatchObject({ status: 201, body: { ...updated, updated_at: expect.stringMatching(ISO) } });
    expect((await history(created.id))[0]).toMatchObject({ id: before + 3, edited_reason: 'restored', edited_via: 'api' });
  });

  it('an UPDATE that sets updated_at itself keeps that value', async () => {
    const created = (await api(t.baseUrl, 'POST', '/api/contacts/', { first_name: 'Ken', last_name: 'Thompson', email: email(), phone: '+1-555-0300' })).body;
    await sql(db, `UPDATE contacts SET last_name = 'T.', updated_at = '2030-01-01T00:00:00.000Z' WHERE id = ${created.id}`);
    expect((await api(t.baseUrl, 'GET', `/api/contacts/${created.id}/`)).body).toMatchObject({ last_name: 'T.', updated_at: '2030-01-01T00:00:00.000Z' });
    expect((await history(created.id))[0]).toMatchObject({ edited_at: '2030-01-01T00:00:00.000Z', edited_via: 'database' });
  });

  it('a multi-row statement gets a version and an event per row, in seq order', async () => {
    const [a, b] = [email(), email()];
    const all = await connect();
    const before = await lastSeq();
    await sql(db, `INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Ann', 'One', ${literal(a)}, '1'), ('Bob', 'Two', ${literal(b)}, '2')`);
    const mine = (events: ContactEvent[]) => events.filter((e) => e.seq > before);
    await Promise.all(all.map((c) => c.waitFor((events) => mine(events).length >= 2, ANNOUNCED_WITHIN_MS)));
    for (const c of all) expect(mine(c.events).map((e) => [e.type, e.seq, e.type === 'contact.created' && e.contact.email])).toEqual([
      ['contact.created', before + 1, a],
      ['contact.created', before + 2, b],
    ]);
  });

  it('the database refuses what the rules refuse: blank or missing fields, too long, a duplicate email in any case', async () => {
    const taken = email();
    await sql(db, `INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Grace', 'Hopper', ${literal(taken)}, '1')`);
    const before = await lastSeq();
    const { results: [{ contact: { id } }] } = (await changesSince(t.baseUrl, before - 1)) as { results: Array<{ contact: { id: number } }> };
    const refused: Array<[string, RegExp]> = [
      [`INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('   ', 'X', ${literal(email())}, '1')`, /first_name_not_blank/],
      [`INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('X', '', ${literal(email())}, '1')`, /last_name_not_blank/],
      [`INSERT INTO contacts (first_name, last_name, email) VALUES ('X', 'Y', ${literal(email())})`, /phone|null/i],
      [`INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('X', 'Y', ${literal(email())}, '${'1'.repeat(31)}')`, /phone_length|too long/],
      [`INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('${'é'.repeat(101)}', 'Y', ${literal(email())}, '1')`, /first_name_length|too long/],
      [`INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('X', 'Y', ${literal(taken.toUpperCase())}, '1')`, /unique|duplicate/i],
      [`UPDATE contacts SET email = ${literal(' \t ')} WHERE id = ${id}`, /email_not_blank/],
      [`UPDATE contacts SET id = id + 100000 WHERE id = ${id}`, /ids never change/],
    ];
    for (const [statement, reason] of refused) {
      const result = await shell(db, statement);
      expect({ statement, code: result.code === 0 ? 0 : 'failed', stderr: result.stderr }).toEqual({ statement, code: 'failed', stderr: expect.stringMatching(reason) });
    }
    // A length limit counts characters, not bytes: 100 two-byte characters fit.
    await sql(db, `UPDATE contacts SET first_name = '${'é'.repeat(100)}' WHERE id = ${id}`);
    expect(await lastSeq()).toBe(before + 1);
    if (db.kind === 'postgres') {
      expect((await shell(db, 'TRUNCATE contacts')).stderr).toMatch(/cannot be truncated/);
    }
  });

  it('the server\'s own writes still make one version each, with their reasons and channel, and one event each', async () => {
    const all = await connect();
    const before = await lastSeq();
    const created = await api(t.baseUrl, 'POST', '/api/contacts/', { first_name: 'Radia', last_name: 'Perlman', email: email(), phone: '+1-555-0400' });
    const id = created.body.id;
    const patched = await api(t.baseUrl, 'PATCH', `/api/contacts/${id}/`, { phone: '+1-555-0401' });
    const external = await api(t.baseUrl, 'POST', '/api/external-update/', { id, last_name: 'P.' });
    const reverted = await api(t.baseUrl, 'POST', `/api/contacts/${id}/revert/`, { version: before + 1 });
    expect(await api(t.baseUrl, 'DELETE', `/api/contacts/${id}/`)).toMatchObject({ status: 204 });
    const restored = await api(t.baseUrl, 'POST', `/api/contacts/${id}/restore/`);
    expect([created.status, patched.status, external.status, reverted.status, restored.status]).toEqual([201, 200, 200, 200, 201]);
    const versions = (await history(id)).reverse();
    expect(versions.map((v) => [v.id, v.edited_reason, v.edited_via, v.edited_by])).toEqual([
      [before + 1, 'created', 'api', null],
      [before + 2, 'updated', 'api', null],
      [before + 3, 'external_update', 'external', null],
      [before + 4, 'reverted', 'api', null],
      [before + 5, 'deleted', 'api', null],
      [before + 6, 'restored', 'api', null],
    ]);
    expect(versions.map((v) => v.edited_at)).toEqual([created, patched, external, reverted].map((r) => r.body.updated_at).concat([expect.stringMatching(ISO), restored.body.updated_at]));
    await expectAnnounced(all, before, [
      { type: 'contact.created', contact: created.body, seq: before + 1, address_book: 1, edited_by: null },
      { type: 'contact.updated', contact: patched.body, seq: before + 2, address_book: 1, edited_by: null },
      { type: 'contact.updated', contact: external.body, seq: before + 3, address_book: 1, edited_by: null },
      { type: 'contact.updated', contact: reverted.body, seq: before + 4, address_book: 1, edited_by: null },
      { type: 'contact.deleted', contact_id: id, seq: before + 5, address_book: 1, edited_by: null },
      { type: 'contact.created', contact: restored.body, seq: before + 6, address_book: 1, edited_by: null },
    ]);
  });

  it('a direct transaction still open holds other writers back: seq order stays commit order, nothing is lost', async () => {
    const fields = (first_name: string) => ({ first_name, last_name: 'Cerf', email: email(), phone: '+1-555-0600' });
    const [slow, quick, viaApi] = await Promise.all(['Slow', 'Quick', 'Api'].map(async (name) => (await api(t.baseUrl, 'POST', '/api/contacts/', fields(name))).body));
    const all = await connect();
    const before = await lastSeq();
    // Keeps its transaction open for a while after its UPDATE drew a version id.
    const first = sql(db, `${begin()}; UPDATE contacts SET phone = '+1-555-0601' WHERE id = ${slow.id}; ${pause()} COMMIT;`);
    await untilWriteLocked(db);
    // Another direct writer and the server, both on other contacts: neither may commit a later seq first.
    const second = sql(db, `UPDATE contacts SET phone = '+1-555-0602' WHERE id = ${quick.id}`);
    await sleep(300);
    const patched = await api(t.baseUrl, 'PATCH', `/api/contacts/${viaApi.id}/`, { first_name: 'V.' });
    await Promise.all([first, second]);
    expect(patched.status).toBe(200);
    const feed = (await changesSince(t.baseUrl, before)).results;
    expect(feed.map((e) => e.seq)).toEqual([before + 1, before + 2, before + 3]);
    expect(feed[0]).toMatchObject({ contact: { id: slow.id } });
    // Had the second writer committed its later seq first, the watcher would have sent it
    // on (the earlier one not yet visible) and the earlier one would never reach a client.
    await expectAnnounced(all, before, feed);
  });

  it('a script\'s transaction waits out another writer holding the lock (begun IMMEDIATE on SQLite, as the README says) and is announced', async () => {
    const created = (await api(t.baseUrl, 'POST', '/api/contacts/', { first_name: 'Butler', last_name: 'Lampson', email: email(), phone: '+1-555-0700' })).body;
    const all = await connect();
    const before = await lastSeq();
    // Another writer (a second shell here; the server takes the same lock) in the middle of a transaction.
    const lock = db.kind === 'postgres' ? 'LOCK TABLE contact_versions IN SHARE ROW EXCLUSIVE MODE;' : ''; // SQLite: BEGIN IMMEDIATE took it
    const holder = sql(db, `${begin()}; ${lock} ${pause()} COMMIT;`);
    await untilWriteLocked(db);
    // A fresh connection whose first statement reaches the full-text indexes.
    await sql(db, `${begin()}; UPDATE contacts SET phone = '+1-555-0701' WHERE id = ${created.id}; UPDATE contacts SET last_name = 'L.' WHERE id = ${created.id}; COMMIT;`);
    await holder;
    expect((await api(t.baseUrl, 'GET', `/api/contacts/${created.id}/`)).body).toMatchObject({ phone: '+1-555-0701', last_name: 'L.' });
    expect((await history(created.id)).slice(0, 2).map((v) => [v.id, v.phone, v.last_name, v.edited_via])).toEqual([
      [before + 2, '+1-555-0701', 'L.', 'database'],
      [before + 1, '+1-555-0701', 'Lampson', 'database'],
    ]);
    const events = (await changesSince(t.baseUrl, before)).results;
    expect(events.map((e) => [e.type, e.seq])).toEqual([['contact.updated', before + 1], ['contact.updated', before + 2]]);
    await expectAnnounced(all, before, events);
  });

  it('the list page cache answers with the database: a direct change shows at once', async () => {
    const created = (await api(t.baseUrl, 'POST', '/api/contacts/', { first_name: 'Leslie', last_name: 'Lamport', email: email(), phone: '+1-555-0500' })).body;
    const page = async () => (await api(t.baseUrl, 'GET', '/api/contacts/?page_size=100')).body.results.find((c: { id: number }) => c.id === created.id);
    expect(await page()).toEqual(created);
    expect(await page()).toEqual(created); // served from the cache now
    await sql(db, `UPDATE contacts SET first_name = 'L.' WHERE id = ${created.id}`);
    expect(await page()).toMatchObject({ first_name: 'L.' });
  });
});
