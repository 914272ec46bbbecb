import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ISO-8601 UTC with milliseconds, the format the server writes (`2026-11-26T10:00:00.000Z`). */
export const SQLITE_NOW_ISO = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/** What counts as blank: the white space the server trims (ASCII, and the no-break space). */
const WHITE_SPACE = 'char(32, 9, 10, 11, 12, 13, 160)';

/** A mandatory text column: present, not blank, at most `max` characters (code points). */
function mandatory(column: string, type: string, max: number): string {
  return `${column} ${type} NOT NULL
    CONSTRAINT contacts_${column}_not_blank CHECK (trim(${column}, ${WHITE_SPACE}) <> '')
    CONSTRAINT contacts_${column}_length CHECK (length(${column}) <= ${max})`;
}

const CONTACTS_TABLE = (name: string) => `CREATE TABLE ${name} (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${mandatory('first_name', 'VARCHAR(100)', 100)},
  ${mandatory('last_name', 'VARCHAR(100)', 100)},
  ${mandatory('email', 'VARCHAR(254)', 254)},
  ${mandatory('phone', 'VARCHAR(30)', 30)},
  created_at VARCHAR(24) NOT NULL DEFAULT (${SQLITE_NOW_ISO}),
  updated_at VARCHAR(24) NOT NULL DEFAULT (${SQLITE_NOW_ISO}))`;

const VERSION_COLUMNS =
  'contact_id, first_name, last_name, email, phone, edited_at, edited_reason, contact_created_at, edited_via, edited_by_id, edited_by_name';

/** The server's context for the write under way, if any (a one-row table, see below). */
const WITH_CONTEXT = 'FROM (SELECT 1) LEFT JOIN mutation_context m ON m.id = 1';

/**
 * The database guards the rules and keeps the history itself, so a change made with the
 * sqlite3 shell or another program is checked, versioned and (through data_version and
 * the history sweep) announced like any other.
 *
 * - `contacts` is rebuilt (SQLite cannot add CHECK constraints to a table): mandatory
 *   fields non-blank, lengths in code points, timestamps defaulting to now, so an INSERT
 *   naming only the four fields works. AUTOINCREMENT and its sqlite_sequence high-water
 *   mark carry over, so ids are never reused.
 * - Triggers on `contacts` are the one writer of versions. The server writes its context
 *   (reason, channel, editor) into the one-row `mutation_context` inside its write
 *   transaction and deletes it before commit: writers are serialised by SQLite's write
 *   lock, so no other connection ever sees a row there, and a crash rolls it back.
 *   (Triggers on main tables cannot read TEMP tables, hence a main table.) Without a
 *   context the change is `edited_via: 'database'`.
 * - A direct UPDATE that leaves updated_at alone still moves it (lists and ETags change);
 *   that inner UPDATE does not fire the version trigger again while recursive_triggers is
 *   off, SQLite's default.
 */
export class SqliteDatabaseGuards1764415000000 implements MigrationInterface {
  name = 'SqliteDatabaseGuards1764415000000';

