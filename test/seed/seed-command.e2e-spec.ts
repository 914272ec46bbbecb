// The seed command (`make seed N=…`) as users run it: the built entry point on a real SQLite
// file, with Redis. Every contact gets its `created` version, and live servers hear of each
// one through Redis, in seq order, after the commit — read back in batches, so the command's
// memory stays flat at any N (the scale bench measures that; here, that nothing is lost).
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
/** More than one batch of the read-back (1,000) and of the inserts (500), and not a multiple of either. */
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
      db.close();
      expect(counts).toMatchObject({ contacts: COUNT, versions: COUNT });

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
