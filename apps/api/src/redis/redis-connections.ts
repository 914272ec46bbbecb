import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { closeRedisClient, createRedisClient, whenReady } from './redis-client.js';

/**
 * The Redis link of one process: a publisher and a subscriber (a connection in subscriber
 * mode can do nothing else), shared by the Socket.IO adapter, the event channel and
 * /api/health. Absent without REDIS_URL. The subscriber opens on first use, so a process
 * that only publishes (the queue worker) holds one connection.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  readonly pub: Redis | null;
  private subscriber: Redis | null = null;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    // Commands wait out an outage instead of rejecting: the Socket.IO adapter publishes
    // without catching, and a rejected promise there would be an unhandled rejection.
    this.pub = config.redisUrl ? createRedisClient(config.redisUrl, 'realtime-pub', { maxRetriesPerRequest: null }) : null;
  }

  get sub(): Redis | null {
    if (!this.subscriber && this.config.redisUrl) {
      this.subscriber = createRedisClient(this.config.redisUrl, 'realtime-sub', { maxRetriesPerRequest: null });
    }
    return this.subscriber;
  }

  get enabled(): boolean {
    return this.pub !== null;
  }

  /** Both connections usable right now. */
  isUp(): boolean {
    return this.pub?.status === 'ready' && this.sub?.status === 'ready';
  }

  /** Waits (bounded) for both connections; false means we start degraded and reconnect later. */
  async connect(timeoutMs: number): Promise<boolean> {
    const { pub, sub } = this;
    if (!pub || !sub) return true;
    const [pubReady, subReady] = await Promise.all([whenReady(pub, timeoutMs), whenReady(sub, timeoutMs)]);
    return pubReady && subReady;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pub, this.subscriber].filter((c): c is Redis => c !== null).map(closeRedisClient));
  }
}
