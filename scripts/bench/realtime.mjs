#!/usr/bin/env node
// Realtime benchmark: N Socket.IO clients split over two API replicas (+ Redis), M updates,
// event latency (commit -> event received; and PATCH sent -> received), missed events and each replica's RSS.
// `npm run bench:realtime` (after `npm run build:lib && npm run build:api`); traffic only to 127.0.0.1.
// Clients: BENCH_CLIENT=wire (default; lean Socket.IO protocol clients, see socket-io-wire-client.mjs)
// or BENCH_CLIENT=socket.io-client (the library, which costs the shared 2 cores ~45% more CPU).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { freePort, percentile, rssMb, sleep, waitHealthy } from './bench-utils.mjs';
import { connectWireClient } from './socket-io-wire-client.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const ENTRY = join(ROOT, 'dist/api/apps/api/src/main.js');
const now = () => performance.timeOrigin + performance.now(); // comparable across threads
const CLIENT_THREADS = Number(process.env.BENCH_CLIENT_THREADS ?? 2); // the replicas need the other cores

async function startReplica(env) {
  const port = await freePort();
  // e.g. BENCH_REPLICA_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the replicas.
  const nodeArgs = (process.env.BENCH_REPLICA_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ENTRY], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CREATE_DELAY_MS: '0', THROTTLE_LIMIT: '1000000' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(child, baseUrl, { label: 'replica', timeoutMs: 20_000 });
  return { child, baseUrl };
}

/** User + system CPU time of a process so far, in ms (clock ticks are 10 ms). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const round = (x) => (x === null ? null : Math.round(x * 10) / 10);

/** p50 / p99 / max of some latencies, in ms to one decimal. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? null) };
}

/**
 * Runs the benchmark and returns its figures. Options: clients (1000), updates (50),
 * clientKind ('wire' | 'socket.io-client'; BENCH_CLIENT), gapMs (20; BENCH_UPDATE_GAP_MS),
 * redisUrl (REDIS_URL or redis://127.0.0.1:6379), timeoutMs (110 000).
 */
