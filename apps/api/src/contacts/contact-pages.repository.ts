import { Injectable, Optional } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { parameterMark } from '../database/parameter-marks.js';
import { DataVersion } from '../database/data-version.js';
import type { ContactEntity } from './contact.entity.js';
import { LIST_COLUMNS as COLUMNS, STORED_COLUMNS } from './contact-select-columns.js';
import { ContactSearchRepository } from './contact-search.repository.js';
import { PageSignposts } from './page-signposts.js';
import type { ListKey, PageWindow } from './page-window.js';

export interface ContactPageQuery {
  search: string;
  /** The books to list (what the caller may read, or the one asked for); `all` = no filter. */
  books: number[] | 'all';
  window: PageWindow;
}

type KeysetWindow = Extract<PageWindow, { kind: 'keyset' }>;

/** Up to this many books, a page over several books may merge per-book index walks (severalBooksPage). */
const MERGED_BOOKS = 32;
/** Books holding at least 1/DENSE_SHARE of all contacts are read through the date index. */
const DENSE_SHARE = 4;

/**
 * The SQL that reads many contacts: the list's pages (by number or by key, searched or
 * not), the exact counts, and the export's walk in id order. Every read goes to the reader
 * (committed rows only).
 */
@Injectable()
export class ContactPagesRepository {
  private readonly sqlite: boolean;
  private readonly postgres: boolean;
  private readonly dataSource: DataSource;
  private readonly mark = (n: number) => parameterMark(this.postgres, n);

  /** SQLite: where deep pages by number start reading (null elsewhere). */
  readonly signposts: PageSignposts | null;

  constructor(
    reader: DatabaseReader,
    private readonly contactSearch: ContactSearchRepository,
    @Optional() dataVersion?: DataVersion,
  ) {
    this.dataSource = reader.dataSource;
    this.sqlite = this.dataSource.options.type === 'better-sqlite3';
    this.postgres = this.dataSource.options.type === 'postgres';
    this.signposts = this.sqlite && dataVersion ? new PageSignposts(() => dataVersion.current(), (scope, after, stride) => this.keyPast(scope, after, stride)) : null;
  }

  /**
   * The list is the hottest path: plain SQL, so every call reuses cached statements. The
   * count of an unsearched list is read from the counts the database keeps per book
   * (address_book_contact_counts), never counted; a page by number reads its ids from the
   * covering date index before it reads any row (a deferred join), from whichever end of
   * the list is nearer; a page by key seeks straight to its place.
   */
  async page({ search, books, window }: ContactPageQuery): Promise<{ count: number; rows: ContactEntity[] }> {
    if (books !== 'all' && books.length === 0) return { count: 0, rows: [] };
    if (search) return this.contactSearch.page(search, books, window);
    const count = await this.countIn(books);
    if (count === 0 || (window.kind === 'offset' && window.offset >= count)) return { count, rows: [] };
    if (window.kind === 'keyset') return { count, rows: await this.keysetRows(books, window) };
    if (this.sqlite && books !== 'all' && books.length > 1 && books.length <= MERGED_BOOKS) {
      return { count, rows: await this.severalBooksPage(books, count, window.offset, window.limit) };
    }
    const { where, params } = this.inBooks({ where: '', params: [] }, books);
    const post = books === 'all' || books.length === 1 ? this.signposts?.nearest(scopeOf(books), window.offset) : null;
    if (post) {
      // From the signpost before the page: an index walk of less than a stride.
      const after = `(c.updated_at, c.id) < (${this.mark(params.length + 1)}, ${this.mark(params.length + 2)})`;
      const rows = (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM contacts c WHERE c.id IN (SELECT c.id FROM contacts c ${where ? `${where} AND ${after}` : `WHERE ${after}`}
          ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?) ORDER BY c.updated_at DESC, c.id DESC`,
        [...params, post.key.updated_at, post.key.id, window.limit, window.offset - post.position],
      )) as ContactEntity[];
      return { count, rows };
    }
    // Past the middle, the same rows counted from the oldest end: an index walk of at most half the list.
    const fromEnd = window.offset + window.limit / 2 > count / 2;
    const limit = fromEnd ? Math.min(window.limit, count - window.offset) : window.limit;
    const offset = fromEnd ? count - window.offset - limit : window.offset;
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM contacts c WHERE c.id IN (SELECT c.id FROM contacts c ${where}
        ORDER BY ${fromEnd ? 'c.updated_at ASC, c.id ASC' : 'c.updated_at DESC, c.id DESC'}
        LIMIT ${this.mark(params.length + 1)} OFFSET ${this.mark(params.length + 2)}) ORDER BY c.updated_at DESC, c.id DESC`,
      [...params, limit, offset],
    )) as ContactEntity[];
    return { count, rows };
  }

