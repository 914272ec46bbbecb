import Queue from 'bull';
import type { ContactEvent } from '@contacts/wire-types';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';
import {
  api, changesSince, createContact, type EventClient, hasSeqs, plainWsClient, seqs, sleep, socketIoClient, uniqueRedisPrefix,
} from './realtime-clients.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE = 'contacts-external-updates';

/** Two API processes on one SQLite file and one Redis: every client sees every event once. */
describe('realtime across two replicas (Redis)', () => {
  const dir = tempDir();
  const prefix = uniqueRedisPrefix();
  const env = { REDIS_URL, REDIS_PREFIX: prefix };
  let a: ApiProcess;
  let b: ApiProcess;
  let clients: EventClient[] = [];
  let queue: Queue.Queue;

  beforeAll(async () => {
    a = await startApi({ env, sqlitePath: `${dir.path}/contacts.sqlite3` });
    // Only after A is healthy: it ran the migrations.
    b = await startApi({ env, sqlitePath: a.sqlitePath });
    queue = new Queue(QUEUE, REDIS_URL, { prefix: `${prefix}bull` });
  }, 60_000);

  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    dir.remove();
  }, 30_000);

  async function connectAll(): Promise<EventClient[]> {
    clients = await Promise.all([socketIoClient(a.baseUrl), plainWsClient(a.baseUrl), socketIoClient(b.baseUrl), plainWsClient(b.baseUrl)]);
    return clients;
  }

  /** After the sweep interval has passed too: nothing arrives twice. */
  async function expectExactlyOnce(all: EventClient[], wanted: number[]) {
    await Promise.all(all.map((c) => c.waitFor(hasSeqs(wanted), 10_000, `seqs ${wanted}`)));
    await sleep(1500);
    for (const c of all) {
      const got = seqs(c.events).filter((s) => wanted.includes(s));
      expect({ kind: c.kind, got }).toEqual({ kind: c.kind, got: wanted });
    }
  }

  it('a PATCH through A reaches Socket.IO and plain-WS clients on both replicas, exact payloads, increasing seq', async () => {
    const created = await createContact(a.baseUrl);
    const all = await connectAll();
    const first = await api(a.baseUrl, 'PATCH', `/api/contacts/${created.id}/`, { first_name: 'Grace' });
    const second = await api(a.baseUrl, 'PATCH', `/api/contacts/${created.id}/`, { phone: '+1-555-2000' });
    expect([first.status, second.status]).toEqual([200, 200]);
    const feed = await changesSince(a.baseUrl, 0);
    const expected: ContactEvent[] = [
      { type: 'contact.updated', contact: first.body, seq: feed.last_seq - 1, edited_by: null, address_book: 1 },
      { type: 'contact.updated', contact: second.body, seq: feed.last_seq, edited_by: null, address_book: 1 },
    ];
    expect(feed.results.slice(-2)).toEqual(expected);
    await expectExactlyOnce(all, [feed.last_seq - 1, feed.last_seq]);
    for (const c of all) expect(c.events.filter((e) => e.seq >= feed.last_seq - 1)).toEqual(expected);
  }, 30_000);

  it('an external update through the queue reaches both replicas; errors keep their HTTP shapes', async () => {
    const created = await createContact(a.baseUrl);
    const all = await connectAll();
    const res = await api(b.baseUrl, 'POST', '/api/external-update/', { id: created.id, last_name: 'Hopper' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, last_name: 'Hopper' });
    const { last_seq } = await changesSince(a.baseUrl, 0);
    await expectExactlyOnce(all, [last_seq]);
    for (const c of all) expect(c.events.at(-1)).toEqual({ type: 'contact.updated', contact: res.body, seq: last_seq, edited_by: null, address_book: 1 });
    const history = await api(a.baseUrl, 'GET', `/api/contacts/${created.id}/history/`);
    expect(history.body[0].edited_reason).toBe('external_update');

    expect(await api(b.baseUrl, 'POST', '/api/external-update/', { id: created.id, email: 'not-an-email' }))
      .toMatchObject({ status: 400, body: { email: [expect.any(String)] } });
    expect(await api(b.baseUrl, 'POST', '/api/external-update/', { id: 999_999, phone: '+1-555-0000' }))
      .toEqual({ status: 404, body: { detail: 'Not found.' } });
    expect(await api(b.baseUrl, 'POST', '/api/external-update/', { phone: '+1-555-0000' }))
      .toEqual({ status: 400, body: { id: ['This field is required.'] } });
    expect((await changesSince(a.baseUrl, 0)).last_seq).toBe(last_seq); // the failures wrote nothing
  }, 30_000);

  it('a Bull job pushed straight into Redis is applied once and announced; bad data fails with a reason', async () => {
    const created = await createContact(a.baseUrl);
    const all = await connectAll();
    const job = await queue.add({ id: created.id, phone: '+44 20 7946 0000' }, { jobId: `direct-${created.id}` });
    const contact = await job.finished();
    expect(contact).toMatchObject({ id: created.id, phone: '+44 20 7946 0000' });
    const { last_seq } = await changesSince(a.baseUrl, 0);
    await expectExactlyOnce(all, [last_seq]);
    for (const c of all) expect(c.events.at(-1)).toEqual({ type: 'contact.updated', contact, seq: last_seq, edited_by: null, address_book: 1 });

    // The same job delivered again (removed, then re-added with its id): applied once only.
    await job.remove();
    const again = await queue.add({ id: created.id, phone: '+44 20 7946 0000' }, { jobId: `direct-${created.id}` });
    await again.finished();
    expect((await changesSince(a.baseUrl, 0)).last_seq).toBe(last_seq);

    const bad = await queue.add({ id: created.id, email: 'nope' }, { attempts: 3 });
    await expect(bad.finished()).rejects.toThrow(/"status":400.*"email"/);
    const failed = await queue.getJob(bad.id);
    expect(failed?.attemptsMade).toBe(1); // discarded, not retried
    expect(JSON.parse(failed!.failedReason!)).toMatchObject({ status: 400, body: { email: [expect.any(String)] } });
    expect((await changesSince(a.baseUrl, 0)).last_seq).toBe(last_seq);
  }, 30_000);

  it('a client that was away for 10 changes catches up through /api/changes/ to where a connected client is', async () => {
    const created = await createContact(a.baseUrl);
    const [stayer, leaver] = await Promise.all([socketIoClient(b.baseUrl), plainWsClient(b.baseUrl)]);
    clients = [stayer, leaver];
    await api(a.baseUrl, 'PATCH', `/api/contacts/${created.id}/`, { first_name: 'Before' });
    await leaver.waitFor((e) => e.length === 1);
    const lastSeen = leaver.events[0].seq;
    leaver.close();
    for (let i = 0; i < 10; i++) {
      expect((await api(i % 2 ? a.baseUrl : b.baseUrl, 'PATCH', `/api/contacts/${created.id}/`, { first_name: `Away${i}` })).status).toBe(200);
    }
    await stayer.waitFor((e) => e.length === 11);
    const caughtUp = await changesSince(b.baseUrl, lastSeen);
    expect(caughtUp.results).toHaveLength(10);
    expect([...leaver.events, ...caughtUp.results]).toEqual(stayer.events);
    expect(caughtUp.last_seq).toBe(stayer.events.at(-1)!.seq);
  }, 30_000);
});
