import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { parameterMark } from '../database/parameter-marks.js';
import { sqliteStatement } from '../database/sqlite-statements.js';
import type { DetailColumns } from '../history/contact-columns.js';
import { ContactEntity } from './contact.entity.js';
import { LIST_COLUMNS as COLUMNS, STORED_COLUMNS } from './contact-select-columns.js';

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
/** The columns an update may set (all but the id); anything else in its changes is ignored. */
const UPDATABLE = INSERTABLE.filter((column): column is Exclude<(typeof INSERTABLE)[number], 'id'> => column !== 'id');

/**
 * The SQL about single contacts: the rows a write reads and writes, and lookups by id, uid
 * or email. Writes, and the reads a write transaction makes, take the transaction's
 * manager; every other read goes to the reader (committed rows only). Lists and walks of
 * many contacts are ContactPagesRepository's.
 */
@Injectable()
export class ContactsRepository {
  private readonly postgres: boolean;
  private readonly dataSource: DataSource;
  private readonly mark = (n: number) => parameterMark(this.postgres, n);

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
    this.postgres = this.dataSource.options.type === 'postgres';
  }

  /** Every write reads its contact first (and a PATCH once more before, on the reader): on SQLite a prepared statement. */
  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    const statement = sqliteStatement(manager, `SELECT ${COLUMNS} FROM contacts c WHERE c.id = ?`);
    if (statement) return Promise.resolve((statement.get(id) as ContactEntity | undefined) ?? null);
    return manager.findOneBy(ContactEntity, { id });
  }

  /** The row with its `vcard_extra`. */
  findStored(id: number, manager: EntityManager = this.dataSource.manager): Promise<ContactEntity | null> {
    const statement = sqliteStatement(manager, `SELECT ${STORED_COLUMNS} FROM contacts c WHERE c.id = ?`);
    if (statement) return Promise.resolve((statement.get(id) as ContactEntity | undefined) ?? null);
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
    const except = exceptId === undefined ? '' : ' AND c.id <> ?';
    const statement = sqliteStatement(manager, `SELECT c.id FROM contacts c WHERE c.address_book_id = ? AND lower(c.email) = lower(?)${except}`);
    if (statement) {
      const owner = statement.get(book, email, ...(exceptId === undefined ? [] : [exceptId])) as { id: number } | undefined;
      return owner ? Number(owner.id) : null;
    }
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
   * Plain SQL naming only the columns given, so the others take the database's defaults
   * (a new uid among them); a restore gives its id (TypeORM would write DEFAULT for a
   * generated column on PostgreSQL). Returns the new row's id.
   */
  async insert(manager: EntityManager, row: NewContactRow): Promise<number> {
    const columns = INSERTABLE.filter((column) => row[column] !== undefined);
    const marks = columns.map((_, i) => this.mark(i + 1)).join(', ');
    const sql = `INSERT INTO contacts (${columns.join(', ')}) VALUES (${marks}) RETURNING id`;
    const values = columns.map((column) => row[column]);
    const statement = sqliteStatement(manager, sql);
    const [inserted] = (statement ? [statement.get(...values)] : await manager.query(sql, values)) as Array<{ id: number }>;
    return Number(inserted.id);
  }

  /** Sets the columns given (on SQLite one prepared statement per set of columns). */
  async update(manager: EntityManager, id: number, changes: Partial<ContactColumns> & { updated_at: string }): Promise<void> {
    const columns = UPDATABLE.filter((column) => changes[column] !== undefined);
    const statement = sqliteStatement(manager, `UPDATE contacts SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`);
    if (statement) statement.run(...columns.map((column) => changes[column]), id);
    else await manager.update(ContactEntity, { id }, changes);
  }

  /** Whether another contact of `book` has this uid. */
  async uidTaken(book: number, uid: string, exceptId: number | undefined, manager: EntityManager): Promise<boolean> {
    const except = exceptId === undefined ? '' : ' AND c.id <> ?';
    const statement = sqliteStatement(manager, `SELECT 1 AS taken FROM contacts c WHERE c.address_book_id = ? AND c.uid = ?${except}`);
    if (statement) return statement.get(book, uid, ...(exceptId === undefined ? [] : [exceptId])) !== undefined;
    const query = manager
      .createQueryBuilder(ContactEntity, 'c')
      .select('c.id', 'id')
      .where('c.address_book_id = :book', { book })
      .andWhere('c.uid = :uid', { uid });
    if (exceptId !== undefined) query.andWhere('c.id <> :exceptId', { exceptId });
    return (await query.getRawOne()) !== undefined;
  }

  async remove(manager: EntityManager, id: number): Promise<void> {
    const statement = sqliteStatement(manager, 'DELETE FROM contacts WHERE id = ?');
    if (statement) statement.run(id);
    else await manager.delete(ContactEntity, { id });
  }

  /** The ids of a book's contacts (deleting a book deletes each of them through the write path). */
  async idsInBook(book: number): Promise<number[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM contacts WHERE address_book_id = ${this.mark(1)} ORDER BY id`, [book])) as Array<{ id: number }>;
    return rows.map((row) => Number(row.id));
  }
}
