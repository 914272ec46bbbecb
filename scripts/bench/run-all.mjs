#!/usr/bin/env node
// `make bench`: the product's figures in one run (< 5 min on a quiet machine, plus a few for the import of 100,000 cards and the CardDAV comparison with Radicale), against the BUILT server
// (dist/api/apps/api/src/main.js) as child processes on 127.0.0.1 with temp SQLite files.
// Prints JSON and a table; saves the JSON in bench-results/. Needs `npm run build` first;
// every server runs AUTH=none (Part 1's figures) unless its rows say AUTH=accounts (Part 2:
// the cost of the scoping, sign-in latency, realtime with authenticated clients in their books);
// the realtime part needs Redis on 127.0.0.1:6379 (REDIS_URL overrides), the PostgreSQL rows
// a server on 127.0.0.1:5432 (BENCH_POSTGRES_URL overrides; each part makes and drops its own
// database); either missing, those rows say skipped.
//   node scripts/bench/run-all.mjs [--quick]
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { API_ENTRY, rssMb, runToEnd, startBareHttp, startBuiltApi } from './bench-utils.mjs';
import { benchTable } from './bench-table.mjs';
import { concurrentCreates, searchLatency } from './creates-and-search.mjs';
import { runDirectSqlBench } from './direct-sql.mjs';
import { duplicatesRows, runDuplicatesBench } from './duplicates.mjs';
import { carddavRows, runCarddavBench } from './carddav.mjs';
import { runImportsBench } from './imports.mjs';
import { distinctPages, distinctSearches, load, patchThroughput, whileWriting } from './list-and-writes.mjs';
import { POSTGRES_ADMIN_URL, postgresUp } from './postgres-database.mjs';
import { scopingCost } from './scoping.mjs';
import { postgresTriggerCost, sqliteTriggerCost } from './trigger-cost.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const MIGRATE = join(ROOT, 'dist/api/apps/api/src/migrate.js');
const QUICK = process.argv.includes('--quick');
const LOAD_SECONDS = QUICK ? 3 : 6;
const HALF = Math.max(2, LOAD_SECONDS / 2);
const WRITES_PER_S = 100;
const CREATE_DELAY_MS = 2000;
const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const tmp = mkdtempSync(join(tmpdir(), 'contacts-bench-'));
const children = new Set();

/** The built API (bench-utils.mjs) with the bench's create delay, killed with the rest if the run is cut short. */
const startApi = (sqlitePath, env = {}) => startBuiltApi(sqlitePath, { CREATE_DELAY_MS: String(CREATE_DELAY_MS), ...env }, children);

const FIRST = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'Dennis', 'Radia', 'John'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen', 'Ritchie', 'Perlman'];

