import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Editor } from '@contacts/wire-types';
import { DatabaseReader } from '../database/database-reader.js';
import { parameterMark, parameterMarks } from '../database/parameter-marks.js';

/** A dismissal as stored, with the contacts of the group it was made for. */
export interface DismissalRow {
  id: number;
  address_book_id: number;
  dismissed_at: string;
  dismissed_by_id: number | null;
  dismissed_by_name: string | null;
  contacts: number[];
}

/** The newest dismissals a list answers with. */
const LIST_LIMIT = 200;

/**
 * All SQL about `duplicate_dismissals` and their pairs (each pair once, lower id first).
 * Writes take the write transaction's manager; reads go to the reader.
 */
@Injectable()
export class DismissalsRepository {
  private readonly dataSource: DataSource;
  private readonly mark = (n: number) => parameterMark(this.postgres, n);
  private readonly marks = (count: number) => parameterMarks(this.postgres, count);
  private readonly postgres: boolean;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
    this.postgres = this.dataSource.options.type === 'postgres';
  }

  async insert(manager: EntityManager, book: number, contacts: number[], at: string, by: Editor | null): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO duplicate_dismissals (address_book_id, dismissed_at, dismissed_by_id, dismissed_by_name) VALUES (${this.marks(4)}) RETURNING id`,
      [book, at, by?.id ?? null, by?.name ?? null],
    )) as Array<{ id: number }>;
    const id = Number(row.id);
    const ids = [...contacts].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        await manager.query(`INSERT INTO duplicate_dismissal_pairs (dismissal_id, address_book_id, low_id, high_id) VALUES (${this.marks(4)})`, [id, book, ids[i], ids[j]]);
      }
    }
    return id;
  }

  async remove(manager: EntityManager, id: number): Promise<void> {
    await manager.query(`DELETE FROM duplicate_dismissal_pairs WHERE dismissal_id = ${this.mark(1)}`, [id]);
    await manager.query(`DELETE FROM duplicate_dismissals WHERE id = ${this.mark(1)}`, [id]);
  }

  async findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<DismissalRow | null> {
    const rows = await this.rows(`WHERE d.id = ${this.mark(1)}`, [id], manager);
    return rows[0] ?? null;
  }

  /** Newest first, in these books (all: every book). */
  list(books: number[] | 'all'): Promise<DismissalRow[]> {
    if (books !== 'all' && books.length === 0) return Promise.resolve([]);
    if (books === 'all') return this.rows('', [], this.dataSource.manager, LIST_LIMIT);
    const where = this.postgres ? 'WHERE d.address_book_id = ANY($1::int[])' : 'WHERE d.address_book_id IN (SELECT value FROM json_each(?))';
    return this.rows(where, [this.postgres ? books : JSON.stringify(books)], this.dataSource.manager, LIST_LIMIT);
  }

  /** Every dismissed pair of these books, as `low:high` keys (a few per dismissal, so few). */
  async pairs(books: number[] | 'all'): Promise<Set<string>> {
    if (books !== 'all' && books.length === 0) return new Set();
    const where =
      books === 'all' ? '' : this.postgres ? 'WHERE address_book_id = ANY($1::int[])' : 'WHERE address_book_id IN (SELECT value FROM json_each(?))';
    const params = books === 'all' ? [] : [this.postgres ? books : JSON.stringify(books)];
    const rows = (await this.dataSource.query(`SELECT low_id, high_id FROM duplicate_dismissal_pairs ${where}`, params)) as Array<{ low_id: number; high_id: number }>;
    return new Set(rows.map((row) => `${Number(row.low_id)}:${Number(row.high_id)}`));
  }

  private async rows(where: string, params: unknown[], manager: EntityManager, limit?: number): Promise<DismissalRow[]> {
    const rows = (await manager.query(
      `SELECT d.id, d.address_book_id, d.dismissed_at, d.dismissed_by_id, d.dismissed_by_name FROM duplicate_dismissals d ${where}
        ORDER BY d.id DESC${limit === undefined ? '' : ` LIMIT ${Number(limit)}`}`,
      params,
    )) as Array<Omit<DismissalRow, 'contacts'>>;
    if (rows.length === 0) return [];
    const ids = rows.map((row) => Number(row.id));
    const inIds = this.postgres ? 'dismissal_id = ANY($1::int[])' : 'dismissal_id IN (SELECT value FROM json_each(?))';
    const pairs = (await manager.query(`SELECT dismissal_id, low_id, high_id FROM duplicate_dismissal_pairs WHERE ${inIds}`, [
      this.postgres ? ids : JSON.stringify(ids),
    ])) as Array<{ dismissal_id: number; low_id: number; high_id: number }>;
    const contacts = new Map<number, Set<number>>(ids.map((id) => [id, new Set()]));
    for (const pair of pairs) {
      const set = contacts.get(Number(pair.dismissal_id));
      set?.add(Number(pair.low_id));
      set?.add(Number(pair.high_id));
    }
    return rows.map((row) => ({
      ...row,
      id: Number(row.id),
      address_book_id: Number(row.address_book_id),
      dismissed_by_id: row.dismissed_by_id === null ? null : Number(row.dismissed_by_id),
      contacts: [...(contacts.get(Number(row.id)) ?? [])].sort((a, b) => a - b),
    }));
  }
}
