import { Injectable, Logger } from '@nestjs/common';
import type { ContactEvent } from '@contacts/wire-types';
import { DeliveredSeqs } from './delivered-seqs.js';

/** One transport's clients in this process (Socket.IO namespace, plain WebSocket server). */
export interface EventSink {
  readonly name: string;
  sendLocal(event: ContactEvent): void;
}

/**
 * The single door to this process's clients: every event, whatever its origin (this
 * process, Redis, the database sweep), goes out through every sink at most once.
 */
@Injectable()
export class RealtimeHub {
  private readonly logger = new Logger(RealtimeHub.name);
  private readonly sinks: EventSink[] = [];
  private delivered = new DeliveredSeqs();

  addSink(sink: EventSink): void {
    this.sinks.push(sink);
  }

  /** Events up to `seq` existed before this process started: never replay them. */
  startAfter(seq: number): void {
    this.delivered = new DeliveredSeqs(seq);
  }

  get watermark(): number {
    return this.delivered.watermark;
  }

  markDeliveredUpTo(seq: number): void {
    this.delivered.raiseFloor(seq);
  }

  /** Returns false when the event had already gone out. */
  deliver(event: ContactEvent): boolean {
    if (!this.delivered.claim(event.seq)) return false;
    for (const sink of this.sinks) {
      try {
        sink.sendLocal(event);
      } catch (error) {
        // One broken transport must not starve the other.
        this.logger.error(`${sink.name} failed to send seq ${event.seq}: ${String(error)}`);
      }
    }
    return true;
  }
}
