import type { ImportJob, SkippedCard } from '@contacts/wire-types';
import type { ImportProgressBus } from '../events/import-progress-bus.js';
import type { ImportJobEntity } from './import-job.entity.js';

/** Progress events per import, at most this often (plus the last one). */
export const PROGRESS_EVERY_MS = 250;

/** The wire shape of a job and its skipped cards. */
export function toImportJob(row: ImportJobEntity, skipped: SkippedCard[]): ImportJob {
  return {
    id: row.id,
    status: row.status,
    total: Number(row.total ?? 0),
    processed: Number(row.processed),
    created: Number(row.created),
    updated: Number(row.updated),
    skipped,
  };
}

/**
 * A running job's counters as they commit, and its `import.progress` events: sent at most
 * every PROGRESS_EVERY_MS while it runs, and always for the state it ends in.
 */
export class JobProgress {
  private lastSentAt = 0;

  constructor(
    private readonly job: ImportJob,
    private readonly userId: number | null,
    private readonly bus: ImportProgressBus,
  ) {}

  get processed(): number {
    return this.job.processed;
  }

  setTotal(total: number): void {
    this.job.total = total;
  }

  counted(outcome: 'created' | 'updated' | SkippedCard): void {
    this.job.processed += 1;
    if (outcome === 'created') this.job.created += 1;
    else if (outcome === 'updated') this.job.updated += 1;
    else this.job.skipped.push(outcome);
    this.maybeSend();
  }

  ended(status: 'done' | 'failed'): void {
    this.job.status = status;
    this.send();
  }

  maybeSend(): void {
    if (Date.now() - this.lastSentAt >= PROGRESS_EVERY_MS) this.send();
  }

  private send(): void {
    this.lastSentAt = Date.now();
    // A snapshot: the job goes on changing after this.
    this.bus.publish({ user_id: this.userId, event: { type: 'import.progress', import: { ...this.job, skipped: [...this.job.skipped] } } });
  }
}
