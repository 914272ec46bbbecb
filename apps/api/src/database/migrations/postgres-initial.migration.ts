import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PostgresInitial1764100000000 implements MigrationInterface {
  name = 'PostgresInitial1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE contacts (
      id SERIAL PRIMARY KEY,
      first_name VARCHAR(100) NOT NULL,
      last_name VARCHAR(100) NOT NULL,
      email VARCHAR(254) NOT NULL,
      phone VARCHAR(30) NOT NULL,
      created_at VARCHAR(24) NOT NULL,
      updated_at VARCHAR(24) NOT NULL)`);
    await db.query(`CREATE UNIQUE INDEX contacts_email_lower_unique ON contacts (lower(email))`);
    await db.query(`CREATE INDEX contacts_updated_at ON contacts (updated_at DESC, id DESC)`);
    await db.query(`CREATE TABLE contact_versions (
      id SERIAL PRIMARY KEY,
      contact_id INTEGER NOT NULL,
      first_name VARCHAR(100) NOT NULL,
      last_name VARCHAR(100) NOT NULL,
      email VARCHAR(254) NOT NULL,
      phone VARCHAR(30) NOT NULL,
      edited_at VARCHAR(24) NOT NULL,
      edited_reason VARCHAR(20) NOT NULL,
      contact_created_at VARCHAR(24) NOT NULL)`);
    await db.query(`CREATE INDEX contact_versions_contact ON contact_versions (contact_id, id)`);
    await db.query(`CREATE FUNCTION contact_versions_immutable() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'contact versions are immutable'; END $$ LANGUAGE plpgsql`);
    await db.query(`CREATE TRIGGER contact_versions_no_change BEFORE UPDATE OR DELETE ON contact_versions
      FOR EACH ROW EXECUTE FUNCTION contact_versions_immutable()`);
    await db.query(`CREATE TABLE email_reservations (
      email_key VARCHAR(254) PRIMARY KEY,
      owner VARCHAR(64) NOT NULL,
      expires_at BIGINT NOT NULL)`);
    await db.query(`CREATE TABLE idempotency_keys (
      key VARCHAR(255) PRIMARY KEY,
      fingerprint VARCHAR(64) NOT NULL,
      state VARCHAR(10) NOT NULL,
      status_code INTEGER,
      body TEXT,
      created_at BIGINT NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['idempotency_keys', 'email_reservations', 'contact_versions', 'contacts']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await db.query(`DROP FUNCTION IF EXISTS contact_versions_immutable()`);
  }
}
