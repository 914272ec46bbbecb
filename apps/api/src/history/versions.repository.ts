import { Injectable } from '@nestjs/common';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { sqliteStatement } from '../database/sqlite-statements.js';
import { ContactVersionEntity } from './contact-version.entity.js';

/** A version and the book of the one before it (null for a contact's first). */
export interface VersionWithPreviousBook {
  version: ContactVersionEntity;
  previousBook: number | null;
}

/** A contact whose versions in a window touch a book, and the seq of the last of them. */
export interface ChangedInBook {
  contactId: number;
  lastSeq: number;
}

/** Where a contact stands in a book as of a seq: in it or not, and the uid it has (or last had) there. */
export interface StateInBook {
  present: boolean;
  uid: string | null;
}

/** The book of the contact's version before `v` (null for its first): a move out of a book is told by it. */
const PREVIOUS_BOOK = `(SELECT p.address_book_id FROM contact_versions p WHERE p.contact_id = v.contact_id AND p.id < v.id ORDER BY p.id DESC LIMIT 1)`;

interface StateRow {
  contact_id: number | string;
  address_book_id: number | string;
  operation: string;
  row_in_book: unknown;
  uid: string | null;
}

/** A version's columns as the entity loads them: all but `vcard_extra`. */
const VERSION_COLUMNS = `id, contact_id, address_book_id, first_name, last_name, email, phone, edited_at, edited_reason, operation,
  contact_created_at, edited_via, edited_by_id, edited_by_name, organization, job_title, notes, birthday, other_emails, other_phones, addresses, uid`;

/** Contacts per state query: bind parameters stay far below SQLite's and PostgreSQL's limits. */
const STATE_BATCH = 500;

/**
 * All SQL about the append-only history table. Reads outside a write transaction, the
 * realtime sweep's included, go to the reader: a version is only seen once committed.
 */
