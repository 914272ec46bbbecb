import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SQLITE_NOW_ISO } from './sqlite-database-guards.migration.js';
import { SNAPSHOT, WITH_CONTEXT } from './sqlite-richer-contacts.migration.js';

const VERSION_COLUMNS = `contact_id, ${SNAPSHOT.join(', ')}, edited_at, edited_reason, operation, contact_created_at, edited_via, edited_by_id, edited_by_name`;
const snapshotOf = (row: 'new' | 'old') => SNAPSHOT.map((column) => `${row}.${column}`).join(', ');

/**
 * "Recently deleted" without scanning the history: `deleted_contacts` holds each contact
 * whose latest change is a deletion (not a merge: merged-away contacts come back through
 * the merge's undo) and the version that recorded it, kept by the same triggers that write
 * the versions — a deletion adds it, any insert of that id (restore, undo, a direct
 * INSERT) takes it out. Its count is then exact and cheap at any size of history.
 */
export class SqliteDeletedContacts1764800000000 implements MigrationInterface {
  name = 'SqliteDeletedContacts1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE deleted_contacts (
      contact_id INTEGER PRIMARY KEY,
      address_book_id INTEGER NOT NULL,
      version_id INTEGER NOT NULL)`);
    await db.query(`CREATE INDEX deleted_contacts_newest ON deleted_contacts (version_id DESC)`);
    await db.query(`CREATE INDEX deleted_contacts_book_newest ON deleted_contacts (address_book_id, version_id DESC)`);
    await db.query(`INSERT INTO deleted_contacts (contact_id, address_book_id, version_id)
      SELECT v.contact_id, v.address_book_id, v.id FROM contact_versions v
      WHERE v.edited_reason = 'deleted' AND v.id = (SELECT MAX(l.id) FROM contact_versions l WHERE l.contact_id = v.contact_id)
        AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = v.contact_id)`);

    await db.query(`DROP TRIGGER contacts_version_insert`);
    await db.query(`DROP TRIGGER contacts_version_delete`);
    await db.query(`CREATE TRIGGER contacts_version_insert AFTER INSERT ON contacts BEGIN
      INSERT INTO contact_versions (${VERSION_COLUMNS})
      SELECT new.id, ${snapshotOf('new')}, new.updated_at,
        coalesce(m.edited_reason, 'created'), 'insert', new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
      ${WITH_CONTEXT};
      DELETE FROM deleted_contacts WHERE contact_id = new.id; END`);
    await db.query(`CREATE TRIGGER contacts_version_delete AFTER DELETE ON contacts BEGIN
      INSERT INTO contact_versions (${VERSION_COLUMNS})
      SELECT old.id, ${snapshotOf('old')}, coalesce(m.edited_at, ${SQLITE_NOW_ISO}),
        coalesce(m.edited_reason, 'deleted'), 'delete', old.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
      ${WITH_CONTEXT};
      INSERT OR REPLACE INTO deleted_contacts (contact_id, address_book_id, version_id)
        SELECT old.id, old.address_book_id, v.id FROM contact_versions v WHERE v.id = last_insert_rowid() AND v.edited_reason = 'deleted'; END`);
  }

  async down(): Promise<void> {
    throw new Error('SqliteDeletedContacts cannot be undone');
  }
}
