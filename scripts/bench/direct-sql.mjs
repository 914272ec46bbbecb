#!/usr/bin/env node
// Changes made straight in the database: latency from a direct SQL commit, made by another
// process (the `sqlite3` / `psql` command-line clients a person would use), to the event a
// connected Socket.IO client receives, on SQLite and PostgreSQL; and PATCH/s through the API
// on the same databases. The server finds such commits by itself: a data_version poll on
// SQLite, LISTEN/NOTIFY on PostgreSQL. Against the BUILT server (`npm run build`);
// PostgreSQL on 127.0.0.1:5432 (BENCH_POSTGRES_URL overrides). `make bench` runs it too.
//   node scripts/bench/direct-sql.mjs [--quick]
// BENCH_DIRECT_CLIENT=driver commits through better-sqlite3 / pg in this process instead of
// the CLIs (also what happens when sqlite3 / psql is not installed); the result says which.
// BENCH_API_ENTRY=<other dist>/apps/api/src/main.js measures another build's PATCH/s
// (e.g. one from before the triggers; its direct-SQL events then count as missed).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { io } from 'socket.io-client';
import { freePort, percentile, sleep, waitHealthy } from './bench-utils.mjs';
import { patchThroughput } from './list-and-writes.mjs';
import { createPostgresDatabase } from './postgres-database.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const ENTRY = process.env.BENCH_API_ENTRY ?? join(ROOT, 'dist/api/apps/api/src/main.js');
const QUICK = process.argv.includes('--quick');
const CONTACTS = 1000;
const EVERY_MS = 20;
/** After the last change: an event later than this counts as missed (the promise is 2 s). */
const LAST_EVENT_WAIT_MS = 2500;
const log = (message) => process.stderr.write(`[direct-sql] ${message}\n`);
const round = (x) => (x == null ? null : Math.round(x * 10) / 10);
/** Every process this starts, ended if the caller exits early (run-all's time limit). */
const children = new Set();
process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')));
const track = (child) => (children.add(child), child.once('exit', () => children.delete(child)), child);

