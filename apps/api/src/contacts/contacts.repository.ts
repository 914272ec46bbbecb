import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ContactFields } from '@contacts/wire-types';
import { DatabaseReader } from '../database/database-reader.js';
import { ContactEntity } from './contact.entity.js';

export interface ContactPageQuery {
  search: string;
  offset: number;
  limit: number;
  /** The books to list (what the caller may read, or the one asked for); `all` = no filter. */
  books: number[] | 'all';
}

const COLUMNS = 'c.id, c.address_book_id, c.first_name, c.last_name, c.email, c.phone, c.created_at, c.updated_at';

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

  async insert(manager: EntityManager, row: Omit<ContactEntity, 'id'> & { id?: number }): Promise<ContactEntity> {
    if (row.id !== undefined) {
      // A restore keeps its id. TypeORM drops a value given for a generated column on
      // PostgreSQL (it writes DEFAULT, a new id), so this one is plain SQL.
      const columns = ['id', 'address_book_id', 'first_name', 'last_name', 'email', 'phone', 'created_at', 'updated_at'] as const;
      const marks = columns.map((_, i) => (this.postgres ? `$${i + 1}` : '?')).join(', ');
      await manager.query(`INSERT INTO contacts (${columns.join(', ')}) VALUES (${marks})`, columns.map((c) => row[c]));
      return { ...row, id: row.id };
    }
    const result = await manager.insert(ContactEntity, row);
    const id = row.id ?? Number(result.identifiers[0]?.id);
    return { ...row, id };
  }

  async update(manager: EntityManager, id: number, changes: Partial<ContactFields> & { address_book_id?: number; updated_at: string }): Promise<void> {
    await manager.update(ContactEntity, { id }, changes);
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

  /** Unindexed terms: a WHERE clause over contacts `c` matching names, full name, email and phone, case-insensitively. */
  private searchFilter(search: string): { where: string; params: unknown[] } {
    // Both sides lower-cased by the database itself, so its notion of case applies to both.
    const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const p = `lower(${this.mark(1)})`;
    const perField = `(lower(c.first_name) LIKE ${p} ESCAPE '\\' OR lower(c.last_name) LIKE ${p} ESCAPE '\\'
        OR lower(c.first_name || ' ' || c.last_name) LIKE ${p} ESCAPE '\\'
        OR lower(c.email) LIKE ${p} ESCAPE '\\' OR lower(c.phone) LIKE ${p} ESCAPE '\\')`;
    if (this.postgres) {
      // Served by the pg_trgm GIN index on this exact expression (postgres-search migration);
      // the per-field test then drops rows where the match spans two fields.
      return {
        where: `WHERE lower(c.first_name || ' ' || c.last_name || ' ' || c.email || ' ' || c.phone) LIKE ${p} ESCAPE '\\' AND ${perField}`,
        params: [pattern],
      };
    }
    // better-sqlite3 binds `?` one value each, left to right.
    return { where: `WHERE ${perField}`, params: Array(5).fill(pattern) };
  }

  /** The n-th parameter: numbered on PostgreSQL (one value may serve several places), `?` on SQLite. */
  private mark(n: number): string {
    return this.postgres ? `$${n}` : '?';
  }
}
