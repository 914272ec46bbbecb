import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SQLITE_NOW_ISO } from './sqlite-database-guards.migration.js';

/**
 * A random (version 4) UUID in its usual text form, as an SQLite expression: the default
 * of `contacts.uid`, evaluated per inserted row.
 */
export const SQLITE_RANDOM_UUID = `(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))`;

const WHITE_SPACE = 'char(32, 9, 10, 11, 12, 13, 160)';

function mandatory(column: string, type: string, max: number): string {
  return `${column} ${type} NOT NULL
    CONSTRAINT contacts_${column}_not_blank CHECK (trim(${column}, ${WHITE_SPACE}) <> '')
    CONSTRAINT contacts_${column}_length CHECK (length(${column}) <= ${max})`;
}

/** A JSON array of at most `max` entries (json_type alone would raise on malformed JSON rather than refuse it). */
function jsonList(column: string, max: number): string {
  return `${column} TEXT NOT NULL DEFAULT '[]'
    CONSTRAINT contacts_${column}_json_array CHECK (CASE WHEN json_valid(${column}) THEN json_type(${column}) = 'array' AND json_array_length(${column}) <= ${max} ELSE 0 END)`;
}

/**
 * `1815-12-10` or `--12-10`, a real date (a month-day is tried in a leap year). `date()`
 * with a modifier normalises an impossible day (02-30 becomes 03-02), so it then differs.
 */
const BIRTHDAY_CHECK = `birthday IS NULL OR (
    (birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND substr(birthday, 1, 4) <> '0000' AND date(birthday, '+0 days') IS birthday)
    OR (birthday GLOB '--[0-9][0-9]-[0-9][0-9]' AND date('2000' || substr(birthday, 2), '+0 days') IS '2000' || substr(birthday, 2)))`;

const CONTACTS_TABLE = (name: string) => `CREATE TABLE ${name} (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ${mandatory('first_name', 'VARCHAR(100)', 100)},
  ${mandatory('last_name', 'VARCHAR(100)', 100)},
  ${mandatory('email', 'VARCHAR(254)', 254)},
  ${mandatory('phone', 'VARCHAR(30)', 30)},
  created_at VARCHAR(24) NOT NULL DEFAULT (${SQLITE_NOW_ISO}),
  updated_at VARCHAR(24) NOT NULL DEFAULT (${SQLITE_NOW_ISO}),
  address_book_id INTEGER NOT NULL DEFAULT 1,
  organization VARCHAR(200) NOT NULL DEFAULT '' CONSTRAINT contacts_organization_length CHECK (length(organization) <= 200),
  job_title VARCHAR(200) NOT NULL DEFAULT '' CONSTRAINT contacts_job_title_length CHECK (length(job_title) <= 200),
  notes TEXT NOT NULL DEFAULT '' CONSTRAINT contacts_notes_length CHECK (length(notes) <= 10000),
  birthday VARCHAR(10) CONSTRAINT contacts_birthday_date CHECK (${BIRTHDAY_CHECK}),
  ${jsonList('other_emails', 10)},
  ${jsonList('other_phones', 10)},
  ${jsonList('addresses', 5)},
  uid VARCHAR(255) NOT NULL DEFAULT ${SQLITE_RANDOM_UUID}
    CONSTRAINT contacts_uid_not_blank CHECK (trim(uid, ${WHITE_SPACE}) <> '')
    CONSTRAINT contacts_uid_length CHECK (length(uid) <= 255),
  vcard_extra TEXT NOT NULL DEFAULT '')`;

const OLD_COLUMNS = 'id, first_name, last_name, email, phone, created_at, updated_at, address_book_id';

/** The columns a version copies from the contact, beside its own bookkeeping. */
export const SNAPSHOT = ['address_book_id', 'first_name', 'last_name', 'email', 'phone', 'organization', 'job_title', 'notes', 'birthday',
  'other_emails', 'other_phones', 'addresses', 'uid', 'vcard_extra'];
const VERSION_COLUMNS = `contact_id, ${SNAPSHOT.join(', ')}, edited_at, edited_reason, contact_created_at, edited_via, edited_by_id, edited_by_name`;
const snapshotOf = (row: 'new' | 'old') => SNAPSHOT.map((column) => `${row}.${column}`).join(', ');

export const WITH_CONTEXT = 'FROM (SELECT 1) LEFT JOIN mutation_context m ON m.id = 1';

/** The `value`s of a JSON list of {label, value}, one a line (so a search term never spans two of them). */
const listValues = (expression: string) =>
  `coalesce((SELECT group_concat(CASE WHEN type = 'object' THEN json_extract(value, '$.value') END, char(10)) FROM json_each(${expression})), '')`;

export const SEARCH_COLUMNS = 'full_name, email, phone, organization, other_emails, other_phones';
export const searchValuesOf = (row: string) =>
  `${row}.first_name || ' ' || ${row}.last_name, ${row}.email, ${row}.phone, ${row}.organization, ${listValues(`${row}.other_emails`)}, ${listValues(`${row}.other_phones`)}`;

/**
 * Richer contacts (contract Part 2): organization, job title, notes, birthday, more emails,
 * phones and addresses (JSON arrays in their wire shape), the vCard UID and the card's
 * properties the model does not hold (`vcard_extra`, opaque outside the vCard codec).
 *
 * - `contacts` is rebuilt, as in SqliteDatabaseGuards: SQLite can add neither CHECKs nor
 *   an expression default to an existing table, and `uid` defaults to a random UUID so a
 *   direct INSERT of the four fields still works. AUTOINCREMENT's high-water mark carries
 *   over; the indexes and triggers dropped with the old table are made again, with the
 *   UID unique per book beside the email.
 * - `contacts_search` gains organization and the other emails and phones, and is filled
 *   again from the rows.
 * - Versions snapshot every new column too (uid stays null on the versions written
 *   before), so history, revert and restore carry every field.
 */
