import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { ContactEvent } from '@contacts/wire-types';
import { ContactEventBus } from '../events/contact-event-bus.js';
import { eventFor } from '../history/version.mapper.js';
import { VersionsRepository } from '../history/versions.repository.js';
import { decodeEvent, encodeEvent, eventChannel } from './event-channel.js';
import { RealtimeHub } from './realtime-hub.js';
import { RealtimeRedis } from './realtime-redis.js';

/** How often a replica with Redis compares what it delivered with the database. */
export const SWEEP_INTERVAL_MS = 1000;
const SWEEP_PAGE = 1000;

/**
 * Feeds the hub. Own events go to local clients at once and to Redis for the other
 * replicas; the Redis channel brings everyone else's (other replicas, worker, seed).
 * With Redis, a sweep of the append-only history every second delivers whatever the
 * channel lost (Redis down, a reconnect race): the database is the source of truth and
 * the hub's seq bookkeeping keeps it exactly-once.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRelay.name);
  private subscription?: Subscription;
  private sweepTimer?: NodeJS.Timeout;
  private sweeping = false;
  private readonly channel: string;

  constructor(
    private readonly bus: ContactEventBus,
    private readonly hub: RealtimeHub,
    private readonly redis: RealtimeRedis,
    private readonly versions: VersionsRepository,
  ) {
    this.channel = eventChannel(redis.config.redisPrefix);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.hub.startAfter(await this.versions.lastSeq());
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
  }

  private onLocalEvent(event: ContactEvent): void {
    const pub = this.redis.pub;
    // Publish first: ioredis writes to its socket at once, so the other replicas fan out
    // on the other cores while this one writes to its own clients.
    // While Redis is down the event is not queued: the other replicas' sweeps find it.
    if (pub?.status === 'ready') {
      pub.publish(this.channel, encodeEvent(event)).catch((error: Error) => this.logger.debug(`publish failed: ${error.message}`));
    }
    this.hub.deliver(event);
  }

  /** Delivers every committed version above the watermark that has not gone out yet. */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (let page = 0; page < 10; page++) {
        const rows = await this.versions.since(this.hub.watermark, SWEEP_PAGE);
        if (rows.length === 0) break;
        for (const row of rows) this.hub.deliver(eventFor(row));
        // Writes are serialised (seq order = commit order), so nothing below the last row can still appear.
        this.hub.markDeliveredUpTo(Number(rows[rows.length - 1].id));
        if (rows.length < SWEEP_PAGE) break;
      }
    } catch (error) {
      this.logger.warn(`sweep failed: ${String(error)}`);
    } finally {
      this.sweeping = false;
    }
  }
}
