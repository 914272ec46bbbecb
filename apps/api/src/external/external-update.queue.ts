import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import type { Contact } from '@contacts/wire-types';
import { errorFromReason, EXTERNAL_UPDATES_QUEUE, type ExternalUpdateJobData } from './external-update.job.js';

/** How long the HTTP request waits for Redis to take the job, then for a processor to finish it. */
export const ENQUEUE_TIMEOUT_MS = 1500;
export const FINISH_TIMEOUT_MS = 5000;

export type QueueOutcome = { kind: 'done'; contact: Contact } | { kind: 'unavailable'; reason: string };

const TIMED_OUT = Symbol('timed out');

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs one external update through the Bull queue and waits for its result. A job the
 * processor rejected comes back as the same ApiError (400/404/409); a queue that does
 * not answer in time comes back as `unavailable` so the caller can apply in-process.
 */
@Injectable()
export class ExternalUpdateQueue {
  constructor(@InjectQueue(EXTERNAL_UPDATES_QUEUE) private readonly queue: Queue<ExternalUpdateJobData>) {}

  async run(data: ExternalUpdateJobData, jobId: string): Promise<QueueOutcome> {
    if (this.queue.client.status !== 'ready') return { kind: 'unavailable', reason: 'redis not connected' };
    const added = this.queue.add(data, {
      jobId,
      attempts: 3,
      backoff: { type: 'fixed', delay: 200 },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    });
    added.catch(() => undefined); // may settle after we gave up waiting
    const job = await within(added, ENQUEUE_TIMEOUT_MS).catch(() => TIMED_OUT);
    if (job === TIMED_OUT) return { kind: 'unavailable', reason: 'enqueue timed out' };
    return this.awaitResult(job as Job<ExternalUpdateJobData>);
  }

  private async awaitResult(job: Job<ExternalUpdateJobData>): Promise<QueueOutcome> {
    const finished = job.finished() as Promise<Contact>;
    let failure: unknown;
    const result = await within(finished, FINISH_TIMEOUT_MS).catch((error: unknown) => {
      failure = error;
      return null;
    });
    if (result === TIMED_OUT) return { kind: 'unavailable', reason: 'job not finished in time' };
    if (result !== null) return { kind: 'done', contact: result };
    const apiError = errorFromReason((failure as Error | undefined)?.message);
    if (apiError) throw apiError;
    // A transient failure (e.g. database busy): Bull retries, the fallback claims the same key.
    return { kind: 'unavailable', reason: `job failed: ${(failure as Error | undefined)?.message ?? 'unknown'}` };
  }
}
