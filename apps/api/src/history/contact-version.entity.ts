import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EditedReason, EditedVia } from '@contacts/wire-types';

export type VersionOperation = 'insert' | 'update' | 'delete';

/**
 * An immutable snapshot written in the same transaction as the mutation it records, by
 * the database's triggers on `contacts` (the one writer of versions, so a change made
 * outside the server is recorded too). `contact_id` is deliberately not a foreign key:
 * history outlives the contact. Its id is the realtime `seq`.
 */
@Entity('contact_versions')
export class ContactVersionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  contact_id!: number;

  /** The book the contact was in after this change: history, the feed and realtime are scoped by it. */
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
  edited_at!: string;

  @Column({ type: 'varchar', length: 20 })
  edited_reason!: EditedReason;

  /** The row change this version records: a reason such as `merged` is a deletion for one contact and an update for another. */
  @Column({ type: 'varchar', length: 6, default: 'update' })
  operation!: VersionOperation;

  /** The contact's created_at, so the change feed can rebuild the full contact. */
  @Column({ type: 'varchar', length: 24 })
  contact_created_at!: string;

  @Column({ type: 'varchar', length: 20 })
  edited_via!: EditedVia;

  /** The editor's account id and name as they were at the change; null without an account. */
  @Column({ type: 'integer', nullable: true })
  edited_by_id!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  edited_by_name!: string | null;

  // The details as the contact had them (history/contact-columns.ts reads them).
  @Column({ type: 'varchar', length: 200, default: '' })
  organization!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  job_title!: string;

  @Column({ type: 'text', default: '' })
  notes!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  birthday!: string | null;

  @Column({ type: 'text', default: '[]' })
  other_emails!: string;

  @Column({ type: 'text', default: '[]' })
  other_phones!: string;

  @Column({ type: 'text', default: '[]' })
  addresses!: string;

  /** The contact's vCard UID; null on versions written before the column existed. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  uid!: string | null;

  /** The unmodelled vCard properties; only loaded where asked for (revert, restore: VersionLog.vcardExtraOf). */
  @Column({ type: 'text', default: '', select: false })
  vcard_extra?: string;
}
