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
 * RedisEventPublisher, on a connection of its own, pipelined. Call it after your
 * transaction commits, with events made by `eventFor(version)`. Returns how many were
 * published; never throws for Redis trouble.
 */
export async function announceThroughRedis(redisUrl: string, events: readonly ContactEvent[], options: AnnounceOptions = {}): Promise<number> {
  if (events.length === 0) return 0;
  const client = createRedisClient(redisUrl, 'announcer', { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  try {
    if (!(await whenReady(client, options.timeoutMs ?? 5000))) return 0;
    const channel = eventChannel(options.redisPrefix ?? '');
    const pipeline = client.pipeline();
    for (const event of events) pipeline.publish(channel, encodeEvent(event));
    const results = (await pipeline.exec()) ?? [];
    return results.filter(([error]) => !error).length;
  } catch {
    return 0;
  } finally {
    await closeRedisClient(client);
  }
}
