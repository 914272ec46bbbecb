import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ImportFormat, ImportStatus, OnDuplicate } from '@contacts/wire-types';

/**
 * An import job (migration "imports"). Its counters move in the same transaction as each
 * card they count, so after a crash `processed` is exactly the number of cards done.
 */
@Entity('imports')
export class ImportJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The importing account; null for AUTH=none and the service token. */
  @Column({ type: 'integer', nullable: true })
  user_id!: number | null;

  /** Whom the job acts as when it resumes without a request (see import-caller.ts). */
  @Column({ type: 'varchar', length: 100 })
  caller!: string;

  @Column({ type: 'integer' })
  address_book_id!: number;

  @Column({ type: 'varchar', length: 5 })
  format!: ImportFormat;

  @Column({ type: 'varchar', length: 6 })
  on_duplicate!: OnDuplicate;

  @Column({ type: 'varchar', length: 7 })
  status!: ImportStatus;

  /** Cards in the file; null until they are counted. */
  @Column({ type: 'integer', nullable: true })
  total!: number | null;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  /** The spooled upload, removed when the job ends. */
  @Column({ type: 'varchar', length: 1000 })
  file_path!: string;

  /** The process running it now; a card commits only while this is still that process. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  runner!: string | null;

  /** Why a failed job stopped (for the logs and operators; not on the wire). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', length: 24 })
  created_at!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  finished_at!: string | null;
}

/** A card an import left out: its position in the file, its name, and the field errors. */
@Entity('import_skips')
export class ImportSkipEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  import_id!: string;

  @PrimaryColumn({ type: 'integer' })
  idx!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** FieldErrors as JSON text. */
  @Column({ type: 'text' })
  errors!: string;
}
