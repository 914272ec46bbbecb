import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EditedReason } from '@contacts/wire-types';

/**
 * An immutable snapshot written in the same transaction as the mutation it records.
 * `contact_id` is deliberately not a foreign key: history outlives the contact.
 * Its id is the realtime `seq`.
 */
@Entity('contact_versions')
export class ContactVersionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  contact_id!: number;

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

  /** The contact's created_at, so the change feed can rebuild the full contact. */
  @Column({ type: 'varchar', length: 24 })
  contact_created_at!: string;
}
