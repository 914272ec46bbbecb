import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { type FailureLog, MemoryFailureLog, RedisFailureLog, SharedFailureLog } from './login-failures.js';
import { LoginThrottle } from './login-throttle.js';

const MAX = 10;
const WINDOW = 15 * 60_000;
const limits = { max: MAX, windowMs: WINDOW };

function throttleOn(log: FailureLog) {
  let now = Date.UTC(2026, 0, 1);
  const throttle = new LoginThrottle(log, () => now);
  return { throttle, advance: (ms: number) => (now += ms) };
}

/** The same rules, whichever log counts: this replica's memory, or Redis shared by all. */
function behavesAsTheContractSays(name: string, makeLog: () => FailureLog) {
  describe(name, () => {
    it('lets 10 failures for one email through, answers the 11th with a wait, and is clear once the window lets them go', async () => {
      const { throttle, advance } = throttleOn(makeLog());
      const ada = (i: number) => ({ email: 'ada@example.com', address: `10.0.0.${i}` });
      for (let i = 1; i <= MAX; i += 1) {
        expect(await throttle.waitBefore(ada(i))).toBe(0);
        expect(await throttle.failed(ada(i))).toBe(0);
        advance(1000);
      }
      // The 11th failure is over the limit: wait until the first of them leaves the window.
      expect(await throttle.failed(ada(11))).toBe(WINDOW - MAX * 1000);
      // Any address, same email (case and spaces do not matter): wait.
      expect(await throttle.waitBefore({ email: ' ADA@example.com', address: '10.9.9.9' })).toBe(WINDOW - MAX * 1000);
      // Another email from a fresh address is not affected.
      expect(await throttle.waitBefore({ email: 'grace@example.com', address: '10.9.9.8' })).toBe(0);
      advance(WINDOW - MAX * 1000 - 1);
      expect(await throttle.waitBefore(ada(12))).toBe(1);
      advance(1);
      // The first failure has left the window: 10 remain, the next attempt may be checked.
      expect(await throttle.waitBefore(ada(12))).toBe(0);
    });

    it('counts failures per client address across different emails', async () => {
      const { throttle, advance } = throttleOn(makeLog());
      const from = (i: number) => ({ email: `user${i}@example.com`, address: '192.0.2.7' });
      for (let i = 1; i <= MAX; i += 1) {
        expect(await throttle.failed(from(i))).toBe(0);
        advance(10);
      }
      expect(await throttle.failed(from(11))).toBe(WINDOW - MAX * 10);
      expect(await throttle.waitBefore({ email: 'someone-else@example.com', address: '192.0.2.7' })).toBe(WINDOW - MAX * 10);
      expect(await throttle.waitBefore({ email: 'someone-else@example.com', address: '192.0.2.8' })).toBe(0);
    });

    it('is a sliding window: failures spread over more than the window never add up', async () => {
      const { throttle, advance } = throttleOn(makeLog());
      const attempt = { email: 'slow@example.com', address: '198.51.100.1' };
      for (let i = 0; i < 3 * MAX; i += 1) {
        expect(await throttle.failed(attempt)).toBe(0);
        advance(WINDOW / MAX); // exactly MAX within any window, never more
      }
      // The last MAX - 1 are still in the window (a fixed window would have just been reset):
      // one more failure fills it, the next is over.
      expect(await throttle.failed(attempt)).toBe(0);
      expect(await throttle.failed(attempt)).toBe(WINDOW / MAX);
    });

    it('a wait is the longer of the email’s and the address’s', async () => {
      const { throttle, advance } = throttleOn(makeLog());
      for (let i = 0; i <= MAX; i += 1) await throttle.failed({ email: 'one@example.com', address: `203.0.113.${i}` });
      advance(60_000);
      for (let i = 0; i <= MAX; i += 1) await throttle.failed({ email: `other${i}@example.com`, address: '203.0.113.200' });
      expect(await throttle.waitBefore({ email: 'one@example.com', address: '203.0.113.200' })).toBe(WINDOW);
      expect(await throttle.waitBefore({ email: 'one@example.com', address: '203.0.113.201' })).toBe(WINDOW - 60_000);
    });
  });
}

behavesAsTheContractSays('LoginThrottle in memory', () => new MemoryFailureLog(limits));

describe('LoginThrottle in Redis', () => {
  let redis: Redis;
  const prefix = `test:throttle:${randomUUID()}:`;
  beforeAll(async () => {
    redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
    await new Promise((ready) => redis.once('ready', ready));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  behavesAsTheContractSays('shared', () => new RedisFailureLog(redis, `${prefix}${randomUUID()}:`, limits));

  it('two replicas count one email together, and keys carry the prefix without the email in clear', async () => {
    const own = `${prefix}${randomUUID()}:`;
    const a = throttleOn(new RedisFailureLog(redis, own, limits)).throttle;
    const b = throttleOn(new RedisFailureLog(redis, own, limits)).throttle;
    for (let i = 0; i < MAX; i += 1) expect(await (i % 2 ? a : b).failed({ email: 'split@example.com', address: `10.1.0.${i}` })).toBe(0);
    expect(await a.failed({ email: 'split@example.com', address: '10.1.0.99' })).toBeGreaterThan(0);
    const keys = await redis.keys(`${own}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toContain('split@example.com');
    // Keys expire with the window: nothing is kept for ever.
    expect(await redis.pttl(keys[0])).toBeGreaterThan(0);
  });

  it('falls back to this replica’s memory while Redis is down, with what it saw so far', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const memory = new MemoryFailureLog(limits);
    const { throttle } = throttleOn(new SharedFailureLog(new RedisFailureLog(down, `${prefix}down:`, limits), memory));
    for (let i = 0; i < MAX; i += 1) expect(await throttle.failed({ email: 'outage@example.com', address: '10.2.0.1' })).toBe(0);
    expect(await throttle.failed({ email: 'outage@example.com', address: '10.2.0.1' })).toBeGreaterThan(0);
    down.disconnect();
  });
});
