import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A book of contacts. `owner_id` is null only for AUTH=none's shared book before any account exists. */
@Entity('address_books')
export class AddressBookEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'integer', nullable: true })
  owner_id!: number | null;

  @Column({ type: 'varchar', length: 24 })
  created_at!: string;
}
