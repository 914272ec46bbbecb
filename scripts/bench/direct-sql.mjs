#!/usr/bin/env node
// Changes made straight in the database: latency from a direct SQL commit (another
// connection, as sqlite3 or psql would be) to a plain-WebSocket client's event, on SQLite
// and PostgreSQL, and PATCH/s through the API on the same databases. Against the BUILT
// server (`npm run build`); PostgreSQL on 127.0.0.1:5432 (BENCH_POSTGRES_URL overrides).
//   node scripts/bench/direct-sql.mjs [--quick]
// BENCH_API_ENTRY=<other dist>/apps/api/src/main.js measures another build's PATCH/s
// (e.g. one from before the triggers; its direct-SQL latency is then null: no events).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { WebSocket } from 'ws';
import { freePort, percentile, sleep, waitHealthy } from './bench-utils.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const ENTRY = process.env.BENCH_API_ENTRY ?? join(ROOT, 'dist/api/apps/api/src/main.js');
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const QUICK = process.argv.includes('--quick');
const CONTACTS = 1000;
const DIRECT_CHANGES = QUICK ? 50 : 200;
const DIRECT_EVERY_MS = 20;
const PATCH_SECONDS = QUICK ? 3 : 6;
const log = (message) => process.stderr.write(`[direct-sql] ${message}\n`);

function startApi(env) {
  return freePort().then(async (port) => {
    const child = spawn(process.execPath, [ENTRY], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', REDIS_URL: '', LOG_LEVEL: 'error', THROTTLE_LIMIT: '10000000', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitHealthy(child, baseUrl);
    const stop = () => new Promise((res) => (child.exitCode !== null ? res() : (child.once('exit', res), child.kill('SIGTERM'))));
    return { baseUrl, stop };
  });
}

/** A direct connection to the server's database: what sqlite3 or psql would be. */
async function directConnection(kind, target) {
  if (kind === 'sqlite') {
    const db = new Database(target);
    db.pragma('busy_timeout = 10000');
    return { run: async (sql, params = []) => db.prepare(sql).run(...params), close: async () => db.close() };
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  const numbered = (sql) => { let i = 0; return sql.replace(/\?/g, () => `$${++i}`); };
  return { run: (sql, params = []) => client.query(numbered(sql), params), close: () => client.end() };
}

async function fill(direct) {
  const values = [];
  // Timestamps given, so a build from before the column defaults takes the rows too.
  const at = new Date().toISOString();
  for (let i = 1; i <= CONTACTS; i++) values.push(`('Bench', 'Person${i}', 'bench${i}@example.com', '+1-555-${String(i).padStart(4, '0')}', '${at}', '${at}')`);
  await direct.run(`INSERT INTO contacts (first_name, last_name, email, phone, created_at, updated_at) VALUES ${values.join(', ')}`);
}

/** One UPDATE every DIRECT_EVERY_MS; for each, the time from its commit returning to the client's event. */
async function directLatency(baseUrl, direct) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws/contacts/`);
  await new Promise((res, rej) => ws.once('open', res).once('error', rej));
  const committed = new Map();
  const latencies = [];
  ws.on('message', (data) => {
    const arrived = performance.now();
    const event = JSON.parse(String(data));
    const change = committed.get(event.contact?.phone);
    // An event read before the commit's own answer (both sockets ready at once) counts from the statement's start.
    if (change && change.arrived === undefined) latencies.push((change.arrived = arrived) - (change.committed ?? change.started));
  });
  for (let i = 0; i < DIRECT_CHANGES; i++) {
    const phone = `+9-${Date.now()}-${i}`;
    const change = { started: performance.now(), committed: undefined, arrived: undefined };
    committed.set(phone, change);
    await direct.run('UPDATE contacts SET phone = ? WHERE id = ?', [phone, 1 + (i % CONTACTS)]);
    change.committed = performance.now();
    await sleep(DIRECT_EVERY_MS);
  }
  await sleep(2500);
  ws.terminate();
  const sorted = latencies.sort((a, b) => a - b);
  const r = (x) => (x == null ? null : Math.round(x * 10) / 10);
  return { changes: DIRECT_CHANGES, missed: DIRECT_CHANGES - sorted.length, p50_ms: r(percentile(sorted, 50)), p99_ms: r(percentile(sorted, 99)), max_ms: r(sorted.at(-1)) };
}

async function patchPerSecond(baseUrl) {
  let n = 0;
  const options = {
    url: `${baseUrl}/api/contacts/1/`,
    connections: 16,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, method: 'PATCH', path: `/api/contacts/${1 + ((n * 7919) % CONTACTS)}/`, body: JSON.stringify({ phone: `+1-555-${n++ % 10000}` }) }) }],
  };
  await autocannon({ ...options, duration: 1 });
  const r = await autocannon({ ...options, duration: PATCH_SECONDS });
  return { req_per_s: Math.round(r.requests.average), p99_ms: r.latency.p99, non2xx: r.non2xx };
}

async function onDatabase(kind) {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-direct-bench-'));
  const name = `contacts_bench_${process.pid}`;
  let target;
  let env;
  if (kind === 'sqlite') {
    target = join(dir, 'contacts.sqlite3');
    env = { SQLITE_PATH: target, DATABASE_URL: '' };
  } else {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    target = url.toString();
    env = { DATABASE_URL: target };
  }
  const api = await startApi(env);
  const direct = await directConnection(kind, target);
  try {
    await fill(direct);
    log(`${kind}: direct SQL → event`);
    const latency = await directLatency(api.baseUrl, direct);
    log(`${kind}: PATCH/s`);
    const patch = await patchPerSecond(api.baseUrl);
    return { direct_sql_to_event: latency, patch };
  } finally {
    await direct.close();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres') {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}

/** Both databases, one after the other. */
export async function runDirectSqlBench() {
  return { entry: ENTRY, sqlite: await onDatabase('sqlite'), postgres: await onDatabase('postgres') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runDirectSqlBench();
  console.log(JSON.stringify(result, null, 2));
  for (const kind of ['sqlite', 'postgres']) {
    const { direct_sql_to_event: d, patch } = result[kind];
    console.log(`${kind.padEnd(8)} direct SQL commit → client event: p50 ${d.p50_ms} / p99 ${d.p99_ms} / max ${d.max_ms} ms, ${d.missed} of ${d.changes} missed; PATCH ${patch.req_per_s}/s (p99 ${patch.p99_ms} ms, ${patch.non2xx} non-2xx)`);
  }
}
