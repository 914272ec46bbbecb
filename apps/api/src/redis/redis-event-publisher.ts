import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ContactEvent } from '@contacts/wire-types';
import { encodeEvent, eventChannel } from './event-channel.js';
import { closeRedisClient, createRedisClient, whenReady } from './redis-client.js';
import { RedisConnections } from './redis-connections.js';

const logger = new Logger('RedisEventPublisher');

/**
 * Puts committed events on the event channel, where every replica hands them to its
 * clients once and in seq order. Nothing is queued while Redis is down: the replicas find
 * those events in the history (their gap fill or periodic sweep).
 */
function publishOn(client: Redis, channel: string, event: ContactEvent): void {
  if (client.status !== 'ready') return;
  client.publish(channel, encodeEvent(event)).catch((error: Error) => logger.debug(`publish failed: ${error.message}`));
}

/** The one publisher inside a server or worker process, on the process's shared Redis link. */
@Injectable()
export class RedisEventPublisher {
  private readonly channel: string;

  constructor(private readonly redis: RedisConnections) {
    this.channel = eventChannel(redis.config.redisPrefix);
  }

  /** Fire and forget: ioredis writes to its socket at once; a failure is only logged. */
  publish(event: ContactEvent): void {
    if (this.redis.pub) publishOn(this.redis.pub, this.channel, event);
  }
}

export interface AnnounceOptions {
  /** REDIS_PREFIX of the servers to reach; default ''. */
  redisPrefix?: string;
  /** How long to wait for Redis before giving up (the API replicas' sweeps still deliver). */
  timeoutMs?: number;
}

/**
 * For writers outside the server (seed command, scripts): the same channel and encoding as
 * RedisEventPublisher, on a connection of its own, pipelined a batch at a time. Call it
 * after your transaction commits, with events made by `eventFor(version)` — a list, or
 * batches from an async iterable (read lazily, so a million events need not be in memory
 * at once). Returns how many were published; never throws for Redis trouble.
 */
export async function announceThroughRedis(
  redisUrl: string,
  events: readonly ContactEvent[] | AsyncIterable<readonly ContactEvent[]>,
  options: AnnounceOptions = {},
): Promise<number> {
  const batches: AsyncIterable<readonly ContactEvent[]> = Array.isArray(events) ? oneBatch(events as readonly ContactEvent[]) : (events as AsyncIterable<readonly ContactEvent[]>);
  const client = createRedisClient(redisUrl, 'announcer', { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  try {
    if (!(await whenReady(client, options.timeoutMs ?? 5000))) return 0;
    const channel = eventChannel(options.redisPrefix ?? '');
    let published = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      const pipeline = client.pipeline();
      for (const event of batch) pipeline.publish(channel, encodeEvent(event));
      const results = (await pipeline.exec()) ?? [];
      published += results.filter(([error]) => !error).length;
    }
    return published;
  } catch {
    return 0;
  } finally {
    await closeRedisClient(client);
  }
}

async function* oneBatch(events: readonly ContactEvent[]): AsyncGenerator<readonly ContactEvent[]> {
  yield events;
}
