import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import type { DetailColumns } from '../history/contact-columns.js';
import { ContactEntity } from './contact.entity.js';

export interface ContactPageQuery {
  search: string;
  offset: number;
  limit: number;
  /** The books to list (what the caller may read, or the one asked for); `all` = no filter. */
  books: number[] | 'all';
}

/** What lists and reads return: everything but `vcard_extra` (possibly large, only the vCard needs it). */
const COLUMNS = `c.id, c.address_book_id, c.first_name, c.last_name, c.email, c.phone, c.created_at, c.updated_at,
  c.organization, c.job_title, c.notes, c.birthday, c.other_emails, c.other_phones, c.addresses, c.uid`;
const STORED_COLUMNS = `${COLUMNS}, c.vcard_extra`;

/** The columns a write may set (the details' lists as JSON text). */
export type ContactColumns = {
  address_book_id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  created_at: string;
  updated_at: string;
  uid: string;
  vcard_extra: string;
} & DetailColumns;

/** A new row: the four fields, its book and timestamps; whatever else is left out takes the database default (uid: a new UUID). */
export type NewContactRow = Pick<ContactColumns, 'address_book_id' | 'first_name' | 'last_name' | 'email' | 'phone' | 'created_at' | 'updated_at'> &
  Partial<ContactColumns> & { id?: number };

const INSERTABLE = ['id', 'address_book_id', 'first_name', 'last_name', 'email', 'phone', 'created_at', 'updated_at', 'organization', 'job_title',
  'notes', 'birthday', 'other_emails', 'other_phones', 'addresses', 'uid', 'vcard_extra'] as const;

/** Up to this many search matches, a page is read by primary key rather than by date index. */
const INLINE_MATCH_IDS = 2000;

/** Up to this many books, a page over several books may merge per-book index walks (severalBooksPage). */
const MERGED_BOOKS = 32;
/** Books holding at least 1/DENSE_SHARE of all contacts are read through the date index. */
const DENSE_SHARE = 4;

/** Terms shorter than a trigram cannot use the full-text index. */
const MIN_INDEXED_TERM = 3;

/**
 * All SQL about the contacts table. Writes, and the reads a write transaction makes, take
 * the transaction's manager; every other read goes to the reader (committed rows only).
 */