export class SqliteRicherContacts1764600000000 implements MigrationInterface {
  name = 'SqliteRicherContacts1764600000000';

  async up(db: QueryRunner): Promise<void> {
    const referencing = (await db.query(
      `SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f."table" = 'contacts'`,
    )) as Array<{ name: string }>;
    if (referencing.length > 0) {
      throw new Error(`contacts is rebuilt by this migration; tables referencing it need handling first: ${referencing.map((r) => r.name).join(', ')}`);
    }

    for (const column of [
      `organization VARCHAR(200) NOT NULL DEFAULT ''`,
      `job_title VARCHAR(200) NOT NULL DEFAULT ''`,
      `notes TEXT NOT NULL DEFAULT ''`,
      `birthday VARCHAR(10)`,
      `other_emails TEXT NOT NULL DEFAULT '[]'`,
      `other_phones TEXT NOT NULL DEFAULT '[]'`,
      `addresses TEXT NOT NULL DEFAULT '[]'`,
      `uid VARCHAR(255)`,
      `vcard_extra TEXT NOT NULL DEFAULT ''`,
    ]) {
      await db.query(`ALTER TABLE contact_versions ADD COLUMN ${column}`);
    }

    const [sequence] = (await db.query(`SELECT seq FROM sqlite_sequence WHERE name = 'contacts'`)) as Array<{ seq: number }>;
    await db.query(CONTACTS_TABLE('contacts_rebuilt'));
    // No triggers on the new table yet: the copy writes no versions; each row draws its own uid.
    await db.query(`INSERT INTO contacts_rebuilt (${OLD_COLUMNS}) SELECT ${OLD_COLUMNS} FROM contacts`);
    await db.query(`DROP TABLE contacts`);
    await db.query(`ALTER TABLE contacts_rebuilt RENAME TO contacts`);
    await db.query(`DELETE FROM sqlite_sequence WHERE name IN ('contacts', 'contacts_rebuilt')`);
    await db.query(`INSERT INTO sqlite_sequence (name, seq) SELECT 'contacts', max(?, coalesce((SELECT max(id) FROM contacts), 0))`, [
      Number(sequence?.seq ?? 0),
    ]);

    await db.query(`CREATE UNIQUE INDEX contacts_book_email_unique ON contacts (address_book_id, lower(email))`);
    await db.query(`CREATE UNIQUE INDEX contacts_book_uid_unique ON contacts (address_book_id, uid)`);
    await db.query(`CREATE INDEX contacts_updated_at ON contacts (updated_at DESC, id DESC)`);
    await db.query(`CREATE INDEX contacts_book_updated_at ON contacts (address_book_id, updated_at DESC, id DESC)`);

    await db.query(`DROP TABLE contacts_search`);
    await db.query(`CREATE VIRTUAL TABLE contacts_search USING fts5(${SEARCH_COLUMNS}, tokenize='trigram')`);
    await db.query(`INSERT INTO contacts_search (rowid, ${SEARCH_COLUMNS}) SELECT c.id, ${searchValuesOf('c')} FROM contacts c`);
    await createSearchTriggers(db);
    await createVersionTriggers(db);
  }

  async down(): Promise<void> {
    throw new Error('SqliteRicherContacts cannot be undone: it would drop every contact’s details and vCard properties');
  }
}

async function createSearchTriggers(db: QueryRunner): Promise<void> {
  await db.query(`CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_search (rowid, ${SEARCH_COLUMNS}) VALUES (new.id, ${searchValuesOf('new')}); END`);
  await db.query(`CREATE TRIGGER contacts_search_update AFTER UPDATE ON contacts BEGIN
    UPDATE contacts_search SET (${SEARCH_COLUMNS}) = (${searchValuesOf('new')}) WHERE rowid = old.id; END`);
  await db.query(`CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
    DELETE FROM contacts_search WHERE rowid = old.id; END`);
}

/** As in SqliteAccounts, with every snapshot column. */
async function createVersionTriggers(db: QueryRunner): Promise<void> {
  await db.query(`CREATE TRIGGER contacts_id_fixed BEFORE UPDATE OF id ON contacts WHEN new.id IS NOT old.id
    BEGIN SELECT RAISE(ABORT, 'contact ids never change'); END`);
  await db.query(`CREATE TRIGGER contacts_version_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contact_versions (${VERSION_COLUMNS})
    SELECT new.id, ${snapshotOf('new')}, new.updated_at,
      coalesce(m.edited_reason, 'created'), new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
    ${WITH_CONTEXT}; END`);
  await db.query(`CREATE TRIGGER contacts_version_update AFTER UPDATE ON contacts BEGIN
    INSERT INTO contact_versions (${VERSION_COLUMNS})
    SELECT new.id, ${snapshotOf('new')},
      CASE WHEN new.updated_at IS old.updated_at THEN ${SQLITE_NOW_ISO} ELSE new.updated_at END,
      coalesce(m.edited_reason, 'updated'), new.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
    ${WITH_CONTEXT};
    UPDATE contacts SET updated_at = (SELECT edited_at FROM contact_versions WHERE id = last_insert_rowid())
      WHERE id = new.id AND new.updated_at IS old.updated_at; END`);
  await db.query(`CREATE TRIGGER contacts_version_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contact_versions (${VERSION_COLUMNS})
    SELECT old.id, ${snapshotOf('old')}, coalesce(m.edited_at, ${SQLITE_NOW_ISO}),
      coalesce(m.edited_reason, 'deleted'), old.created_at, coalesce(m.edited_via, 'database'), m.edited_by_id, m.edited_by_name
    ${WITH_CONTEXT}; END`);
}