@Injectable()
export class VersionsRepository {
  private readonly dataSource: DataSource;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
  }

  // No append(): versions are written by the database's triggers on contacts (migrations *-database-guards).

  forContact(contactId: number): Promise<ContactVersionEntity[]> {
    return this.dataSource.manager.find(ContactVersionEntity, { where: { contact_id: contactId }, order: { id: 'DESC' } });
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<ContactVersionEntity | null> {
    return manager.findOneBy(ContactVersionEntity, { id });
  }

  /** A version's `vcard_extra` (not loaded with the version itself). */
  async vcardExtraOf(id: number, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const row = await manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .select('v.vcard_extra', 'vcard_extra')
      .where('v.id = :id', { id })
      .getRawOne<{ vcard_extra: string }>();
    return row?.vcard_extra ?? '';
  }

  /** Every write reads back the version its trigger wrote: on SQLite a prepared statement. */
  latestOf(contactId: number, manager: EntityManager = this.dataSource.manager): Promise<ContactVersionEntity | null> {
    const statement = sqliteStatement(manager, `SELECT ${VERSION_COLUMNS} FROM contact_versions WHERE contact_id = ? ORDER BY id DESC LIMIT 1`);
    if (statement) return Promise.resolve((statement.get(contactId) as ContactVersionEntity | undefined) ?? null);
    return manager.findOne(ContactVersionEntity, { where: { contact_id: contactId }, order: { id: 'DESC' } });
  }

  /**
   * Versions after `seq` (up to `upTo` when given), oldest first: the catch-up feed. Each
   * with the book of the contact's version before it, so a move out of a book can be told
   * to that book's readers; in `books`, a version counts if either book is one of them.
   */
  async since(seq: number, limit: number, books: number[] | 'all' = 'all', upTo?: number): Promise<VersionWithPreviousBook[]> {
    const previous = `(SELECT p.address_book_id FROM contact_versions p WHERE p.contact_id = v.contact_id AND p.id < v.id ORDER BY p.id DESC LIMIT 1)`;
    const query = this.dataSource.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .addSelect(previous, 'previous_address_book_id')
      .where('v.id > :seq', { seq });
    if (upTo !== undefined) query.andWhere('v.id <= :upTo', { upTo });
    if (books !== 'all') query.andWhere(`(v.address_book_id IN (:...books) OR ${previous} IN (:...books))`, { books });
    const { entities, raw } = await query.orderBy('v.id', 'ASC').limit(limit).getRawAndEntities<{ previous_address_book_id: number | null }>();
    return entities.map((version, i) => {
      const before = raw[i]?.previous_address_book_id;
      return { version, previousBook: before === null || before === undefined ? null : Number(before) };
    });
  }

  /**
   * The contacts whose versions in (since, upTo] are in `book` or leave it (the version
   * before was in it), once each, ordered by the seq of the last such version; at most
   * `limit` (null: all). Walks the window on the primary key, so a sync after one change
   * reads one version however long the history is; the previous book is one probe of
   * (contact_id, id) for versions outside the book.
   */
  async changedInBook(book: number, since: number, upTo: number, limit: number | null): Promise<ChangedInBook[]> {
    const query = this.dataSource.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .select('v.contact_id', 'contact_id')
      .addSelect('MAX(v.id)', 'last_seq')
      .where('v.id > :since AND v.id <= :upTo', { since, upTo })
      .andWhere(`(v.address_book_id = :book OR ${PREVIOUS_BOOK} = :book)`, { book })
      .groupBy('v.contact_id')
      .orderBy('last_seq', 'ASC');
    if (limit !== null) query.limit(limit);
    const rows = await query.getRawMany<{ contact_id: number | string; last_seq: number | string }>();
    return rows.map((row) => ({ contactId: Number(row.contact_id), lastSeq: Number(row.last_seq) }));
  }

  /**
   * Each contact's place in `book` as of seq `at`: present when its latest version up to
   * `at` is in the book, is no deletion, and the row is there still (a merge's deletion
   * has a reason of its own). The uid is the one of its latest version in the book (one
   * written before versions held uids has none: then its latest known one).
   */
  async stateInBook(book: number, contactIds: number[], at: number): Promise<Map<number, StateInBook>> {
    const states = new Map<number, StateInBook>();
    // `+ 0` keeps the book out of the index choice: the contact's own versions, newest
    // first, are few; walking the book's back to a contact that left it long ago is not.
    const uidInBook = `(SELECT b.uid FROM contact_versions b WHERE b.contact_id = l.contact_id AND b.id <= :at AND b.address_book_id + 0 = :book AND b.uid IS NOT NULL ORDER BY b.id DESC LIMIT 1)`;
    for (let start = 0; start < contactIds.length; start += STATE_BATCH) {
      const ids = contactIds.slice(start, start + STATE_BATCH);
      const latest = `SELECT MAX(m.id) FROM contact_versions m WHERE m.contact_id IN (:...ids) AND m.id <= :at GROUP BY m.contact_id`;
      const rows = await this.dataSource.manager
        .createQueryBuilder(ContactVersionEntity, 'l')
        .select('l.contact_id', 'contact_id')
        .addSelect('l.address_book_id', 'address_book_id')
        .addSelect('l.operation', 'operation')
        .addSelect('EXISTS (SELECT 1 FROM contacts c WHERE c.id = l.contact_id AND c.address_book_id = :book)', 'row_in_book')
        .addSelect(`COALESCE(${uidInBook}, l.uid)`, 'uid')
        .where(`l.id IN (${latest})`, { ids, at, book })
        .getRawMany<StateRow>();
      for (const row of rows) {
        const present = Number(row.address_book_id) === book && row.operation !== 'delete' && truthy(row.row_in_book);
        states.set(Number(row.contact_id), { present, uid: row.uid });
      }
    }
    return states;
  }

  async lastSeq(): Promise<number> {
    const row = await this.dataSource.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .select('MAX(v.id)', 'seq')
      .getRawOne<{ seq: number | null }>();
    return Number(row?.seq ?? 0);
  }

  /**
   * Contacts whose latest version is `deleted` and that have not come back, newest deletion
   * first: read from `deleted_contacts`, which the version triggers keep (migration
   * "deleted contacts"), so neither the page nor its exact count walks the history.
   * `window` is page numbers (an offset) or a cursor (the rows after a version id, or
   * before it with `reverse`); rows come back newest deletion first either way.
   */
  async deletedPage(window: DeletedWindow, books: number[] | 'all'): Promise<{ count: number; rows: ContactVersionEntity[] }> {
    if (books !== 'all' && books.length === 0) return { count: 0, rows: [] };
    const deleted = this.dataSource.manager.createQueryBuilder().from('deleted_contacts', 'd').select('d.version_id', 'version_id');
    if (books !== 'all') deleted.andWhere('d.address_book_id IN (:...books)', { books });
    const reverse = window.kind === 'keyset' && window.reverse;
    if (window.kind === 'keyset' && window.after !== null) deleted.andWhere(`d.version_id ${reverse ? '>' : '<'} :after`, { after: window.after });
    deleted.orderBy('d.version_id', reverse ? 'ASC' : 'DESC').limit(window.limit);
    if (window.kind === 'offset') deleted.offset(window.offset);
    // The count is kept per book by the database (address_book_contact_counts.deleted); the
    // page's version ids come from the (address_book_id, version_id) indexes alone.
    const counted = this.dataSource.manager.createQueryBuilder().from('address_book_contact_counts', 'n').select('coalesce(sum(n.deleted), 0)', 'n');
    if (books !== 'all') counted.where('n.address_book_id IN (:...books)', { books });
    const [ids, count] = await Promise.all([deleted.getRawMany<{ version_id: number }>(), counted.getRawOne<{ n: number | string }>()]);
    const rows =
      ids.length === 0
        ? []
        : await this.dataSource.manager.find(ContactVersionEntity, { where: { id: In(ids.map((row) => Number(row.version_id))) }, order: { id: 'DESC' } });
    return { count: Number(count?.n ?? 0), rows };
  }
}

/** Which deleted contacts a read returns: `limit` from position `offset`, or `limit` after (`reverse`: before) a version id. */
export type DeletedWindow = { kind: 'offset'; offset: number; limit: number } | { kind: 'keyset'; after: number | null; reverse: boolean; limit: number };

/** A boolean as the driver gives it: true/false (PostgreSQL), 1/0 (SQLite). */
function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
