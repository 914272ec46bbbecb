import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A personal API token. Only its SHA-256 (hex) is kept; the secret is shown once. */
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  user_id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 64 })
  token_hash!: string;

  @Column({ type: 'varchar', length: 24 })
  created_at!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  last_used_at!: string | null;
}
