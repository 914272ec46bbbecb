import { Process, Processor } from '@nestjs/bull';
import { HttpException, Inject, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import type { Contact } from '@contacts/wire-types';
import { AccessResolver } from '../access/access-resolver.js';
import type { BookAccess } from '../access/book-access.js';
import { INVALID_TOKEN_MESSAGE } from '@contacts/wire-types';
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
    private readonly resolver: AccessResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Process({ concurrency: 4 })
  async handle(job: Job<ExternalUpdateJobData>): Promise<Contact> {
    try {
      const access = await this.accessOf(job);
      return await this.external.apply(parseExternalUpdate(withoutToken(job.data)), access, appliedJobKey(job.id));
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

  /**
   * A job is a call like any other: it carries a token and acts as whoever the token
   * names, with their access now (AUTH=accounts: a user's token or the service token;
   * AUTH=none: the service token when EXTERNAL_API_TOKEN is set).
   */
  private async accessOf(job: Job<ExternalUpdateJobData>): Promise<BookAccess> {
    const token = typeof job.data?.token === 'string' ? job.data.token : undefined;
    if (this.config.auth === 'accounts') {
      const { access, failure } = await this.resolver.resolve({}, token ?? '');
      if (!failure && token) return access;
      this.logger.warn(`external update job ${job.id} rejected: missing or invalid token`);
      throw new ApiError(401, { detail: token === undefined ? 'Job data has no token.' : INVALID_TOKEN_MESSAGE });
    }
    const expected = this.config.externalApiToken;
    if (expected && !tokenMatches(expected, token)) {
      this.logger.warn(`external update job ${job.id} rejected: missing or invalid token`);
      throw new ApiError(401, { detail: token === undefined ? 'Job data has no service token.' : 'Invalid service token.' });
    }
    return (await this.resolver.resolve({})).access;
  }
}
