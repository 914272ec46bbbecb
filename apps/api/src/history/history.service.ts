import { Injectable } from '@nestjs/common';
import { type ChangesPage, DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT, type Version } from '@contacts/wire-types';
import { badRequest, notFound } from '../common/api-errors.js';
import { eventFor, toVersion } from './version.mapper.js';
import { VersionsRepository } from './versions.repository.js';

function nonNegativeInt(raw: unknown, field: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw badRequest({ [field]: ['A valid integer is required.'] });
  return Number(raw);
}

@Injectable()
export class HistoryService {
  constructor(private readonly versions: VersionsRepository) {}

  /** Latest first. A contact that never existed has no history: 404. */
  async forContact(contactId: number): Promise<Version[]> {
    const rows = await this.versions.forContact(contactId);
    if (rows.length === 0) throw notFound();
    return rows.map(toVersion);
  }

  /** Everything after `since`, in seq order: how a client that was away catches up. */
  async changes(query: { since?: unknown; limit?: unknown }): Promise<ChangesPage> {
    const since = nonNegativeInt(query.since, 'since', 0);
    const limit = Math.max(1, Math.min(nonNegativeInt(query.limit, 'limit', DEFAULT_CHANGES_LIMIT), MAX_CHANGES_LIMIT));
    const rows = await this.versions.since(since, limit);
    const results = rows.map(eventFor);
    const last_seq = results.length > 0 ? results[results.length - 1].seq : await this.versions.lastSeq();
    return { results, last_seq };
  }
}