  /** SQLite: the key of the row `stride` rows past `after` in list order (from the top when null) in `scope` (`*` or a book id), for PageSignposts. */
  private async keyPast(scope: string, after: ListKey | null, stride: number): Promise<ListKey | null> {
    const clauses = [scope === '*' ? '' : 'c.address_book_id = ?', after ? '(c.updated_at, c.id) < (?, ?)' : ''].filter(Boolean);
    const [row] = (await this.dataSource.query(
      `SELECT c.updated_at, c.id FROM contacts c ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
        ORDER BY c.updated_at DESC, c.id DESC LIMIT 1 OFFSET ?`,
      [...(scope === '*' ? [] : [Number(scope)]), ...(after ? [after.updated_at, after.id] : []), stride - 1],
    )) as Array<{ updated_at: string; id: number }>;
    return row ? { updated_at: row.updated_at, id: Number(row.id) } : null;
  }

  /** How many contacts `books` hold, exactly, from the counts the triggers keep. */
  async countIn(books: number[] | 'all'): Promise<number> {
    if (books !== 'all' && books.length === 0) return 0;
    const [row] = (books === 'all'
      ? await this.dataSource.query('SELECT coalesce(sum(contacts), 0) AS n FROM address_book_contact_counts')
      : books.length === 1
        ? await this.dataSource.query(`SELECT contacts AS n FROM address_book_contact_counts WHERE address_book_id = ${this.mark(1)}`, [books[0]])
        : this.postgres
          ? await this.dataSource.query('SELECT coalesce(sum(contacts), 0) AS n FROM address_book_contact_counts WHERE address_book_id = ANY($1::int[])', [books])
          : await this.dataSource.query(
              'SELECT coalesce(sum(contacts), 0) AS n FROM address_book_contact_counts WHERE address_book_id IN (SELECT value FROM json_each(?))',
              [JSON.stringify(books)],
            )) as Array<{ n: number | string }>;
    return Number(row?.n ?? 0);
  }

