import { Process, Processor } from '@nestjs/bull';
import { HttpException, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import type { Contact } from '@contacts/wire-types';
import { appliedJobKey, EXTERNAL_UPDATES_QUEUE, type ExternalUpdateJobData, failureReason } from './external-update.job.js';
import { ExternalUpdateService, parseExternalUpdate } from './external-update.service.js';

/**
 * Applies queued external updates, in every API replica and in the worker. The mutation
 * and the job's applied_jobs row commit together, so a retry never applies twice; the
 * mutation's after-commit event announces it to every client.
 */
@Processor(EXTERNAL_UPDATES_QUEUE)
export class ExternalUpdateProcessor {
  private readonly logger = new Logger(ExternalUpdateProcessor.name);

  constructor(private readonly external: ExternalUpdateService) {}

  @Process({ concurrency: 4 })
  async handle(job: Job<ExternalUpdateJobData>): Promise<Contact> {
    try {
      return await this.external.apply(parseExternalUpdate(job.data), appliedJobKey(job.id));
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() < 500) {
        // Bad data or a conflict: retrying cannot help. The reason is the HTTP answer.
        job.discard();
        throw new Error(failureReason(error));
      }
      this.logger.warn(`external update job ${job.id} failed (attempt ${job.attemptsMade + 1}): ${String(error)}`);
      throw error;
    }
  }
}
