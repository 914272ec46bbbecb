import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * As SqliteContactCounts: `address_book_contact_counts`, kept by triggers on `contacts` and
 * `deleted_contacts`. Inserts and deletes count per statement from the transition tables
 * (a bulk INSERT or a book's cascade touches each book's row once, books in id order so
 * two writers take the row locks in the same order); a move, per row (PostgreSQL allows no
 * transition tables on an UPDATE OF trigger). deleted_contacts' ON CONFLICT DO UPDATE is
 * an update, not an insert, so it counts only if it changes the book. Also the
 * (address_book_id, id) index a walk of one book by key needs.
 */
export class PostgresContactCounts1764900000000 implements MigrationInterface {
  name = 'PostgresContactCounts1764900000000';

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
        UNION ALL SELECT address_book_id, 0, COUNT(*) FROM deleted_contacts GROUP BY address_book_id) counted
      GROUP BY book`);

    for (const column of ['contacts', 'deleted'] as const) {
      await db.query(`CREATE FUNCTION address_book_${column}_count_added() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO address_book_contact_counts AS n (address_book_id, ${column})
          SELECT address_book_id, COUNT(*) FROM changed GROUP BY address_book_id ORDER BY address_book_id
          ON CONFLICT (address_book_id) DO UPDATE SET ${column} = n.${column} + EXCLUDED.${column};
        RETURN NULL; END $$`);
      await db.query(`CREATE FUNCTION address_book_${column}_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE address_book_contact_counts n SET ${column} = n.${column} - gone.n
          FROM (SELECT address_book_id, COUNT(*) AS n FROM changed GROUP BY address_book_id ORDER BY address_book_id) gone
          WHERE n.address_book_id = gone.address_book_id;
        RETURN NULL; END $$`);
      await db.query(`CREATE FUNCTION address_book_${column}_count_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE address_book_contact_counts SET ${column} = ${column} - 1 WHERE address_book_id = OLD.address_book_id;
        INSERT INTO address_book_contact_counts AS n (address_book_id, ${column}) VALUES (NEW.address_book_id, 1)
          ON CONFLICT (address_book_id) DO UPDATE SET ${column} = n.${column} + 1;
        RETURN NULL; END $$`);
      const table = column === 'contacts' ? 'contacts' : 'deleted_contacts';
      await db.query(`CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION address_book_${column}_count_added()`);
      await db.query(`CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION address_book_${column}_count_removed()`);
      await db.query(`CREATE TRIGGER ${table}_count_move AFTER UPDATE OF address_book_id ON ${table} FOR EACH ROW
        WHEN (OLD.address_book_id IS DISTINCT FROM NEW.address_book_id) EXECUTE FUNCTION address_book_${column}_count_moved()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const column of ['contacts', 'deleted'] as const) {
      const table = column === 'contacts' ? 'contacts' : 'deleted_contacts';
      for (const op of ['insert', 'delete', 'move']) await db.query(`DROP TRIGGER ${table}_count_${op} ON ${table}`);
      for (const fn of ['added', 'removed', 'moved']) await db.query(`DROP FUNCTION address_book_${column}_count_${fn}()`);
    }
    await db.query(`DROP TABLE address_book_contact_counts`);
    await db.query(`DROP INDEX contacts_book_id`);
  }
}
