import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { ContactEvent } from '@contacts/wire-types';
import { ContactEventBus } from '../events/contact-event-bus.js';
import { VersionLog } from '../history/version-log.js';
import { decodeEvent, eventChannel } from '../redis/event-channel.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { RedisEventPublisher } from '../redis/redis-event-publisher.js';
import { RealtimeHub } from './realtime-hub.js';

/** How often a replica with Redis compares what it delivered with the database. */
export const SWEEP_INTERVAL_MS = 1000;

/**
 * Feeds the hub. Own events go to Redis for the other replicas and to local clients;
 * the Redis channel brings everyone else's (other replicas, worker, seed). The hub sends
 * them in seq order, filling any gap from the append-only history. With Redis, a sweep
 * of the history every second also delivers whatever the channel lost (Redis down, a
 * reconnect race) when no later event shows the gap: the database is the source of
 * truth and the hub's seq floor keeps it exactly-once.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRelay.name);
  private subscription?: Subscription;
  private sweepTimer?: NodeJS.Timeout;
  private readonly channel: string;

  constructor(
    private readonly bus: ContactEventBus,
    private readonly hub: RealtimeHub,
    private readonly redis: RedisConnections,
    private readonly publisher: RedisEventPublisher,
    private readonly history: VersionLog,
  ) {
    this.channel = eventChannel(redis.config.redisPrefix);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.hub.startAfter(await this.history.lastSeq(), { since: (after, limit) => this.history.eventsSince(after, limit) });
    this.subscription = this.bus.events$.subscribe((event) => this.onLocalEvent(event));
    const sub = this.redis.sub;
    if (!sub) return;
    sub.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const event = decodeEvent(message);
      if (event) this.hub.deliver(event);
      else this.logger.warn(`Ignored a malformed message on ${channel}`);
    });
    // ioredis re-subscribes by itself after a reconnect.
    sub.subscribe(this.channel).catch((error: Error) => this.logger.warn(`subscribe failed: ${error.message}`));
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    clearInterval(this.sweepTimer);
    this.hub.stop();
  }

  private onLocalEvent(event: ContactEvent): void {
    // Publish first: ioredis writes to its socket at once, so the other replicas fan out
    // on the other cores while this one writes to its own clients.
    this.publisher.publish(event);
    this.hub.deliver(event);
  }

  /** Delivers every committed version above the watermark that has not gone out yet. */
  sweep(): Promise<void> {
    return this.hub.catchUp();
  }
}
