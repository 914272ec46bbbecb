#!/usr/bin/env node
// `make bench-scale`: the product at a million contacts and ten thousand live clients (issue 17's
// table), every row measured in this one run beside its floor — a bare node:http server and raw
// better-sqlite3 running the same query on the same file — against the BUILT server
// (dist/api/apps/api/src/main.js) on 127.0.0.1 with a temp SQLite file. Takes several minutes;
// not part of `make test`. Prints JSON and the table; saves the JSON in bench-results/.
//   node scripts/bench/scale.mjs [--contacts 1000000] [--clients 10000] [--seconds 6]
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { API_ENTRY, percentile, rssMb, startBareHttp, startBuiltApi } from './bench-utils.mjs';
import { patchThroughput } from './list-and-writes.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const SEED = join(ROOT, 'dist/api/apps/api/src/seed.js');
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const CONTACTS = argument('contacts', 1_000_000);
const CLIENTS = argument('clients', 10_000);
const SECONDS = argument('seconds', 6);
const PAGE_SIZE = 20;
/** Contacts deleted before the server starts, so the recently-deleted list has something to walk. */
const DELETED = 2_000;
/** How many pages deep the app's scrolling list is walked for the "pages the app reaches" pool. */
const WALKED_PAGES = 100;
const log = (message) => process.stderr.write(`[bench-scale] ${message}\n`);
const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const tmp = mkdtempSync(join(tmpdir(), 'contacts-scale-'));
const children = new Set();

// ------------------------------------------------------------------ measuring
/**
 * `next(i)` → path, requested by `connections` keep-alive workers for `seconds` (after a short
 * warm-up): each request's latency, from write to the last byte. Every status other than 200
 * is counted as an error (an answer that failed is not a fast answer).
 */
async function measure(baseUrl, next, { seconds = SECONDS, connections = 1, warmup = 0.5 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(baseUrl);
  let n = 0;
  const once = () =>
    new Promise((res) => {
      const path = next(n++);
      const started = performance.now();
      const request = http.get({ host: hostname, port, path, agent, headers: { 'accept-encoding': 'identity' } }, (response) => {
        response.resume();
        response.on('end', () => res({ ms: performance.now() - started, ok: response.statusCode === 200, status: response.statusCode }));
      });
      request.on('error', () => res({ ms: performance.now() - started, ok: false, status: 0 }));
    });
  const run = async (ms, samples) => {
    const until = performance.now() + ms;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) samples.push(await once());
      }),
    );
  };
  await run(warmup * 1000, []);
  const samples = [];
  const started = performance.now();
  await run(seconds * 1000, samples);
  const wall = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const failed = samples.filter((s) => !s.ok);
  return {
    requests: samples.length,
    req_per_s: Math.round(samples.length / wall),
    p50_ms: round(percentile(sorted, 50)),
    p99_ms: round(percentile(sorted, 99)),
    errors: failed.length,
    ...(failed.length ? { first_error_status: failed[0].status } : {}),
  };
}

/** `fn(i)` in a tight loop on this thread for `ms`: its p50/p99 per call (a query on raw better-sqlite3). */
function measureSync(fn, ms = 1500) {
  for (let i = 0; i < 50; i++) fn(i);
  const times = [];
  const until = performance.now() + ms;
  for (let i = 0; performance.now() < until; i++) {
    const started = performance.now();
    fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { calls: times.length, p50_ms: round(percentile(times, 50), 2), p99_ms: round(percentile(times, 99), 2) };
}

/** The bare node:http floor at `connections`. */
async function bareHttp(connections) {
  const bare = await startBareHttp(CONTACTS, children);
  try {
    return await measure(bare.baseUrl, (i) => `/?n=${i}`, { connections, seconds: 3 });
  } finally {
    bare.stop();
  }
}

/** Runs `cmd` under /usr/bin/time: seconds and peak RSS (MB) of the process, and its output. */
function timed(cmd, args, env) {
  return new Promise((res, rej) => {
    execFile('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      if (error) return rej(new Error(`${cmd} ${args.join(' ')}: ${stderr.slice(-2000)}`));
      const [seconds, kb] = stderr.trim().split('\n').pop().split(' ').map(Number);
      res({ seconds: round(seconds), peak_rss_mb: Math.round(kb / 1024), stdout: stdout.trim() });
    });
  });
}

