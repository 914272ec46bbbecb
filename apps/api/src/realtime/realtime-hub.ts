import { Injectable, Logger } from '@nestjs/common';
import type { ContactEvent, ContactMovedEvent } from '@contacts/wire-types';
import { PendingEvents } from './pending-events.js';

/** One transport's clients in this process (Socket.IO namespace, plain WebSocket server). */
export interface EventSink {
  readonly name: string;
  sendLocal(event: ContactEvent): void;
}

/** The append-only history, as events: it decides which seqs exist. */
export interface HistoryFeed {
  /** Committed events with seq above `after`, oldest first, at most `limit`. */
  since(after: number, limit: number): Promise<ContactEvent[]>;
}

const PAGE = 1000;
/** Pages per catch-up, so one sweep after a long outage does not hog the process. */
const CATCH_UP_PAGES = 10;
const RETRY_MS = 1000;

/**
 * The single door to this process's clients: every event, whatever its origin (this
 * process, Redis, the database sweep), goes out through every sink once, in seq order.
 *
 * Writes are serialised across processes, so seq order is commit order: once seq S has
 * committed, every seq below it that will ever exist has committed too. An event that
 * arrives ahead of its turn (another replica's earlier commit is still on its way
 * through Redis, or never comes: Redis down, a worker, the seed command) is held, and
 * the gap below it is filled from the history, then it goes out. The next event in line
 * goes out at once without touching the database.
 */
@Injectable()
export class RealtimeHub {
  private readonly logger = new Logger(RealtimeHub.name);
  private readonly sinks: EventSink[] = [];
  private pending = new PendingEvents();
  private history: HistoryFeed | null = null;
  /** A drain loop is running: it alone sends, so nothing overtakes what it is filling. */
  private busy = false;
  private drained: Promise<void> = Promise.resolve();
  private catchUpWanted = false;
  private retryTimer?: NodeJS.Timeout;

  addSink(sink: EventSink): void {
    this.sinks.push(sink);
  }

  /** Events up to `seq` existed before this process started: never replay them. Gaps above are filled from `history`. */
  startAfter(seq: number, history: HistoryFeed | null = null): void {
    this.pending = new PendingEvents(seq);
    this.history = history;
  }

  get watermark(): number {
    return this.pending.watermark;
  }

  /** Events waiting for an earlier one (a gap being filled). */
  get heldCount(): number {
    return this.pending.size;
  }

  /** A live event (this process's commit, or one from Redis): out now if it is next, else after the gap below it. */
  deliver(event: ContactEvent): void {
    if (!this.busy && this.pending.size === 0 && event.seq === this.pending.watermark + 1) {
      this.pending.advanceTo(event.seq);
      this.send(event);
      return;
    }
    if (this.pending.hold(event)) void this.kick();
  }

  /** Delivers whatever the history has above the watermark (what every channel missed). */
  catchUp(): Promise<void> {
    this.catchUpWanted = this.history !== null;
    return this.kick();
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    this.history = null;
  }

  private kick(): Promise<void> {
    if (this.busy) return this.drained;
    this.busy = true;
    // drain() clears `busy` synchronously when it ends, even if it never awaited.
    this.drained = this.drain();
    return this.drained;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        for (let next = this.pending.takeNext(); next; next = this.pending.takeNext()) this.send(next);
        if (this.catchUpWanted && this.history) {
          this.catchUpWanted = false;
          await this.readAll(this.history);
          continue;
        }
        const waiting = this.pending.first;
        if (!waiting || !this.history) return;
        await this.fillBelow(waiting.seq, this.history);
      }
    } catch (error) {
      this.logger.warn(`reading the history failed, retrying: ${String(error)}`);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.kick(), RETRY_MS);
      this.retryTimer.unref();
    } finally {
      this.busy = false;
    }
  }

  /** Sends the history's events in (watermark, target]; the held `target` goes out as the history has it. */
  private async fillBelow(target: number, history: HistoryFeed): Promise<void> {
    for (;;) {
      const limit = Math.min(target - this.pending.watermark, PAGE);
      const rows = await history.since(this.pending.watermark, limit);
      // Rows above `target` are not ours to send yet (nor, before the target, known to be committed).
      const inRange = rows.filter((e) => e.seq <= target);
      this.sendFromHistory(inRange);
      const complete = rows.length < limit || rows[rows.length - 1].seq >= target;
      if (!complete) continue;
      if (this.pending.watermark < target) {
        // Announced but not in the history: not a real commit. Seqs below it may still come.
        this.logger.warn(`seq ${target} is not in the history; dropped`);
        this.pending.discard(target);
      }
      return;
    }
  }

  private async readAll(history: HistoryFeed): Promise<void> {
    for (let page = 0; page < CATCH_UP_PAGES; page++) {
      const rows = await history.since(this.pending.watermark, PAGE);
      this.sendFromHistory(rows);
      if (rows.length < PAGE) return;
    }
  }

  /**
   * Rows in seq order from the history: each is the next that exists, whatever the gap.
   * A row whose live event is held goes out as the history has it, plus the book a move
   * left, which only the live event knows (see withMoveOf).
   */
  private sendFromHistory(rows: ContactEvent[]): void {
    for (const row of rows) {
      if (row.seq <= this.pending.watermark) continue;
      const live = this.pending.heldAt(row.seq);
      this.pending.advanceTo(row.seq);
      this.send(withMoveOf(row, live));
    }
  }

  private send(event: ContactEvent): void {
    for (const sink of this.sinks) {
      try {
        sink.sendLocal(event);
      } catch (error) {
        // One broken transport must not starve the other.
        this.logger.error(`${sink.name} failed to send seq ${event.seq}: ${String(error)}`);
      }
    }
  }
}

/**
 * The history's row for a move does not say which book the contact left (the version has
 * only its new book); the live event of the same seq does (ContactMovedEvent). Without a
 * live event (a lost one, found by a sweep) readers of the old book get no removal.
 */
function withMoveOf(row: ContactEvent, live: ContactEvent | undefined): ContactEvent {
  if (!live || !('moved_from' in live) || row.type !== 'contact.updated' || live.type !== 'contact.updated') return row;
  if (live.contact.id !== row.contact.id || live.address_book !== row.address_book) return row;
  const moved: ContactMovedEvent = { ...row, moved_from: (live as ContactMovedEvent).moved_from };
  return moved;
}
