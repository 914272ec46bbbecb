import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { type AccessChange, AccessChangeBus } from '../events/access-change-bus.js';
import { type ReplicaChannel, ReplicaChannels } from '../redis/replica-channels.js';
import { decodeAccessChange } from './access-change-codec.js';

/** The Redis channel (under REDIS_PREFIX) that carries access changes between replicas. */
export const ACCESS_CHANGES_CHANNEL = 'access-changes';

/** One transport's open connections in this process, following who may see what. */
export interface AccessSink {
  readonly name: string;
  applyAccessChange(change: AccessChange): void;
  /** Re-reads the access of every open connection: changes may have been missed. */
  recheckAll(): Promise<void>;
}

/**
 * Access changes reach every replica's open connections: one made here (the bus, after its
 * commit) is applied to this replica's connections and relayed to the others through
 * Redis; one relayed from another replica is applied here. A replica never hears its own
 * relay back (ReplicaChannels skips it), so each change is applied once per replica.
 */
@Injectable()
export class AccessChangeRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AccessChangeRelay.name);
  private readonly sinks: AccessSink[] = [];
  private subscription?: Subscription;
  private channel?: ReplicaChannel;
  private count = 0;

  constructor(
    private readonly bus: AccessChangeBus,
    private readonly channels: ReplicaChannels,
  ) {}

  addSink(sink: AccessSink): void {
    this.sinks.push(sink);
  }

  /**
   * How many changes this replica has applied so far. A handshake reads the caller's
   * books, then joins their rooms: if this moved meanwhile, the read may predate a change
   * the join would then miss, so the handshake reads again.
   */
  get applied(): number {
    return this.count;
  }

  onApplicationBootstrap(): void {
    this.channel = this.channels.open(ACCESS_CHANGES_CHANNEL, {
      onMessage: (message) => {
        const change = decodeAccessChange(message);
        if (change) this.apply(change);
        else this.logger.warn('Ignored a malformed access change from another replica');
      },
      // While Redis was away, other replicas' changes were lost: the database still knows.
      onResumed: () => void this.recheckAll(),
    });
    this.subscription = this.bus.changes$.subscribe((change) => {
      this.channel?.publish(change);
      this.apply(change);
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.channel?.close();
  }

  /**
   * Every sink re-reads its connections' access: revoked credentials close, lost books are
   * left (with `address_book.unshared`). Books gained meanwhile are not joined: this
   * feature cannot describe them (AddressBook) for `address_book.shared`, and a client
   * learns of them when it next lists its books or reconnects.
   */
  async recheckAll(): Promise<void> {
    await Promise.all(
      this.sinks.map((sink) => sink.recheckAll().catch((error) => this.logger.error(`${sink.name} failed to re-check its connections: ${String(error)}`))),
    );
  }

  private apply(change: AccessChange): void {
    this.count += 1;
    for (const sink of this.sinks) {
      try {
        sink.applyAccessChange(change);
      } catch (error) {
        // One broken transport must not keep the other's connections on stale access.
        this.logger.error(`${sink.name} failed to apply ${change.type}: ${String(error)}`);
      }
    }
  }
}
