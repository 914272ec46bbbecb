import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SQLITE_NOW_ISO } from './sqlite-database-guards.migration.js';
import { SNAPSHOT, WITH_CONTEXT } from './sqlite-richer-contacts.migration.js';

const VERSION_COLUMNS = `contact_id, ${SNAPSHOT.join(', ')}, edited_at, edited_reason, operation, contact_created_at, edited_via, edited_by_id, edited_by_name`;
const snapshotOf = (row: 'new' | 'old') => SNAPSHOT.map((column) => `${row}.${column}`).join(', ');

/** The columns the duplicate keys are computed from: an UPDATE of any other leaves the keys as they are. */
const MATCHED_COLUMNS = 'first_name, last_name, email, phone, other_emails, other_phones, address_book_id';

/**
 * Duplicates and merging (contract Part 2).
 *
 * - `contact_versions.operation` says what the row change was (insert, update, delete):
 *   a `merged` version is a deletion for a merged-away contact and an update for the
 *   survivor, an `unmerged` one a re-insert or an update, so the reason alone no longer
 *   tells which event a version announces. Earlier versions are backfilled from their
 *   reason (the one exception to immutable history, as in SqliteDatabaseGuards).
 * - `merges` and `merge_contacts`: what an undo needs — the survivor's version from
 *   before the merge, and each merged-away contact's deletion version (its fields).
 * - `duplicate_dismissals`: groups a user said are not the same person (each pair of
 *   their contacts is then never suggested again), until the dismissal is taken back.
 * - `contact_match_keys`: the duplicate index (book, kind, normalised key → contact),
 *   computed by the server, since SQLite has no accent folding or phone parsing of its
 *   own; triggers mark every inserted or changed contact in `contact_match_stale` (also
 *   those written with the sqlite3 shell) and the server refreshes their keys before it
 *   answers, and drop a deleted contact's keys at once. Every existing contact starts stale.
 */