export async function runRealtimeBench(options = {}) {
  const clients = options.clients ?? 1000;
  const updates = options.updates ?? 50;
  const clientKind = options.clientKind ?? process.env.BENCH_CLIENT ?? 'wire';
  // Pause after each PATCH's response: 20 ms gives ~30 updates/s, 30,000 deliveries/s.
  const gapMs = options.gapMs ?? Number(process.env.BENCH_UPDATE_GAP_MS ?? 20);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build:lib && npm run build:api`);
  const dir = mkdtempSync(join(tmpdir(), 'contacts-bench-'));
  const env = { REDIS_URL: redisUrl, REDIS_PREFIX: `bench${process.pid}:`, SQLITE_PATH: join(dir, 'contacts.sqlite3') };
  const replicas = [];
  const guard = setTimeout(() => {
    console.error('realtime bench: time limit reached');
    for (const r of replicas) r.child.kill('SIGKILL');
    process.exit(2);
  }, options.timeoutMs ?? 110_000);
  try {
    replicas.push(await startReplica(env)); // migrates first
    replicas.push(await startReplica(env));
    const created = await fetch(`${replicas[0].baseUrl}/api/contacts/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ first_name: 'Bench', last_name: 'Mark', email: `bench.${Date.now()}@example.com`, phone: '+1-555-0100' }),
    }).then((r) => r.json());

    const sentAt = new Map(); // first_name -> time the PATCH was sent
    // Clients live in worker threads so one client event loop does not queue 1,000 receipts.
    const threads = [];
    for (let t = 0; t < CLIENT_THREADS; t++) {
      const ids = [];
      for (let i = t; i < clients; i += CLIENT_THREADS) ids.push(i);
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { ids, urls: replicas.map((r) => r.baseUrl), clientKind } });
      const ready = new Promise((res, rej) => {
        worker.once('error', rej);
        worker.on('message', (m) => m.type === 'ready' && res());
      });
      threads.push({ worker, ready });
    }
    await Promise.all(threads.map((t) => t.ready));
    const patchMs = [];
    // CPU over the update phase: how the 2 cores were shared between clients and replicas.
    const cpuBefore = { bench: process.cpuUsage(), replicas: replicas.map((r) => cpuMs(r.child.pid)) };
    const wallBefore = now();
    for (let u = 0; u < updates; u++) {
      const name = `U${u}`;
      sentAt.set(name, now());
      const res = await fetch(`${replicas[u % 2].baseUrl}/api/contacts/${created.id}/`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ first_name: name }),
      });
      if (!res.ok) throw new Error(`PATCH ${res.status}`);
      patchMs.push(now() - sentAt.get(name));
      await sleep(gapMs);
    }
    const expected = clients * updates;
    await sleep(Math.min(10_000, 500 + updates * 20));
    const cpu = {
      wall_ms: Math.round(now() - wallBefore),
      clients_ms: Math.round(Object.values(process.cpuUsage(cpuBefore.bench)).reduce((a, b) => a + b) / 1000),
      replicas_ms: replicas.map((r, i) => cpuMs(r.child.pid) - cpuBefore.replicas[i]),
    };
    const reports = await Promise.all(threads.map(({ worker }) => new Promise((res) => {
      worker.on('message', (m) => m.type === 'report' && res(m));
      worker.postMessage('report');
    })));
    await Promise.all(threads.map(({ worker }) => worker.terminate()));
    const latencies = []; // commit (the event's updated_at, same clock) -> client
    const endToEnd = []; // PATCH sent -> client, includes the HTTP request itself
    const sameReplica = []; // client on the replica that committed the change
    const otherReplica = []; // client on the other replica: through Redis
    let receivedCount = 0;
    let duplicates = 0;
    for (const r of reports) {
      duplicates += r.duplicates;
      receivedCount += r.receipts.length;
      for (const [name, at, sinceCommit, replica] of r.receipts) {
        if (sentAt.has(name)) endToEnd.push(at - sentAt.get(name));
        latencies.push(sinceCommit);
        // Updates alternate between the replicas: U<even> is written on replica 0.
        (Number(name.slice(1)) % 2 === replica ? sameReplica : otherReplica).push(sinceCommit);
      }
    }
    return {
      clients,
      client_kind: clientKind,
      replicas: 2,
      updates,
      update_gap_ms: gapMs,
      events_expected: expected,
      events_received: receivedCount,
      missed: expected - receivedCount,
      duplicates,
      latency_ms: spread(latencies),
      same_replica_ms: spread(sameReplica),
      other_replica_ms: spread(otherReplica),
      end_to_end_ms: spread(endToEnd),
      patch_response_ms: spread(patchMs),
      rss_mb: replicas.map((r) => rssMb(r.child.pid)),
      cpu,
    };
  } finally {
    clearTimeout(guard);
    await Promise.all(replicas.map((r) => new Promise((res) => {
      if (r.child.exitCode !== null) return res();
      r.child.once('exit', res);
      r.child.kill('SIGTERM');
      setTimeout(() => r.child.kill('SIGKILL'), 5000).unref();
    })));
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printRealtimeBench(result) {
  console.log(JSON.stringify(result));
  const rows = [
    ['clients / replicas', `${result.clients} (${result.client_kind}) / ${result.replicas}`],
    ['updates', result.updates],
    ['latency p50 (ms)', `${result.latency_ms.p50}  (commit -> client)`],
    ['latency p99 (ms)', `${result.latency_ms.p99}  (target < 50)`],
    ['latency max (ms)', result.latency_ms.max],
    ['  same replica p50/p99', `${result.same_replica_ms.p50} / ${result.same_replica_ms.p99}`],
    ['  via Redis p50/p99', `${result.other_replica_ms.p50} / ${result.other_replica_ms.p99}`],
    ['PATCH -> event p50/p99', `${result.end_to_end_ms.p50} / ${result.end_to_end_ms.p99}`],
    ['PATCH response p50/p99', `${result.patch_response_ms.p50} / ${result.patch_response_ms.p99}`],
    ['missed', `${result.missed}  (target 0)`],
    ['duplicates', result.duplicates],
    ['CPU over the updates', `clients ${result.cpu.clients_ms} ms, replicas ${result.cpu.replicas_ms.join(' + ')} ms in ${result.cpu.wall_ms} ms wall`],
    ...result.rss_mb.map((mb, i) => [`replica ${i + 1} RSS (MB)`, `${mb}  (target < 200)`]),
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(22)} ${v}`);
}

/** Worker thread: connects its share of clients, records (first_name, receipt time) per event. */
function runClientThread() {
  const { ids, urls, clientKind } = workerData;
  const receipts = [];
  const seen = new Set();
  let duplicates = 0;
  const sockets = [];
  const onUpdated = (i, event) => {
    const at = now();
    const key = `${i}:${event.contact.first_name}`;
    if (seen.has(key)) return void duplicates++;
    seen.add(key);
    receipts.push([event.contact.first_name, at, Date.now() - Date.parse(event.contact.updated_at), i % urls.length]);
  };
  const connecting = ids.map((i) => {
    const baseUrl = urls[i % urls.length];
    if (clientKind === 'wire') {
      return connectWireClient(baseUrl, '/contacts', (name, event) => name === 'contact.updated' && onUpdated(i, event)).then((client) => {
        sockets.push({ disconnect: () => client.close() });
      });
    }
    return new Promise((res, rej) => {
      const socket = io(`${baseUrl}/contacts`, { transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.on('contact.updated', (event) => onUpdated(i, event));
      socket.once('connect', () => res(undefined));
      socket.once('connect_error', rej);
    });
  });
  Promise.all(connecting).then(() => parentPort.postMessage({ type: 'ready' }));
  parentPort.on('message', () => {
    parentPort.postMessage({ type: 'report', receipts, duplicates });
    for (const s of sockets) s.disconnect();
  });
}

if (!isMainThread) {
  runClientThread();
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runRealtimeBench()
    .then((result) => {
      printRealtimeBench(result);
      process.exit(0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