// ------------------------------------------------------------------ the parts
/** `make seed N=…` on a fresh file, and the floor: the same number of rows into a bare table, raw better-sqlite3. */
async function seedRows(path) {
  const seed = await timed(process.execPath, [SEED, String(CONTACTS)], { SQLITE_PATH: path, DATABASE_URL: '', REDIS_URL: '' });
  const floorPath = join(tmp, 'floor-insert.sqlite3');
  const floor = measureOnce(() => {
    const db = new Database(floorPath);
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE contacts (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT, phone TEXT,
      created_at TEXT, updated_at TEXT)`);
    const insert = db.prepare('INSERT INTO contacts VALUES (?, ?, ?, ?, ?, ?, ?)');
    const batch = db.transaction((from, to) => {
      for (let i = from; i < to; i++) insert.run(i, 'Ada', 'Lovelace', `ada.${i}@example.com`, `+1-555-${i}`, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    });
    for (let i = 1; i <= CONTACTS; i += 10_000) batch(i, Math.min(CONTACTS + 1, i + 10_000));
    db.close();
  });
  rmSync(floorPath, { force: true });
  rmSync(`${floorPath}-wal`, { force: true });
  rmSync(`${floorPath}-shm`, { force: true });
  return { ...seed, floor_bare_insert_seconds: floor };
}

function measureOnce(fn) {
  const started = performance.now();
  fn();
  return round((performance.now() - started) / 1000);
}

/**
 * Deletes the `DELETED` newest contacts straight in SQL (the triggers record them as they would any
 * delete), so ids 1…max−DELETED all exist for the PATCH row. Returns that last id.
 */
function deleteSome(path) {
  const db = new Database(path);
  db.pragma('busy_timeout = 5000');
  const top = Number(db.prepare('SELECT max(id) FROM contacts').pluck().get());
  db.prepare('DELETE FROM contacts WHERE id > ?').run(top - DELETED);
  db.close();
  return top - DELETED;
}

/** Keys (updated_at, id) at random depths, read straight from the file: where the any-depth cursors point. */
function randomKeys(db, count) {
  const total = Number(db.prepare('SELECT count(*) FROM contacts').pluck().get());
  const at = db.prepare('SELECT updated_at, id FROM contacts ORDER BY updated_at DESC, id DESC LIMIT 1 OFFSET ?');
  return Array.from({ length: count }, (_, k) => at.get(Math.floor(((k * 7919) % count) * (total / count))));
}

/**
 * The server's own cursor encoder from the build (task: cursor pagination), so the bench can point a cursor
 * anywhere without walking there; null when the build has none.
 */
async function cursorEncoder() {
  const file = join(ROOT, 'dist/api/apps/api/src/common/cursor-pagination.js');
  if (!existsSync(file)) return null;
  const module = await import(pathToFileURL(file).href);
  return typeof module.encodeCursor === 'function' ? module.encodeCursor : null;
}

/** Follows `next` from the first cursor page `pages` times: the cursor URLs the app's scrolling list reaches. */
async function walkCursor(baseUrl, pages) {
  const paths = [];
  let url = `${baseUrl}/api/contacts/?cursor=&page_size=${PAGE_SIZE}`;
  for (let k = 0; k < pages && url; k++) {
    const { pathname, search } = new URL(url);
    paths.push(`${pathname}${search}`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cursor walk: ${response.status} at ${url}`);
    const body = await response.json();
    url = body.next;
    if (url && !new URL(url).searchParams.has('cursor')) return null; // the server has no cursor yet
  }
  return paths;
}

/** Two-letter terms a user types first: common starts of first and last names. */
const SHORT_TERMS = ['ab', 'ma', 'jo', 'li', 'an', 'sa', 'el', 'ch', 'da', 'ro', 'mi', 'ka', 'be', 'le', 'he', 'st'];

