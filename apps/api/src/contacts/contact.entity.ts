import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A live contact. Timestamps are ISO-8601 UTC strings: they sort as text, and read the
 * same from SQLite and PostgreSQL. The schema itself comes from migrations.
 */
@Entity('contacts')
// Case-insensitive uniqueness per book is an expression index; the entity diff must not drop it.
@Index('contacts_book_email_unique', { synchronize: false })
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
}
