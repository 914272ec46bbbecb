import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_COLUMNS, searchValuesOf } from './sqlite-richer-contacts.migration.js';

/** The contact columns the trigram index (`contacts_search`) is made from. */
const SEARCHED = ['first_name', 'last_name', 'email', 'phone', 'organization', 'other_emails', 'other_phones'];

/**
 * The trigram index is rewritten only when a column it is made from changes. Its update
 * trigger fired on every UPDATE of a contact, so a note, a birthday or an address edited
 * re-tokenized every searched field and flushed a new index segment for nothing. Now it
 * fires as the word index's trigger does (SqliteSearchPrefixes): on an UPDATE of those
 * columns that changes one. Writes made with sqlite3 are covered as before.
 */
export class SqliteSearchUpdateScope1764900000002 implements MigrationInterface {
  name = 'SqliteSearchUpdateScope1764900000002';

  async up(db: QueryRunner): Promise<void> {
    const changed = SEARCHED.map((column) => `new.${column} IS NOT old.${column}`).join(' OR ');
    await recreate(db, `AFTER UPDATE OF ${SEARCHED.join(', ')} ON contacts WHEN ${changed}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await recreate(db, 'AFTER UPDATE ON contacts');
  }
}

/** The trigram index's update trigger, as SqliteRicherContacts made it, firing `when`. */
async function recreate(db: QueryRunner, when: string): Promise<void> {
  await db.query('DROP TRIGGER contacts_search_update');
  await db.query(`CREATE TRIGGER contacts_search_update ${when} BEGIN
    UPDATE contacts_search SET (${SEARCH_COLUMNS}) = (${searchValuesOf('new')}) WHERE rowid = old.id; END`);
}
