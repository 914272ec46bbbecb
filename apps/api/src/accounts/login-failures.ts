import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Failed sign-ins per key (an email, a client address) in a sliding window. `hit` drops
 * what fell out of the window, records a failure when asked, and answers how long until
 * every key given is at or under `max` again: 0 when none is over it.
 */
export interface FailureLog {
  hit(keys: readonly string[], at: number, record: boolean): Promise<number>;
}

export interface FailureLimits {
  max: number;
  windowMs: number;
}

/** How long until `times` (ascending) holds at most `max` entries younger than the window. */
function waitFor(times: readonly number[], at: number, { max, windowMs }: FailureLimits): number {
  if (times.length <= max) return 0;
  return Math.max(1, times[times.length - max - 1] + windowMs - at);
}

const MAX_KEYS = 100_000;

/** One replica's memory: the store without Redis, and the fallback while Redis is down. */
export class MemoryFailureLog implements FailureLog {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly limits: FailureLimits) {}

  async hit(keys: readonly string[], at: number, record: boolean): Promise<number> {
    let longest = 0;
    for (const key of keys) {
      const kept = (this.times.get(key) ?? []).filter((t) => t > at - this.limits.windowMs);
      if (record) kept.push(at);
      if (kept.length) this.times.set(key, kept);
      else this.times.delete(key);
      longest = Math.max(longest, waitFor(kept, at, this.limits));
    }
    // An address spraying emails must not grow this without bound: forget everything old first.
    if (this.times.size > MAX_KEYS) this.sweep(at);
    return longest;
  }

  sweep(at: number): void {
    for (const [key, kept] of this.times) if (!kept.some((t) => t > at - this.limits.windowMs)) this.times.delete(key);
    if (this.times.size > MAX_KEYS) this.times.clear();
  }
}

/**
 * The same log in Redis, shared by every replica: one sorted set per key (score = time),
 * updated and read by one script, so replicas counting at once never lose a failure.
 */
const HIT_SCRIPT = `
local at, window, max, record, member = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4] == '1', ARGV[5]
local longest = 0
for _, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', at - window)
  if record then
    redis.call('ZADD', key, at, member)
    redis.call('PEXPIRE', key, window)
  end
  local count = redis.call('ZCARD', key)
  if count > max then
    local oldest = redis.call('ZRANGE', key, count - max - 1, count - max - 1, 'WITHSCORES')
    local wait = math.max(1, tonumber(oldest[2]) + window - at)
    if wait > longest then longest = wait end
  end
end
return longest`;

/** A Redis answer slower than this counts as Redis being down (this replica's memory answers). */
const REDIS_TIMEOUT_MS = 500;
const logger = new Logger('LoginThrottle');

export class RedisFailureLog implements FailureLog {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly limits: FailureLimits,
  ) {}

  /** Rejects when Redis is not usable right now. */
  async hit(keys: readonly string[], at: number, record: boolean): Promise<number> {
    if (this.client.status !== 'ready') throw new Error(`Redis is ${this.client.status}`);
    const args = [String(at), String(this.limits.windowMs), String(this.limits.max), record ? '1' : '0', `${at}:${randomUUID()}`];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), REDIS_TIMEOUT_MS);
    });
    try {
      const reply = this.client.eval(HIT_SCRIPT, keys.length, ...keys.map((key) => `${this.prefix}${key}`), ...args);
      return Number(await Promise.race([reply, timeout]));
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Redis when it answers, else this replica's memory. Memory records every failure too, so
 * an outage starts from what this replica saw rather than from nothing.
 */
export class SharedFailureLog implements FailureLog {
  private degraded = false;

  constructor(
    private readonly redis: RedisFailureLog,
    private readonly memory: MemoryFailureLog,
  ) {}

  async hit(keys: readonly string[], at: number, record: boolean): Promise<number> {
    const local = await this.memory.hit(keys, at, record);
    try {
      const shared = await this.redis.hit(keys, at, record);
      if (this.degraded) logger.log('Counting failed sign-ins in Redis again');
      this.degraded = false;
      return shared;
    } catch (error) {
      if (!this.degraded) logger.warn(`Counting failed sign-ins in this replica only: ${(error as Error).message}`);
      this.degraded = true;
      return local;
    }
  }
}
