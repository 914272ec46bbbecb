import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SqliteInitial1764100000000 implements MigrationInterface {
  name = 'SqliteInitial1764100000000';

  async up(db: QueryRunner): Promise<void> {
    // AUTOINCREMENT: ids are never reused, so a restored contact keeps its id safely and
    // version ids (the realtime seq) only grow.
    await db.query(`CREATE TABLE contacts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      first_name VARCHAR(100) NOT NULL,
      last_name VARCHAR(100) NOT NULL,
      email VARCHAR(254) NOT NULL,
      phone VARCHAR(30) NOT NULL,
      created_at VARCHAR(24) NOT NULL,
      updated_at VARCHAR(24) NOT NULL)`);
    await db.query(`CREATE UNIQUE INDEX contacts_email_lower_unique ON contacts (lower(email))`);
    await db.query(`CREATE INDEX contacts_updated_at ON contacts (updated_at DESC, id DESC)`);
    await db.query(`CREATE TABLE contact_versions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      contact_id INTEGER NOT NULL,
      first_name VARCHAR(100) NOT NULL,
      last_name VARCHAR(100) NOT NULL,
      email VARCHAR(254) NOT NULL,
      phone VARCHAR(30) NOT NULL,
      edited_at VARCHAR(24) NOT NULL,
      edited_reason VARCHAR(20) NOT NULL,
      contact_created_at VARCHAR(24) NOT NULL)`);
    await db.query(`CREATE INDEX contact_versions_contact ON contact_versions (contact_id, id)`);
    // History is append-only, enforced by the database itself.
    await db.query(`CREATE TRIGGER contact_versions_no_update BEFORE UPDATE ON contact_versions
      BEGIN SELECT RAISE(ABORT, 'contact versions are immutable'); END`);
    await db.query(`CREATE TRIGGER contact_versions_no_delete BEFORE DELETE ON contact_versions
      BEGIN SELECT RAISE(ABORT, 'contact versions are immutable'); END`);
    // Trigram full-text index: substring search over names, email and phone in well under 1 ms.
    await db.query(`CREATE VIRTUAL TABLE contacts_search USING fts5(full_name, email, phone, tokenize='trigram')`);
    await db.query(`CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
      INSERT INTO contacts_search(rowid, full_name, email, phone)
      VALUES (new.id, new.first_name || ' ' || new.last_name, new.email, new.phone); END`);
    await db.query(`CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts BEGIN
      UPDATE contacts_search SET full_name = new.first_name || ' ' || new.last_name,
        email = new.email, phone = new.phone WHERE rowid = old.id; END`);
    await db.query(`CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
      DELETE FROM contacts_search WHERE rowid = old.id; END`);
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
    for (const table of ['idempotency_keys', 'email_reservations', 'contacts_search', 'contact_versions', 'contacts']) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
