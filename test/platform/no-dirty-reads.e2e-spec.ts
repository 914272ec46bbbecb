// Reads never see a write transaction that has not committed: a write paused between its
// statements is invisible to GETs, the list (and its page cache), the change feed and the
// realtime sweep, and once it rolls back it leaves nothing behind — no event, no cached
// page, no seq that hides the next real change from connected clients.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { ContactEvent } from '@contacts/wire-types';
import { ContactsRepository } from '../../apps/api/src/contacts/contacts.repository.js';
import { DatabaseReader } from '../../apps/api/src/database/database-reader.js';
import { WriteTransactions } from '../../apps/api/src/database/write-transactions.js';
import { ContactEventBus } from '../../apps/api/src/events/contact-event-bus.js';
import { VersionsRepository } from '../../apps/api/src/history/versions.repository.js';
import { EventRelay } from '../../apps/api/src/realtime/event-relay.js';
import { plainWsClient, type EventClient } from '../realtime/realtime-clients.js';
import { createContact } from '../support/contacts-fixtures.js';
import { tempDir } from '../support/temp-dir.js';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';

const DIRTY = { first_name: 'Dirty', last_name: 'Uncommitted', email: 'dirty.read@example.com', phone: '555 0101' };

describe(`no dirty reads on ${TEST_DATABASE}`, () => {
  let t: TestApp;
  let socket: EventClient;
  const busEvents: ContactEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    socket = await plainWsClient(t.baseUrl);
    t.app.get(ContactEventBus).events$.subscribe((event) => busEvents.push(event));
  });
  afterAll(async () => {
    socket?.close();
    await t?.close();
  });

  it('a paused write is invisible to every read, and its rollback leaves no trace', async () => {
    const committed = await createContact(t, { last_name: 'Committed' });
    const listBefore = await t.http().get('/api/contacts/').expect(200);
    expect(listBefore.body.count).toBe(1);
    const feedBefore = await t.http().get('/api/changes/').query({ since: 0 }).expect(200);
    await socket.waitFor((events) => events.some((e) => e.type === 'contact.created' && e.contact.id === committed.id), 5000, 'the create');
    busEvents.length = 0;
    socket.events.length = 0;

    let written!: (ids: { contactId: number; seq: number }) => void;
    const inTransaction = new Promise<{ contactId: number; seq: number }>((resolve) => (written = resolve));
    let release!: () => void;
    const pause = new Promise<void>((resolve) => (release = resolve));
    const contacts = t.app.get(ContactsRepository);
    const versions = t.app.get(VersionsRepository);
    const rolledBack = t.app.get(WriteTransactions).run(async (manager) => {
      const now = new Date().toISOString();
      const id = await contacts.insert(manager, { ...DIRTY, address_book_id: 1, created_at: now, updated_at: now }); // AUTH=none: the one shared book
      // The history trigger wrote its version in this transaction.
      const version = await versions.latestOf(id, manager);
      if (!version) throw new Error('the history trigger wrote no version');
      written({ contactId: id, seq: version.id });
      await pause;
      throw new Error('rolled back on purpose');
    });
    const { contactId, seq } = await inTransaction;

    // During the pause: nothing of it anywhere.
    await t.http().get(`/api/contacts/${contactId}/`).expect(404);
    await t.http().get(`/api/contacts/${contactId}/history/`).expect(404);
    const list = await t.http().get('/api/contacts/').expect(200);
    expect(list.body).toEqual(listBefore.body);
    const searched = await t.http().get('/api/contacts/').query({ search: 'Uncommitted' }).expect(200);
    expect(searched.body.count).toBe(0);
    const feed = await t.http().get('/api/changes/').query({ since: 0 }).expect(200);
    expect(feed.body).toEqual(feedBefore.body);
    await t.app.get(EventRelay).sweep();

    release();
    await expect(rolledBack).rejects.toThrow('rolled back on purpose');

    // After the rollback: no event, and no page cached while it was in flight.
    expect(busEvents).toEqual([]);
    expect(socket.events).toEqual([]);
    expect((await t.http().get('/api/contacts/').expect(200)).body).toEqual(listBefore.body);
    expect((await t.http().get('/api/contacts/').query({ search: 'Uncommitted' }).expect(200)).body.count).toBe(0);

    // The next real change may reuse the rolled-back seq: clients must still get it, and
    // a GET right after its event must see it (no stale cached page).
    const patched = await t.http().patch(`/api/contacts/${committed.id}/`).send({ phone: '555 0202' }).expect(200);
    await socket.waitFor((events) => events.some((e) => e.type === 'contact.updated' && e.contact.phone === '555 0202'), 5000, 'the update');
    expect(socket.events.map((e) => e.type)).toEqual(['contact.updated']);
    expect(socket.events[0].seq).toBeGreaterThanOrEqual(seq);
    const after = await t.http().get('/api/contacts/').expect(200);
    expect(after.body.results).toEqual([patched.body]);
  });
});

describe('the SQLite read connection', () => {
  it('is a second, read-only connection, closed before the writer so the writer checkpoints the WAL', async () => {
    const dir = tempDir();
    const path = join(dir.path, 'contacts.sqlite3');
    const t = await startTestApp({ database: { kind: 'sqlite', path } });
    let closed = false;
    try {
      await createContact(t);
      const reader = t.app.get(DatabaseReader).dataSource;
      const writer = t.app.get(DataSource);
      expect(reader).not.toBe(writer);
      await expect(reader.query("INSERT INTO applied_jobs (job_key, applied_at) VALUES ('x', 'y')")).rejects.toThrow(/readonly/);
      expect(existsSync(`${path}-wal`)).toBe(true);
      await t.close();
      closed = true;
      expect(reader.isInitialized).toBe(false);
      expect(writer.isInitialized).toBe(false);
      // The last connection to close folds the WAL into the file and removes it; a read-only one cannot.
      expect(existsSync(`${path}-wal`)).toBe(false);
    } finally {
      if (!closed) await t.close();
      dir.remove();
    }
  });
});
