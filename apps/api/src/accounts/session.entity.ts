import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in browser. `id` is the SHA-256 (hex) of the cookie's secret, never the secret. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'integer' })
  user_id!: number;

  @Column({ type: 'varchar', length: 24 })
  created_at!: string;

  /** Sessions unused for SESSION_IDLE_DAYS end; refreshed at most once a minute per replica. */
  @Column({ type: 'varchar', length: 24 })
  last_seen_at!: string;
}
