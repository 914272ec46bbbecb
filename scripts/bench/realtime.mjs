#!/usr/bin/env node
// Realtime benchmark: N realtime clients split over two API replicas (+ Redis, one SQLite
// file), M updates, event latency (commit -> event received; and PATCH sent -> received),
// missed events and each replica's RSS.
// `npm run bench:realtime` (after `npm run build:lib && npm run build:api`); traffic only to 127.0.0.1.
// Clients: BENCH_CLIENT=wire (default; lean protocol clients, see socket-io-wire-client.mjs)
// or BENCH_CLIENT=socket.io-client (the library, which costs the shared 2 cores ~45% more CPU).
// Mode: BENCH_AUTH=none (default; Part 1: anyone connects, one book, every client gets every
// event) or BENCH_AUTH=accounts (Part 2: 10 accounts, each with its own book, some books
// shared as viewer; every client authenticates and must get exactly the events of its books).
// Scale: BENCH_CLIENTS (1000), BENCH_UPDATES (50); BENCH_TRANSPORT=socket.io (default) or
// plain-ws for AUTH=none's lean clients; BENCH_API_ENTRY runs another build of main.js.
// E.g. 10,000 clients, 20 updates: `BENCH_CLIENTS=10000 BENCH_UPDATES=20 npm run bench:realtime`.
// Every client holds one fd in this process and one in a replica: the soft open-files
// limit must cover the clients (the bench checks it before connecting).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { bearer, booksOf, call, makeAccounts, share } from './bench-accounts.mjs';
import { freePort, percentile, rssMb, sleep, waitHealthy } from './bench-utils.mjs';
import { connectPlainWsClient, connectWireClient } from './socket-io-wire-client.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const ENTRY = process.env.BENCH_API_ENTRY ? resolve(process.env.BENCH_API_ENTRY) : join(ROOT, 'dist/api/apps/api/src/main.js');
const now = () => performance.timeOrigin + performance.now(); // comparable across threads
const CLIENT_THREADS = Number(process.env.BENCH_CLIENT_THREADS ?? 2); // the replicas need the other cores
const CONNECTS_IN_FLIGHT = 200; // per client thread
const NAMES = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth', 'Margaret Hamilton', 'Ken Thompson', 'Frances Allen', 'Dennis Ritchie'];

