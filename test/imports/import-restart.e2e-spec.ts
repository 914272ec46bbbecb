import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import type { ImportJob } from '@contacts/wire-types';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { createTestPostgresDatabase, TEST_DATABASE } from '../support/test-app.js';
import { finished, get, numberedCards, upload } from './import-support.js';

// PostgreSQL commits each card with a flush: fewer cards there keep the run in bounds.
const CARDS = TEST_DATABASE === 'postgres' ? 1500 : 5000;
const STEP = CARDS / 10;
const PREFIX = `restart${process.pid}`;

/** Polls the job until `until` holds (the job as it stands). */
async function waitUntil(baseUrl: string, id: string, until: (job: ImportJob) => boolean, timeoutMs = 30_000): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await get(baseUrl, `/api/imports/${id}/`)).body as ImportJob;
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`timed out; job ${JSON.stringify(job).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A real server process killed in the middle of a 5,000-card import (SIGKILL: no chance to
 * finish anything), then stopped gracefully mid-way once more: each restart resumes the job
 * after the last card that committed. In the end every card is there exactly once, with
 * exactly one `created` version, its vCard extras kept, and the counts add up.
 */
describe('an import survives its server being killed', () => {
  let api: ApiProcess | undefined;
  let postgres: Awaited<ReturnType<typeof createTestPostgresDatabase>> | null = null;
  let query: (sql: string) => Promise<Array<Record<string, unknown>>>;
  let closeDb: () => Promise<void> = async () => undefined;
  /** The uploads this test made that are still in the spool. */
  let added: () => string[] = () => [];
  let spool = '';

  afterAll(async () => {
    await api?.stop('SIGKILL');
    // A failed run leaves its upload behind (the database it belonged to is dropped below).
    for (const file of added()) rmSync(join(spool, file), { force: true });
    await closeDb();
    await postgres?.drop();
  });

  it('resumes after SIGKILL and after SIGTERM, every card exactly once', async () => {
    postgres = TEST_DATABASE === 'postgres' ? await createTestPostgresDatabase() : null;
    api = await startApi({ env: { THROTTLE_LIMIT: '1000000', ...(postgres && { DATABASE_URL: postgres.url }) } });
    spool = postgres ? resolve('data', 'import-spool') : join(dirname(api.sqlitePath), 'import-spool');
    const files = () => (existsSync(spool) ? readdirSync(spool) : []);
    const before = files();
    added = () => files().filter((file) => !before.includes(file));
    const started = await upload(api.baseUrl, numberedCards(CARDS, PREFIX));
    expect(started.status).toBe(202);
    const id = (started.body as { id: string }).id;

    const beforeKill = await waitUntil(api.baseUrl, id, (job) => job.processed >= STEP);
    expect(beforeKill.status).toBe('running');
    expect(await api.stop('SIGKILL')).toBe('SIGKILL');
    expect(added().length).toBe(1); // the upload waits for the next start

    await api.restart();
    const resumed = await waitUntil(api.baseUrl, id, (job) => job.processed >= Math.min(CARDS - STEP, beforeKill.processed + 3 * STEP), 60_000);
    expect(resumed.status).toBe('running');
    // Graceful: the job stops between two cards (it does not hold the shutdown for the rest of the file).
    const stoppedAt = Date.now();
    expect(await api.stop('SIGTERM')).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);

    await api.restart();
    const job = await finished(api.baseUrl, id, {}, 120_000);
    expect(job).toEqual({ id, status: 'done', total: CARDS, processed: CARDS, created: CARDS, updated: 0, skipped: [] });
    expect(added()).toEqual([]);
    await api.stop();

    if (postgres) {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      query = async (sql) => (await client.query(sql)).rows;
      closeDb = () => client.end();
    } else {
      const db = new Database(api.sqlitePath, { readonly: true });
      query = async (sql) => db.prepare(sql).all() as Array<Record<string, unknown>>;
      closeDb = async () => db.close();
    }
    const [contacts] = await query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT lower(email)) AS emails, COUNT(DISTINCT uid) AS uids,
        SUM(CASE WHEN vcard_extra LIKE '%X-IMPORT-SEQ:%' THEN 1 ELSE 0 END) AS extras FROM contacts WHERE last_name = '${PREFIX}'`,
    );
    expect(Object.fromEntries(Object.entries(contacts).map(([k, v]) => [k, Number(v)]))).toEqual({ n: CARDS, emails: CARDS, uids: CARDS, extras: CARDS });
    const perContact = await query(
      `SELECT COUNT(*) AS versions, SUM(CASE WHEN edited_reason = 'created' AND edited_via = 'import' THEN 1 ELSE 0 END) AS created
        FROM contact_versions WHERE last_name = '${PREFIX}' GROUP BY contact_id`,
    );
    expect(perContact.length).toBe(CARDS);
    expect(perContact.filter((row) => Number(row.versions) !== 1 || Number(row.created) !== 1)).toEqual([]);
    const [row] = await query(`SELECT status, total, processed, created, updated, runner FROM imports WHERE id = '${id}'`);
    expect({ ...row, total: Number(row.total), processed: Number(row.processed), created: Number(row.created), updated: Number(row.updated) }).toEqual({
      status: 'done', total: CARDS, processed: CARDS, created: CARDS, updated: 0, runner: null,
    });
    expect(Number((await query(`SELECT COUNT(*) AS n FROM import_skips WHERE import_id = '${id}'`))[0].n)).toBe(0);
  }, 240_000);
});
