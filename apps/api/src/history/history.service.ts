import { Injectable } from '@nestjs/common';
import { type ChangesPage, DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT, type Version } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { badRequest, notFound } from '../common/api-errors.js';
import { eventFor, movedOutEventFor, toVersion } from './version.mapper.js';
import { VersionsRepository } from './versions.repository.js';

function nonNegativeInt(raw: unknown, field: string, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw badRequest({ [field]: ['A valid integer is required.'] });
  return Number(raw);
}

@Injectable()
export class HistoryService {
  constructor(private readonly versions: VersionsRepository) {}

  /**
   * Latest first. A contact that never existed has no history: 404; so has one whose
   * book (the one its latest version is in: where it lives, or was deleted from) the
   * caller cannot read.
   */
  async forContact(contactId: number, access: BookAccess): Promise<Version[]> {
    const rows = await this.versions.forContact(contactId);
    if (rows.length === 0 || !access.canRead(Number(rows[0].address_book_id))) throw notFound();
    return rows.map(toVersion);
  }

  /**
   * Everything after `since` in the books the caller can read now, in seq order: how a
   * client that was away catches up. `seq` is global, so a caller sees gaps; `last_seq`
   * lets it skip past what it may not see.
   */
  async changes(query: { since?: unknown; limit?: unknown }, access: BookAccess): Promise<ChangesPage> {
    const since = nonNegativeInt(query.since, 'since', 0);
    const limit = Math.max(1, Math.min(nonNegativeInt(query.limit, 'limit', DEFAULT_CHANGES_LIMIT), MAX_CHANGES_LIMIT));
    const books = access.readableBooks();
    // The high-water mark first: a version committed after it is left for the next call.
    const head = await this.versions.lastSeq();
    const rows = books === 'all' || books.length > 0 ? await this.versions.since(since, limit, books, head) : [];
    // A contact moved into a book the caller cannot read left one they can: for them it was deleted.
    const results = rows.map(({ version, previousBook }) =>
      access.canRead(Number(version.address_book_id)) || previousBook === null ? eventFor(version) : movedOutEventFor(version, previousBook),
    );
    const last_seq = results.length === limit ? results[results.length - 1].seq : Math.max(since, head);
    return { results, last_seq };
  }
}
