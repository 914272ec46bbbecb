import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EditedReason } from '@contacts/wire-types';
import type { ContactEntity } from '../contacts/contact.entity.js';
import { ContactVersionEntity } from './contact-version.entity.js';

/** All SQL about the append-only history table. */
@Injectable()
export class VersionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the snapshot of `contact` as it is after the mutation; its id is the event's seq. */
  async append(manager: EntityManager, contact: ContactEntity, reason: EditedReason, editedAt: string): Promise<ContactVersionEntity> {
    const row: Omit<ContactVersionEntity, 'id'> = {
      contact_id: contact.id,
      first_name: contact.first_name,
      last_name: contact.last_name,
      email: contact.email,
      phone: contact.phone,
      edited_at: editedAt,
      edited_reason: reason,
      contact_created_at: contact.created_at,
    };
    const result = await manager.insert(ContactVersionEntity, row);
    return { ...row, id: Number(result.identifiers[0]?.id) };
  }

  forContact(contactId: number): Promise<ContactVersionEntity[]> {
    return this.dataSource.manager.find(ContactVersionEntity, { where: { contact_id: contactId }, order: { id: 'DESC' } });
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<ContactVersionEntity | null> {
    return manager.findOneBy(ContactVersionEntity, { id });
  }

  latestOf(contactId: number, manager: EntityManager = this.dataSource.manager): Promise<ContactVersionEntity | null> {
    return manager.findOne(ContactVersionEntity, { where: { contact_id: contactId }, order: { id: 'DESC' } });
  }

  /** Versions after `seq`, oldest first: the catch-up feed. */
  since(seq: number, limit: number): Promise<ContactVersionEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .where('v.id > :seq', { seq })
      .orderBy('v.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  async lastSeq(): Promise<number> {
    const row = await this.dataSource.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .select('MAX(v.id)', 'seq')
      .getRawOne<{ seq: number | null }>();
    return Number(row?.seq ?? 0);
  }

  /** Contacts whose latest version is `deleted` and that have not come back: newest deletion first. */
  async deletedPage(offset: number, limit: number): Promise<{ count: number; rows: ContactVersionEntity[] }> {
    const latestDeletion = this.dataSource.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .where("v.edited_reason = 'deleted'")
      .andWhere('v.id = (SELECT MAX(l.id) FROM contact_versions l WHERE l.contact_id = v.contact_id)')
      .andWhere('NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = v.contact_id)');
    const [rows, count] = await Promise.all([
      latestDeletion.clone().orderBy('v.id', 'DESC').offset(offset).limit(limit).getMany(),
      latestDeletion.getCount(),
    ]);
    return { count, rows };
  }
}
