import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import jobs (contract Part 2, "vCard and CSV"): one row per upload, its counters
 * written in the same transaction as each card, so a restart resumes exactly after the
 * last card that committed; and the cards it left out, with their reasons.
 *
 * `caller` says whom the job acts as when it resumes without a request ("open",
 * "service", "session:<id>", "token:<id>"); `runner` is the process that owns it now
 * (a resuming process takes it over, and a card commits only for the owner).
 */
export class SqliteImports1764610000000 implements MigrationInterface {
  name = 'SqliteImports1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE imports (
      id VARCHAR(36) PRIMARY KEY,
      user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
      caller VARCHAR(100) NOT NULL,
      address_book_id INTEGER NOT NULL REFERENCES address_books(id) ON DELETE CASCADE,
      format VARCHAR(5) NOT NULL CHECK (format IN ('vcard', 'csv')),
      on_duplicate VARCHAR(6) NOT NULL CHECK (on_duplicate IN ('skip', 'update')),
      status VARCHAR(7) NOT NULL CHECK (status IN ('running', 'done', 'failed')),
      total INTEGER CHECK (total >= 0),
      processed INTEGER NOT NULL DEFAULT 0 CHECK (processed >= 0),
      created INTEGER NOT NULL DEFAULT 0 CHECK (created >= 0),
      updated INTEGER NOT NULL DEFAULT 0 CHECK (updated >= 0),
      file_path VARCHAR(1000) NOT NULL,
      runner VARCHAR(36),
      error TEXT,
      created_at VARCHAR(24) NOT NULL,
      finished_at VARCHAR(24))`);
    await db.query(`CREATE INDEX imports_running ON imports (status) WHERE status = 'running'`);
    await db.query(`CREATE INDEX imports_user ON imports (user_id)`);
    await db.query(`CREATE TABLE import_skips (
      import_id VARCHAR(36) NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
      idx INTEGER NOT NULL CHECK (idx >= 0),
      name VARCHAR(200) NOT NULL,
      errors TEXT NOT NULL CHECK (json_valid(errors) AND json_type(errors) = 'object'),
      PRIMARY KEY (import_id, idx))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS import_skips`);
    await db.query(`DROP TABLE IF EXISTS imports`);
  }
}
