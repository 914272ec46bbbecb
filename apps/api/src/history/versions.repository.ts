import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { ContactVersionEntity } from './contact-version.entity.js';

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

  latestOf(contactId: number, manager: EntityManager = this.dataSource.manager): Promise<ContactVersionEntity | null> {
    return manager.findOne(ContactVersionEntity, { where: { contact_id: contactId }, order: { id: 'DESC' } });
  }

  /** Versions after `seq` (up to `upTo` when given), oldest first, in `books`: the catch-up feed. */
  since(seq: number, limit: number, books: number[] | 'all' = 'all', upTo?: number): Promise<ContactVersionEntity[]> {
    const query = this.dataSource.manager.createQueryBuilder(ContactVersionEntity, 'v').where('v.id > :seq', { seq });
    if (upTo !== undefined) query.andWhere('v.id <= :upTo', { upTo });
    if (books !== 'all') query.andWhere('v.address_book_id IN (:...books)', { books });
    return query.orderBy('v.id', 'ASC').limit(limit).getMany();
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