async function listRows(path, result, lastId) {
  const db = new Database(path, { readonly: true });
  const columns = `id, address_book_id, first_name, last_name, email, phone, created_at, updated_at, organization, job_title, notes,
    birthday, other_emails, other_phones, addresses, uid`;
  const total = Number(db.prepare('SELECT count(*) FROM contacts').pluck().get());
  const pages = Math.ceil(total / PAGE_SIZE);
  const pageAt = db.prepare(`SELECT ${columns} FROM contacts ORDER BY updated_at DESC, id DESC LIMIT ${PAGE_SIZE} OFFSET ?`);
  const afterKey = db.prepare(
    // The app's own keyset form: the first column's bound is what the date index ranges on, the row value settles ties.
    `SELECT ${columns} FROM contacts WHERE updated_at <= ? AND (updated_at, id) < (?, ?) ORDER BY updated_at DESC, id DESC LIMIT ${PAGE_SIZE}`,
  );
  const keys = randomKeys(db, 500);
  const deleted = db.prepare(`SELECT * FROM deleted_contacts ORDER BY version_id DESC LIMIT ${PAGE_SIZE}`);
  const random = (i) => 1 + ((i * 104_729) % pages);
  result.floor = {
    raw_page_1: measureSync(() => pageAt.all(0)),
    raw_random_offset: measureSync((i) => pageAt.all((random(i) - 1) * PAGE_SIZE)),
    raw_keyset_any_depth: measureSync((i) => {
      const key = keys[i % keys.length];
      return afterKey.all(key.updated_at, key.updated_at, key.id);
    }),
    raw_deleted_page_1: measureSync(() => deleted.all()),
  };
  db.close();
  log('floor: bare node:http, one fixed page, 1 and 16 connections');
  result.floor.bare_http_1 = await bareHttp(1);
  result.floor.bare_http_16 = await bareHttp(16);

  const api = await startBuiltApi(path, { CREATE_DELAY_MS: '0' }, children);
  try {
    result.api_rss_mb_start = rssMb(api.pid);
    // The first start after a seed builds the duplicate index in the background (write
    // batches that share the write queue); the rows below measure the server once it is done.
    log('first start after the seed: waiting for the duplicate index (contact_match_stale empty)');
    result.duplicate_index_first_start = await duplicateIndexBuilt(path);
    // `n` makes every URL one the page cache has not seen: each answer is a query.
    log('GET ?page=1, a new URL each request (the page cache misses), 1 connection');
    result.page_1_uncached = await measure(api.baseUrl, (i) => `/api/contacts/?page=1&n=${i}`);
    // Deep pages by number start from signposts the server lays after the first deep page
    // that finds none (and again after every commit); until then they are plain OFFSETs,
    // whose cost is the raw OFFSET floor. Time the laying on a quiet server, then measure.
    log('GET ?page=<random depth>: signposts laid after the first deep page, then 16 connections');
    result.signposts_laid = await signpostsLaid(api.baseUrl, pages);
    result.random_pages_16 = await measure(api.baseUrl, (i) => `/api/contacts/?page=${random(i)}&n=${i}`, { connections: 16 });
    log(`cursor: the first ${WALKED_PAGES} pages the scrolling list reaches, then random depths, 16 connections`);
    const walked = await walkCursor(api.baseUrl, WALKED_PAGES);
    result.cursor_pages_app_16 = walked
      ? await measure(api.baseUrl, (i) => `${walked[i % walked.length]}&n=${i}`, { connections: 16 })
      : { skipped: 'the server answers no cursor pages' };
    const encode = await cursorEncoder();
    result.cursor_any_depth_16 = encode
      ? await measure(
          api.baseUrl,
          (i) => {
            const key = keys[i % keys.length];
            return `/api/contacts/?cursor=${encodeURIComponent(encode({ updated_at: key.updated_at, id: key.id }, false))}&page_size=${PAGE_SIZE}&n=${i}`;
          },
          { connections: 16 },
        )
      : { skipped: 'the build has no encodeCursor' };
    log('search: two-letter terms, then a broad term (+1-2), 1 connection');
    result.search_two_letters = await measure(api.baseUrl, (i) => `/api/contacts/?search=${SHORT_TERMS[i % SHORT_TERMS.length]}&n=${i}`);
    result.search_broad = await measure(api.baseUrl, (i) => `/api/contacts/?search=${encodeURIComponent('+1-2')}&n=${i}`);
    log('GET /api/contacts/deleted/, 1 connection');
    result.deleted_page_1 = await measure(api.baseUrl, (i) => `/api/contacts/deleted/?n=${i}`);
    result.api_rss_mb_after_reads = rssMb(api.pid);
    log('PATCH /api/contacts/{id}/, 16 connections, a different contact each');
    result.patch_16 = await patchThroughput(api, SECONDS, lastId);
    result.api_rss_mb_after_writes = rssMb(api.pid);
  } finally {
    await api.stop();
  }
  result.floor.raw_patch = rawPatchFloor(path);
}

