import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTACTS_CHANGES_CHANNEL } from './postgres-database-guards.migration.js';

/**
 * Accounts, sessions, API tokens, address books and their members (contract Part 2); see
 * SqliteAccounts for the shape. Book 1, "Contacts", holds every existing contact, with no
 * owner until the first account signs up. Email is unique per book; versions record the
 * book; the version trigger function is re-made with that column.
 */
export class PostgresAccounts1764500000000 implements MigrationInterface {
  name = 'PostgresAccounts1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE users (
      id SERIAL PRIMARY KEY,
      email VARCHAR(254) NOT NULL,
      name VARCHAR(200) NOT NULL,
      password_hash VARCHAR(300) NOT NULL,
      is_admin BOOLEAN NOT NULL DEFAULT false,
      created_at VARCHAR(24) NOT NULL DEFAULT contacts_now_iso())`);
    await db.query(`CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))`);

    await db.query(`CREATE TABLE sessions (
      id VARCHAR(64) PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at VARCHAR(24) NOT NULL,
      last_seen_at VARCHAR(24) NOT NULL)`);
    await db.query(`CREATE INDEX sessions_user ON sessions (user_id)`);

    await db.query(`CREATE TABLE api_tokens (
      id SERIAL PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      name VARCHAR(100) NOT NULL,
      token_hash VARCHAR(64) NOT NULL UNIQUE,
      created_at VARCHAR(24) NOT NULL,
      last_used_at VARCHAR(24))`);
    await db.query(`CREATE INDEX api_tokens_user ON api_tokens (user_id)`);

    await db.query(`CREATE TABLE address_books (
      id SERIAL PRIMARY KEY,
      name VARCHAR(100) NOT NULL CHECK (btrim(name) <> ''),
      owner_id INTEGER REFERENCES users(id),
      created_at VARCHAR(24) NOT NULL DEFAULT contacts_now_iso())`);
    await db.query(`CREATE TABLE address_book_members (
      address_book_id INTEGER NOT NULL REFERENCES address_books(id) ON DELETE CASCADE,
      user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role VARCHAR(10) NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
      created_at VARCHAR(24) NOT NULL DEFAULT contacts_now_iso(),
      PRIMARY KEY (address_book_id, user_id))`);
    await db.query(`CREATE INDEX address_book_members_user ON address_book_members (user_id, address_book_id)`);
    await db.query(`INSERT INTO address_books (name, owner_id) VALUES ('Contacts', NULL)`);

    await db.query(`ALTER TABLE contacts ADD COLUMN address_book_id INTEGER NOT NULL DEFAULT 1 REFERENCES address_books(id)`);
    await db.query(`DROP INDEX contacts_email_lower_unique`);
    await db.query(`CREATE UNIQUE INDEX contacts_book_email_unique ON contacts (address_book_id, lower(email))`);
    await db.query(`CREATE INDEX contacts_book_updated_at ON contacts (address_book_id, updated_at DESC, id DESC)`);

    await db.query(`ALTER TABLE contact_versions ADD COLUMN address_book_id INTEGER NOT NULL DEFAULT 1`);
    await db.query(`CREATE INDEX contact_versions_book ON contact_versions (address_book_id, id)`);

    await db.query(`CREATE OR REPLACE FUNCTION contacts_record_version() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        subject record;
        reason varchar := nullif(current_setting('contacts.edited_reason', true), '');
        at varchar;
        version_id integer;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          subject := OLD;
          at := coalesce(nullif(current_setting('contacts.edited_at', true), ''), contacts_now_iso());
          reason := coalesce(reason, 'deleted');
        ELSE
          subject := NEW;
          at := NEW.updated_at;
          reason := coalesce(reason, CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'updated' END);
        END IF;
        INSERT INTO contact_versions (contact_id, address_book_id, first_name, last_name, email, phone, edited_at, edited_reason,
            contact_created_at, edited_via, edited_by_id, edited_by_name)
          VALUES (subject.id, subject.address_book_id, subject.first_name, subject.last_name, subject.email, subject.phone, at, reason,
            subject.created_at,
            coalesce(nullif(current_setting('contacts.edited_via', true), ''), 'database'),
            nullif(current_setting('contacts.edited_by_id', true), '')::integer,
            nullif(current_setting('contacts.edited_by_name', true), ''))
          RETURNING id INTO version_id;
        -- Delivered at commit, to every replica's listener.
        PERFORM pg_notify('${CONTACTS_CHANGES_CHANNEL}', version_id::text);
        RETURN NULL;
      END $$`);
  }

  async down(): Promise<void> {
    throw new Error('PostgresAccounts cannot be undone: contacts from several books could break the old single-book email uniqueness');
  }
}
