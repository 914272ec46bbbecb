import fc from 'fast-check';
import type { Contact } from '@contacts/wire-types';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { changesSince } from '../realtime/realtime-clients.js';
import { auditDatabase, emptyLedger } from '../faults/write-ledger.js';
import { anyBody, headerValue, okEmailLocal, okName, okPhone, queryValue } from './fuzz-arbitraries.js';

/**
 * Generated requests per batch; with the round-trips, well over 10,000 requests in all on
 * SQLite. The HTTP layer they probe is the same on PostgreSQL, so its run takes a share of
 * them: enough to cover its data layer without doubling the suite's time.
 */
const SHARE = process.env.TEST_DATABASE === 'postgres' ? 0.4 : 1;
const RUNS = Object.fromEntries(
  Object.entries({ creates: 300, bodies: 1500, patches: 2500, queries: 2000, headers: 2000, raw: 500 }).map(([batch, runs]) => [batch, Math.round(runs * SHARE)]),
) as Record<'creates' | 'bodies' | 'patches' | 'queries' | 'headers' | 'raw', number>;

describe('HTTP API under generated input', () => {
  let t: TestApp;
  let ids: number[] = [];
  let writes = 0; // 2xx mutations: each must have written exactly one version
  let requests = 0;
  const fiveHundreds: string[] = [];

  async function send(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
    requests += 1;
    const res = await fetch(`${t.baseUrl}${path}`, { method, body: init.body, headers: init.headers });
    const text = await res.text();
    if (res.status >= 500) fiveHundreds.push(`${method} ${path} ${init.body?.slice(0, 200)} -> ${res.status} ${text}`);
    if (res.status >= 200 && res.status < 300 && method !== 'GET') writes += 1;
    let body: any;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: res.status, body, headers: res.headers };
  }
  const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

  /** After each batch: no 500s, and rows, versions and events agree. */
  async function expectConsistent(batch: string) {
    expect({ batch, fiveHundreds }).toEqual({ batch, fiveHundreds: [] });
    const feed = await changesSince(t.baseUrl, 0);
    expect({ batch, versions: feed.results.length }).toEqual({ batch, versions: writes });
    const list = await send('GET', '/api/contacts/?page_size=1');
    if (t.config.database.kind === 'sqlite') {
      const audit = auditDatabase(t.config.database.path, emptyLedger());
      expect({ batch, problems: audit.problems, contacts: audit.contacts }).toEqual({ batch, problems: [], contacts: list.body.count });
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ createDelayMs: 0, throttleLimit: 10_000_000 });
  });
  afterAll(async () => {
    console.info(`fuzz: ${requests} HTTP requests, ${writes} acknowledged writes`);
    await t?.close();
  });

  it('creates with unicode and injection-looking values round-trip verbatim and are found by search', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(okName, okName, okEmailLocal, okPhone, async (first, last, local, phone) => {
        n += 1;
        const input = {
          first_name: first, last_name: `${last} z${n}`, email: `${local}.${n}@fz.example`, phone,
          organization: `${first} org${n}`, other_emails: [{ label: last.slice(0, 50).trim(), value: `${local}.other${n}@fz.example` }],
        };
        const created = await send('POST', '/api/contacts/', json(input));
        if (created.status === 400 && created.body.email) return; // an email the contract's pattern refuses
        expect({ input, status: created.status, body: created.body }).toMatchObject({ status: 201, body: input });
        ids.push(created.body.id);
        const got = await send('GET', `/api/contacts/${created.body.id}/`);
        expect(got.body).toEqual(created.body);
        for (const term of [input.last_name, input.email, input.organization, input.other_emails[0].value]) {
          const found = await send('GET', `/api/contacts/?page_size=100&search=${encodeURIComponent(term)}`);
          expect({ term, status: found.status, ids: found.body.results.map((c: Contact) => c.id) }).toMatchObject({ term, status: 200, ids: expect.arrayContaining([created.body.id]) });
        }
        const patch = { first_name: `${last}`, last_name: `${first} p${n}` };
        const patched = await send('PATCH', `/api/contacts/${created.body.id}/`, json(patch));
        expect(patched).toMatchObject({ status: 200, body: { ...input, ...patch } });
        expect((await send('GET', `/api/contacts/${created.body.id}/`)).body).toEqual(patched.body);
      }),
      { numRuns: RUNS.creates },
    );
    await expectConsistent('creates');
  }, 120_000);

  it('arbitrary JSON bodies to POST and external-update: 2xx or 4xx only', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, fc.constantFrom('/api/contacts/', '/api/external-update/'), async (body, path) => {
        const target = path === '/api/external-update/' && body && typeof body === 'object' && !Array.isArray(body) ? { ...body, id: ids[0] } : body;
        const res = await send('POST', path, json(target));
        expect(res.status).toBeLessThan(500);
        if (res.status === 201) ids.push(res.body.id);
      }),
      { numRuns: RUNS.bodies },
    );
    await expectConsistent('bodies');
  }, 120_000);

  it('PATCH with arbitrary bodies and ids: 2xx or 4xx, and a 200 is what GET then returns', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, fc.oneof(fc.constantFrom(...ids).map(String), fc.constantFrom('0', '-1', 'abc', '1e3', '%20', '99999999999999999999', '1.5')), async (body, id) => {
        const res = await send('PATCH', `/api/contacts/${id}/`, json(body));
        expect(res.status).toBeLessThan(500);
        if (res.status === 200) expect((await send('GET', `/api/contacts/${id}/`)).body).toEqual(res.body);
      }),
      { numRuns: RUNS.patches },
    );
    await expectConsistent('patches');
  }, 180_000);

  it('list and changes with arbitrary query strings: 200 or 4xx', async () => {
    const names = fc.constantFrom('search', 'page', 'page_size', 'since', 'limit', 'ordering', 'search[]', 'page[x]');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/contacts/', '/api/changes/', '/api/contacts/deleted/'), fc.array(fc.tuple(names, queryValue), { maxLength: 4 }), async (path, pairs) => {
        const query = pairs.map(([k, v]) => `${k}=${v}`).join('&');
        const res = await send('GET', `${path}?${query}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS.queries },
    );
    await expectConsistent('queries');
  }, 180_000);

  it('arbitrary headers (If-Match, Idempotency-Key, Content-Type, X-Request-Id, …): 2xx or 4xx', async () => {
    const names = fc.constantFrom('if-match', 'if-none-match', 'idempotency-key', 'content-type', 'accept', 'x-request-id', 'x-forwarded-for', 'authorization', 'origin', 'range');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(names, headerValue, { maxKeys: 4 }), fc.constantFrom('GET', 'PATCH', 'PUT', 'DELETE', 'POST'), fc.constantFrom(...ids), okName, async (headers, method, id, name) => {
        const path = method === 'POST' ? '/api/contacts/' : `/api/contacts/${id}/`;
        const body = method === 'GET' || method === 'DELETE' ? undefined
          : JSON.stringify({ first_name: name, last_name: 'H', email: `h.${requests}@fz.example`, phone: '+1 555' });
        let res;
        try {
          res = await send(method, path, { body, headers: { 'content-type': 'application/json', ...headers } });
        } catch (error) {
          requests -= 1;
          return; // a header value fetch itself refuses to send
        }
        expect(res.status).toBeLessThan(500);
        if (method === 'DELETE' && res.status === 204) ids = ids.filter((x) => x !== id);
      }),
      { numRuns: RUNS.headers },
    );
    await expectConsistent('headers');
  }, 180_000);

  it('raw, malformed bodies: 400 or 413, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '{"a":', '[1,]', 'nul', '\u0000', '{"first_name": "\uD800"}', '"x"', '1e999999')), fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=latin1'), async (raw, type) => {
        const res = await send('POST', '/api/contacts/', { body: raw, headers: { 'content-type': type } });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS.raw },
    );
    await expectConsistent('raw');
    expect(requests).toBeGreaterThanOrEqual(10_000 * SHARE);
  }, 120_000);
});
