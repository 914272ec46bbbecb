import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exact counts per book without counting: `address_book_contact_counts` holds how many
 * contacts each book has and how many of its contacts are in "recently deleted"
 * (`deleted_contacts`), kept by triggers on those two tables, so a write made with sqlite3
 * keeps them right as well as the server's. Lists read their `count` here instead of a
 * COUNT(*) that walks a million index entries per request.
 *
 * A book's row is never removed: a deleted book's deleted contacts stay listed under its id.
 * deleted_contacts is written with INSERT OR REPLACE, whose implicit delete fires no
 * trigger (recursive_triggers is off), so a replaced row is deleted explicitly first.
 * Also the (address_book_id, id) index a walk of one book by key needs.
 */
export class SqliteContactCounts1764900000000 implements MigrationInterface {
  name = 'SqliteContactCounts1764900000000';

  async up(db: QueryRunner): Promise<void> {
    // A walk of one book in id order (export, CardDAV listings) seeks its next batch here;
    // without it the book's rows were sorted again for every batch.
    await db.query(`CREATE INDEX contacts_book_id ON contacts (address_book_id, id)`);
    await db.query(`CREATE TABLE address_book_contact_counts (
      address_book_id INTEGER PRIMARY KEY,
      contacts INTEGER NOT NULL DEFAULT 0,
      deleted INTEGER NOT NULL DEFAULT 0)`);
    await db.query(`INSERT INTO address_book_contact_counts (address_book_id, contacts, deleted)
      SELECT book, sum(contacts), sum(deleted) FROM (
        SELECT address_book_id AS book, COUNT(*) AS contacts, 0 AS deleted FROM contacts GROUP BY address_book_id
        UNION ALL SELECT address_book_id, 0, COUNT(*) FROM deleted_contacts GROUP BY address_book_id)
      GROUP BY book`);

    const add = (column: 'contacts' | 'deleted', book: string) =>
      `INSERT INTO address_book_contact_counts (address_book_id, ${column}) VALUES (${book}, 1)
        ON CONFLICT (address_book_id) DO UPDATE SET ${column} = ${column} + 1;`;
    const take = (column: 'contacts' | 'deleted', book: string) =>
      `UPDATE address_book_contact_counts SET ${column} = ${column} - 1 WHERE address_book_id = ${book};`;

    await db.query(`CREATE TRIGGER contacts_count_insert AFTER INSERT ON contacts BEGIN ${add('contacts', 'new.address_book_id')} END`);
    await db.query(`CREATE TRIGGER contacts_count_delete AFTER DELETE ON contacts BEGIN ${take('contacts', 'old.address_book_id')} END`);
    await db.query(`CREATE TRIGGER contacts_count_move AFTER UPDATE OF address_book_id ON contacts
      WHEN new.address_book_id IS NOT old.address_book_id BEGIN ${take('contacts', 'old.address_book_id')} ${add('contacts', 'new.address_book_id')} END`);

    await db.query(`CREATE TRIGGER deleted_contacts_count_replace BEFORE INSERT ON deleted_contacts BEGIN
      DELETE FROM deleted_contacts WHERE contact_id = new.contact_id; END`);
    await db.query(`CREATE TRIGGER deleted_contacts_count_insert AFTER INSERT ON deleted_contacts BEGIN ${add('deleted', 'new.address_book_id')} END`);
    await db.query(`CREATE TRIGGER deleted_contacts_count_delete AFTER DELETE ON deleted_contacts BEGIN ${take('deleted', 'old.address_book_id')} END`);
    await db.query(`CREATE TRIGGER deleted_contacts_count_move AFTER UPDATE OF address_book_id ON deleted_contacts
      WHEN new.address_book_id IS NOT old.address_book_id BEGIN ${take('deleted', 'old.address_book_id')} ${add('deleted', 'new.address_book_id')} END`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of ['contacts_count_insert', 'contacts_count_delete', 'contacts_count_move', 'deleted_contacts_count_replace',
      'deleted_contacts_count_insert', 'deleted_contacts_count_delete', 'deleted_contacts_count_move']) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    await db.query(`DROP TABLE address_book_contact_counts`);
    await db.query(`DROP INDEX contacts_book_id`);
  }
}
