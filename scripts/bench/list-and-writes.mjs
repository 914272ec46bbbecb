// `make bench`'s list and write figures, each named for what it measures: a cache hit on one
// URL is not a list query. Used by run-all.mjs.
import http from 'node:http';
import autocannon from 'autocannon';

const round = (x) => (x == null ? null : Math.round(x * 10) / 10);

/**
 * req/s over `seconds` at `connections` after a one-second warm-up. `next()` (optional) gives
 * each request's path (and method/body/headers): without it every request is `url` itself.
 * @param {{ url: string, seconds: number, connections?: number, next?: () => object, headers?: Record<string, string> }} options
 */
export async function load({ url, seconds, connections = 16, next = undefined, headers = undefined }) {
  const requests = next ? [{ setupRequest: (request) => ({ ...request, ...next() }) }] : undefined;
  const options = { url, connections, headers, requests };
  await autocannon({ ...options, duration: 1 });
  const r = await autocannon({ ...options, duration: seconds });
  return {
    req_per_s: Math.round(r.requests.average),
    latency_ms: { p50: r.latency.p50, p99: r.latency.p99 },
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/**
 * Every request a page the cache has not seen: pages 1–`pages` in turn, each URL made new
 * by a counter parameter (without it the cache, which holds about a thousand pages, would
 * answer all but the first round). So: query, mapping, serialising and keeping, per request.
 * `headers` go on every request (e.g. a token's Authorization).
 */
export function distinctPages(api, seconds, pages = 500, headers = undefined) {
  let n = 0;
  return load({ url: `${api.baseUrl}/api/contacts/`, seconds, headers, next: () => ({ path: `/api/contacts/?page=${1 + (n % pages)}&n=${n++}` }) });
}

/** Every request a different selective search (one contact's email local part), over all `count` contacts before one repeats. */
export function distinctSearches(api, seconds, count, lastNames) {
  let n = 0;
  return load({
    url: `${api.baseUrl}/api/contacts/`,
    seconds,
    next: () => {
      const i = 1 + ((n++ * 7919) % count);
      return { path: `/api/contacts/?search=${encodeURIComponent(`${lastNames[(i * 7) % lastNames.length].toLowerCase()}.${i}@`)}` };
    },
  });
}

/** PATCH body for contact `i`: a new phone, so every write changes the row. */
const patchOf = (n) => JSON.stringify({ phone: `+1-555-${String(n % 10_000_000).padStart(7, '0')}` });

/**
 * `fn()` measured while a writer PATCHes `rate` contacts a second (spread over the run, on
 * its own keep-alive connections), so about every 1/rate s a commit invalidates the cache.
 * Returns fn's result and what the writer achieved.
 */
export async function whileWriting(api, count, rate, fn) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const statuses = {};
  const inFlight = new Set();
  let sent = 0;
  let done = 0;
  const started = performance.now();
  const patch = (i) =>
    new Promise((res) => {
      const body = patchOf(sent);
      const req = http.request(
        `${api.baseUrl}/api/contacts/${i}/`,
        { method: 'PATCH', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on('end', () => {
            statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
            res();
          });
        },
      );
      req.on('error', () => ((statuses.error = (statuses.error ?? 0) + 1), res()));
      req.end(body);
    });
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due) {
      const write = patch(1 + ((sent++ * 7919) % count)).then(() => (done++, inFlight.delete(write)));
      inFlight.add(write);
    }
  }, 5);
  try {
    const result = await fn();
    const seconds = (performance.now() - started) / 1000;
    return { ...result, writes: { target_per_s: rate, achieved_per_s: round(done / seconds), statuses } };
  } finally {
    clearInterval(timer);
    await Promise.all(inFlight); // let the last writes answer before closing their connections
    agent.destroy();
  }
}

/** PATCH /api/contacts/{id}/ at `connections`, a different contact each request. */
export function patchThroughput(api, seconds, count, connections = 16) {
  let n = 0;
  return load({
    url: `${api.baseUrl}/api/contacts/1/`,
    seconds,
    connections,
    headers: { 'content-type': 'application/json' },
    next: () => {
      const i = 1 + ((n * 7919) % count);
      return { method: 'PATCH', path: `/api/contacts/${i}/`, body: patchOf(n++) };
    },
  });
}
