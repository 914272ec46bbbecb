import { Process, Processor } from '@nestjs/bull';
import { HttpException, Inject, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import type { Contact } from '@contacts/wire-types';
import { ApiError } from '../common/api-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { tokenMatches } from '../security/service-token.js';
import { appliedJobKey, EXTERNAL_UPDATES_QUEUE, type ExternalUpdateJobData, failureReason, withoutToken } from './external-update.job.js';
import { ExternalUpdateService, parseExternalUpdate } from './external-update.service.js';

/**
 * Applies queued external updates, in every API replica and in the worker. The mutation
 * and the job's applied_jobs row commit together, so a retry never applies twice; the
 * mutation's after-commit event announces it to every client.
 */
@Processor(EXTERNAL_UPDATES_QUEUE)
export class ExternalUpdateProcessor {
  private readonly logger = new Logger(ExternalUpdateProcessor.name);

  constructor(
    private readonly external: ExternalUpdateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Process({ concurrency: 4 })
  async handle(job: Job<ExternalUpdateJobData>): Promise<Contact> {
    try {
      this.checkToken(job);
      return await this.external.apply(parseExternalUpdate(withoutToken(job.data)), appliedJobKey(job.id));
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() < 500) {
        // Bad data or a conflict: retrying cannot help. The reason is the HTTP answer.
        job.discard();
        throw new Error(failureReason(error), { cause: error });
      }
      this.logger.warn(`external update job ${job.id} failed (attempt ${job.attemptsMade + 1}): ${String(error)}`);
      throw error;
    }
  }

  /** With EXTERNAL_API_TOKEN set, a job is a service call like any other: it carries the token. */
  private checkToken(job: Job<ExternalUpdateJobData>): void {
    const expected = this.config.externalApiToken;
    if (!expected || tokenMatches(expected, job.data?.token)) return;
    this.logger.warn(`external update job ${job.id} rejected: missing or invalid token`);
    throw new ApiError(401, { detail: job.data?.token === undefined ? 'Job data has no service token.' : 'Invalid service token.' });
  }
}
