import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Contact } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { badRequest, detailError } from '../common/api-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { AppliedJobsRepository } from './applied-jobs.repository.js';
import { appliedJobKey } from './external-update.job.js';
import { ExternalUpdateQueue } from './external-update.queue.js';

export interface ExternalUpdate {
  id: number;
  fields: Record<string, unknown>;
}

/** Splits `{"id", …fields}` into the id and the PATCH-like rest, or a field-keyed 400. */
export function parseExternalUpdate(body: unknown): ExternalUpdate {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw detailError(400, `Invalid data. Expected a dictionary, but got ${Array.isArray(body) ? 'list' : typeof body}.`);
  }
  const { id, ...fields } = body as Record<string, unknown>;
  if (id === undefined || id === null) throw badRequest({ id: ['This field is required.'] });
  const numeric = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
  if (typeof numeric !== 'number' || !Number.isSafeInteger(numeric) || numeric < 1) {
    throw badRequest({ id: ['A valid integer is required.'] });
  }
  return { id: numeric, fields };
}

/**
 * Applies an update made outside the UI: validated like PATCH, recorded as
 * `external_update`. With Redis it goes through the queue (so every replica and the
 * worker share one path); without, or while the queue does not answer, in-process.
 */
@Injectable()
export class ExternalUpdateService {
  private readonly logger = new Logger(ExternalUpdateService.name);

  constructor(
    private readonly contacts: ContactsService,
    private readonly appliedJobs: AppliedJobsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly queue?: ExternalUpdateQueue,
  ) {}

  /**
   * The HTTP entry: the body is checked here first so a bad request never reaches the
   * queue. The job carries the caller's token (the processor acts as whoever it names,
   * with their access at that moment); a caller on a session cookie has no token to hand
   * on, so theirs is applied here.
   */
  async submit(body: unknown, access: BookAccess, bearerToken?: string): Promise<Contact> {
    const update = parseExternalUpdate(body);
    const token = this.tokenFor(access, bearerToken);
    if (!this.queue || token === null) return this.apply(update, access);
    const jobId = `http-${randomUUID()}`;
    const outcome = await this.queue.run({ ...update.fields, id: update.id, ...(token ? { token } : {}) }, jobId);
    if (outcome.kind === 'done') return outcome.contact;
    // The job may still run later; the shared job key makes whichever comes second a no-op.
    this.logger.warn(`queue unavailable (${outcome.reason}); applying external update ${jobId} in-process`);
    return this.apply(update, access, appliedJobKey(jobId));
  }

  /** Applies once per `jobKey` (if given): a retried or duplicated job changes nothing. */
  apply(update: ExternalUpdate, access: BookAccess, jobKey?: string): Promise<Contact> {
    const claim = jobKey ? (manager: Parameters<AppliedJobsRepository['claim']>[0]) => this.appliedJobs.claim(manager, jobKey) : undefined;
    return this.contacts.update(update.id, update.fields, { partial: true, reason: 'external_update', claim }, access);
  }

  /** The token a job needs to act as this caller: '' for none needed, null when the caller has none to give. */
  private tokenFor(access: BookAccess, bearerToken: string | undefined): string | null {
    const caller = access.caller;
    if (caller.kind === 'open') return this.config.externalApiToken ?? '';
    if (caller.kind === 'service') return this.config.externalApiToken ?? '';
    if (caller.kind === 'user' && caller.credential.type === 'token' && bearerToken) return bearerToken;
    return null;
  }
}
