import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { closeRedisClient, createRedisClient, whenReady } from './redis-client.js';

/**
 * The realtime Redis link of one process: a publisher and a subscriber (a connection in
 * subscriber mode can do nothing else), shared by the Socket.IO adapter and the event
 * channel. Absent without REDIS_URL.
 */
@Injectable()
export class RealtimeRedis implements OnApplicationShutdown {
  readonly pub: Redis | null;
  readonly sub: Redis | null;

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    const url = config.redisUrl;
    // Commands wait out an outage instead of rejecting: the Socket.IO adapter publishes
    // without catching, and a rejected promise there would be an unhandled rejection.
    this.pub = url ? createRedisClient(url, 'realtime-pub', { maxRetriesPerRequest: null }) : null;
    this.sub = url ? createRedisClient(url, 'realtime-sub', { maxRetriesPerRequest: null }) : null;
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
    if (!this.pub || !this.sub) return true;
    const [pub, sub] = await Promise.all([whenReady(this.pub, timeoutMs), whenReady(this.sub, timeoutMs)]);
    return pub && sub;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pub, this.sub].filter((c): c is Redis => c !== null).map(closeRedisClient));
  }
}
