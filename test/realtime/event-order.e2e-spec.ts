import { type ApiProcess, startApi } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';
import { createTestPostgresDatabase, TEST_DATABASE } from '../support/test-app.js';
import {
  api, changesSince, createContact, type EventClient, hasSeqs, type OwnRedis, ownRedis, plainWsClient, seqs, sleep, socketIoClient,
  uniqueRedisPrefix,
} from './realtime-clients.js';

const CONTACTS = 4;
const ROUNDS = 3;
const PER_ROUND = 48;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const redisHealth = async (p: ApiProcess) => (await api(p.baseUrl, 'GET', '/api/health')).body.redis as string;

/**
 * Two replicas (one SQLite file; with TEST_DATABASE=postgres, one PostgreSQL database)
 * writing at the same moment: each hears its own commits at once and the other's a
 * little later (through Redis, or the history while Redis is away). Every connection
 * must still see seqs in order, with none skipped — a client that saw N and later asks
 * /api/changes/?since=N must not have missed anything below N.
 */
describe('event order across two replicas writing concurrently', () => {
  const dir = tempDir();
  let redis: OwnRedis;
  let postgres: { url: string; drop(): Promise<void> } | null = null;
  let a: ApiProcess;
  let b: ApiProcess;
  let ids: number[] = [];
  let clients: EventClient[] = [];

  beforeAll(async () => {
    redis = await ownRedis();
    // TEST_DATABASE=postgres: one PostgreSQL database instead of the shared SQLite file.
    postgres = TEST_DATABASE === 'postgres' ? await createTestPostgresDatabase() : null;
    const env: Record<string, string> = { REDIS_URL: redis.url, REDIS_PREFIX: uniqueRedisPrefix() };
    if (postgres) env.DATABASE_URL = postgres.url;
    a = await startApi({ env, sqlitePath: `${dir.path}/contacts.sqlite3` });
    // Only after A is healthy: it ran the migrations.
    b = await startApi({ env, sqlitePath: a.sqlitePath });
    ids = (await Promise.all(Array.from({ length: CONTACTS }, () => createContact(a.baseUrl)))).map((c) => c.id);
  }, 60_000);

  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await postgres?.drop();
    dir.remove();
  }, 30_000);

  async function connectAll(): Promise<EventClient[]> {
    clients = await Promise.all([socketIoClient(a.baseUrl), plainWsClient(a.baseUrl), socketIoClient(b.baseUrl), plainWsClient(b.baseUrl)]);
    return clients;
  }

  /** PER_ROUND PATCHes fired at once, alternating between the replicas. */
  async function concurrentRound(tag: string): Promise<void> {
    const statuses = await Promise.all(
      Array.from({ length: PER_ROUND }, async (_, i) => {
        const target = i % 2 ? b : a;
        return (await api(target.baseUrl, 'PATCH', `/api/contacts/${ids[i % CONTACTS]}/`, { first_name: `${tag}${i}` })).status;
      }),
    );
    expect(statuses).toEqual(Array(PER_ROUND).fill(200));
  }

  /** Every client got exactly the feed's seqs after `start`, in increasing order, once each. */
  async function expectInOrder(all: EventClient[], start: number): Promise<void> {
    const feed = await changesSince(a.baseUrl, start);
    const wanted = seqs(feed.results);
    await Promise.all(all.map((c) => c.waitFor(hasSeqs(wanted), 20_000, `${wanted.length} events`)));
    await sleep(1500); // a sweep later: nothing late, nothing twice
    for (const [i, c] of all.entries()) {
      const replica = i < 2 ? 'A' : 'B';
      expect({ replica, kind: c.kind, seqs: seqs(c.events) }).toEqual({ replica, kind: c.kind, seqs: wanted });
      expect(c.events).toEqual(feed.results);
    }
  }

  it('with Redis up, every Socket.IO and plain-WS client on both replicas sees every seq in order', async () => {
    const all = await connectAll();
    const start = (await changesSince(a.baseUrl, 0)).last_seq;
    for (let round = 0; round < ROUNDS; round++) await concurrentRound(`Up${round}-`);
    await expectInOrder(all, start);
  }, 60_000);

  it('in order during a Redis outage and after Redis comes back', async () => {
    const all = await connectAll();
    const start = (await changesSince(a.baseUrl, 0)).last_seq;
    await redis.stop();
    await until('health to say down', async () => (await redisHealth(a)) === 'down' && (await redisHealth(b)) === 'down');
    for (let round = 0; round < ROUNDS; round++) await concurrentRound(`Down${round}-`);
    const duringOutage = (await changesSince(a.baseUrl, 0)).last_seq;
    // Redis is away, so the other replica's writes come from the history alone.
    await Promise.all(all.map((c) => c.waitFor((events) => events.some((e) => e.seq === duringOutage), 10_000, `seq ${duringOutage}`)));

    await redis.start();
    await until('health to say up', async () => (await redisHealth(a)) === 'up' && (await redisHealth(b)) === 'up');
    for (let round = 0; round < ROUNDS; round++) await concurrentRound(`Back${round}-`);
    await expectInOrder(all, start);
  }, 90_000);
});
