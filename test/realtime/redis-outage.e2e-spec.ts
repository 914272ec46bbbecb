import { type ApiProcess, startApi } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';
import {
  api, changesSince, createContact, type EventClient, hasSeqs, type OwnRedis, ownRedis, plainWsClient, seqs, sleep, socketIoClient,
  uniqueRedisPrefix,
} from './realtime-clients.js';

async function redisHealth(baseUrl: string): Promise<string> {
  return (await api(baseUrl, 'GET', '/api/health')).body.redis;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const OUTAGE_MS = 10_000;
const TOTAL = 50;

/**
 * The test's own redis-server is killed for 10 s mid-run and started again on the same
 * port, while 50 updates go through two replicas (issue #7's Redis fault scenario).
 */
describe('Redis going away and coming back', () => {
  const dir = tempDir();
  let redis: OwnRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let clients: EventClient[] = [];

  beforeAll(async () => {
    redis = await ownRedis();
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: uniqueRedisPrefix() };
    a = await startApi({ env, sqlitePath: `${dir.path}/contacts.sqlite3` });
    b = await startApi({ env, sqlitePath: a.sqlitePath });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    dir.remove();
  }, 30_000);

  it('no HTTP request fails, health follows Redis, and every client ends with every event exactly once', async () => {
    const contact = await createContact(a.baseUrl);
    clients = await Promise.all([socketIoClient(a.baseUrl), plainWsClient(a.baseUrl), socketIoClient(b.baseUrl), plainWsClient(b.baseUrl)]);
    const start = (await changesSince(a.baseUrl, 0)).last_seq;
    expect([await redisHealth(a.baseUrl), await redisHealth(b.baseUrl)]).toEqual(['up', 'up']);

    const statuses: number[] = [];
    const edit = async (i: number) => {
      const target = i % 2 ? b : a;
      const res = i % 5 === 4
        ? await api(target.baseUrl, 'POST', '/api/external-update/', { id: contact.id, last_name: `Ext${i}` })
        : await api(target.baseUrl, 'PATCH', `/api/contacts/${contact.id}/`, { first_name: `N${i}` });
      statuses.push(res.status);
    };

    for (let i = 0; i < 15; i++) await edit(i);
    await redis.stop();
    const downAt = Date.now();
    await until('health to say down', async () => (await redisHealth(a.baseUrl)) === 'down' && (await redisHealth(b.baseUrl)) === 'down');
    // 20 updates spread over the 10 s outage.
    for (let i = 15; i < 35; i++) {
      await edit(i);
      await sleep(Math.max(0, downAt + ((i - 14) * OUTAGE_MS) / 21 - Date.now()));
    }
    await sleep(Math.max(0, downAt + OUTAGE_MS - Date.now()));
    await redis.start();
    await until('health to say up', async () => (await redisHealth(a.baseUrl)) === 'up' && (await redisHealth(b.baseUrl)) === 'up');
    for (let i = 35; i < TOTAL; i++) await edit(i);

    expect(statuses).toEqual(Array(TOTAL).fill(200));
    const feed = await changesSince(a.baseUrl, start);
    expect(feed.results).toHaveLength(TOTAL);
    const wanted = seqs(feed.results);
    await Promise.all(clients.map((c) => c.waitFor(hasSeqs(wanted), 20_000, `all ${TOTAL} events`)));
    await sleep(1500); // a sweep later: still no duplicates
    for (const c of clients) {
      expect({ kind: c.kind, seqs: [...seqs(c.events)].sort((x, y) => x - y) }).toEqual({ kind: c.kind, seqs: wanted });
      // Same payloads as the feed, whichever way each event arrived.
      expect([...c.events].sort((x, y) => x.seq - y.seq)).toEqual(feed.results);
    }
  }, 90_000);
});
