import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queue jobs already applied: written in the mutation's transaction, so a retried job is a
 * no-op. Plain SQL that SQLite and PostgreSQL read alike: one migration for both.
 */
export class AppliedJobs1764300000000 implements MigrationInterface {
  name = 'AppliedJobs1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE applied_jobs (
      job_key VARCHAR(255) PRIMARY KEY,
      applied_at VARCHAR(24) NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS applied_jobs`);
  }
}