async function startReplica(env, entry = ENTRY) {
  const port = await freePort();
  // e.g. BENCH_REPLICA_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the replicas.
  const nodeArgs = (process.env.BENCH_REPLICA_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, entry], {
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

/** This process's soft limit on open files (Max open files in /proc/self/limits), or Infinity. */
function openFilesLimit() {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  const soft = line?.split(/\s{2,}/)[1];
  return soft && /^\d+$/.test(soft) ? Number(soft) : Infinity;
}

const round = (x) => (x === null ? null : Math.round(x * 10) / 10);

/** p50 / p99 / max of some latencies, in ms to one decimal. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? null) };
}

const contactBody = (label, extra = {}) => ({
  first_name: 'Bench',
  last_name: label,
  email: `bench.${label.toLowerCase()}.${Date.now()}@example.com`,
  phone: '+1-555-0100',
  ...extra,
});

/**
 * AUTH=none (Part 1): one contact, every client on Socket.IO without credentials, every
 * client reads everything (`readable: null`).
 */
async function openPlan(urls, clients, clientKind, transport) {
  const { body: created } = await call(urls[0], 'POST', '/api/contacts/', { body: contactBody('Mark') });
  if (transport === 'plain-ws' && clientKind !== 'wire') throw new Error('BENCH_TRANSPORT=plain-ws needs BENCH_CLIENT=wire');
  const protocol = transport === 'plain-ws' ? 'plain-ws' : clientKind === 'wire' ? 'socket.io-wire' : 'socket.io-client';
  return {
    targets: [{ contactId: created.id, book: created.address_book ?? null, headers: {} }],
    specs: Array.from({ length: clients }, (_, i) => ({ i, url: urls[i % urls.length], replica: i % urls.length, protocol, readable: null })),
  };
}

/**
 * AUTH=accounts (Part 2): `accounts` accounts made through the API, each with its own book
 * and one contact in it; book k is shared as viewer with the next k % 5 accounts (so 0–4
 * other readers). Client i is on replica i % 2, signed in as account ⌊i/2⌋ % accounts; by
 * groups of 2×accounts clients, every fifth group authenticates with its account's session
 * cookie (+ Origin), the rest with its token (Socket.IO `auth.token`, plain WebSocket
 * `?token=`), and with lean clients every fourth group uses the plain WebSocket.
 */
async function accountsPlan(urls, clients, clientKind, accountCount) {
  const base = urls[0];
  const accounts = await makeAccounts(base, NAMES.slice(0, accountCount).concat(
    Array.from({ length: Math.max(0, accountCount - NAMES.length) }, (_, k) => `Bench User ${k + NAMES.length}`)));
  const own = accounts.map((a) => {
    const owned = a.books.filter((b) => b.role === 'owner');
    if (owned.length !== 1) throw new Error(`${a.email} owns ${owned.length} books, expected its one "Contacts"`);
    return owned[0].id;
  });
  const readable = accounts.map((_, k) => new Set([own[k]]));
  for (let k = 0; k < accounts.length; k++) {
    for (let s = 1; s <= k % 5; s++) {
      const reader = (k + s) % accounts.length;
      await share(base, accounts[k].token, own[k], accounts[reader].email, 'viewer');
      readable[reader].add(own[k]);
    }
  }
  // The server must agree with the plan, or the leak count below would count the wrong thing.
  for (const [k, a] of accounts.entries()) {
    const seen = (await booksOf(base, a.token)).map((b) => b.id).sort((x, y) => x - y);
    const planned = [...readable[k]].sort((x, y) => x - y);
    if (seen.join() !== planned.join()) throw new Error(`${a.email} reads books ${seen} but the plan says ${planned}`);
  }
  const targets = [];
  for (const [k, a] of accounts.entries()) {
    const { body } = await call(base, 'POST', '/api/contacts/', { body: contactBody(`Book${k}`, { address_book: own[k] }), headers: bearer(a.token) });
    if (body.address_book !== own[k]) throw new Error(`contact made in book ${body.address_book}, asked for ${own[k]}`);
    targets.push({ contactId: body.id, book: own[k], headers: bearer(a.token) });
  }
  const specs = Array.from({ length: clients }, (_, i) => {
    const replica = i % urls.length;
    const account = accounts[Math.floor(i / urls.length) % accounts.length];
    const group = Math.floor(i / (urls.length * accounts.length));
    const protocol = clientKind !== 'wire' ? 'socket.io-client' : group % 4 === 3 ? 'plain-ws' : 'socket.io-wire';
    const credential = group % 5 === 4
      ? { credential: 'cookie', headers: { cookie: account.session.cookie, origin: urls[replica] } }
      : { credential: 'token', token: account.token };
    return { i, url: urls[replica], replica, protocol, ...credential, readable: [...readable[accounts.indexOf(account)]] };
  });
  // A client without credentials must be turned away, or this is not measuring AUTH=accounts.
  const refused = await connectWireClient(base, '/contacts', () => {}).then((c) => (c.close(), false), () => true);
  return {
    targets,
    specs,
    setup: {
      accounts: accounts.length,
      books: own.length,
      shares: readable.reduce((n, set) => n + set.size - 1, 0),
      books_per_account: readable.map((set) => set.size),
      refused_without_credentials: refused,
    },
  };
}

/**
 * Runs the benchmark and returns its figures. Options: clients (1000), updates (50),
 * clientKind ('wire' | 'socket.io-client'; BENCH_CLIENT), auth ('none' | 'accounts';
 * BENCH_AUTH), accounts (10, AUTH=accounts only), gapMs (20; BENCH_UPDATE_GAP_MS),
 * redisUrl (REDIS_URL or redis://127.0.0.1:6379), timeoutMs (110 000; BENCH_TIMEOUT_MS),
 * transport ('socket.io' | 'plain-ws', AUTH=none only; BENCH_TRANSPORT).
 */
export async function runRealtimeBench(options = {}) {
  const clients = options.clients ?? Number(process.env.BENCH_CLIENTS ?? 1000);
  const updates = options.updates ?? Number(process.env.BENCH_UPDATES ?? 50);
  const transport = options.transport ?? process.env.BENCH_TRANSPORT ?? 'socket.io';
  if (transport !== 'socket.io' && transport !== 'plain-ws') throw new Error(`transport must be socket.io or plain-ws, got ${transport}`);
  const clientKind = options.clientKind ?? process.env.BENCH_CLIENT ?? 'wire';
  const auth = options.auth ?? process.env.BENCH_AUTH ?? 'none';
  if (auth !== 'none' && auth !== 'accounts') throw new Error(`auth must be none or accounts, got ${auth}`);
  // Pause after each PATCH's response: 20 ms gives ~30 updates/s, 30,000 deliveries/s (AUTH=none).
  const gapMs = options.gapMs ?? Number(process.env.BENCH_UPDATE_GAP_MS ?? 20);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // `entry`: another server in the replicas' place (the floor, scripts/bench/floor-replica.mjs).
  const entry = options.entry ?? ENTRY;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:lib && npm run build:api`);
  // One fd per client here (the worker threads share the process), plus some for HTTP and Redis.
  const fdLimit = openFilesLimit();
  if (clients + 256 > fdLimit) throw new Error(`${clients} clients need ${clients + 256} open files here; the soft limit is ${fdLimit} (ulimit -n)`);
  const dir = mkdtempSync(join(tmpdir(), 'contacts-bench-'));
  const env = {
    AUTH: auth,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench${process.pid}-${Date.now()}:`,
    SQLITE_PATH: join(dir, 'contacts.sqlite3'),
    DATABASE_URL: '',
    SIGNUP: 'closed',
    // The setup signs in ten times from one address; never let the brake get in the way.
    LOGIN_MAX_FAILURES: '1000000',
  };
  const replicas = [];
  const threads = [];
  const guard = setTimeout(() => {
    console.error('realtime bench: time limit reached');
    for (const r of replicas) r.child.kill('SIGKILL');
    process.exit(2);
  }, options.timeoutMs ?? Number(process.env.BENCH_TIMEOUT_MS ?? 110_000));
  try {
    replicas.push(await startReplica(env, entry)); // migrates first
    replicas.push(await startReplica(env, entry));
    const urls = replicas.map((r) => r.baseUrl);
    const setupStarted = Date.now();
    const plan = auth === 'accounts' ? await accountsPlan(urls, clients, clientKind, options.accounts ?? 10) : await openPlan(urls, clients, clientKind, transport);
    const setupMs = Date.now() - setupStarted;

    const sentAt = new Map(); // first_name -> time the PATCH was sent
    // Clients live in worker threads so one client event loop does not queue 1,000 receipts.
    const connectStarted = now();
    for (let t = 0; t < CLIENT_THREADS; t++) {
      const specs = plan.specs.filter((s) => s.i % CLIENT_THREADS === t);
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { specs } });
      const ready = new Promise((res, rej) => {
        worker.once('error', rej);
        worker.on('message', (m) => (m.type === 'ready' ? res() : m.type === 'failed' ? rej(new Error(m.error)) : undefined));
      });
      threads.push({ worker, ready });
    }
    await Promise.all(threads.map((t) => t.ready));
    const connectMs = Math.round(now() - connectStarted);
    const patchMs = [];
    let expected = 0;
    // CPU over the update phase: how the 2 cores were shared between clients and replicas.
    const cpuBefore = { bench: process.cpuUsage(), replicas: replicas.map((r) => cpuMs(r.child.pid)) };
    const wallBefore = now();
    for (let u = 0; u < updates; u++) {
      const name = `U${u}`;
      // Each target is written twice in a row, once on each replica: every book's event
      // reaches its readers both locally and through Redis.
      const target = plan.targets[Math.floor(u / 2) % plan.targets.length];
      expected += plan.specs.filter((s) => s.readable === null || s.readable.includes(target.book)).length;
      sentAt.set(name, now());
      const res = await fetch(`${replicas[u % 2].baseUrl}/api/contacts/${target.contactId}/`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...target.headers },
        body: JSON.stringify({ first_name: name }),
      });
      if (!res.ok) throw new Error(`PATCH ${res.status} ${await res.text()}`);
      patchMs.push(now() - sentAt.get(name));
      await sleep(gapMs);
    }
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
    let foreign = 0;
    let otherEvents = 0;
    const foreignSamples = [];
    for (const r of reports) {
      duplicates += r.duplicates;
      foreign += r.foreign;
      otherEvents += r.otherEvents;
      foreignSamples.push(...r.foreignSamples);
      receivedCount += r.receipts.length;
      for (const [name, at, sinceCommit, replica] of r.receipts) {
        if (sentAt.has(name)) endToEnd.push(at - sentAt.get(name));
        latencies.push(sinceCommit);
        // Updates alternate between the replicas: U<even> is written on replica 0.
        (Number(name.slice(1)) % 2 === replica ? sameReplica : otherReplica).push(sinceCommit);
      }
    }
    const kinds = {};
    for (const s of plan.specs) {
      const credential = 'credential' in s ? s.credential : undefined;
      const key = `${s.protocol}${credential ? ` + ${credential}` : ''}`;
      kinds[key] = (kinds[key] ?? 0) + 1;
    }
    return {
      auth,
      clients,
      client_kind: clientKind,
      connections: kinds,
      replicas: 2,
      ...(plan.setup ? { setup: { ...plan.setup, ms: setupMs } } : {}),
      connect_ms: connectMs,
      updates,
      update_gap_ms: gapMs,
      events_expected: expected,
      events_received: receivedCount,
      missed: expected - receivedCount,
      duplicates,
      // Contact events for a book the client's account cannot read: must be 0.
      delivered_outside_books: foreign,
      ...(foreignSamples.length ? { outside_samples: foreignSamples.slice(0, 5) } : {}),
      other_events: otherEvents,
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
    await Promise.all(threads.map(({ worker }) => worker.terminate()));
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
    ['mode', `AUTH=${result.auth}${result.setup ? ` (${result.setup.accounts} accounts, ${result.setup.books} books, ${result.setup.shares} shares)` : ''}`],
    ['clients / replicas', `${result.clients} (${result.client_kind}) / ${result.replicas}`],
    ['connections', Object.entries(result.connections).map(([k, n]) => `${n} ${k}`).join(', ')],
    ['updates', result.updates],
    ['latency p50 (ms)', `${result.latency_ms.p50}  (commit -> client)`],
    ['latency p99 (ms)', `${result.latency_ms.p99}  (target < 50)`],
    ['latency max (ms)', result.latency_ms.max],
    ['  same replica p50/p99', `${result.same_replica_ms.p50} / ${result.same_replica_ms.p99}`],
    ['  via Redis p50/p99', `${result.other_replica_ms.p50} / ${result.other_replica_ms.p99}`],
    ['PATCH -> event p50/p99', `${result.end_to_end_ms.p50} / ${result.end_to_end_ms.p99}`],
    ['PATCH response p50/p99', `${result.patch_response_ms.p50} / ${result.patch_response_ms.p99}`],
    ['missed', `${result.missed} of ${result.events_expected}  (target 0)`],
    ['outside its books', `${result.delivered_outside_books}  (target 0)`],
    ['duplicates', result.duplicates],
    ['CPU over the updates', `clients ${result.cpu.clients_ms} ms, replicas ${result.cpu.replicas_ms.join(' + ')} ms in ${result.cpu.wall_ms} ms wall`],
    ...result.rss_mb.map((mb, i) => [`replica ${i + 1} RSS (MB)`, `${mb}  (target < 200)`]),
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(22)} ${v}`);
}

/**
 * Worker thread: connects its share of clients; per `contact.updated` of a readable book,
 * records (first_name, receipt time, commit → receipt, replica); counts contact events of
 * books the client may not read (leaks) and anything else.
 */
function runClientThread() {
  const { specs } = workerData;
  const receipts = [];
  const seen = new Set();
  const foreignSamples = [];
  let duplicates = 0;
  let foreign = 0;
  let otherEvents = 0;
  const sockets = [];
  const onEvent = (spec, name, event) => {
    const at = now();
    if (!name.startsWith('contact.')) return void otherEvents++;
    const book = event.contact?.address_book ?? event.address_book;
    if (spec.readable !== null && !spec.readable.includes(book)) {
      foreign++;
      if (foreignSamples.length < 5) foreignSamples.push({ client: spec.i, event: name, address_book: book, readable: spec.readable });
      return;
    }
    if (name !== 'contact.updated') return void otherEvents++;
    const key = `${spec.i}:${event.contact.first_name}`;
    if (seen.has(key)) return void duplicates++;
    seen.add(key);
    receipts.push([event.contact.first_name, at, Date.now() - Date.parse(event.contact.updated_at), spec.replica]);
  };
  const connect = (spec) => {
    const listener = (name, event) => onEvent(spec, name, event);
    const { headers } = spec;
    if (spec.protocol === 'socket.io-wire') {
      return connectWireClient(spec.url, '/contacts', listener, { auth: spec.token ? { token: spec.token } : undefined, headers });
    }
    if (spec.protocol === 'plain-ws') return connectPlainWsClient(spec.url, listener, { token: spec.token, headers });
    return new Promise((res, rej) => {
      const socket = io(`${spec.url}/contacts`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        ...(spec.token ? { auth: { token: spec.token } } : {}),
        ...(headers ? { extraHeaders: headers } : {}),
      });
      socket.onAny(listener);
      socket.once('connect', () => res({ close: () => socket.disconnect() }));
      socket.once('connect_error', rej);
    });
  };
  // A bounded number of handshakes in flight, so thousands of clients do not overflow the
  // replicas' accept backlog (a dropped SYN is retried only after a second).
  const queue = [...specs];
  const connectNext = async () => {
    for (let spec = queue.shift(); spec; spec = queue.shift()) sockets.push(await connect(spec));
  };
  Promise.all(Array.from({ length: Math.min(CONNECTS_IN_FLIGHT, queue.length) }, connectNext))
    .then(() => parentPort.postMessage({ type: 'ready' }))
    .catch((error) => parentPort.postMessage({ type: 'failed', error: String(error?.message ?? error) }));
  parentPort.on('message', () => {
    parentPort.postMessage({ type: 'report', receipts, duplicates, foreign, foreignSamples, otherEvents });
    for (const s of sockets) s.close();
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
