import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { ContactVersionEntity } from './contact-version.entity.js';

/** A version and the book of the one before it (null for a contact's first). */
export interface VersionWithPreviousBook {
  version: ContactVersionEntity;
  previousBook: number | null;
}

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

  latestOf(contactId: number, manager: EntityManager = this.dataSource.manager): Promise<ContactVersionEntity | null> {
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

  async lastSeq(): Promise<number> {
    const row = await this.dataSource.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .select('MAX(v.id)', 'seq')
      .getRawOne<{ seq: number | null }>();
    return Number(row?.seq ?? 0);
  }

  /** Contacts whose latest version is `deleted` and that have not come back: newest deletion first. */
  async deletedPage(offset: number, limit: number, books: number[] | 'all'): Promise<{ count: number; rows: ContactVersionEntity[] }> {
    if (books !== 'all' && books.length === 0) return { count: 0, rows: [] };
    const latestDeletion = this.dataSource.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .where("v.edited_reason = 'deleted'")
      .andWhere('v.id = (SELECT MAX(l.id) FROM contact_versions l WHERE l.contact_id = v.contact_id)')
      .andWhere('NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = v.contact_id)');
    if (books !== 'all') latestDeletion.andWhere('v.address_book_id IN (:...books)', { books });
    const [rows, count] = await Promise.all([
      latestDeletion.clone().orderBy('v.id', 'DESC').offset(offset).limit(limit).getMany(),
      latestDeletion.getCount(),
    ]);
    return { count, rows };
  }
}
