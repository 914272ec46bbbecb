import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SQLITE_RANDOM_UUID } from '../database/migrations/sqlite-richer-contacts.migration.js';

/**
 * A live contact. The details, `uid` and `vcard_extra` (migration "richer contacts") have
 * database defaults, so an insert may leave them out (the seed does); read back, they are
 * always there. The lists are JSON text (history/contact-columns.ts reads and writes them).
 * `vcard_extra` — the card's properties the model does not hold, possibly large (photos) —
 * is only loaded where asked for (the vCard export, revert and restore). Timestamps are ISO-8601 UTC strings: they sort as text, and read the
 * same from SQLite and PostgreSQL. The schema itself comes from migrations.
 */
@Entity('contacts')
// Case-insensitive uniqueness per book is an expression index; the entity diff must not drop it.
@Index('contacts_book_email_unique', { synchronize: false })
@Index('contacts_book_uid_unique', { synchronize: false })
export class ContactEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** The address book it lives in (migration "accounts": book 1 holds what existed before). */
  @Column({ type: 'integer' })
  address_book_id!: number;

  @Column({ type: 'varchar', length: 100 })
  first_name!: string;

  @Column({ type: 'varchar', length: 100 })
  last_name!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 30 })
  phone!: string;

  @Column({ type: 'varchar', length: 24 })
  created_at!: string;

  @Column({ type: 'varchar', length: 24 })
  updated_at!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  organization?: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  job_title?: string;

  @Column({ type: 'text', default: '' })
  notes?: string;

  /** `1815-12-10` or `--12-10`. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  birthday?: string | null;

  @Column({ type: 'text', default: '[]' })
  other_emails?: string;

  @Column({ type: 'text', default: '[]' })
  other_phones?: string;

  @Column({ type: 'text', default: '[]' })
  addresses?: string;

  /** The vCard UID, unique per book; the database draws a random UUID when none is given (the default is for TypeORM's SQLite inserts). */
  @Column({ type: 'varchar', length: 255, default: () => SQLITE_RANDOM_UUID })
  uid?: string;

  @Column({ type: 'text', default: '', select: false })
  vcard_extra?: string;
}
