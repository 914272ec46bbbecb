// `make bench`'s sign-in figures (AUTH=accounts): POST /api/auth/login/ latency, one at a
// time and `concurrency` at once, with its floor: the same scrypt hash alone in this process.
// Used by run-all.mjs.
//
// What a sign-in costs: the JSON body, the login brake's check (memory here: the bench server
// has no Redis), the user's row, one scrypt verify (N = 2^15, r = 8, p = 1: 32 MiB and tens
// of ms, deliberately, on libuv's threadpool), a session row written, the cookie. The hash is
// nearly all of it, so on 2 cores concurrent sign-ins queue for the cores, not the event loop.
import http from 'node:http';
import { randomBytes, scrypt } from 'node:crypto';
import { percentile } from './bench-utils.mjs';

const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? null) };
};

/** The server's scrypt parameters (apps/api/src/accounts/password-hasher.ts DEFAULT_SCRYPT). */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 256 * 2 ** 15 * 8 + 1024 * 1024 };

function loginOnce(agent, baseUrl, email, password) {
  const body = JSON.stringify({ email, password });
  return new Promise((res, rej) => {
    const started = performance.now();
    const req = http.request(
      `${baseUrl}/api/auth/login/`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: new URL(baseUrl).origin },
      },
      (response) => {
        response.resume();
        response.on('end', () => res({ status: response.statusCode, ms: performance.now() - started }));
      },
    );
    req.on('error', rej);
    req.end(body);
  });
}

/** `count` sign-ins, `concurrency` in flight at a time, each on its own keep-alive connection. */
async function logins(baseUrl, email, password, count, concurrency, expect) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const times = [];
  const statuses = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      next++;
      const r = await loginOnce(agent, baseUrl, email, password);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status === expect) times.push(r.ms);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { concurrency, ...stats(times), per_s: round(count / seconds), statuses };
}

/** The floor: scrypt with the server's parameters, one at a time, in this process. */
async function scryptAlone(count) {
  const salt = randomBytes(16);
  const times = [];
  for (let i = 0; i < count + 2; i++) {
    const started = performance.now();
    await new Promise((res, rej) => scrypt('bench correct horse battery', salt, 32, SCRYPT, (e) => (e ? rej(e) : res(undefined))));
    if (i >= 2) times.push(performance.now() - started);
  }
  return stats(times);
}

/**
 * Sign-in latency on a running AUTH=accounts server for an existing account: sequential
 * (`sequential` sign-ins), `concurrency` at once (`concurrent` in all), and `failures` wrong
 * passwords and unknown emails each (the contract: the same answer, in similar time). The
 * server must run with LOGIN_MAX_FAILURES above `failures`, or the brake answers 429.
 */
export async function loginLatency(baseUrl, { email, password }, { sequential = 40, concurrent = 80, concurrency = 8, failures = 10 } = {}) {
  await logins(baseUrl, email, password, 2, 1, 200); // warm-up
  const floor = await scryptAlone(Math.min(20, sequential));
  const one = await logins(baseUrl, email, password, sequential, 1, 200);
  const many = await logins(baseUrl, email, password, concurrent, concurrency, 200);
  const wrongPassword = await logins(baseUrl, email, `${password} wrong`, failures, 1, 400);
  const unknownEmail = await logins(baseUrl, `nobody-${Date.now()}@example.com`, password, failures, 1, 400);
  return { scrypt_alone_ms: floor, sequential: one, concurrent: many, wrong_password: wrongPassword, unknown_email: unknownEmail };
}
