// Direct database changes with real server processes (the built dist/: npm run build):
// two replicas behind one Redis deliver each change once to every client; a change made
// while the server was down is in the catch-up feed once it is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ContactEvent } from '@contacts/wire-types';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';
import { createTestPostgresDatabase, TEST_DATABASE } from '../support/test-app.js';
import {
  api, changesSince, createContact, type EventClient, plainWsClient, sleep, socketIoClient, uniqueRedisPrefix,
} from '../realtime/realtime-clients.js';
import { type DatabaseTarget, literal, sql } from './sql-shell.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh database of the kind TEST_DATABASE names, and the environment that points a server at it. */
async function freshDatabase(): Promise<{ target: DatabaseTarget; env: Record<string, string>; sqlitePath?: string; drop(): Promise<void> }> {
  const dir = tempDir();
  if (TEST_DATABASE === 'postgres') {
    const pg = await createTestPostgresDatabase();
    return { target: { kind: 'postgres', url: pg.url }, env: { DATABASE_URL: pg.url }, drop: async () => (await pg.drop(), dir.remove()) };
  }
  const path = `${dir.path}/contacts.sqlite3`;
  return { target: { kind: 'sqlite', path }, env: {}, sqlitePath: path, drop: async () => dir.remove() };
}

const since = (before: number) => (events: ContactEvent[]) => events.filter((e) => e.seq > before);

describe(`direct ${TEST_DATABASE} changes across replicas and restarts`, () => {
  let clients: EventClient[] = [];
  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  describe('two replicas, one Redis', () => {
    let database: Awaited<ReturnType<typeof freshDatabase>>;
    let a: ApiProcess;
    let b: ApiProcess;

    beforeAll(async () => {
      database = await freshDatabase();
      const env = { ...database.env, REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix() };
      a = await startApi({ env, sqlitePath: database.sqlitePath });
      b = await startApi({ env, sqlitePath: a.sqlitePath }); // after A ran the migrations
    }, 60_000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.drop();
    }, 30_000);

    it('each direct INSERT, UPDATE and DELETE reaches every client of both replicas once, within 2 s', async () => {
      const mine = await createContact(a.baseUrl);
      clients = await Promise.all([socketIoClient(a.baseUrl), plainWsClient(a.baseUrl), socketIoClient(b.baseUrl), plainWsClient(b.baseUrl)]);
      const before = (await changesSince(a.baseUrl, 0)).last_seq;
      const email = `replicas.${process.pid}@example.com`;
      const id = Number(await sql(database.target, `INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Ada', 'Direct', ${literal(email)}, '1') RETURNING id`));
      await sql(database.target, `UPDATE contacts SET phone = '+1-555-9999' WHERE id = ${mine.id}`);
      await sql(database.target, `DELETE FROM contacts WHERE id = ${id}`);
      const started = Date.now();
      await Promise.all(clients.map((c) => c.waitFor((events) => since(before)(events).length >= 3, 2000, 'three direct changes')));
      expect(Date.now() - started).toBeLessThan(2000);
      await sleep(1500); // the Redis sweep and the watcher have both run again: nothing twice
      const feed = await changesSince(b.baseUrl, before);
      expect(feed.results.map((e) => [e.type, e.seq])).toEqual([
        ['contact.created', before + 1],
        ['contact.updated', before + 2],
        ['contact.deleted', before + 3],
      ]);
      for (const c of clients) expect({ kind: c.kind, events: since(before)(c.events) }).toEqual({ kind: c.kind, events: feed.results });
      const history = (await api(a.baseUrl, 'GET', `/api/contacts/${mine.id}/history/`)).body;
      expect(history.map((v: { edited_reason: string; edited_via: string }) => [v.edited_reason, v.edited_via])).toEqual([['updated', 'database'], ['created', 'api']]);
    }, 30_000);

    it('the API writes of either replica still reach everyone once, with no extra event from the triggers', async () => {
      const mine = await createContact(b.baseUrl);
      clients = await Promise.all([socketIoClient(a.baseUrl), plainWsClient(a.baseUrl), socketIoClient(b.baseUrl), plainWsClient(b.baseUrl)]);
      const before = (await changesSince(a.baseUrl, 0)).last_seq;
      for (let i = 0; i < 6; i++) {
        expect((await api(i % 2 ? a.baseUrl : b.baseUrl, 'PATCH', `/api/contacts/${mine.id}/`, { first_name: `Api${i}` })).status).toBe(200);
      }
      await Promise.all(clients.map((c) => c.waitFor((events) => since(before)(events).length >= 6, 5000)));
      await sleep(1500);
      const feed = await changesSince(a.baseUrl, before);
      expect(feed.results.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6].map((k) => before + k));
      for (const c of clients) expect(since(before)(c.events)).toEqual(feed.results);
    }, 30_000);
  });

  describe('a change made while the server was down', () => {
    let database: Awaited<ReturnType<typeof freshDatabase>>;
    let server: ApiProcess;

    beforeAll(async () => {
      database = await freshDatabase();
      server = await startApi({ env: database.env, sqlitePath: database.sqlitePath });
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
      await database?.drop();
    }, 30_000);

    it('is in the catch-up feed after the restart, and later changes are live again', async () => {
      const contact = await createContact(server.baseUrl);
      const away = await socketIoClient(server.baseUrl);
      clients = [away];
      const lastSeen = (await changesSince(server.baseUrl, 0)).last_seq;
      away.close();
      expect(await server.stop()).toBe(0);

      await sql(database.target, `UPDATE contacts SET last_name = 'WhileDown' WHERE id = ${contact.id}`);
      await server.restart();

      const missed = await changesSince(server.baseUrl, lastSeen);
      const now = (await api(server.baseUrl, 'GET', `/api/contacts/${contact.id}/`)).body;
      expect(now).toMatchObject({ id: contact.id, last_name: 'WhileDown' });
      expect(missed).toEqual({ results: [{ type: 'contact.updated', contact: now, seq: lastSeen + 1, address_book: 1, edited_by: null }], last_seq: lastSeen + 1 });

      const back = await Promise.all([socketIoClient(server.baseUrl), plainWsClient(server.baseUrl)]);
      clients = back;
      await sql(database.target, `UPDATE contacts SET last_name = 'Live' WHERE id = ${contact.id}`);
      await Promise.all(back.map((c) => c.waitFor((events) => events.length >= 1, 2000, 'the live change')));
      await sleep(500);
      for (const c of back) expect(c.events.map((e) => [e.type, e.seq])).toEqual([['contact.updated', lastSeen + 2]]);
    }, 60_000);
  });
});
