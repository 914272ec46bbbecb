import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import jobs and the cards they left out: see SqliteImports for the shape. The same
 * tables, with `errors` as text holding a JSON object (read and written by the server only).
 */
export class PostgresImports1764610000000 implements MigrationInterface {
  name = 'PostgresImports1764610000000';

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
      errors TEXT NOT NULL CHECK (json_typeof(errors::json) = 'object'),
      PRIMARY KEY (import_id, idx))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS import_skips`);
    await db.query(`DROP TABLE IF EXISTS imports`);
  }
}