async function startApi(env) {
  const port = await freePort();
  const child = track(spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    // AUTH=none: the direct-SQL figures are Part 1's (one unauthenticated Socket.IO client, open PATCHes).
    env: { ...process.env, AUTH: 'none', PORT: String(port), HOST: '127.0.0.1', REDIS_URL: '', LOG_LEVEL: 'error', THROTTLE_LIMIT: '10000000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  }));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(child, baseUrl);
  const stop = () =>
    new Promise((res) => {
      if (child.exitCode !== null) return res(undefined);
      child.once('exit', res);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return { baseUrl, stop };
}

const CLI = {
  sqlite: { command: 'sqlite3', args: (target) => ['-batch', target], setup: '.timeout 10000\n', marker: (id) => `.print ${id}` },
  postgres: { command: 'psql', args: (target) => ['-X', '-q', '-d', target], setup: '', marker: (id) => `\\echo ${id}` },
};

/** The CLI's name and version (`sqlite3 3.40.1`, `psql 15.20`), or null when it is not installed. */
function cliVersion(kind) {
  const { command } = CLI[kind];
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  return `${command} ${/\d+\.\d+(\.\d+)?/.exec(probe.stdout)?.[0] ?? ''}`.trim();
}

/**
 * One long-running sqlite3 / psql process fed on stdin, each statement autocommitted: `exec`
 * writes the statement and a marker to print, and resolves when the marker comes back, which
 * the CLI prints only after the statement has finished, i.e. committed.
 */
function cliSession(kind, target, version) {
  const { command, args, setup, marker } = CLI[kind];
  const child = track(spawn(command, args(target), { stdio: ['pipe', 'pipe', 'pipe'] }));
  /** @type {Map<string, { resolve: () => void, reject: (e: Error) => void }>} */
  const waiting = new Map();
  let next = 0;
  let out = '';
  const failAll = (error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    out += chunk;
    const lines = out.split('\n');
    out = lines.pop() ?? '';
    for (const line of lines) {
      waiting.get(line.trim())?.resolve();
      waiting.delete(line.trim());
    }
  });
  child.stderr.setEncoding('utf8').on('data', (text) => failAll(new Error(`${command}: ${text.trim()}`)));
  child.on('error', failAll);
  child.on('exit', (code) => failAll(new Error(`${command} exited ${code}`)));
  child.stdin.write(setup);
  return {
    client: `${version} (command-line client, its own process)`,
    exec: (sql) =>
      new Promise((res, rej) => {
        const id = `__bench_done_${next++}`;
        waiting.set(id, { resolve: () => res(undefined), reject: rej });
        child.stdin.write(`${sql};\n${marker(id)}\n`);
      }),
    close: () =>
      new Promise((res) => {
        if (child.exitCode !== null) return res(undefined);
        child.once('exit', res);
        child.stdin.end();
      }),
  };
}

/** better-sqlite3 / pg in this process, standing in for the CLIs (another connection all the same). */
async function driverSession(kind, target) {
  if (kind === 'sqlite') {
    const db = new Database(target);
    db.pragma('busy_timeout = 10000');
    return { client: 'better-sqlite3 connection (standing in for sqlite3)', exec: async (sql) => void db.exec(sql), close: async () => db.close() };
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  return { client: 'pg connection (standing in for psql)', exec: async (sql) => void (await client.query(sql)), close: () => client.end() };
}

async function directSession(kind, target) {
  const version = process.env.BENCH_DIRECT_CLIENT === 'driver' ? null : cliVersion(kind);
  return version ? cliSession(kind, target, version) : driverSession(kind, target);
}

async function fill(direct) {
  const values = [];
  // Timestamps given, so a build from before the column defaults takes the rows too.
  const at = new Date().toISOString();
  for (let i = 1; i <= CONTACTS; i++) values.push(`('Bench', 'Person${i}', 'bench${i}@example.com', '+1-555-${String(i).padStart(4, '0')}', '${at}', '${at}')`);
  await direct.exec(`INSERT INTO contacts (first_name, last_name, email, phone, created_at, updated_at) VALUES ${values.join(', ')}`);
}

/**
 * `changes` UPDATEs, one every EVERY_MS, while one Socket.IO client is connected to
 * `/contacts`; for each, the time from its commit returning to the client's
 * `contact.updated` event (matched by the new phone).
 */
async function directLatency(baseUrl, direct, changes) {
  const socket = io(`${baseUrl}/contacts`, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise((res, rej) => socket.once('connect', () => res(undefined)).once('connect_error', rej));
  await sleep(300); // the fill's own events go out first
  const committed = new Map();
  const latencies = [];
  let allArrived = () => {};
  const arrivedAll = new Promise((res) => (allArrived = () => res(undefined)));
  socket.on('contact.updated', (event) => {
    const arrived = performance.now();
    const change = committed.get(event.contact?.phone);
    if (!change || change.arrived !== undefined) return;
    change.arrived = arrived;
    // An event read before the commit's own answer (both ready at once) counts from the statement's start.
    latencies.push(arrived - (change.committed ?? change.started));
    if (latencies.length === changes) allArrived();
  });
  try {
    for (let i = 0; i < changes; i++) {
      const phone = `+9-${process.pid}-${i}`;
      const change = { started: performance.now(), committed: undefined, arrived: undefined };
      committed.set(phone, change);
      await direct.exec(`UPDATE contacts SET phone = '${phone}' WHERE id = ${1 + (i % CONTACTS)}`);
      change.committed = performance.now();
      await sleep(EVERY_MS);
    }
    await Promise.race([arrivedAll, sleep(LAST_EVENT_WAIT_MS)]);
  } finally {
    socket.disconnect();
  }
  const sorted = latencies.sort((a, b) => a - b);
  return { changes, missed: changes - sorted.length, p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1)) };
}

async function onDatabase(kind, { changes, patchSeconds }) {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-direct-bench-'));
  const postgres = kind === 'postgres' ? await createPostgresDatabase('contacts_bench_direct') : null;
  const target = postgres ? postgres.url : join(dir, 'contacts.sqlite3');
  let api;
  let direct;
  try {
    api = await startApi(postgres ? { DATABASE_URL: target } : { SQLITE_PATH: target, DATABASE_URL: '' });
    direct = await directSession(kind, target);
    await fill(direct);
    log(`${kind}: direct SQL commit by ${direct.client} → Socket.IO event, ${changes} changes`);
    const result = {
      direct_client: direct.client,
      announced_by: kind === 'sqlite' ? 'data_version poll' : 'LISTEN/NOTIFY',
      contacts: CONTACTS,
      direct_sql_to_event: await directLatency(api.baseUrl, direct, changes),
    };
    if (patchSeconds > 0) {
      log(`${kind}: API PATCH/s, 16 connections`);
      result.patch = await patchThroughput(api, patchSeconds, CONTACTS);
    }
    return result;
  } finally {
    await direct?.close();
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  }
}

/**
 * The databases in `kinds`, one after the other: `changes` direct UPDATEs each; API PATCH/s
 * for `patchSeconds` (after a one-second warm-up) on the databases in `patchOn`.
 */
export async function runDirectSqlBench({
  kinds = ['sqlite', 'postgres'],
  changes = QUICK ? 50 : 200,
  patchSeconds = QUICK ? 3 : 6,
  patchOn = ['sqlite', 'postgres'],
} = {}) {
  const result = { entry: ENTRY };
  for (const kind of kinds) {
    result[kind] = await onDatabase(kind, { changes, patchSeconds: patchOn.includes(kind) ? patchSeconds : 0 });
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runDirectSqlBench();
  console.log(JSON.stringify(result, null, 2));
  for (const kind of ['sqlite', 'postgres']) {
    const { direct_sql_to_event: d, patch, direct_client } = result[kind];
    console.log(
      `${kind.padEnd(8)} direct SQL commit (${direct_client}) → Socket.IO event: p50 ${d.p50_ms} / p99 ${d.p99_ms} / max ${d.max_ms} ms, ${d.missed} of ${d.changes} missed;` +
        ` API PATCH ${patch.req_per_s}/s (p99 ${patch.latency_ms.p99} ms, ${patch.non2xx} non-2xx)`,
    );
  }
}