  /**
   * A keyset window of `books`, unsearched: an index seek to the key, then `limit` rows.
   * Several books (SQLite) merge each book's own `limit` rows past the key, so a page costs
   * the same at any depth and whatever share of the table the books hold.
   */
  private async keysetRows(books: number[] | 'all', window: KeysetWindow): Promise<ContactEntity[]> {
    let rows: ContactEntity[];
    if (this.sqlite && books !== 'all' && books.length > 1 && books.length <= MERGED_BOOKS) {
      const key = this.keyOf(window, 0);
      const perBook = `SELECT * FROM (SELECT ${COLUMNS} FROM contacts c WHERE c.address_book_id = ?${key.where ? ` AND ${key.where}` : ''} ORDER BY ${key.order} LIMIT ?)`;
      rows = (await this.dataSource.query(
        `SELECT * FROM (${books.map(() => perBook).join(' UNION ALL ')}) ORDER BY ${key.order.replace(/c\./g, '')} LIMIT ?`,
        [...books.flatMap((book) => [book, ...key.params, window.limit]), window.limit],
      )) as ContactEntity[];
    } else {
      const filter = this.inBooks({ where: '', params: [] }, books);
      const key = this.keyOf(window, filter.params.length + 1);
      const clauses = [filter.where.replace(/^WHERE /, ''), key.where].filter(Boolean);
      rows = (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM contacts c ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY ${key.order} LIMIT ${this.mark(filter.params.length + key.params.length + 1)}`,
        [...filter.params, ...key.params, window.limit],
      )) as ContactEntity[];
    }
    return window.reverse ? rows.reverse() : rows;
  }

  /**
   * The key's condition on contacts `c` (parameters numbered from `at`) and the order to
   * read in: list order going forward, its opposite going back (the caller reverses).
   */
  private keyOf(window: KeysetWindow, at: number): { where: string; params: unknown[]; order: string } {
    const order = window.reverse ? 'c.updated_at ASC, c.id ASC' : 'c.updated_at DESC, c.id DESC';
    if (!window.after) return { where: '', params: [], order };
    return {
      where: `(c.updated_at, c.id) ${window.reverse ? '>' : '<'} (${this.mark(at)}, ${this.mark(at + 1)})`,
      params: [window.after.updated_at, window.after.id],
      order,
    };
  }

  /**
   * One batch of a walk in id order (keyset: the ids after `afterId`), with `vcard_extra`:
   * the export's reads. A search matches as the list's does (ContactSearchRepository).
   */
  async batchAfter(afterId: number, limit: number, books: number[] | 'all', search: string): Promise<ContactEntity[]> {
    if (books !== 'all' && books.length === 0) return [];
    if (search) return this.contactSearch.batchAfter(afterId, limit, books, search);
    const { where, params } = this.inBooks({ where: '', params: [] }, books);
    const after = `c.id > ${this.mark(params.length + 1)}`;
    return (await this.dataSource.query(
      `SELECT ${STORED_COLUMNS} FROM contacts c ${where ? `${where} AND ${after}` : `WHERE ${after}`} ORDER BY c.id LIMIT ${this.mark(params.length + 2)}`,
      [...params, afterId, limit],
    )) as ContactEntity[];
  }

  /**
   * A page over several books, newest first, by position. When the books hold a good share
   * of all contacts, the date index is walked with the books as a filter (a page costs
   * about its depth); when they are a small corner of a big table, each book's own newest
   * `offset + limit` keys are read from the (address_book_id, updated_at, id) index alone
   * and merged, and only the page's rows are read, instead of walking past everyone
   * else's. (One IN over the book index would make SQLite sort every contact of those
   * books for each page.)
   */
  private async severalBooksPage(books: number[], count: number, offset: number, limit: number): Promise<ContactEntity[]> {
    // The highest id bounds the table's size at no cost (ids only grow).
    const [{ top }] = (await this.dataSource.query('SELECT coalesce(max(id), 0) AS top FROM contacts')) as Array<{ top: number }>;
    if (count * DENSE_SHARE >= Number(top)) {
      return (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM contacts c WHERE +c.address_book_id IN (SELECT value FROM json_each(?))
          ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?`,
        [JSON.stringify(books), limit, offset],
      )) as ContactEntity[];
    }
    const perBook = 'SELECT * FROM (SELECT id, updated_at FROM contacts WHERE address_book_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?)';
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM contacts c WHERE c.id IN (
        SELECT id FROM (${books.map(() => perBook).join(' UNION ALL ')}) ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?)
        ORDER BY c.updated_at DESC, c.id DESC`,
      [...books.flatMap((book) => [book, offset + limit]), limit, offset],
    )) as ContactEntity[];
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
}

/** The signposts' name for a list of all contacts (`*`) or of one book. */
function scopeOf(books: number[] | 'all'): string {
  return books === 'all' ? '*' : String(books[0]);
}
