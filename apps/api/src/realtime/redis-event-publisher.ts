import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Subscription } from 'rxjs';
import type { ContactEvent } from '@contacts/wire-types';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ContactEventBus } from '../events/contact-event-bus.js';
import { encodeEvent, eventChannel } from './event-channel.js';
import { closeRedisClient, createRedisClient, whenReady } from './redis-client.js';

export interface AnnounceOptions {
  /** REDIS_PREFIX of the servers to reach; default ''. */
  redisPrefix?: string;
  /** How long to wait for Redis before giving up (the API replicas' sweeps still deliver). */
  timeoutMs?: number;
}

/**
 * For writers outside the server (seed command, scripts): publishes already-committed
 * events to every replica, which hand them to their Socket.IO and plain-WS clients once.
 * Call it after your transaction commits, with events made by `eventFor(version)`.
 * Returns how many were published; never throws for Redis trouble.
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

/**
 * A process without clients of its own (the queue worker) announces its writes through
 * Redis as they commit. If Redis is down they are not queued: replicas find them in the
 * history with their periodic sweep.
 */
@Injectable()
export class RedisEventPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RedisEventPublisher.name);
  private client: Redis | null = null;
  private subscription?: Subscription;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: ContactEventBus,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.redisUrl) return;
    const client = createRedisClient(this.config.redisUrl, 'worker-pub', { enableOfflineQueue: false });
    this.client = client;
    const channel = eventChannel(this.config.redisPrefix);
    this.subscription = this.bus.events$.subscribe((event) => {
      if (client.status !== 'ready') return;
      client.publish(channel, encodeEvent(event)).catch((error: Error) => this.logger.debug(`publish failed: ${error.message}`));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    if (this.client) await closeRedisClient(this.client);
  }
}
