import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataVersion } from '../database/data-version.js';
import { type VersionListener, VersionNotificationsRepository } from './version-notifications.repository.js';
import { EventRelay, SWEEP_INTERVAL_MS } from './event-relay.js';
import { RealtimeHub } from './realtime-hub.js';

/** How often SQLite's data_version is read: a shared-memory counter, so checking often is nearly free. */
export const DATA_VERSION_POLL_MS = 100;
/**
 * A notified seq waits this long before it sweeps: this process's own commits and those
 * Redis brings have usually gone out by then, so they need no read of the history.
 */
const NOTIFY_SETTLE_MS = 20;

/**
 * Announces changes that reach the database without an event: the sqlite3 shell, psql,
 * another program (the triggers wrote their versions), or a process whose event was lost.
 * It only tells the relay to sweep the history above what went out; the hub keeps
 * delivery once and in seq order.
 * - SQLite: `data_version` moves whenever another connection commits; a move sweeps.
 * - PostgreSQL: the version trigger NOTIFYs each committed seq; one not yet delivered
 *   sweeps. While the listener is down (and once it is back), a periodic sweep covers it.
 */
@Injectable()
export class DatabaseChangeWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private settle?: NodeJS.Timeout;
  private listener?: VersionListener;
  /** Null until the first check, which therefore always sweeps (changes made while the relay started). */
  private seenVersion: string | null = null;
  private notified = 0;

  constructor(
    private readonly relay: EventRelay,
    private readonly hub: RealtimeHub,
    private readonly dataVersion: DataVersion,
    private readonly notifications: VersionNotificationsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.notifications.available) {
      this.listener = this.notifications.listen({
        onVersion: (seq) => this.onNotified(seq),
        onListening: () => void this.relay.sweep(),
      });
      this.every(SWEEP_INTERVAL_MS, () => {
        if (!this.listener?.listening) void this.relay.sweep();
      });
    } else if (this.dataVersion.current() !== null) {
      this.every(DATA_VERSION_POLL_MS, () => {
        const version = this.dataVersion.current();
        if (version === this.seenVersion) return;
        this.seenVersion = version;
        void this.relay.sweep();
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.settle);
    await this.listener?.close();
  }

  private onNotified(seq: number): void {
    if (seq <= this.hub.watermark) return;
    this.notified = Math.max(this.notified, seq);
    if (this.settle) return;
    this.settle = setTimeout(() => {
      this.settle = undefined;
      if (this.notified > this.hub.watermark) void this.relay.sweep();
    }, NOTIFY_SETTLE_MS);
    this.settle.unref();
  }

  private every(ms: number, check: () => void): void {
    this.timer = setInterval(check, ms);
    this.timer.unref();
  }
}