/** Seconds from the first deep page by number until one is answered from signposts (a tenth of the raw OFFSET's time). */
async function signpostsLaid(baseUrl, pages, limitMs = 60_000) {
  const started = performance.now();
  const deep = Math.floor(pages * 0.6);
  let k = 0;
  const timed = async () => {
    const at = performance.now();
    const response = await fetch(`${baseUrl}/api/contacts/?page=${deep}&n=signposts-${k++}`);
    await response.arrayBuffer();
    return performance.now() - at;
  };
  const first = await timed();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ms = await timed();
    if (ms < first / 10 || performance.now() - started > limitMs) {
      return { seconds: Math.round((performance.now() - started) / 100) / 10, first_ms: Math.round(first * 10) / 10, then_ms: Math.round(ms * 10) / 10 };
    }
  }
}

/** Seconds until the server has keyed every seeded contact for duplicates (polled from the file, read-only). */
async function duplicateIndexBuilt(path, limitMs = 15 * 60_000) {
  const db = new Database(path, { readonly: true });
  const started = performance.now();
  try {
    const stale = db.prepare('SELECT count(*) FROM contact_match_stale').pluck();
    let left = Number(stale.get());
    while (left > 0 && performance.now() - started < limitMs) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      left = Number(stale.get());
    }
    return { seconds: Math.round((performance.now() - started) / 100) / 10, left };
  } finally {
    db.close();
  }
}

/** One PATCH's statement (an UPDATE whose trigger writes the version) on raw better-sqlite3: a transaction each, and a thousand in one. */
function rawPatchFloor(path) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const update = db.prepare('UPDATE contacts SET phone = ?, updated_at = ? WHERE id = ?');
  const top = Number(db.prepare('SELECT max(id) FROM contacts').pluck().get());
  let n = 0;
  const one = () => {
    n++;
    update.run(`+1-555-${n}`, new Date().toISOString(), 1 + ((n * 7919) % top));
  };
  const perSecond = (fn, ms = 1500) => {
    let calls = 0;
    const until = performance.now() + ms;
    while (performance.now() < until) calls += fn();
    return Math.round(calls / (ms / 1000));
  };
  const eachInItsOwn = db.transaction(one);
  const thousand = db.transaction(() => {
    for (let k = 0; k < 1000; k++) one();
  });
  const figures = {
    transaction_each_per_s: perSecond(() => (eachInItsOwn(), 1)),
    one_transaction_per_s: perSecond(() => (thousand(), 1000)),
  };
  db.close();
  return figures;
}

