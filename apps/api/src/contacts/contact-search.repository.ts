import { Injectable, Optional } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { DataVersion } from '../database/data-version.js';
import { ContactEntity } from './contact.entity.js';
import { LIST_COLUMNS as COLUMNS, STORED_COLUMNS } from './contact-select-columns.js';
import type { ListKey, PageWindow } from './page-window.js';
import { SearchCountCache } from './search-count-cache.js';

/** Terms of at least this many characters match anywhere (trigrams); shorter ones match the start of a word. */
export const MIN_SUBSTRING_TERM = 3;

/** A letter or a digit, as SQLite's unicode61 tokenizer and PostgreSQL's [[:alnum:]] see them (private-use characters count, as in unicode61). */
const WORD_CHARACTER = /[\p{L}\p{N}\p{Co}]/gu;

/**
 * What a search term asks for: a substring of a field (three characters or more), the
 * start of a word (one or two: every contact holds some two-letter substring of "ab",
 * few a word beginning with it), or nothing at all (a short term with no letter or digit).
 */
export type SearchTerm = { kind: 'substring'; text: string } | { kind: 'word-start'; prefix: string } | { kind: 'nothing' };

/** How a (trimmed) search term is matched; lengths count characters, not UTF-16 units. */
export function searchTermOf(search: string): SearchTerm {
  if ([...search].length >= MIN_SUBSTRING_TERM) return { kind: 'substring', text: search };
  const prefix = (search.match(WORD_CHARACTER) ?? []).join('');
  return prefix ? { kind: 'word-start', prefix } : { kind: 'nothing' };
}

