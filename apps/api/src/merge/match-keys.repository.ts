import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { parameterMark } from '../database/parameter-marks.js';
import type { MatchKind } from './match-keys.js';

/** A contact whose keys are to be (re)computed, with the columns they come from; `address_book_id` null when it is gone. */
export interface StaleContactRow {
  contact_id: number;
  address_book_id: number | null;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  other_emails: string;
  other_phones: string;
}

export interface MatchKeyRow {
  address_book_id: number;
  kind: MatchKind;
  match_key: string;
  contact_id: number;
}

/** Contacts sharing one key in one book. */
export interface KeyBucketRow {
  address_book_id: number;
  kind: MatchKind;
  key: string;
  ids: number[];
}

/** Key rows per INSERT statement: bind parameters stay far below SQLite's and PostgreSQL's limits. */
const INSERT_BATCH = 200;

/**
 * All SQL about the duplicate index: `contact_match_keys` (book, kind, key → contact) and
 * `contact_match_stale`, the contacts the database's triggers marked as changed. The
 * refresh reads the stale contacts' matched columns and writes their keys in one write
 * transaction, so no change slips between the read and the write.
 */
@Injectable()
export class MatchKeysRepository {
  private readonly dataSource: DataSource;
  private readonly mark = (n: number) => parameterMark(this.postgres, n);
  private readonly postgres: boolean;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
    this.postgres = this.dataSource.options.type === 'postgres';
  }

  /** Whether any contact waits for its keys (a read of committed state). */
  async anyStale(): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 AS stale FROM contact_match_stale LIMIT 1')) as unknown[];
    return rows.length > 0;
  }

  /** Up to `limit` stale contacts, lowest id first, as the transaction sees them. */
  async staleBatch(manager: EntityManager, limit: number): Promise<StaleContactRow[]> {
    const rows = (await manager.query(
      `SELECT s.contact_id, c.address_book_id, c.first_name, c.last_name, c.email, c.phone, c.other_emails, c.other_phones
        FROM contact_match_stale s LEFT JOIN contacts c ON c.id = s.contact_id ORDER BY s.contact_id LIMIT ${this.mark(1)}`,
      [limit],
    )) as StaleContactRow[];
    return rows.map((row) => ({
      ...row,
      contact_id: Number(row.contact_id),
      address_book_id: row.address_book_id === null || row.address_book_id === undefined ? null : Number(row.address_book_id),
    }));
  }

  /** These contacts' keys become `keys` (all of theirs), and they are no longer stale. */
  async replaceKeys(manager: EntityManager, contactIds: number[], keys: MatchKeyRow[]): Promise<void> {
    if (contactIds.length === 0) return;
    const ids = this.postgres ? contactIds : JSON.stringify(contactIds);
    const inIds = this.postgres ? 'contact_id = ANY($1::int[])' : 'contact_id IN (SELECT value FROM json_each(?))';
    await manager.query(`DELETE FROM contact_match_keys WHERE ${inIds}`, [ids]);
    for (let start = 0; start < keys.length; start += INSERT_BATCH) {
      const batch = keys.slice(start, start + INSERT_BATCH);
      const values = batch.map((_, i) => `(${[1, 2, 3, 4].map((n) => this.mark(i * 4 + n)).join(', ')})`).join(', ');
      // A contact's keys are distinct; the conflict clause only guards against a row left by a writer outside this path.
      await manager.query(
        `INSERT INTO contact_match_keys (address_book_id, kind, match_key, contact_id) VALUES ${values} ON CONFLICT DO NOTHING`,
        batch.flatMap((key) => [key.address_book_id, key.kind, key.match_key, key.contact_id]),
      );
    }
    await manager.query(`DELETE FROM contact_match_stale WHERE ${inIds}`, [ids]);
  }

  /**
   * The keys shared by 2 to `maxSize` contacts of a book (all books: `all`), with their
   * contacts: one walk of the (book, kind, key) primary key per book.
   */
  async buckets(books: number[] | 'all', maxSize: number): Promise<KeyBucketRow[]> {
    const ids = this.postgres ? `string_agg(contact_id::text, ',' ORDER BY contact_id)` : `group_concat(contact_id)`;
    const select = `SELECT address_book_id, kind, match_key, ${ids} AS ids FROM contact_match_keys`;
    const having = `GROUP BY address_book_id, kind, match_key HAVING COUNT(*) BETWEEN 2 AND`;
    const queries =
      books === 'all'
        ? [this.dataSource.query(`${select} ${having} ${this.mark(1)}`, [maxSize])]
        : books.map((book) => this.dataSource.query(`${select} WHERE address_book_id = ${this.mark(1)} ${having} ${this.mark(2)}`, [book, maxSize]));
    const rows = (await Promise.all(queries)).flat() as Array<{ address_book_id: number; kind: MatchKind; match_key: string; ids: string }>;
    return rows.map((row) => ({
      address_book_id: Number(row.address_book_id),
      kind: row.kind,
      key: row.match_key,
      ids: String(row.ids).split(',').map(Number).sort((a, b) => a - b),
    }));
  }
}
