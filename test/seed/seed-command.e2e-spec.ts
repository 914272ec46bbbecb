// The seed command (`make seed N=…`) as users run it: the built entry point on a real SQLite
// file, with Redis. Every contact gets its `created` version and its search row from the
// database's triggers, as any insert does, and live servers hear of each one through Redis,
// in seq order, after the commit. Rows are inserted and read back in batches, so the
// command's memory stays flat at any N (the scale bench measures that; here, that nothing is
// lost or reordered across batches).
import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { eventChannel } from '../../apps/api/src/redis/event-channel.js';
import { uniqueRedisPrefix } from '../realtime/realtime-clients.js';
import { tempDir } from '../support/temp-dir.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED_ENTRY = join(ROOT, 'dist/api/apps/api/src/seed.js');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** More than one batch of the read-back and of the inserts (1,000 each), and not a multiple of either. */
const COUNT = 2_345;

describe('the seed command', () => {
  const dir = tempDir('contacts-seed-');
  afterAll(() => dir.remove());

  it(`writes ${COUNT} contacts with one created version each, and announces each once through Redis in seq order`, async () => {
    const prefix = uniqueRedisPrefix();
    const database = join(dir.path, 'seed.sqlite3');
    const listener = new Redis(REDIS_URL);
    const seqs: number[] = [];
    try {
      await listener.subscribe(eventChannel(prefix));
      listener.on('message', (_channel: string, message: string) => {
        const event = JSON.parse(message) as { type: string; seq: number };
        if (event.type === 'contact.created') seqs.push(event.seq);
      });
      const { stdout } = await promisify(execFile)(process.execPath, [SEED_ENTRY, String(COUNT)], {
        env: { ...process.env, AUTH: 'none', SQLITE_PATH: database, REDIS_URL, REDIS_PREFIX: prefix },
        timeout: 120_000,
      });
      expect(stdout).toContain(`seeded ${COUNT} contacts`);
      expect(stdout).toContain(`announced ${COUNT} of ${COUNT} events through Redis`);

      const db = new Database(database, { readonly: true });
      const counts = db
        .prepare(`SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM contact_versions WHERE edited_reason = 'created') AS versions,
          (SELECT min(id) FROM contact_versions) AS first, (SELECT max(id) FROM contact_versions) AS last`)
        .get() as { contacts: number; versions: number; first: number; last: number };
      // Each contact's one version is the row as inserted, written by the trigger (so 'database'), in id order.
      const versionsUnlikeTheirContact = db
        .prepare(`SELECT count(*) FROM contacts c LEFT JOIN contact_versions v ON v.contact_id = c.id
          WHERE v.id IS NULL OR v.id - (SELECT min(id) FROM contact_versions) IS NOT c.id - (SELECT min(id) FROM contacts)
            OR v.edited_reason IS NOT 'created' OR v.operation IS NOT 'insert' OR v.edited_via IS NOT 'database' OR v.edited_by_id IS NOT NULL
            OR v.address_book_id IS NOT c.address_book_id OR v.first_name IS NOT c.first_name OR v.last_name IS NOT c.last_name
            OR v.email IS NOT c.email OR v.phone IS NOT c.phone OR v.uid IS NOT c.uid
            OR v.edited_at IS NOT c.updated_at OR v.contact_created_at IS NOT c.created_at`)
        .pluck()
        .get();
      // The sample is one millisecond apart in insertion order: ids follow it across batches.
      const outOfOrder = db
        .prepare(`SELECT count(*) FROM contacts c JOIN contacts d ON d.id = c.id + 1 WHERE d.created_at <= c.created_at OR d.updated_at <= c.updated_at`)
        .pluck()
        .get();
      const searchRowsUnlikeTheirContact = db
        .prepare(`SELECT (SELECT count(*) FROM contacts_search) - (SELECT count(*) FROM contacts)
          + (SELECT count(*) FROM contacts c LEFT JOIN contacts_search s ON s.rowid = c.id
             WHERE s.rowid IS NULL OR s.full_name IS NOT c.first_name || ' ' || c.last_name OR s.email IS NOT c.email OR s.phone IS NOT c.phone)`)
        .pluck()
        .get();
      db.close();
      expect(counts).toMatchObject({ contacts: COUNT, versions: COUNT });
      expect({ versionsUnlikeTheirContact, outOfOrder, searchRowsUnlikeTheirContact }).toEqual({
        versionsUnlikeTheirContact: 0,
        outOfOrder: 0,
        searchRowsUnlikeTheirContact: 0,
      });

      // Published before the command exits; delivery to this subscriber may trail by a moment.
      const deadline = Date.now() + 10_000;
      while (seqs.length < COUNT && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(seqs).toEqual(Array.from({ length: COUNT }, (_, i) => counts.first + i));
      expect(seqs.at(-1)).toBe(counts.last);
    } finally {
      listener.disconnect();
    }
  }, 150_000);
});
