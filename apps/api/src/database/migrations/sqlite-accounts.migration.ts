import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SQLITE_NOW_ISO } from './sqlite-database-guards.migration.js';

const VERSION_COLUMNS =
  'contact_id, address_book_id, first_name, last_name, email, phone, edited_at, edited_reason, contact_created_at, edited_via, edited_by_id, edited_by_name';

const WITH_CONTEXT = 'FROM (SELECT 1) LEFT JOIN mutation_context m ON m.id = 1';

/**
 * Accounts, sessions, API tokens, address books and their members (contract Part 2).
 *
 * Every contact now lives in a book. Book 1, "Contacts", is made here with no owner and
 * holds every existing contact: it is AUTH=none's one shared book, and the first account
 * to sign up becomes its owner. Email is unique per book. Versions record the book the
 * contact was in after the change, so history, the change feed and realtime can be
 * scoped by book (also for contacts that are gone). The version triggers are re-made
 * with that column; everything else about them is as in SqliteDatabaseGuards.
 *
 * `contacts.address_book_id` has no REFERENCES clause: SQLite cannot add one with a
 * non-null default while foreign keys are on. The server checks the book; a direct
 * INSERT without a book lands in book 1 (the default).
 */
export class SqliteAccounts1764500000000 implements MigrationInterface {
  name = 'SqliteAccounts1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE users (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email VARCHAR(254) NOT NULL,
      name VARCHAR(200) NOT NULL,
      password_hash VARCHAR(300) NOT NULL,
      is_admin BOOLEAN NOT NULL DEFAULT 0,
      created_at VARCHAR(24) NOT NULL DEFAULT (${SQLITE_NOW_ISO}))`);
    await db.query(`CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))`);

    // A session's id is the SHA-256 of its cookie secret: a stolen database holds no usable cookie.
    await db.query(`CREATE TABLE sessions (
      id VARCHAR(64) PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at VARCHAR(24) NOT NULL,
      last_seen_at VARCHAR(24) NOT NULL)`);
    await db.query(`CREATE INDEX sessions_user ON sessions (user_id)`);

    await db.query(`CREATE TABLE api_tokens (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name VARCHAR(100) NOT NULL,
      token_hash VARCHAR(64) NOT NULL UNIQUE,
      created_at VARCHAR(24) NOT NULL,
      last_used_at VARCHAR(24))`);
    await db.query(`CREATE INDEX api_tokens_user ON api_tokens (user_id)`);

    await db.query(`CREATE TABLE address_books (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name VARCHAR(100) NOT NULL CHECK (trim(name) <> ''),
      owner_id INTEGER REFERENCES users(id),
      created_at VARCHAR(24) NOT NULL DEFAULT (${SQLITE_NOW_ISO}))`);
    await db.query(`CREATE TABLE address_book_members (
      address_book_id INTEGER NOT NULL REFERENCES address_books(id) ON DELETE CASCADE,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role VARCHAR(10) NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
      created_at VARCHAR(24) NOT NULL DEFAULT (${SQLITE_NOW_ISO}),
      PRIMARY KEY (address_book_id, user_id))`);
    await db.query(`CREATE INDEX address_book_members_user ON address_book_members (user_id, address_book_id)`);
    await db.query(`INSERT INTO address_books (name, owner_id) VALUES ('Contacts', NULL)`);

    await db.query(`ALTER TABLE contacts ADD COLUMN address_book_id INTEGER NOT NULL DEFAULT 1`);
    await db.query(`DROP INDEX contacts_email_lower_unique`);
    await db.query(`CREATE UNIQUE INDEX contacts_book_email_unique ON contacts (address_book_id, lower(email))`);
    await db.query(`CREATE INDEX contacts_book_updated_at ON contacts (address_book_id, updated_at DESC, id DESC)`);

    await db.query(`ALTER TABLE contact_versions ADD COLUMN address_book_id INTEGER NOT NULL DEFAULT 1`);
    await db.query(`CREATE INDEX contact_versions_book ON contact_versions (address_book_id, id)`);

    for (const trigger of ['contacts_version_insert', 'contacts_version_update', 'contacts_version_delete']) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    await db.query(`CREATE TRIGGER contacts_version_insert AFTER INSERT ON contacts BEGIN
      INSERT INTO contact_versions (${VERSION_COLUMNS})
      SELECT new.id, new.address_book_id, new.first_name, new.last_name, new.email, new.phone, new.updated_at,
        coalesce(m.edited_reason, 'created'), new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
      ${WITH_CONTEXT}; END`);
    await db.query(`CREATE TRIGGER contacts_version_update AFTER UPDATE ON contacts BEGIN
      INSERT INTO contact_versions (${VERSION_COLUMNS})
      SELECT new.id, new.address_book_id, new.first_name, new.last_name, new.email, new.phone,
        CASE WHEN new.updated_at IS old.updated_at THEN ${SQLITE_NOW_ISO} ELSE new.updated_at END,
        coalesce(m.edited_reason, 'updated'), new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
      ${WITH_CONTEXT};
      UPDATE contacts SET updated_at = (SELECT edited_at FROM contact_versions WHERE id = last_insert_rowid())
        WHERE id = new.id AND new.updated_at IS old.updated_at; END`);
    await db.query(`CREATE TRIGGER contacts_version_delete AFTER DELETE ON contacts BEGIN
      INSERT INTO contact_versions (${VERSION_COLUMNS})
      SELECT old.id, old.address_book_id, old.first_name, old.last_name, old.email, old.phone, coalesce(m.edited_at, ${SQLITE_NOW_ISO}),
        coalesce(m.edited_reason, 'deleted'), old.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
      ${WITH_CONTEXT}; END`);
  }

  async down(): Promise<void> {
    throw new Error('SqliteAccounts cannot be undone: contacts from several books could break the old single-book email uniqueness');
  }
}
