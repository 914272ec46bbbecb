// Small pieces the benchmark and soak scripts share.
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
/** The built API (`npm run build:api`). */
export const API_ENTRY = join(ROOT, 'dist/api/apps/api/src/main.js');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The p-th percentile of an ascending array (nearest rank), or null when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer().on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => res(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Waits until the API process `child` answers `${baseUrl}/api/health` with 2xx. Fails at
 * once if it exits, or after `timeoutMs`; either error carries what it wrote to stderr.
 */
export async function waitHealthy(child, baseUrl, { label = 'API', timeoutMs = 30_000 } = {}) {
  let errors = '';
  child.stderr?.on('data', (c) => (errors = (errors + c).slice(-4000)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited: ${errors}`);
    if (Date.now() > deadline) throw new Error(`${label} not healthy in ${timeoutMs / 1000} s: ${errors}`);
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
}

/** A process's resident memory in MB (one decimal), or null once it has gone. */
export function rssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return null;
  }
}

/** Runs `cmd args` (env added to this process's) to its end; rejects with its stderr unless it exits 0. */
export function runToEnd(cmd, args, env = {}) {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err = (err + c).slice(-4000)));
    child.on('error', rej);
    child.on('exit', (code) => (code === 0 ? res(undefined) : rej(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/** Samples a process's RSS every `everyMs` until stopped: the peak seen (MB). */
export function rssSampler(pid, everyMs = 50) {
  let peak = rssMb(pid) ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid) ?? 0)), everyMs);
  return { stop: () => (clearInterval(timer), Math.max(peak, rssMb(pid) ?? 0)) };
}

/** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves once it has exited. Forgotten by `children`. */
export function stopChild(child, children = new Set(), graceMs = 5000) {
  return new Promise((res) => {
    children.delete(child);
    if (child.exitCode !== null) return res(undefined);
    child.once('exit', () => res(undefined));
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
  });
}

/**
 * The built API on its own SQLite file, no Redis, quiet, unthrottled; AUTH=none unless
 * `env` says otherwise. Healthy when it resolves; tracked in `children` until stopped.
 */
export async function startBuiltApi(sqlitePath, env = {}, children = new Set()) {
  const port = await freePort();
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      AUTH: 'none',
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: sqlitePath,
      REDIS_URL: '',
      DATABASE_URL: '',
      LOG_LEVEL: 'error',
      THROTTLE_LIMIT: '10000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(child, baseUrl);
  return { baseUrl, pid: child.pid, stop: () => stopChild(child, children) };
}

/** POSTs a vCard file to `url`, streamed from disk; the answer's status and text. */
export function postVCardFile(url, path, headers = {}) {
  return new Promise((res, rej) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-type': 'text/vcard', 'content-length': statSync(path).size } },
      (response) => {
        let body = '';
        response.on('data', (c) => (body += c));
        response.on('end', () => res({ status: response.statusCode, body }));
      },
    );
    request.on('error', rej);
    createReadStream(path).pipe(request);
  });
}

/**
 * A bare node:http server in its own process, like the API, answering one fixed 20-contact page
 * (envelope `count` = `count`): what HTTP alone costs here. Tracked in `children` until stopped.
 * @returns {Promise<{ baseUrl: string, stop: () => void }>}
 */
export async function startBareHttp(count, children = new Set()) {
  const port = await freePort();
  const source = `
    const contacts = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, first_name: 'Ada', last_name: 'Lovelace',
      email: 'ada' + i + '@example.com', phone: '+1-555-1000', created_at: new Date().toISOString(), updated_at: new Date().toISOString() }));
    const body = JSON.stringify({ count: ${count}, next: 'http://127.0.0.1/api/contacts/?page=2', previous: null, results: contacts });
    require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); })
      .listen(${port}, '127.0.0.1', () => process.send('ready'));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.add(child);
  await new Promise((res) => child.once('message', res));
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => (children.delete(child), child.kill()) };
}