  async up(db: QueryRunner): Promise<void> {
    const referencing = (await db.query(
      `SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f."table" = 'contacts'`,
    )) as Array<{ name: string }>;
    if (referencing.length > 0) {
      throw new Error(`contacts is rebuilt by this migration; tables referencing it need handling first: ${referencing.map((r) => r.name).join(', ')}`);
    }

    await db.query(`ALTER TABLE contact_versions ADD COLUMN edited_via VARCHAR(20) NOT NULL DEFAULT 'api'`);
    await db.query(`ALTER TABLE contact_versions ADD COLUMN edited_by_id INTEGER`);
    await db.query(`ALTER TABLE contact_versions ADD COLUMN edited_by_name VARCHAR(200)`);
    // History is immutable; this one backfill of the new column is the exception.
    await db.query(`DROP TRIGGER contact_versions_no_update`);
    await db.query(`UPDATE contact_versions SET edited_via = 'external' WHERE edited_reason = 'external_update'`);
    await db.query(`CREATE TRIGGER contact_versions_no_update BEFORE UPDATE ON contact_versions
      BEGIN SELECT RAISE(ABORT, 'contact versions are immutable'); END`);

    await db.query(`CREATE TABLE mutation_context (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      edited_reason VARCHAR(20) NOT NULL,
      edited_via VARCHAR(20) NOT NULL,
      edited_by_id INTEGER,
      edited_by_name VARCHAR(200),
      edited_at VARCHAR(24) NOT NULL)`);

    const [sequence] = (await db.query(`SELECT seq FROM sqlite_sequence WHERE name = 'contacts'`)) as Array<{ seq: number }>;
    await db.query(CONTACTS_TABLE('contacts_rebuilt'));
    await db.query(`INSERT INTO contacts_rebuilt (id, first_name, last_name, email, phone, created_at, updated_at)
      SELECT id, first_name, last_name, email, phone, created_at, updated_at FROM contacts`);
    await db.query(`DROP TABLE contacts`); // its indexes and triggers go with it; contacts_search stays
    await db.query(`ALTER TABLE contacts_rebuilt RENAME TO contacts`);
    await db.query(`DELETE FROM sqlite_sequence WHERE name IN ('contacts', 'contacts_rebuilt')`);
    await db.query(`INSERT INTO sqlite_sequence (name, seq) SELECT 'contacts', max(?, coalesce((SELECT max(id) FROM contacts), 0))`, [
      Number(sequence?.seq ?? 0),
    ]);

    await db.query(`CREATE UNIQUE INDEX contacts_email_lower_unique ON contacts (lower(email))`);
    await db.query(`CREATE INDEX contacts_updated_at ON contacts (updated_at DESC, id DESC)`);
    await createSearchTriggers(db);
    await createVersionTriggers(db);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of ['contacts_version_insert', 'contacts_version_update', 'contacts_version_delete', 'contacts_id_fixed']) {
      await db.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    await db.query(`DROP TABLE IF EXISTS mutation_context`);
    // The constraints and the new version columns stay: they are harmless to the old code.
  }
}

async function createSearchTriggers(db: QueryRunner): Promise<void> {
  await db.query(`CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_search(rowid, full_name, email, phone)
    VALUES (new.id, new.first_name || ' ' || new.last_name, new.email, new.phone); END`);
  await db.query(`CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts BEGIN
    UPDATE contacts_search SET full_name = new.first_name || ' ' || new.last_name,
      email = new.email, phone = new.phone WHERE rowid = old.id; END`);
  await db.query(`CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM contacts_search WHERE rowid = old.id; END`);
}

async function createVersionTriggers(db: QueryRunner): Promise<void> {
  // History is kept by contact id: an id that changed would split it.
  await db.query(`CREATE TRIGGER contacts_id_fixed BEFORE UPDATE OF id ON contacts WHEN new.id IS NOT old.id
    BEGIN SELECT RAISE(ABORT, 'contact ids never change'); END`);
  await db.query(`CREATE TRIGGER contacts_version_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contact_versions (${VERSION_COLUMNS})
    SELECT new.id, new.first_name, new.last_name, new.email, new.phone, new.updated_at,
      coalesce(m.edited_reason, 'created'), new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
    ${WITH_CONTEXT}; END`);
  await db.query(`CREATE TRIGGER contacts_version_update AFTER UPDATE ON contacts BEGIN
    INSERT INTO contact_versions (${VERSION_COLUMNS})
    SELECT new.id, new.first_name, new.last_name, new.email, new.phone,
      CASE WHEN new.updated_at IS old.updated_at THEN ${SQLITE_NOW_ISO} ELSE new.updated_at END,
      coalesce(m.edited_reason, 'updated'), new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
    ${WITH_CONTEXT};
    UPDATE contacts SET updated_at = (SELECT edited_at FROM contact_versions WHERE id = last_insert_rowid())
      WHERE id = new.id AND new.updated_at IS old.updated_at; END`);
  await db.query(`CREATE TRIGGER contacts_version_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contact_versions (${VERSION_COLUMNS})
    SELECT old.id, old.first_name, old.last_name, old.email, old.phone, coalesce(m.edited_at, ${SQLITE_NOW_ISO}),
      coalesce(m.edited_reason, 'deleted'), old.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
    ${WITH_CONTEXT}; END`);
}
