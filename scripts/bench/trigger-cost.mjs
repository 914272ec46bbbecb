// What the version triggers cost a PATCH, on the raw databases: the PATCH transaction in a
// loop on one connection (better-sqlite3 with the API's pragmas; `pg`), with no HTTP,
// validation, ORM, write queue or event. Three forms of the one transaction, run in
// alternating short rounds so that load drifting on the shared cores hits each alike:
//   before   — no version triggers: the transaction writes the version itself
//              (read contact, UPDATE contact, INSERT version): what the server did before
//              the database-guards migrations;
//   trigger  — the UPDATE alone, the trigger writes the version;
//   server   — as the server runs it now: the trigger writes the version, with the
//              mutation context stated before the UPDATE (and on SQLite cleared after)
//              and the version read back for the event.
// SQLite: two copies of one database, one with the version triggers dropped (the CHECK
// constraints, the FTS triggers and the indexes stay in both). PostgreSQL: one database;
// the `before` connection runs with session_replication_role = replica, which switches its
// triggers off for that session only.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { runToEnd } from './bench-utils.mjs';
import { createPostgresDatabase } from './postgres-database.mjs';

const VERSION_TRIGGERS = ['contacts_version_insert', 'contacts_version_update', 'contacts_version_delete', 'contacts_id_fixed'];
const phoneOf = (n) => `+1-556-${String(n % 10_000_000).padStart(7, '0')}`;
/** A contact for the n-th transaction: spread over all of them, like the API's PATCH bench. */
const idOf = (n, count) => 1 + ((n * 7919) % count);

/**
 * Runs each form for `rounds` rounds of `roundMs`, alternating, after one warm-up round
 * each; transactions per second of the time each spent in its own rounds.
 * @param {Record<string, (n: number) => unknown>} forms
 */
async function alternating(forms, rounds, roundMs) {
  const names = Object.keys(forms);
  const done = Object.fromEntries(names.map((name) => [name, { n: 0, ms: 0 }]));
  let n = 0;
  for (let round = -1; round < rounds; round++) {
    for (const name of names) {
      const started = performance.now();
      const until = started + roundMs;
      let k = 0;
      while (performance.now() < until) {
        for (let j = 0; j < 10; j++, k++) await forms[name](n++);
      }
      if (round < 0) continue; // warm-up
      done[name].n += k;
      done[name].ms += performance.now() - started;
    }
  }
  return Object.fromEntries(names.map((name) => [name, Math.round(done[name].n / (done[name].ms / 1000))]));
}

/** The rates measured and each one's share of `before` (the triggers' cost is what is missing). */
function summary(rates, extra) {
  const pct = (x) => Math.round((1000 * x) / rates.before) / 10;
  const result = { ...extra, before_tx_per_s: rates.before };
  for (const form of ['trigger', 'server']) {
    if (rates[form] === undefined) continue;
    result[`${form}_tx_per_s`] = rates[form];
    result[`${form}_pct_of_before`] = pct(rates[form]);
  }
  return result;
}

function sqliteWriter(path) {
  const db = new Database(path);
  // The API's pragmas (database/data-source-options.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  return db;
}

/**
 * The three forms on copies of the migrated SQLite file `source` (`count` contacts), made
 * in `dir`. `source` must not be open for writing elsewhere.
 */
export async function sqliteTriggerCost(source, dir, count, { rounds = 10, roundMs = 120 } = {}) {
  const withTriggers = join(dir, 'writes-with-triggers.sqlite3');
  const withoutTriggers = join(dir, 'writes-without-triggers.sqlite3');
  const src = new Database(source);
  for (const copy of [withTriggers, withoutTriggers]) src.prepare('VACUUM INTO ?').run(copy);
  src.close();

  const before = sqliteWriter(withoutTriggers);
  for (const trigger of VERSION_TRIGGERS) before.exec(`DROP TRIGGER ${trigger}`);
  const after = sqliteWriter(withTriggers);
  const statements = (db) => ({
    read: db.prepare('SELECT * FROM contacts WHERE id = ?'),
    update: db.prepare('UPDATE contacts SET phone = ?, updated_at = ? WHERE id = ?'),
  });
  const b = statements(before);
  const a = statements(after);
  const insertVersion = before.prepare(`INSERT INTO contact_versions (contact_id, first_name, last_name, email, phone, edited_at, edited_reason, contact_created_at)
    VALUES (?, ?, ?, ?, ?, ?, 'updated', ?)`);
  const setContext = after.prepare(`INSERT OR REPLACE INTO mutation_context (id, edited_reason, edited_via, edited_by_id, edited_by_name, edited_at)
    VALUES (1, 'updated', 'api', NULL, NULL, ?)`);
  const clearContext = after.prepare('DELETE FROM mutation_context');
  const latest = after.prepare('SELECT * FROM contact_versions WHERE contact_id = ? ORDER BY id DESC LIMIT 1');

  const beforeTx = before.transaction((i, phone, at) => {
    const row = /** @type {Record<string, unknown>} */ (b.read.get(i));
    b.update.run(phone, at, i);
    insertVersion.run(i, row.first_name, row.last_name, row.email, phone, at, row.created_at);
  });
  const triggerTx = after.transaction((i, phone, at) => {
    a.read.get(i);
    a.update.run(phone, at, i);
  });
  const serverTx = after.transaction((i, phone, at) => {
    a.read.get(i);
    setContext.run(at);
    a.update.run(phone, at, i);
    clearContext.run();
    latest.get(i);
  });
  try {
    // BEGIN IMMEDIATE: the write lock first, as the server's first statement takes it.
    const form = (tx) => (n) => tx.immediate(idOf(n, count), phoneOf(n), new Date().toISOString());
    const rates = await alternating({ before: form(beforeTx), trigger: form(triggerTx), server: form(serverTx) }, rounds, roundMs);
    return summary(rates, { contacts: count, connection: 'better-sqlite3, one connection, API pragmas (WAL, synchronous NORMAL)' });
  } finally {
    before.close();
    after.close();
  }
}

