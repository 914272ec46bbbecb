// `make bench`'s create and search figures: N concurrent creates with GETs while they wait,
// and sequential selective searches. Used by run-all.mjs.
import http from 'node:http';
import { percentile, rssMb, sleep } from './bench-utils.mjs';

const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50), 2), p99: round(percentile(s, 99), 2), max: round(s.at(-1), 2) };
};

function request(agent, baseUrl, method, path, body) {
  return new Promise((res, rej) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${baseUrl}${path}`,
      { method, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (c) => (text += c));
        response.on('end', () => res({ status: response.statusCode, text }));
      },
    );
    req.on('error', rej);
    req.end(payload);
  });
}

/** N concurrent creates (wall time) and, while they wait out the delay, GET latencies on one keep-alive connection. */
export async function concurrentCreates(api, n, tag) {
  const createAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const readAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  await request(readAgent, api.baseUrl, 'GET', '/api/contacts/1/'); // connection up
  const started = performance.now();
  const creates = Array.from({ length: n }, (_, i) =>
    request(createAgent, api.baseUrl, 'POST', '/api/contacts/', {
      first_name: 'Bench',
      last_name: `Create${i}`,
      email: `bench.${tag}.${i}@example.com`,
      phone: '+1-555-0100',
    }),
  );
  let done = false;
  let finished = 0;
  const all = Promise.all(creates.map((p) => p.finally(() => finished++))).finally(() => (done = true));
  const reads = [];
  let peakRss = 0;
  await sleep(200); // every create is in its delay now
  while (!done && finished === 0) {
    const t0 = performance.now();
    const r = await request(readAgent, api.baseUrl, 'GET', `/api/contacts/${1 + (reads.length % 1000)}/`);
    if (r.status === 200) reads.push(performance.now() - t0);
    if (reads.length % 50 === 0) peakRss = Math.max(peakRss, rssMb(api.pid) ?? 0);
  }
  const results = await all;
  const wall = performance.now() - started;
  createAgent.destroy();
  readAgent.destroy();
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { creates: n, wall_ms: Math.round(wall), statuses, get_while_pending_ms: stats(reads), rss_mb_while_pending: peakRss };
}

export async function searchLatency(api, count, lastNames, queries = 400) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  let matched = 0;
  for (let q = 0; q < queries + 20; q++) {
    const i = 1 + ((q * 7919) % count);
    // Selective: one contact's email local part, e.g. "ritchie.4217@" (a substring, not a prefix).
    const last = lastNames[(i * 7) % lastNames.length].toLowerCase();
    const term = `${last}.${i}@`;
    const t0 = performance.now();
    const r = await request(agent, api.baseUrl, 'GET', `/api/contacts/?search=${encodeURIComponent(term)}`);
    const ms = performance.now() - t0;
    if (r.status !== 200) throw new Error(`search ${term}: ${r.status}`);
    if (q >= 20) {
      times.push(ms);
      matched += JSON.parse(r.text).count;
    }
  }
  agent.destroy();
  return { contacts: count, ...stats(times), mean_matches: round(matched / queries, 2) };
}