@Injectable()
export class ContactsRepository {
  private readonly sqlite: boolean;
  private readonly postgres: boolean;
  private readonly dataSource: DataSource;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
    this.sqlite = this.dataSource.options.type === 'better-sqlite3';
    this.postgres = this.dataSource.options.type === 'postgres';
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    return manager.findOneBy(ContactEntity, { id });
  }

  /** The row with its `vcard_extra`. */
  findStored(id: number, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    return manager.createQueryBuilder(ContactEntity, 'c').addSelect('c.vcard_extra').where('c.id = :id', { id }).getOne();
  }

  /** The contact of book `book` with this vCard UID (UIDs compare exactly, as vCard's do), with its `vcard_extra`. */
  findByUid(book: number, uid: string, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    return manager
      .createQueryBuilder(ContactEntity, 'c')
      .addSelect('c.vcard_extra')
      .where('c.address_book_id = :book', { book })
      .andWhere('c.uid = :uid', { uid })
      .getOne();
  }

  /**
   * Whether the book exists: the policy knows a user's books by their roles, but AUTH=none
   * and the service token may name any number, and a contact must not land in a book that
   * is not there.
   */
  async bookExists(book: number, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 AS found FROM address_books WHERE id = ${this.mark(1)}`, [book])) as unknown[];
    return rows.length > 0;
  }

  /** The contacts of book `book` with these UIDs, with their `vcard_extra` (a CardDAV multiget). */
  byUids(book: number, uids: string[]): Promise<ContactEntity[]> {
    if (uids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(ContactEntity, 'c')
      .addSelect('c.vcard_extra')
      .where('c.address_book_id = :book', { book })
      .andWhere('c.uid IN (:...uids)', { uids })
      .getMany();
  }

  /** These contacts, with their `vcard_extra`, in id order (what a sync reports as changed). */
  byIds(ids: number[]): Promise<ContactEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(ContactEntity, 'c')
      .addSelect('c.vcard_extra')
      .where('c.id IN (:...ids)', { ids })
      .orderBy('c.id', 'ASC')
      .getMany();
  }

  /** The id of the contact of book `book` using this email (case-insensitively), other than `exceptId`. */
  async emailOwner(book: number, email: string, exceptId?: number, manager: EntityManager = this.dataSource.manager): Promise<number | null> {
    const query = manager
      .createQueryBuilder(ContactEntity, 'c')
      .select('c.id', 'id')
      .where('c.address_book_id = :book', { book })
      .andWhere('lower(c.email) = lower(:email)', { email });
    if (exceptId !== undefined) query.andWhere('c.id <> :exceptId', { exceptId });
    const row = await query.getRawOne<{ id: number }>();
    return row ? Number(row.id) : null;
  }

  /**
   * The list is the hottest path: plain SQL with COUNT(*) (the query builder's getCount()
   * is COUNT(DISTINCT id), ~100x slower on SQLite), so every call reuses cached statements.
   */
  async page({ search, offset, limit, books }: ContactPageQuery): Promise<{ count: number; rows: ContactEntity[] }> {
    if (books !== 'all' && books.length === 0) return { count: 0, rows: [] };
    if (this.sqlite && search.length >= MIN_INDEXED_TERM) return this.indexedSearchPage(search, offset, limit, books);
    if (this.sqlite && !search && books !== 'all' && books.length > 1 && books.length <= MERGED_BOOKS) return this.severalBooksPage(books, offset, limit);
    const filter = search ? this.searchFilter(search) : { where: '', params: [] as unknown[] };
    const { where, params } = this.inBooks(filter, books);
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM contacts c ${where} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${this.mark(params.length + 1)} OFFSET ${this.mark(params.length + 2)}`,
        [...params, limit, offset],
      ) as Promise<ContactEntity[]>,
      this.dataSource.query(`SELECT COUNT(*) AS n FROM contacts c ${where}`, params) as Promise<Array<{ n: number | string }>>,
    ]);
    return { count: Number(n), rows };
  }

  /**
   * SQLite full-text search, evaluating the trigram match once: its ids give the count,
   * and a selective term's page is read by primary key. A broad term (many matches) reads
   * its page through the date index instead of sorting every match.
   */
  private async indexedSearchPage(
    search: string,
    offset: number,
    limit: number,
    books: number[] | 'all',
  ): Promise<{ count: number; rows: ContactEntity[] }> {
    const phrase = `"${search.replace(/"/g, '""')}"`;
    const matches = (books === 'all'
      ? await this.dataSource.query('SELECT rowid AS id FROM contacts_search WHERE contacts_search MATCH ?', [phrase])
      : await this.dataSource.query(
          `SELECT c.id FROM contacts_search s JOIN contacts c ON c.id = s.rowid
            WHERE contacts_search MATCH ? AND c.address_book_id IN (SELECT value FROM json_each(?))`,
          [phrase, JSON.stringify(books)],
        )) as Array<{ id: number }>;
    const count = matches.length;
    if (count === 0 || offset >= count) return { count, rows: [] };
    const order = `ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`;
    const rows = (count <= INLINE_MATCH_IDS
      ? await this.dataSource.query(`SELECT ${COLUMNS} FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?)) ${order}`, [
          JSON.stringify(matches.map((m) => m.id)),
          limit,
          offset,
        ])
      : books === 'all'
        ? await this.dataSource.query(
            `SELECT ${COLUMNS} FROM contacts c WHERE c.id IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?) ${order}`,
            [phrase, limit, offset],
          )
        : await this.dataSource.query(
            `SELECT ${COLUMNS} FROM contacts c WHERE c.id IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?)
              AND c.address_book_id IN (SELECT value FROM json_each(?)) ${order}`,
            [phrase, JSON.stringify(books), limit, offset],
          )) as ContactEntity[];
    return { count, rows };
  }

  /**
   * Plain SQL naming only the columns given, so the others take the database's defaults
   * (a new uid among them); a restore gives its id (TypeORM would write DEFAULT for a
   * generated column on PostgreSQL). Returns the new row's id.
   */
  async insert(manager: EntityManager, row: NewContactRow): Promise<number> {
    const columns = INSERTABLE.filter((column) => row[column] !== undefined);
    const marks = columns.map((_, i) => this.mark(i + 1)).join(', ');
    const [inserted] = (await manager.query(
      `INSERT INTO contacts (${columns.join(', ')}) VALUES (${marks}) RETURNING id`,
      columns.map((column) => row[column]),
    )) as Array<{ id: number }>;
    return Number(inserted.id);
  }

  async update(manager: EntityManager, id: number, changes: Partial<ContactColumns> & { updated_at: string }): Promise<void> {
    await manager.update(ContactEntity, { id }, changes);
  }

  /** Whether another contact of `book` has this uid. */
  async uidTaken(book: number, uid: string, exceptId: number | undefined, manager: EntityManager): Promise<boolean> {
    const query = manager
      .createQueryBuilder(ContactEntity, 'c')
      .select('c.id', 'id')
      .where('c.address_book_id = :book', { book })
      .andWhere('c.uid = :uid', { uid });
    if (exceptId !== undefined) query.andWhere('c.id <> :exceptId', { exceptId });
    return (await query.getRawOne()) !== undefined;
  }

  /**
   * One batch of a walk in id order (keyset: the ids after `afterId`), with `vcard_extra`:
   * the export's reads. The same matching as the list; on SQLite a term long enough is
   * read straight from the full-text index in rowid order.
   */
  async batchAfter(afterId: number, limit: number, books: number[] | 'all', search: string): Promise<ContactEntity[]> {
    if (books !== 'all' && books.length === 0) return [];
    if (this.sqlite && search.length >= MIN_INDEXED_TERM) {
      const inBooks = books === 'all' ? '' : 'AND c.address_book_id IN (SELECT value FROM json_each(?))';
      // CROSS JOIN: the index drives, in rowid order, from where the last batch ended.
      return (await this.dataSource.query(
        `SELECT ${STORED_COLUMNS} FROM contacts_search s CROSS JOIN contacts c ON c.id = s.rowid
          WHERE contacts_search MATCH ? AND s.rowid > ? ${inBooks} ORDER BY s.rowid LIMIT ?`,
        [`"${search.replace(/"/g, '""')}"`, afterId, ...(books === 'all' ? [] : [JSON.stringify(books)]), limit],
      )) as ContactEntity[];
    }
    const filter = search ? this.searchFilter(search) : { where: '', params: [] as unknown[] };
    const { where, params } = this.inBooks(filter, books);
    const after = `c.id > ${this.mark(params.length + 1)}`;
    return (await this.dataSource.query(
      `SELECT ${STORED_COLUMNS} FROM contacts c ${where ? `${where} AND ${after}` : `WHERE ${after}`} ORDER BY c.id LIMIT ${this.mark(params.length + 2)}`,
      [...params, afterId, limit],
    )) as ContactEntity[];
  }

  async remove(manager: EntityManager, id: number): Promise<void> {
    await manager.delete(ContactEntity, { id });
  }

  /**
   * A page over several books, newest first, with its exact count. When the books hold a
   * good share of all contacts, the date index is walked with the books as a filter (a
   * page costs about its depth); when they are a small corner of a big table, each book's
   * own newest `offset + limit` are read from the (address_book_id, updated_at) index and
   * merged, instead of walking past everyone else's. (One IN over the book index would
   * make SQLite sort every contact of those books for each page.)
   */
  private async severalBooksPage(books: number[], offset: number, limit: number): Promise<{ count: number; rows: ContactEntity[] }> {
    const list = JSON.stringify(books);
    const [[{ n }], [{ top }]] = (await Promise.all([
      this.dataSource.query('SELECT COUNT(*) AS n FROM contacts WHERE address_book_id IN (SELECT value FROM json_each(?))', [list]),
      // The highest id bounds the table's size at no cost (ids only grow).
      this.dataSource.query('SELECT coalesce(max(id), 0) AS top FROM contacts'),
    ])) as [Array<{ n: number }>, Array<{ top: number }>];
    const count = Number(n);
    if (count === 0 || offset >= count) return { count, rows: [] };
    if (count * DENSE_SHARE >= Number(top)) {
      const rows = (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM contacts c WHERE +c.address_book_id IN (SELECT value FROM json_each(?))
          ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`,
        [list, limit, offset],
      )) as ContactEntity[];
      return { count, rows };
    }
    const perBook = `SELECT * FROM (SELECT ${COLUMNS} FROM contacts c WHERE c.address_book_id = ? ORDER BY c.updated_at DESC, c.id DESC LIMIT ?)`;
    const rows = (await this.dataSource.query(
      `SELECT * FROM (${books.map(() => perBook).join(' UNION ALL ')}) ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`,
      [...books.flatMap((book) => [book, offset + limit]), limit, offset],
    )) as ContactEntity[];
    return { count, rows };
  }

  /** The ids of a book's contacts (deleting a book deletes each of them through the write path). */
  async idsInBook(book: number): Promise<number[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM contacts WHERE address_book_id = ${this.mark(1)} ORDER BY id`, [book])) as Array<{ id: number }>;
    return rows.map((row) => Number(row.id));
  }

  /** `filter` narrowed to `books` (a parameter of its own, after the filter's). */
  private inBooks(filter: { where: string; params: unknown[] }, books: number[] | 'all'): { where: string; params: unknown[] } {
    if (books === 'all') return filter;
    if (books.length === 1) {
      // One book: an equality the (address_book_id, updated_at) index serves, order included.
      const clause = `c.address_book_id = ${this.mark(filter.params.length + 1)}`;
      return { where: filter.where ? `${filter.where} AND ${clause}` : `WHERE ${clause}`, params: [...filter.params, books[0]] };
    }
    // SQLite: `+` keeps the book index out of it, so the page is read in date order (a
    // filter on the way) instead of sorting every contact of the books.
    const clause = this.postgres
      ? `c.address_book_id = ANY(${this.mark(filter.params.length + 1)}::int[])`
      : `+c.address_book_id IN (SELECT value FROM json_each(?))`;
    const value = this.postgres ? books : JSON.stringify(books);
    return { where: filter.where ? `${filter.where} AND ${clause}` : `WHERE ${clause}`, params: [...filter.params, value] };
  }

  /**
   * Unindexed terms: a WHERE clause over contacts `c` matching names, full name, email,
   * phone, organization and the other emails' and phones' values, case-insensitively.
   */
  private searchFilter(search: string): { where: string; params: unknown[] } {
    // Both sides lower-cased by the database itself, so its notion of case applies to both.
    const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const p = `lower(${this.mark(1)})`;
    const like = (expression: string) => `lower(${expression}) LIKE ${p} ESCAPE '\\'`;
    const plain = ['c.first_name', 'c.last_name', `c.first_name || ' ' || c.last_name`, 'c.email', 'c.phone', 'c.organization'].map(like);
    if (this.postgres) {
      // Served by the pg_trgm GIN index on this exact expression (migration "richer contacts");
      // the per-field test then drops rows where the match spans two fields.
      const lists = ['contacts_list_values(c.other_emails)', 'contacts_list_values(c.other_phones)'].map(like);
      return {
        where: `WHERE ${like(`c.first_name || ' ' || c.last_name || ' ' || c.email || ' ' || c.phone || ' ' || c.organization
          || ' ' || contacts_list_values(c.other_emails) || ' ' || contacts_list_values(c.other_phones)`)} AND (${[...plain, ...lists].join(' OR ')})`,
        params: [pattern],
      };
    }
    const listed = (column: string) =>
      `EXISTS (SELECT 1 FROM json_each(${column}) e WHERE ${like(`CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.value') END`)})`;
    const tests = [...plain, listed('c.other_emails'), listed('c.other_phones')];
    // better-sqlite3 binds `?` one value each, left to right.
    return { where: `WHERE (${tests.join(' OR ')})`, params: Array(tests.length).fill(pattern) };
  }

  /** The n-th parameter: numbered on PostgreSQL (one value may serve several places), `?` on SQLite. */
  private mark(n: number): string {
    return this.postgres ? `$${n}` : '?';
  }
}
