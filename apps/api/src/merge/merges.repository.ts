import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Editor } from '@contacts/wire-types';
import { DatabaseReader } from '../database/database-reader.js';
import { parameterMark, parameterMarks } from '../database/parameter-marks.js';

/** A merge as stored: what was merged into whom, when and by whom, and whether it was undone. */
export interface MergeRow {
  id: number;
  address_book_id: number;
  survivor_id: number;
  survivor_version_id: number;
  merged_at: string;
  merged_by_id: number | null;
  merged_by_name: string | null;
  undone_at: string | null;
  undone_by_id: number | null;
  undone_by_name: string | null;
}

/**
 * One contact of a merge: the survivor with its version from before the merge, or a
 * merged-away contact (in request order) with its deletion version, which holds its fields.
 */
export interface MergeMember {
  contact_id: number;
  role: 'survivor' | 'other';
  position: number;
  restore_version_id: number;
}

export type MergeWithMembers = MergeRow & { members: MergeMember[] };

export interface NewMerge {
  address_book_id: number;
  survivor_id: number;
  survivor_version_id: number;
  merged_at: string;
  merged_by: Editor | null;
  members: MergeMember[];
}

const MERGE_COLUMNS = `m.id, m.address_book_id, m.survivor_id, m.survivor_version_id, m.merged_at, m.merged_by_id, m.merged_by_name,
  m.undone_at, m.undone_by_id, m.undone_by_name`;

/**
 * All SQL about `merges` and `merge_contacts`. Writes take the write transaction's manager
 * (a merge is recorded in the transaction that makes it); reads outside one go to the reader.
 */
@Injectable()
export class MergesRepository {
  private readonly dataSource: DataSource;
  private readonly mark = (n: number) => parameterMark(this.postgres, n);
  private readonly marks = (count: number) => parameterMarks(this.postgres, count);
  private readonly postgres: boolean;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
    this.postgres = this.dataSource.options.type === 'postgres';
  }

  async insert(manager: EntityManager, merge: NewMerge): Promise<number> {
    const [row] = (await manager.query(
      `INSERT INTO merges (address_book_id, survivor_id, survivor_version_id, merged_at, merged_by_id, merged_by_name)
        VALUES (${this.marks(6)}) RETURNING id`,
      [merge.address_book_id, merge.survivor_id, merge.survivor_version_id, merge.merged_at, merge.merged_by?.id ?? null, merge.merged_by?.name ?? null],
    )) as Array<{ id: number }>;
    const id = Number(row.id);
    for (const member of merge.members) {
      await manager.query(`INSERT INTO merge_contacts (merge_id, contact_id, role, position, restore_version_id) VALUES (${this.marks(5)})`, [
        id,
        member.contact_id,
        member.role,
        member.position,
        member.restore_version_id,
      ]);
    }
    return id;
  }

  async findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<MergeWithMembers | null> {
    const rows = (await manager.query(`SELECT ${MERGE_COLUMNS} FROM merges m WHERE m.id = ${this.mark(1)}`, [id])) as MergeRow[];
    if (rows.length === 0) return null;
    const [merge] = await this.withMembers(rows.map(normalised), manager);
    return merge;
  }

  async markUndone(manager: EntityManager, id: number, at: string, by: Editor | null): Promise<void> {
    await manager.query(`UPDATE merges SET undone_at = ${this.mark(1)}, undone_by_id = ${this.mark(2)}, undone_by_name = ${this.mark(3)} WHERE id = ${this.mark(4)}`, [
      at,
      by?.id ?? null,
      by?.name ?? null,
      id,
    ]);
  }

  /** The merge, not undone, that took this contact away into another (null when there is none). */
  async mergedAwayBy(contactId: number, manager: EntityManager): Promise<MergeRow | null> {
    const rows = (await manager.query(
      `SELECT ${MERGE_COLUMNS} FROM merges m JOIN merge_contacts c ON c.merge_id = m.id
        WHERE c.contact_id = ${this.mark(1)} AND c.role = 'other' AND m.undone_at IS NULL ORDER BY m.id DESC LIMIT 1`,
      [contactId],
    )) as MergeRow[];
    return rows.length > 0 ? normalised(rows[0]) : null;
  }

  /** Newest first: the merges of these books (all: no filter), those a contact took part in when given. */
  async list(books: number[] | 'all', contactId: number | undefined, limit: number): Promise<MergeWithMembers[]> {
    if (books !== 'all' && books.length === 0) return [];
    const params: unknown[] = [];
    const where: string[] = [];
    if (contactId !== undefined) {
      params.push(contactId);
      where.push(`m.id IN (SELECT merge_id FROM merge_contacts WHERE contact_id = ${this.mark(params.length)})`);
    }
    if (books !== 'all') {
      params.push(this.postgres ? books : JSON.stringify(books));
      where.push(this.postgres ? `m.address_book_id = ANY(${this.mark(params.length)}::int[])` : `m.address_book_id IN (SELECT value FROM json_each(?))`);
    }
    params.push(limit);
    const rows = (await this.dataSource.query(
      `SELECT ${MERGE_COLUMNS} FROM merges m ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.id DESC LIMIT ${this.mark(params.length)}`,
      params,
    )) as MergeRow[];
    return this.withMembers(rows.map(normalised), this.dataSource.manager);
  }

  /** The merges with their members, read in one query for all of them. */
  private async withMembers(merges: MergeRow[], manager: EntityManager): Promise<MergeWithMembers[]> {
    if (merges.length === 0) return [];
    const ids = merges.map((merge) => merge.id);
    const rows = (await manager.query(
      `SELECT merge_id, contact_id, role, position, restore_version_id FROM merge_contacts WHERE ${this.inList('merge_id')} ORDER BY merge_id, position`,
      [this.postgres ? ids : JSON.stringify(ids)],
    )) as Array<MergeMember & { merge_id: number }>;
    const members = new Map<number, MergeMember[]>(ids.map((id) => [id, []]));
    for (const m of rows) {
      members.get(Number(m.merge_id))?.push({ contact_id: Number(m.contact_id), role: m.role, position: Number(m.position), restore_version_id: Number(m.restore_version_id) });
    }
    return merges.map((merge) => ({ ...merge, members: members.get(merge.id) ?? [] }));
  }

  /** `column` is one of the ids bound as the first parameter (an int array on PostgreSQL, JSON on SQLite). */
  private inList(column: string): string {
    return this.postgres ? `${column} = ANY($1::int[])` : `${column} IN (SELECT value FROM json_each(?))`;
  }
}

/** Integers as numbers (PostgreSQL's driver may give strings for some). */
function normalised(row: MergeRow): MergeRow {
  const orNull = (value: number | null) => (value === null || value === undefined ? null : Number(value));
  return {
    ...row,
    id: Number(row.id),
    address_book_id: Number(row.address_book_id),
    survivor_id: Number(row.survivor_id),
    survivor_version_id: Number(row.survivor_version_id),
    merged_by_id: orNull(row.merged_by_id),
    undone_by_id: orNull(row.undone_by_id),
  };
}
