// Small pieces the benchmark and soak scripts share.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

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
