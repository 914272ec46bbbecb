import type { EntityManager } from 'typeorm';
import { ContactEntity } from '../contacts/contact.entity.js';
import { takeWriteLock } from '../database/write-transactions.js';
import { ContactVersionEntity } from '../history/contact-version.entity.js';

/** The seed command's SQL, inside its one transaction (`manager`). */
export class SeedRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The write lock every writer takes first (as WriteTransactions does): ids and seqs are then this batch's alone. */
  async lockWrites(): Promise<void> {
    await takeWriteLock(this.manager);
  }

  async lastSeq(): Promise<number> {
    const row = await this.manager.createQueryBuilder(ContactVersionEntity, 'v').select('COALESCE(MAX(v.id), 0)', 'max').getRawOne<{ max: number | string }>();
    return Number(row?.max ?? 0);
  }

  /** One multi-row INSERT; the database's triggers write each row's `created` version. */
  async insertContacts(rows: Array<Omit<ContactEntity, 'id'>>): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(ContactEntity).values(rows).execute();
  }

  /** Up to `limit` versions with seq in (after, upTo], oldest first. */
  versionsBetween(after: number, upTo: number, limit: number): Promise<ContactVersionEntity[]> {
    return this.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .where('v.id > :after AND v.id <= :upTo', { after, upTo })
      .orderBy('v.id', 'ASC')
      .limit(limit)
      .getMany();
  }
}