export class SqliteMerges1764700000000 implements MigrationInterface {
  name = 'SqliteMerges1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contact_versions ADD COLUMN operation VARCHAR(6) NOT NULL DEFAULT 'update'
      CONSTRAINT contact_versions_operation CHECK (operation IN ('insert', 'update', 'delete'))`);
    await db.query(`DROP TRIGGER contact_versions_no_update`);
    await db.query(`UPDATE contact_versions SET operation = CASE edited_reason WHEN 'created' THEN 'insert' WHEN 'restored' THEN 'insert'
      WHEN 'deleted' THEN 'delete' ELSE 'update' END`);
    await db.query(`CREATE TRIGGER contact_versions_no_update BEFORE UPDATE ON contact_versions
      BEGIN SELECT RAISE(ABORT, 'contact versions are immutable'); END`);

    await db.query(`DROP TRIGGER contacts_version_insert`);
    await db.query(`DROP TRIGGER contacts_version_update`);
    await db.query(`DROP TRIGGER contacts_version_delete`);
    await db.query(`CREATE TRIGGER contacts_version_insert AFTER INSERT ON contacts BEGIN
      INSERT INTO contact_versions (${VERSION_COLUMNS})
      SELECT new.id, ${snapshotOf('new')}, new.updated_at,
        coalesce(m.edited_reason, 'created'), 'insert', new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
      ${WITH_CONTEXT}; END`);
    await db.query(`CREATE TRIGGER contacts_version_update AFTER UPDATE ON contacts BEGIN
      INSERT INTO contact_versions (${VERSION_COLUMNS})
      SELECT new.id, ${snapshotOf('new')},
        CASE WHEN new.updated_at IS old.updated_at THEN ${SQLITE_NOW_ISO} ELSE new.updated_at END,
        coalesce(m.edited_reason, 'updated'), 'update', new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
      ${WITH_CONTEXT};
      UPDATE contacts SET updated_at = (SELECT edited_at FROM contact_versions WHERE id = last_insert_rowid())
        WHERE id = new.id AND new.updated_at IS old.updated_at; END`);
    await db.query(`CREATE TRIGGER contacts_version_delete AFTER DELETE ON contacts BEGIN
      INSERT INTO contact_versions (${VERSION_COLUMNS})
      SELECT old.id, ${snapshotOf('old')}, coalesce(m.edited_at, ${SQLITE_NOW_ISO}),
        coalesce(m.edited_reason, 'deleted'), 'delete', old.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
      ${WITH_CONTEXT}; END`);

    await db.query(`CREATE TABLE merges (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      address_book_id INTEGER NOT NULL REFERENCES address_books(id) ON DELETE CASCADE,
      survivor_id INTEGER NOT NULL,
      survivor_version_id INTEGER NOT NULL,
      merged_at VARCHAR(24) NOT NULL,
      merged_by_id INTEGER,
      merged_by_name VARCHAR(200),
      undone_at VARCHAR(24),
      undone_by_id INTEGER,
      undone_by_name VARCHAR(200))`);
    await db.query(`CREATE TABLE merge_contacts (
      merge_id INTEGER NOT NULL REFERENCES merges(id) ON DELETE CASCADE,
      contact_id INTEGER NOT NULL,
      role VARCHAR(8) NOT NULL CHECK (role IN ('survivor', 'other')),
      position INTEGER NOT NULL CHECK (position >= 0),
      restore_version_id INTEGER NOT NULL,
      PRIMARY KEY (merge_id, contact_id))`);
    await db.query(`CREATE INDEX merge_contacts_contact ON merge_contacts (contact_id, merge_id)`);

    await db.query(`CREATE TABLE duplicate_dismissals (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      address_book_id INTEGER NOT NULL REFERENCES address_books(id) ON DELETE CASCADE,
      dismissed_at VARCHAR(24) NOT NULL,
      dismissed_by_id INTEGER,
      dismissed_by_name VARCHAR(200))`);
    await db.query(`CREATE TABLE duplicate_dismissal_pairs (
      dismissal_id INTEGER NOT NULL REFERENCES duplicate_dismissals(id) ON DELETE CASCADE,
      address_book_id INTEGER NOT NULL,
      low_id INTEGER NOT NULL,
      high_id INTEGER NOT NULL,
      CHECK (low_id < high_id),
      PRIMARY KEY (address_book_id, low_id, high_id, dismissal_id))`);
    await db.query(`CREATE INDEX duplicate_dismissal_pairs_dismissal ON duplicate_dismissal_pairs (dismissal_id)`);

    await db.query(`CREATE TABLE contact_match_keys (
      address_book_id INTEGER NOT NULL,
      kind VARCHAR(5) NOT NULL,
      match_key VARCHAR(200) NOT NULL,
      contact_id INTEGER NOT NULL,
      PRIMARY KEY (address_book_id, kind, match_key, contact_id)) WITHOUT ROWID`);
    await db.query(`CREATE INDEX contact_match_keys_contact ON contact_match_keys (contact_id)`);
    await db.query(`CREATE TABLE contact_match_stale (contact_id INTEGER PRIMARY KEY)`);
    await db.query(`CREATE TRIGGER contacts_match_insert AFTER INSERT ON contacts BEGIN
      INSERT OR IGNORE INTO contact_match_stale (contact_id) VALUES (new.id); END`);
    await db.query(`CREATE TRIGGER contacts_match_update AFTER UPDATE OF ${MATCHED_COLUMNS} ON contacts BEGIN
      INSERT OR IGNORE INTO contact_match_stale (contact_id) VALUES (new.id); END`);
    await db.query(`CREATE TRIGGER contacts_match_delete AFTER DELETE ON contacts BEGIN
      DELETE FROM contact_match_keys WHERE contact_id = old.id;
      DELETE FROM contact_match_stale WHERE contact_id = old.id; END`);
    await db.query(`INSERT INTO contact_match_stale (contact_id) SELECT id FROM contacts`);
  }

  async down(): Promise<void> {
    throw new Error('SqliteMerges cannot be undone: merges could no longer be undone and versions would lose what they record');
  }
}