/** The three forms on PostgreSQL: `before` on a connection whose triggers are off, the others on `after`. */
function postgresForms(before, after, count) {
  const begin = async (client, i) => {
    await client.query('BEGIN');
    // The server's first statement in every write transaction (database/write-transactions.ts).
    await client.query('LOCK TABLE contact_versions IN SHARE ROW EXCLUSIVE MODE');
    return (await client.query('SELECT * FROM contacts WHERE id = $1', [i])).rows[0];
  };
  const update = (client, i, phone, at) => client.query('UPDATE contacts SET phone = $1, updated_at = $2 WHERE id = $3', [phone, at, i]);
  const args = (n) => /** @type {[number, string, string]} */ ([idOf(n, count), phoneOf(n), new Date().toISOString()]);
  return {
    before: async (n) => {
      const [i, phone, at] = args(n);
      const row = await begin(before, i);
      await update(before, i, phone, at);
      await before.query(
        `INSERT INTO contact_versions (contact_id, first_name, last_name, email, phone, edited_at, edited_reason, contact_created_at)
          VALUES ($1, $2, $3, $4, $5, $6, 'updated', $7) RETURNING id`,
        [i, row.first_name, row.last_name, row.email, phone, at, row.created_at],
      );
      await before.query('COMMIT');
    },
    trigger: async (n) => {
      const [i, phone, at] = args(n);
      await begin(after, i);
      await update(after, i, phone, at);
      await after.query('COMMIT');
    },
    server: async (n) => {
      const [i, phone, at] = args(n);
      await begin(after, i);
      // contacts/mutation-context.repository.ts
      await after.query(
        `SELECT set_config('contacts.edited_reason', $1, true), set_config('contacts.edited_via', $2, true),
          set_config('contacts.edited_by_id', $3, true), set_config('contacts.edited_by_name', $4, true),
          set_config('contacts.edited_at', $5, true)`,
        ['updated', 'api', '', '', at],
      );
      await update(after, i, phone, at);
      await after.query('SELECT * FROM contact_versions WHERE contact_id = $1 ORDER BY id DESC LIMIT 1', [i]);
      await after.query('COMMIT');
    },
  };
}

/**
 * The forms on a new PostgreSQL database migrated by the built server's `migrate` script,
 * with `count` contacts (their versions written by the trigger); dropped after. Twice:
 * with each commit flushed to disk as the server's are (`durable`; the flush can dominate,
 * so only `before` and `server`), and with synchronous_commit off for the session
 * (`no_flush`), where the statements' own cost, the triggers' included, shows.
 */
export async function postgresTriggerCost(migrateEntry, count, { rounds = 10, roundMs = 120 } = {}) {
  const database = await createPostgresDatabase('contacts_bench_writes');
  const clients = [];
  const connect = async (...settings) => {
    const client = new pg.Client({ connectionString: database.url });
    clients.push(client);
    await client.connect();
    for (const setting of settings) await client.query(`SET ${setting}`);
    return client;
  };
  try {
    await runToEnd(process.execPath, [migrateEntry], { DATABASE_URL: database.url, REDIS_URL: '' });
    const setup = await connect();
    await setup.query(
      `INSERT INTO contacts (first_name, last_name, email, phone)
        SELECT 'Bench', 'Person' || i, 'bench' || i || '@example.com', '+1-555-' || lpad(i::text, 7, '0') FROM generate_series(1, $1::int) i`,
      [count],
    );
    await setup.query('VACUUM ANALYZE contacts');
    await setup.query('VACUUM ANALYZE contact_versions');

    const triggersOff = 'session_replication_role = replica'; // this session's triggers only
    const noFlush = 'synchronous_commit = off';
    const durable = postgresForms(await connect(triggersOff), await connect(), count);
    const fast = postgresForms(await connect(triggersOff, noFlush), await connect(noFlush), count);
    const rates = await alternating(
      { before: durable.before, server: durable.server, before_nf: fast.before, trigger_nf: fast.trigger, server_nf: fast.server },
      rounds,
      roundMs,
    );
    return {
      contacts: count,
      connection: 'pg, one connection per form, one statement per round trip (as TypeORM sends them)',
      durable: summary({ before: rates.before, server: rates.server }, { commit: 'flushed (synchronous_commit on, as the server)' }),
      no_flush: summary({ before: rates.before_nf, trigger: rates.trigger_nf, server: rates.server_nf }, { commit: 'synchronous_commit off' }),
    };
  } finally {
    for (const client of clients) await client.end().catch(() => undefined);
    await database.drop();
  }
}