async function realtimeRows(result) {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const { hostname, port } = new URL(redisUrl);
  const up = await new Promise((res) => {
    const c = connect(Number(port || 6379), hostname, () => (c.end(), res(true)));
    c.on('error', () => res(false));
  });
  if (!up) {
    result.realtime = { skipped: `no Redis at ${redisUrl} (make services)` };
    return;
  }
  const { runRealtimeBench } = await import('./realtime.mjs');
  result.realtime = {};
  const floorEntry = join(ROOT, 'scripts/bench/floor-replica.mjs');
  for (const transport of ['socket.io', 'plain-ws']) {
    const run = async (entry) => {
      const r = await runRealtimeBench({ clients: CLIENTS, updates: 20, redisUrl, timeoutMs: 300_000, clientKind: 'wire', transport, entry });
      return { clients: r.clients, connections: r.connections, missed: r.missed, p50_ms: r.latency_ms.p50, p99_ms: r.latency_ms.p99, rss_mb: r.rss_mb };
    };
    try {
      // The floor first, the same clients and updates against bare servers of the same transport.
      log(`realtime floor: ${CLIENTS} clients (${transport}) over 2 bare replicas (floor-replica.mjs), 20 updates`);
      process.env.FLOOR_TRANSPORT = transport;
      const floor = await run(floorEntry);
      log(`realtime: ${CLIENTS} clients (${transport}) over 2 replicas, 20 updates`);
      result.realtime[transport] = { ...(await run(undefined)), floor };
    } catch (error) {
      result.realtime[transport] = { failed: String(error?.message ?? error).slice(0, 300) };
    }
  }
}

// ------------------------------------------------------------------ the table
function holds(ok) {
  return ok === null ? 'n/a' : ok ? 'yes' : 'NO';
}

