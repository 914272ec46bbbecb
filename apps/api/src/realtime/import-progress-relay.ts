import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import type { ImportJob, ImportProgressEvent } from '@contacts/wire-types';
import { type ImportProgress, ImportProgressBus } from '../events/import-progress-bus.js';
import { type ReplicaChannel, ReplicaChannels } from '../redis/replica-channels.js';
import { Rooms } from './connection-scope.js';

/** The Redis channel (under REDIS_PREFIX) that carries import progress between replicas. */
export const IMPORT_PROGRESS_CHANNEL = 'import-progress';

/** One transport's open connections in this process. */
export interface ImportProgressSink {
  readonly name: string;
  /** To the connections in any of `rooms`. */
  sendImportProgress(rooms: string[], event: ImportProgressEvent): void;
}

/** The importing user's connections; without an account, the unrestricted ones (AUTH=none: everyone). */
export function progressRooms(userId: number | null): string[] {
  return [userId === null ? Rooms.unrestricted : Rooms.user(userId)];
}

/**
 * Import progress reaches the importing user's connections on every replica: the job runs
 * on the replica that took the upload, which delivers to its own connections and relays
 * through Redis to the others (as access changes go: ReplicaChannels never echoes a
 * replica's own message back). Progress is a snapshot, not history: one lost while Redis
 * is away is made good by the next, or by GET /api/imports/{id}/.
 */
@Injectable()
export class ImportProgressRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportProgressRelay.name);
  private readonly sinks: ImportProgressSink[] = [];
  private subscription?: Subscription;
  private channel?: ReplicaChannel;

  constructor(
    private readonly bus: ImportProgressBus,
    private readonly channels: ReplicaChannels,
  ) {}

  addSink(sink: ImportProgressSink): void {
    this.sinks.push(sink);
  }

  onApplicationBootstrap(): void {
    this.channel = this.channels.open(IMPORT_PROGRESS_CHANNEL, {
      onMessage: (message) => {
        const progress = decodeImportProgress(message);
        if (progress) this.deliver(progress);
        else this.logger.warn('Ignored a malformed import progress from another replica');
      },
    });
    this.subscription = this.bus.progress$.subscribe((progress) => {
      this.channel?.publish(progress);
      this.deliver(progress);
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.channel?.close();
  }

  private deliver({ user_id, event }: ImportProgress): void {
    const rooms = progressRooms(user_id);
    for (const sink of this.sinks) {
      try {
        sink.sendImportProgress(rooms, event);
      } catch (error) {
        this.logger.error(`${sink.name} failed to send import progress: ${String(error)}`);
      }
    }
  }
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isImportJob(value: unknown): value is ImportJob {
  if (!isObject(value)) return false;
  const { id, status, total, processed, created, updated, skipped } = value;
  return (
    typeof id === 'string' &&
    (status === 'running' || status === 'done' || status === 'failed') &&
    [total, processed, created, updated].every(isCount) &&
    Array.isArray(skipped) &&
    skipped.every((card) => isObject(card) && isCount(card.index) && typeof card.name === 'string' && isObject(card.errors))
  );
}

/**
 * Progress as another replica relayed it, or null if it is not: it decides whose
 * connections get what, so nothing malformed is delivered (never trust the wire).
 */
export function decodeImportProgress(message: unknown): ImportProgress | null {
  if (!isObject(message)) return null;
  const { user_id, event } = message;
  if (user_id !== null && !(Number.isSafeInteger(user_id) && (user_id as number) > 0)) return null;
  if (!isObject(event) || event.type !== 'import.progress' || !isImportJob(event.import)) return null;
  return { user_id: user_id as number | null, event: { type: 'import.progress', import: event.import } };
}
