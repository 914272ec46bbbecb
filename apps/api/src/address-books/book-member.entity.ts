import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BookRole } from '@contacts/wire-types';

/** Who may use a book, and how. The owner has a row too (role `owner`), so one lookup gives every role. */
@Entity('address_book_members')
export class BookMemberEntity {
  @PrimaryColumn({ type: 'integer' })
  address_book_id!: number;

  @PrimaryColumn({ type: 'integer' })
  user_id!: number;

  @Column({ type: 'varchar', length: 10 })
  role!: BookRole;

  @Column({ type: 'varchar', length: 24 })
  created_at!: string;
}