/** An FTS5 query for `text` as one literal phrase (quotes doubled), optionally as a prefix. */
export function ftsPhrase(text: string, prefix = false): string {
  return `"${text.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
}

/**
 * Which way to read a page of matches on SQLite. `matches`: let the full-text index list
 * them, read each row by id and sort (a row read per match). `date-order`: collect the
 * matching ids once (in SQLite, no row read), then walk the list's own date index from the
 * window's start keeping the rows among them (about depth × table / matches index entries).
 * The cheaper estimate wins, so a broad term never sorts its matches and a rare one never
 * walks the table.
 */
export function pageReadOf(matches: number, table: number, depth: number): 'matches' | 'date-order' {
  const walked = (depth * Math.max(table, matches)) / Math.max(matches, 1);
  return walked < ROW_READ_COST * matches ? 'date-order' : 'matches';
}

/**
 * A row read by id costs about this many date-index entries walked (or ids collected).
 * (A full-text probe per walked row would not do: each seeks every segment of the index,
 * and a prefix query's cost grows with their number by orders of magnitude.)
 */
const ROW_READ_COST = 8;

type Books = number[] | 'all';
type Where = { clauses: string[]; params: unknown[] };

/**
 * All search SQL. SQLite: terms of three characters or more through the trigram index
 * (`contacts_search`), shorter ones through the word-prefix index (`contacts_words`,
 * migration SqliteSearchPrefixes); counts are the index's own, never ids carried into
 * JavaScript. PostgreSQL: a filter the planner serves from the pg_trgm or the
 * word-prefix GIN index. Reads go to the reader (committed rows only).
 */
@Injectable()
export class ContactSearchRepository {
  private readonly sqlite: boolean;
  private readonly dataSource: DataSource;
  private readonly counts = new SearchCountCache();

  constructor(
    reader: DatabaseReader,
    @Optional() private readonly dataVersion?: DataVersion,
  ) {
    this.dataSource = reader.dataSource;
    this.sqlite = this.dataSource.options.type === 'better-sqlite3';
  }

  /** The contacts of `books` matching `search` (non-empty, trimmed): the exact count and the window's rows, in list order. */
  async page(search: string, books: Books, window: PageWindow): Promise<{ count: number; rows: ContactEntity[] }> {
    const term = searchTermOf(search);
    if (term.kind === 'nothing' || (books !== 'all' && books.length === 0)) return { count: 0, rows: [] };
    return this.sqlite ? this.indexedPage(term, books, window) : this.filteredPage(term, books, window);
  }

  /**
   * One batch of the export's walk over the matches, in id order after `afterId`, with
   * `vcard_extra`. On SQLite the full-text index drives, in rowid order.
   */
  async batchAfter(afterId: number, limit: number, books: Books, search: string): Promise<ContactEntity[]> {
    const term = searchTermOf(search);
    if (term.kind === 'nothing' || (books !== 'all' && books.length === 0)) return [];
    if (this.sqlite) {
      const { table, query } = ftsMatch(term);
      const inBooks = books === 'all' ? '' : 'AND c.address_book_id IN (SELECT value FROM json_each(?))';
      // CROSS JOIN: the index drives, in rowid order, from where the last batch ended.
      return (await this.dataSource.query(
        `SELECT ${STORED_COLUMNS} FROM ${table} s CROSS JOIN contacts c ON c.id = s.rowid
          WHERE ${table} MATCH ? AND s.rowid > ? ${inBooks} ORDER BY s.rowid LIMIT ?`,
        [query, afterId, ...(books === 'all' ? [] : [JSON.stringify(books)]), limit],
      )) as ContactEntity[];
    }
    const where = this.postgresFilter(term, books);
    where.clauses.push(`c.id > $${where.params.push(afterId)}`);
    return (await this.dataSource.query(
      `SELECT ${STORED_COLUMNS} FROM contacts c WHERE ${where.clauses.join(' AND ')} ORDER BY c.id LIMIT $${where.params.push(limit)}`,
      where.params,
    )) as ContactEntity[];
  }

  /** SQLite: count with the index alone when `books` hold every contact, else joined to the rows' books; then the cheaper read of the page. */
  private async indexedPage(term: Exclude<SearchTerm, { kind: 'nothing' }>, books: Books, window: PageWindow): Promise<{ count: number; rows: ContactEntity[] }> {
    const { table, query } = ftsMatch(term);
    const scope = books === 'all' || (await this.holdEveryContact(books)) ? 'all' : books;
    const count = await this.countOf(table, query, scope);
    if (count === 0 || (window.kind === 'offset' && window.offset >= count)) return { count, rows: [] };

    const [{ top }] = (await this.dataSource.query('SELECT coalesce(max(id), 0) AS top FROM contacts')) as Array<{ top: number }>;
    const depth = window.kind === 'offset' ? window.offset + window.limit : window.limit;
    const reverse = window.kind === 'keyset' && window.reverse;
    const where: Where = { clauses: [], params: [] };
    if (window.kind === 'keyset' && window.after) keyCondition(where, window.after, reverse);
    const order = `ORDER BY c.updated_at ${reverse ? 'ASC' : 'DESC'}, c.id ${reverse ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`;
    const slice = [window.limit, window.kind === 'offset' ? window.offset : 0];

    let rows: ContactEntity[];
    if (pageReadOf(count, Number(top), depth) === 'matches') {
      if (scope !== 'all') {
        where.clauses.push('c.address_book_id IN (SELECT value FROM json_each(?))');
        where.params.push(JSON.stringify(scope));
      }
      rows = (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM ${table} s CROSS JOIN contacts c ON c.id = s.rowid
          WHERE ${[`${table} MATCH ?`, ...where.clauses].join(' AND ')} ${order}`,
        [query, ...where.params, ...slice],
      )) as ContactEntity[];
    } else {
      const inBooks: Where = { clauses: [], params: [] };
      if (scope !== 'all' && scope.length === 1) {
        // One book: its (address_book_id, updated_at) index gives the order.
        inBooks.clauses.push('c.address_book_id = ?');
        inBooks.params.push(scope[0]);
      } else if (scope !== 'all') {
        // `+`: the date index drives, the books are a filter on the way.
        inBooks.clauses.push('+c.address_book_id IN (SELECT value FROM json_each(?))');
        inBooks.params.push(JSON.stringify(scope));
      }
      // Each walked row is checked on its own values when that is exactly what the index
      // matches (asciiSubstringOf): the walk then costs what it walks, however many rows
      // match. Otherwise (`+`) the ids are a set to test each walked row against, built once.
      const own = term.kind === 'substring' ? asciiSubstringOf(term.text) : null;
      const clauses = [...inBooks.clauses, ...where.clauses, own ? own.clause : `+c.id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`];
      rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM contacts c WHERE ${clauses.join(' AND ')} ${order}`, [
        ...inBooks.params,
        ...where.params,
        ...(own ? own.params : [query]),
        ...slice,
      ])) as ContactEntity[];
    }
    return { count, rows: reverse ? rows.reverse() : rows };
  }

  /**
   * The exact number of matches in `scope`: the index's own count (joined to the rows'
   * books unless they are all), reused until the database changes (SearchCountCache).
   */
  private async countOf(table: string, query: string, scope: Books): Promise<number> {
    const key = `${table}|${scope === 'all' ? '*' : scope.join(',')}|${query}`;
    // Read before counting: a commit while counting moves it, and the count is never reused.
    const version = this.dataVersion?.current() ?? null;
    const cached = this.counts.get(key, version);
    if (cached !== undefined) return cached;
    const [{ n }] = (scope === 'all'
      ? await this.dataSource.query(`SELECT count(*) AS n FROM ${table} WHERE ${table} MATCH ?`, [query])
      : await this.dataSource.query(
          `SELECT count(*) AS n FROM ${table} s CROSS JOIN contacts c ON c.id = s.rowid
            WHERE ${table} MATCH ? AND c.address_book_id IN (SELECT value FROM json_each(?))`,
          [query, JSON.stringify(scope)],
        )) as Array<{ n: number }>;
    const count = Number(n);
    this.counts.set(key, version, count);
    return count;
  }

  /**
   * Whether `books` hold every contact there is, so the index's own count is theirs: the
   * books that have contacts are listed from the book index one seek each, stopping at
   * the first one not asked for.
   */
  private async holdEveryContact(books: number[]): Promise<boolean> {
    const present = (await this.dataSource.query(
      `WITH RECURSIVE present(book) AS (
        SELECT min(address_book_id) FROM contacts
        UNION ALL SELECT (SELECT min(address_book_id) FROM contacts WHERE address_book_id > present.book) FROM present WHERE present.book IS NOT NULL
        LIMIT ?)
      SELECT book FROM present WHERE book IS NOT NULL`,
      [books.length + 2],
    )) as Array<{ book: number }>;
    const asked = new Set(books);
    return present.every(({ book }) => asked.has(Number(book)));
  }

  /** PostgreSQL: the filter, the count and the window's rows, as one plain WHERE each. */
  private async filteredPage(term: Exclude<SearchTerm, { kind: 'nothing' }>, books: Books, window: PageWindow): Promise<{ count: number; rows: ContactEntity[] }> {
    const filter = this.postgresFilter(term, books);
    const countQuery = this.dataSource.query(`SELECT COUNT(*) AS n FROM contacts c WHERE ${filter.clauses.join(' AND ')}`, filter.params) as Promise<
      Array<{ n: string | number }>
    >;
    const where: Where = { clauses: [...filter.clauses], params: [...filter.params] };
    const reverse = window.kind === 'keyset' && window.reverse;
    if (window.kind === 'keyset' && window.after) {
      const at = where.params.push(window.after.updated_at);
      const id = where.params.push(window.after.id);
      where.clauses.push(`(c.updated_at, c.id) ${reverse ? '>' : '<'} ($${at}, $${id})`);
    }
    const limit = where.params.push(window.limit);
    const offset = where.params.push(window.kind === 'offset' ? window.offset : 0);
    const direction = reverse ? 'ASC' : 'DESC';
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM contacts c WHERE ${where.clauses.join(' AND ')}
          ORDER BY c.updated_at ${direction}, c.id ${direction} LIMIT $${limit} OFFSET $${offset}`,
        where.params,
      ) as Promise<ContactEntity[]>,
      countQuery,
    ]);
    return { count: Number(n), rows: reverse ? rows.reverse() : rows };
  }

  /**
   * PostgreSQL's WHERE for a term over contacts `c`, in `books`. A word start: the
   * word-prefix GIN index's exact expression. A substring: the pg_trgm index's expression
   * (migration "richer contacts"), then each field again so a match never spans two.
   */
  private postgresFilter(term: Exclude<SearchTerm, { kind: 'nothing' }>, books: Books): Where {
    const where: Where = { clauses: [], params: [] };
    if (term.kind === 'word-start') {
      const p = where.params.push(term.prefix);
      where.clauses.push(
        `contacts_word_prefixes(c.first_name, c.last_name, c.organization, c.email, c.phone, c.other_emails, c.other_phones) @> ARRAY[lower($${p})]::text[]`,
      );
    } else {
      // Both sides lower-cased by the database itself, so its notion of case applies to both.
      const p = where.params.push(`%${term.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      const like = (expression: string) => `lower(${expression}) LIKE lower($${p}) ESCAPE '\\'`;
      const fields = ['c.first_name', 'c.last_name', `c.first_name || ' ' || c.last_name`, 'c.email', 'c.phone', 'c.organization',
        'contacts_list_values(c.other_emails)', 'contacts_list_values(c.other_phones)'].map(like);
      where.clauses.push(
        like(`c.first_name || ' ' || c.last_name || ' ' || c.email || ' ' || c.phone || ' ' || c.organization
          || ' ' || contacts_list_values(c.other_emails) || ' ' || contacts_list_values(c.other_phones)`),
        `(${fields.join(' OR ')})`,
      );
    }
    if (books !== 'all') where.clauses.push(`c.address_book_id = ANY($${where.params.push(books)}::int[])`);
    return where;
  }
}

/**
 * The columns of the trigram index (`contacts_search`) as its triggers fill them: the full
 * name, email, phone, organization, and the values of the other emails and phones, one per line.
 */
const SEARCHED_VALUES = [
  `c.first_name || ' ' || c.last_name`,
  'c.email',
  'c.phone',
  'c.organization',
  `(SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.value') END, char(10)) FROM json_each(c.other_emails))`,
  `(SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.value') END, char(10)) FROM json_each(c.other_phones))`,
];

/**
 * SQLite: a check of one row's own values that matches exactly what the trigram index
 * matches for `text`, when there is one — an ASCII term. The index folds case by Unicode;
 * for an ASCII term that is SQLite's lower() (ASCII only), since the one character outside
 * ASCII the index folds into it is the Kelvin sign (U+212A → k), replaced first.
 */
export function asciiSubstringOf(text: string): { clause: string; params: string[] } | null {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]+$/.test(text)) return null;
  const needle = text.toLowerCase();
  return {
    clause: `(${SEARCHED_VALUES.map((value) => `instr(lower(replace(${value}, char(8490), 'k')), ?) > 0`).join(' OR ')})`,
    params: SEARCHED_VALUES.map(() => needle),
  };
}

/** The SQLite full-text table serving a term, and its MATCH query. */
function ftsMatch(term: Exclude<SearchTerm, { kind: 'nothing' }>): { table: 'contacts_search' | 'contacts_words'; query: string } {
  return term.kind === 'word-start'
    ? { table: 'contacts_words', query: ftsPhrase(term.prefix, true) }
    : { table: 'contacts_search', query: ftsPhrase(term.text) };
}

/**
 * SQLite: the rows strictly after `after` in list order (before it when `reverse`). The
 * first column's bound alone is what the date index ranges on; the row value settles ties.
 */
function keyCondition(where: Where, after: ListKey, reverse: boolean): void {
  where.clauses.push(reverse ? 'c.updated_at >= ? AND (c.updated_at, c.id) > (?, ?)' : 'c.updated_at <= ? AND (c.updated_at, c.id) < (?, ?)');
  where.params.push(after.updated_at, after.updated_at, after.id);
}
