import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Substring search on PostgreSQL: a pg_trgm GIN index over the lower-cased concatenation
 * of the searchable fields (the repository filters on exactly this expression, then
 * re-checks each field so a match never spans two fields). Without the extension (no
 * privilege to create it) search still works, as a sequential ILIKE-style scan.
 */
export class PostgresSearch1764200000000 implements MigrationInterface {
  name = 'PostgresSearch1764200000000';

  async up(db: QueryRunner): Promise<void> {
    // A failed CREATE EXTENSION would abort the migration transaction: contain it.
    await db.query('SAVEPOINT pg_trgm_extension');
    try {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await db.query('RELEASE SAVEPOINT pg_trgm_extension');
    } catch {
      await db.query('ROLLBACK TO SAVEPOINT pg_trgm_extension');
      return;
    }
    await db.query(`CREATE INDEX contacts_search_trgm ON contacts
      USING gin ((lower(first_name || ' ' || last_name || ' ' || email || ' ' || phone)) gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The extension stays: other databases objects may use it.
    await db.query('DROP INDEX IF EXISTS contacts_search_trgm');
  }
}