function table(r) {
  const f = r.floor ?? {};
  const lat = (x) => (x?.skipped ? `skipped: ${x.skipped}` : x ? `p50 ${x.p50_ms} ms, p99 ${x.p99_ms} ms${x.errors ? `, ${x.errors} errors` : ''}` : 'n/a');
  const rt = (t) => {
    const x = r.realtime?.[t];
    if (!x) return 'n/a';
    if (x.skipped || x.failed) return x.skipped ?? `failed: ${x.failed}`;
    return `${x.missed} missed, p99 ${x.p99_ms} ms, RSS ${x.rss_mb.join(' / ')} MB`;
  };
  const rtFloor = (t) => {
    const x = r.realtime?.[t]?.floor;
    return x ? `bare servers: ${x.missed} missed, p99 ${x.p99_ms} ms, RSS ${x.rss_mb.join(' / ')} MB` : '';
  };
  const rtHolds = (t) => {
    const x = r.realtime?.[t];
    if (!x || x.skipped || x.failed) return null;
    return x.missed === 0 && x.p99_ms < 100 && x.rss_mb.every((mb) => mb < 200);
  };
  const under = (x, ms) => (x && !x.skipped ? x.errors === 0 && x.p99_ms < ms : null);
  const n = CONTACTS.toLocaleString('en');
  const rows = [
    [`GET ?page=1, ${n}, uncached`, lat(r.page_1_uncached), `raw SQL p99 ${f.raw_page_1?.p99_ms} ms; bare http p99 ${f.bare_http_1?.p99_ms} ms`, 'p99 < 20 ms', holds(under(r.page_1_uncached, 20))],
    [
      'cursor pages the app reaches, 16 conn.',
      `${r.cursor_pages_app_16?.req_per_s ?? '-'} req/s, ${lat(r.cursor_pages_app_16)}`,
      `bare http 16 conn. ${f.bare_http_16?.req_per_s} req/s, p99 ${f.bare_http_16?.p99_ms} ms`,
      'p99 < 20 ms',
      holds(under(r.cursor_pages_app_16, 20)),
    ],
    [
      'cursor at any depth, 16 conn.',
      `${r.cursor_any_depth_16?.req_per_s ?? '-'} req/s, ${lat(r.cursor_any_depth_16)}`,
      `raw SQL (keyset) p99 ${f.raw_keyset_any_depth?.p99_ms} ms`,
      'p99 < 50 ms',
      holds(under(r.cursor_any_depth_16, 50)),
    ],
    [
      '?page=<random depth>, 16 conn. (signposts laid)',
      `${r.random_pages_16?.req_per_s ?? '-'} req/s, ${lat(r.random_pages_16)}`,
      `raw SQL (OFFSET) p99 ${f.raw_random_offset?.p99_ms} ms; signposts laid in ${r.signposts_laid?.seconds} s (a deep page ${r.signposts_laid?.first_ms} → ${r.signposts_laid?.then_ms} ms)`,
      'p99 < 50 ms',
      holds(under(r.random_pages_16, 50)),
    ],
    ['?search=<two letters>', lat(r.search_two_letters), `raw SQL page 1 p99 ${f.raw_page_1?.p99_ms} ms`, 'p99 < 100 ms', holds(under(r.search_two_letters, 100))],
    ['?search=+1-2 (broad)', lat(r.search_broad), `raw SQL page 1 p99 ${f.raw_page_1?.p99_ms} ms`, 'p99 < 50 ms', holds(under(r.search_broad, 50))],
    ['GET /api/contacts/deleted/', lat(r.deleted_page_1), `raw SQL p99 ${f.raw_deleted_page_1?.p99_ms} ms`, 'p99 < 20 ms', holds(under(r.deleted_page_1, 20))],
    [
      'first start after the seed: duplicate index',
      r.duplicate_index_first_start ? `${r.duplicate_index_first_start.seconds} s${r.duplicate_index_first_start.left ? `, ${r.duplicate_index_first_start.left} left` : ''}` : 'n/a',
      '',
      '(background; list and PATCH rows wait for it)',
      '',
    ],
    [
      `make seed N=${n}`,
      r.seed ? `${r.seed.seconds} s, ${r.seed.peak_rss_mb} MB peak RSS` : 'n/a',
      r.seed ? `bare INSERTs ${r.seed.floor_bare_insert_seconds} s` : '',
      '< 60 s, < 300 MB',
      holds(r.seed ? r.seed.seconds < 60 && r.seed.peak_rss_mb < 300 : null),
    ],
    [`${CLIENTS.toLocaleString('en')} clients, 2 replicas, 20 updates (Socket.IO)`, rt('socket.io'), rtFloor('socket.io'), '0 missed, p99 < 100 ms, RSS < 200 MB', holds(rtHolds('socket.io'))],
    [`${CLIENTS.toLocaleString('en')} clients, 2 replicas, 20 updates (plain WS)`, rt('plain-ws'), rtFloor('plain-ws'), '0 missed, p99 < 100 ms, RSS < 200 MB', holds(rtHolds('plain-ws'))],
    [
      'PATCH/s, 16 connections, SQLite',
      r.patch_16 ? `${r.patch_16.req_per_s}/s (p99 ${r.patch_16.latency_ms?.p99} ms${r.patch_16.non2xx ? `, ${r.patch_16.non2xx} non-2xx` : ''})` : 'n/a',
      f.raw_patch ? `raw SQL: ${f.raw_patch.transaction_each_per_s}/s a transaction each, ${f.raw_patch.one_transaction_per_s}/s in one` : '',
      '>= 5,000/s',
      holds(r.patch_16 ? r.patch_16.req_per_s >= 5000 && !r.patch_16.non2xx : null),
    ],
  ];
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((row) => String(row[c]).length), ['what', 'measured', 'floor (same run)', 'target', 'holds'][c].length));
  const line = (cells) => `| ${cells.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
  return [line(['what', 'measured', 'floor (same run)', 'target', 'holds']), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// ------------------------------------------------------------------ main
async function main() {
  if (!existsSync(API_ENTRY) || !existsSync(SEED)) throw new Error('the built API is missing: run npm run build (make bench-scale does)');
  const started = Date.now();
  const result = { when: new Date().toISOString(), node: process.version, contacts: CONTACTS, clients: CLIENTS, seconds_per_row: SECONDS };
  const path = join(tmp, 'scale.sqlite3');
  log(`make seed N=${CONTACTS} on a fresh file (timed), then the floor: as many bare INSERTs`);
  result.seed = await seedRows(path);
  log(`deleting ${DELETED} contacts in SQL for the recently-deleted list`);
  const lastId = deleteSome(path);
  await listRows(path, result, lastId);
  await realtimeRows(result);
  result.wall_seconds = Math.round((Date.now() - started) / 1000);
  console.log(JSON.stringify(result, null, 2));
  console.log(`\n${table(result)}\n\nwall ${result.wall_seconds} s`);
  const out = join(ROOT, 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `scale-${result.when.replace(/[:.]/g, '-')}.json`), JSON.stringify(result, null, 2));
}

const cleanUp = () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', () => (cleanUp(), process.exit(130)));
main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);

