import { Injectable } from '@nestjs/common';
import { type ChangesPage, DEFAULT_CHANGES_LIMIT, MAX_CHANGES_LIMIT, type Version } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { badRequest, notFound } from '../common/api-errors.js';
import { eventFor, movedOutEventFor, toVersion } from './version.mapper.js';
import { VersionsRepository } from './versions.repository.js';

/** A contact that changed in a book: its uid there, and whether it is in the book now (else deleted or moved out). */
export interface BookChange {
  contactId: number;
  uid: string;
  present: boolean;
}

export interface BookChanges {
  /** The last seq when the answer was computed. */
  head: number;
  /** The seq the answer covers: the next sync starts after it (the head unless truncated). */
  upTo: number;
  /** More contacts changed than `limit`: ask again from `upTo`. */
  truncated: boolean;
  changes: BookChange[];
}

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

  /** The global last seq (0 for an empty history): the sync token and ctag of every book. */
  head(): Promise<number> {
    return this.versions.lastSeq();
  }

  /**
   * What a CardDAV sync from `since` must tell about `book`: each contact whose versions
   * after it are in the book or leave it (moved out), once, in the order of its last such
   * change, as it stands at the head. At most `limit` (a positive integer, or Infinity);
   * when cut, `upTo` is the last change of the last contact answered, so every contact left
   * out changed after it and the next sync from `upTo` finds it. A `since` at or above the
   * head finds nothing (telling a token from the future apart is the caller's: it has the head).
   */
  async bookChanges(book: number, since: number, access: BookAccess, limit: number): Promise<BookChanges> {
    access.requireRead(book);
    if (!(limit >= 1)) throw new RangeError(`bookChanges needs a limit ≥ 1, not ${limit}`);
    // The high-water mark first: a version committed after it is left for the next sync.
    const head = await this.versions.lastSeq();
    if (since >= head) return { head, upTo: head, truncated: false, changes: [] };
    const bounded = Number.isFinite(limit) ? Math.floor(limit) : null;
    const changed = await this.versions.changedInBook(book, since, head, bounded === null ? null : bounded + 1);
    const truncated = bounded !== null && changed.length > bounded;
    const answered = truncated ? changed.slice(0, bounded) : changed;
    const upTo = truncated ? answered[answered.length - 1].lastSeq : head;
    // As of upTo: a contact answered has no change in the book after it (below the head).
    const states = await this.versions.stateInBook(
      book,
      answered.map((row) => row.contactId),
      upTo,
    );
    const changes: BookChange[] = [];
    for (const { contactId } of answered) {
      const state = states.get(contactId);
      // No uid at all: a contact whose every version predates uids has no href to tell.
      if (state?.uid) changes.push({ contactId, uid: state.uid, present: state.present });
    }
    return { head, upTo, truncated, changes };
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
