import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An account. The schema comes from the migrations ("accounts"). */
@Entity('users')
// Case-insensitive uniqueness is an expression index; the entity diff must not drop it.
@Index('users_email_lower_unique', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** scrypt, self-describing (parameters and salt inside); never leaves the server. */
  @Column({ type: 'varchar', length: 300 })
  password_hash!: string;

  @Column({ type: 'boolean' })
  is_admin!: boolean;

  @Column({ type: 'varchar', length: 24 })
  created_at!: string;
}
