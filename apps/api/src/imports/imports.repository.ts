import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldErrors, ImportStatus } from '@contacts/wire-types';
import { DatabaseReader } from '../database/database-reader.js';
import { ImportJobEntity, ImportSkipEntity } from './import-job.entity.js';

/** What one card did to its job's counters. */
export type CardOutcome =
  | { kind: 'created' | 'updated' }
  | { kind: 'skipped'; name: string; errors: FieldErrors };

/** The longest name kept for a skipped card (the column's width). */
const SKIP_NAME_MAX = 200;

/**
 * All SQL about `imports` and `import_skips`. The job's writes go through the caller's
 * write transaction and are conditional on the runner that owns the job and on the card
 * being the next one, so a card is counted once whoever resumed the job; reads go to the
 * reader (committed state only).
 */
@Injectable()
export class ImportsRepository {
  private readonly dataSource: DataSource;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
  }

  async insert(manager: EntityManager, job: ImportJobEntity): Promise<void> {
    await manager.insert(ImportJobEntity, job);
  }

  findById(id: string): Promise<ImportJobEntity | null> {
    return this.dataSource.manager.findOneBy(ImportJobEntity, { id });
  }

  /** The job's skipped cards, in file order. */
  async skipsOf(id: string): Promise<Array<{ index: number; name: string; errors: FieldErrors }>> {
    const rows = await this.dataSource.manager.find(ImportSkipEntity, { where: { import_id: id }, order: { idx: 'ASC' } });
    return rows.map((row) => ({ index: Number(row.idx), name: row.name, errors: JSON.parse(row.errors) as FieldErrors }));
  }

  /** Jobs not finished yet, oldest first (what a process resumes when it starts). */
  running(): Promise<ImportJobEntity[]> {
    return this.dataSource.manager.find(ImportJobEntity, { where: { status: 'running' }, order: { created_at: 'ASC' } });
  }

  /** `runner` takes the job over if it is still running; false when it is not (finished, or gone). */
  async claim(manager: EntityManager, id: string, runner: string): Promise<ImportJobEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(ImportJobEntity)
      .set({ runner })
      .where('id = :id AND status = :status', { id, status: 'running' })
      .execute();
    if (!result.affected) return null;
    return manager.findOneBy(ImportJobEntity, { id });
  }

  async setTotal(manager: EntityManager, id: string, runner: string, total: number): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ImportJobEntity)
      .set({ total })
      .where('id = :id AND runner = :runner AND status = :status', { id, runner, status: 'running' })
      .execute();
    return Boolean(result.affected);
  }

  /**
   * Counts card `index` (inside the card's own write transaction): only if `runner` still
   * owns the job and this is the next card, so false means "not yours to count" and the
   * caller rolls the card back.
   */
  async recordCard(manager: EntityManager, id: string, runner: string, index: number, outcome: CardOutcome): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ImportJobEntity)
      .set({
        processed: () => 'processed + 1',
        ...(outcome.kind === 'created' && { created: () => 'created + 1' }),
        ...(outcome.kind === 'updated' && { updated: () => 'updated + 1' }),
      })
      .where('id = :id AND runner = :runner AND status = :status AND processed = :index', { id, runner, status: 'running', index })
      .execute();
    if (!result.affected) return false;
    if (outcome.kind === 'skipped') {
      await manager.insert(ImportSkipEntity, {
        import_id: id,
        idx: index,
        name: [...outcome.name].slice(0, SKIP_NAME_MAX).join(''),
        errors: JSON.stringify(outcome.errors),
      });
    }
    return true;
  }

  async finish(manager: EntityManager, id: string, runner: string, status: Exclude<ImportStatus, 'running'>, error: string | null, at: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ImportJobEntity)
      .set({ status, error, finished_at: at, runner: null })
      .where('id = :id AND runner = :runner AND status = :running', { id, runner, running: 'running' })
      .execute();
    return Boolean(result.affected);
  }
}