/** A migrated SQLite file with `count` contacts and one `created` version each (FTS, and versions where the schema has that trigger, filled by the triggers). */
async function filledDatabase(name, count) {
  const path = join(tmp, `${name}.sqlite3`);
  await runToEnd(process.execPath, [MIGRATE], { SQLITE_PATH: path, DATABASE_URL: '', REDIS_URL: '' });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const contact = db.prepare(
    'INSERT INTO contacts (id, first_name, last_name, email, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const version = db.prepare(`INSERT INTO contact_versions
    (contact_id, first_name, last_name, email, phone, edited_at, edited_reason, contact_created_at)
    VALUES (?, ?, ?, ?, ?, ?, 'created', ?)`);
  const start = Date.now() - count * 1000;
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const first = FIRST[i % FIRST.length];
      const last = LAST[(i * 7) % LAST.length];
      const email = `${first}.${last}.${i}@example.com`.toLowerCase();
      const phone = `+1-555-${String(i).padStart(7, '0')}`;
      const at = new Date(start + i * 1000).toISOString();
      contact.run(i, first, last, email, phone, at, at);
    }
    if (Number(db.prepare('SELECT COUNT(*) FROM contact_versions').pluck().get()) > 0) return; // the trigger wrote them
    for (const c of /** @type {Iterable<Record<string, unknown>>} */ (db.prepare('SELECT * FROM contacts ORDER BY id').iterate())) {
      version.run(c.id, c.first_name, c.last_name, c.email, c.phone, c.created_at, c.created_at);
    }
  })();
  db.close();
  return path;
}

// ------------------------------------------------------------------ floors
/** The bare node:http floor (bench-utils.mjs), 16 connections. */
async function bareHttpFloor() {
  const bare = await startBareHttp(10000, children);
  try {
    return await load({ url: `${bare.baseUrl}/`, seconds: LOAD_SECONDS });
  } finally {
    bare.stop();
  }
}

/** The list page query, straight on better-sqlite3 (what the API does per request, minus everything else). */
function rawSqliteFloor(path) {
  const db = new Database(path, { readonly: true });
  const page = db.prepare('SELECT * FROM contacts ORDER BY updated_at DESC, id DESC LIMIT 20 OFFSET ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM contacts');
  const measure = (fn, ms = 2000) => {
    let n = 0;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      for (let k = 0; k < 100; k++) fn(n++);
    }
    return Math.round(n / (ms / 1000));
  };
  measure((i) => page.all((i % 50) * 20), 300);
  const pageOnly = measure((i) => page.all((i % 50) * 20));
  const pageAndCount = measure((i) => (page.all((i % 50) * 20), count.get()));
  db.close();
  return { page_queries_per_s: pageOnly, page_plus_count_per_s: pageAndCount };
}

// ------------------------------------------------------------------ realtime
async function realtime(clientKind, auth) {
  const file = join(ROOT, 'scripts/bench/realtime.mjs');
  // HOOK: scripts/bench/realtime.mjs (realtime engineer) exports runRealtimeBench(); absent → skipped.
  if (!existsSync(file)) return { skipped: 'scripts/bench/realtime.mjs is not there yet' };
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisUp = await new Promise((res) => {
    const { hostname, port } = new URL(redisUrl);
    const c = connect(Number(port || 6379), hostname, () => (c.end(), res(true)));
    c.on('error', () => res(false));
  });
  if (!redisUp) return { skipped: `no Redis at ${redisUrl} (make services)` };
  const { runRealtimeBench } = await import(file);
  // AUTH=accounts: 100 updates over 10 books (each written on both replicas in turn), each
  // read by 100–500 of the clients: 30,000 deliveries, as many as AUTH=none's 50 × 1,000.
  const updates = QUICK ? 20 : auth === 'accounts' ? 100 : 50;
  return runRealtimeBench({ clients: QUICK ? 200 : 1000, updates, redisUrl, timeoutMs: 120_000, clientKind, auth });
}

// ------------------------------------------------------------------ main
async function main() {
  if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run npm run build (make bench does)`);
  const wallStart = Date.now();
  const result = { when: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, quick: QUICK };
  /** How long some parts took (seconds), so their share of the run stays visible. */
  result.part_seconds = {};
  const timed = async (name, fn) => {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      result.part_seconds[name] = round((Date.now() - started) / 1000);
    }
  };

  log('filling databases (10k and 100k contacts)');
  const db10k = await filledDatabase('list-10k', 10_000);
  const db100k = await filledDatabase('search-100k', 100_000);
  // The same 10k contacts, untouched by the PATCHes and creates below, for the scoping rows.
  const dbScoping = join(tmp, 'scoping-10k.sqlite3');
  copyFileSync(db10k, dbScoping);

  log('floor: bare node:http, fixed 20-contact page, 16 connections');
  result.floor_bare_http = await bareHttpFloor();
  log('floor: raw better-sqlite3 page query loop (10k contacts)');
  result.floor_raw_sqlite = rawSqliteFloor(db10k);

  // The list: what the cache answers, what the database answers, and the two mixed (each row says which).
  const list = `/api/contacts/`;
  log('list, cache hit: GET /api/contacts/ (one URL, no writes) over 10k contacts, 16 connections');
  let api = await startApi(db10k);
  result.api_rss_mb_idle = rssMb(api.pid);
  result.list = await load({ url: `${api.baseUrl}${list}`, seconds: LOAD_SECONDS });
  result.list_br = await load({ url: `${api.baseUrl}${list}`, seconds: HALF, headers: { 'accept-encoding': 'br' } });
  result.list_page_50 = await load({ url: `${api.baseUrl}${list}?page=50`, seconds: HALF });
  log('list, uncached: distinct pages, then distinct searches');
  result.list_distinct_pages = await distinctPages(api, LOAD_SECONDS);
  result.list_distinct_searches = await distinctSearches(api, LOAD_SECONDS, 10_000, LAST);
  log(`list while ${WRITES_PER_S} PATCH/s run`);
  result.list_while_writing = await whileWriting(api, 10_000, WRITES_PER_S, () => load({ url: `${api.baseUrl}${list}`, seconds: LOAD_SECONDS }));
  for (const key of ['list', 'list_br', 'list_page_50', 'list_distinct_pages', 'list_distinct_searches', 'list_while_writing']) {
    result[key].pct_of_bare_http = round((100 * result[key].req_per_s) / result.floor_bare_http.req_per_s);
  }
  log('PATCH /api/contacts/{id}/, 16 connections, a different contact each');
  result.patch = await patchThroughput(api, LOAD_SECONDS, 10_000);
  result.api_rss_mb_after_list = rssMb(api.pid);

  for (const n of [100, 1000]) {
    log(`${n} concurrent creates, CREATE_DELAY_MS=${CREATE_DELAY_MS}, GETs while pending`);
    result[`creates_${n}`] = await concurrentCreates(api, n, `${n}-${Date.now()}`);
  }
  result.api_rss_mb_after_creates = rssMb(api.pid);
  await api.stop();
  // The cost of the scoping: the same list (same file, same answer) with AUTH=accounts for a
  // token user of one book and of five, against AUTH=none; then sign-in latency.
  log('AUTH=accounts: list ?page=1 for a token user of 1 book / 5 books vs AUTH=none (same file), sign-in latency');
  try {
    result.scoping = await timed('scoping_and_login', () =>
      scopingCost({
        startApi,
        sqlitePath: dbScoping,
        seconds: HALF,
        login: QUICK ? { sequential: 10, concurrent: 16, concurrency: 8, failures: 3 } : { sequential: 30, concurrent: 48, concurrency: 8, failures: 8 },
        log: (m) => log(`  ${m}`),
      }),
    );
    for (const key of ['none', 'one_book', 'five_books']) {
      for (const kind of ['cached', 'uncached']) {
        const x = result.scoping[key][kind];
        x.pct_of_bare_http = round((100 * x.req_per_s) / result.floor_bare_http.req_per_s);
        x.pct_of_none = round((100 * x.req_per_s) / result.scoping.none[kind].req_per_s);
      }
    }
  } catch (error) {
    result.scoping = { error: String(error?.message ?? error) };
  }
  log('trigger cost, raw SQLite: the PATCH transaction without the version triggers, with them, and as the server runs it (10k contacts)');
  result.trigger_cost_sqlite = await timed('trigger_cost_sqlite', () => sqliteTriggerCost(db10k, tmp, 10_000));
  result.patch.pct_of_raw_sqlite = round((100 * result.patch.req_per_s) / result.trigger_cost_sqlite.server_tx_per_s);

  log('search: selective term over 100k contacts, sequential');
  api = await startApi(db100k);
  result.search = await searchLatency(api, 100_000, LAST);
  result.api_rss_mb_100k = rssMb(api.pid);
  await api.stop();

  // vCard import and export at two sizes, each beside its floors (imports.mjs).
  const importSizes = QUICK ? [1000, 10_000] : [10_000, 100_000];
  log(`import and export of ${importSizes.join(' and ')} generated cards, with their floors`);
  try {
    result.imports = await timed('imports', () => runImportsBench({ startApi, sizes: importSizes, log: (m) => log(`  ${m}`) }));
  } catch (error) {
    result.imports = { error: String(error?.message ?? error) };
  }

  // CardDAV: this server beside Radicale on the same cards, each synced by vdirsyncer
  // (carddav.mjs; skipped when either Debian package is missing). Its own time limit.
  const carddavCards = QUICK ? 1000 : 10_000;
  log(`CardDAV: vdirsyncer initial and incremental sync, this server and Radicale, ${carddavCards} cards each`);
  try {
    result.carddav = await timed('carddav', () =>
      runCarddavBench({ startApi, children, cards: carddavCards, timeLimitMs: QUICK ? 180_000 : 480_000, log: (m) => log(`  ${m}`) }),
    );
  } catch (error) {
    result.carddav = { error: String(error?.message ?? error) };
  }

  // Duplicate suggestions over one book with 1% planted duplicates, beside the grouping query alone (duplicates.mjs).
  const duplicateContacts = QUICK ? 10_000 : 100_000;
  log(`duplicate suggestions: ${duplicateContacts} contacts in one book, 1% planted duplicates`);
  try {
    result.duplicates = await timed('duplicates', () => runDuplicatesBench({ startApi, contacts: duplicateContacts, log: (m) => log(`  ${m}`) }));
  } catch (error) {
    result.duplicates = { error: String(error?.message ?? error) };
  }

  // Changes made outside the server, and the triggers' cost on PostgreSQL.
  const postgres = await postgresUp();
  const noPostgres = { skipped: `no PostgreSQL at ${POSTGRES_ADMIN_URL} (make services)` };
  if (postgres) {
    log('trigger cost, raw PostgreSQL: the same three transactions (10k contacts)');
    result.trigger_cost_postgres = await timed('trigger_cost_postgres', () => postgresTriggerCost(MIGRATE, 10_000)).catch((error) => ({
      error: String(error?.message ?? error),
    }));
  } else {
    result.trigger_cost_postgres = noPostgres;
  }
  log('direct SQL commit → Socket.IO event (SQLite, PostgreSQL), API PATCH/s on PostgreSQL');
  try {
    const kinds = postgres ? ['sqlite', 'postgres'] : ['sqlite'];
    result.direct_sql = await timed('direct_sql', () => runDirectSqlBench({ kinds, changes: QUICK ? 50 : 150, patchSeconds: HALF, patchOn: ['postgres'] }));
    result.direct_sql.postgres ??= noPostgres;
  } catch (error) {
    result.direct_sql = { error: String(error?.message ?? error) };
  }

  // Twice per mode: lean protocol clients measure the server; socket.io-client shows what the
  // library's own cost adds when 1,000 of them share the replicas' 2 cores. AUTH=accounts:
  // every client signed in (token or cookie) in one of 10 accounts' books, some shared.
  for (const [key, clientKind, auth] of [
    ['realtime', 'wire', 'none'],
    ['realtime_socket_io_client', 'socket.io-client', 'none'],
    ['realtime_accounts', 'wire', 'accounts'],
    ['realtime_accounts_socket_io_client', 'socket.io-client', 'accounts'],
  ]) {
    if (QUICK && clientKind !== 'wire') continue;
    log(`realtime, AUTH=${auth}: ${QUICK ? 200 : 1000} clients (${clientKind}) over 2 replicas + Redis`);
    try {
      result[key] = await timed(key, () => realtime(clientKind, auth));
    } catch (error) {
      result[key] = { error: String(error?.message ?? error) };
    }
  }
  result.total_seconds = Math.round((Date.now() - wallStart) / 1000);
  return result;
}

// A hard stop well past the quiet-machine time, so a run sharing its 2 cores still prints
// (the import of 100,000 cards, one transaction each, is most of the extra over 8 min; the
// CardDAV part, mostly Radicale listing 10,000 cards, adds up to its own limit of 8).
const guard = setTimeout(() => {
  log('time limit (20 min) reached');
  for (const c of children) c.kill('SIGKILL');
  process.exit(2);
}, 1_200_000);

main()
  .then((result) => {
    const dir = join(ROOT, 'bench-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `bench-${result.when.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(JSON.stringify(result));
    console.log();
    console.log(benchTable(result, CREATE_DELAY_MS));
    const carddav = [...carddavRows(result.carddav), ...duplicatesRows(result.duplicates)];
    const width = Math.max(...carddav.map(([name]) => name.length));
    console.log(carddav.map(([name, figure]) => `${name.padEnd(width)}  ${figure}`).join('\n'));
    console.log(`\nsaved ${file}`);
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    clearTimeout(guard);
    for (const c of children) c.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });
