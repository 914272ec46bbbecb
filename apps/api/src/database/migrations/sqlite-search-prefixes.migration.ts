import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An address's local part (before its first `@`), as an SQLite expression. */
const localPart = (email: string) => `CASE WHEN instr(${email}, '@') > 0 THEN substr(${email}, 1, instr(${email}, '@') - 1) ELSE ${email} END`;

/** The `value`s of a JSON list of {label, value}, each through `each`, space-separated. */
const listWords = (list: string, each: (value: string) => string) =>
  `coalesce((SELECT group_concat(${each(`json_extract(value, '$.value')`)}, ' ') FROM json_each(${list}) WHERE type = 'object'), '')`;

/**
 * The text whose words a short search term is matched against: names, organization,
 * the local parts of the emails (a domain's words would match every address at it) and
 * the phones. The full name adds no word of its own.
 */
const wordsOf = (row: string) =>
  [
    `${row}.first_name`,
    `${row}.last_name`,
    `${row}.organization`,
    localPart(`${row}.email`),
    `${row}.phone`,
    listWords(`${row}.other_emails`, localPart),
    listWords(`${row}.other_phones`, (value) => value),
  ].join(` || ' ' || `);

const WORD_COLUMNS = 'first_name, last_name, organization, email, phone, other_emails, other_phones';

/**
 * Search by the start of a word, for terms too short for the trigram index (one or two
 * characters): `contacts_words`, an FTS5 index of the words (unicode61: runs of letters
 * and digits, case-folded) with prefix indexes of one and two characters, so `ab*` reads
 * one prefix list instead of scanning every row. Contentless with detail=none: it holds
 * rowids only, no copy of the text and no positions. Kept by triggers (a contentless
 * table deletes by being given the old text again), so writes made with sqlite3 are
 * found too; an update that changes none of the words leaves it alone.
 */
export class SqliteSearchPrefixes1764900000001 implements MigrationInterface {
  name = 'SqliteSearchPrefixes1764900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE VIRTUAL TABLE contacts_words USING fts5(words, content='', detail=none, columnsize=0, prefix='1 2',
      tokenize='unicode61 remove_diacritics 0')`);
    await db.query(`INSERT INTO contacts_words (rowid, words) SELECT c.id, ${wordsOf('c')} FROM contacts c`);
    // One segment instead of the dozen a bulk insert leaves: a probe for one rowid seeks every segment.
    await db.query(`INSERT INTO contacts_words (contacts_words) VALUES ('optimize')`);
    const remove = `INSERT INTO contacts_words (contacts_words, rowid, words) VALUES ('delete', old.id, ${wordsOf('old')});`;
    const add = `INSERT INTO contacts_words (rowid, words) VALUES (new.id, ${wordsOf('new')});`;
    await db.query(`CREATE TRIGGER contacts_words_insert AFTER INSERT ON contacts BEGIN ${add} END`);
    await db.query(`CREATE TRIGGER contacts_words_delete AFTER DELETE ON contacts BEGIN ${remove} END`);
    const changed = WORD_COLUMNS.split(', ').map((column) => `new.${column} IS NOT old.${column}`).join(' OR ');
    await db.query(`CREATE TRIGGER contacts_words_update AFTER UPDATE OF ${WORD_COLUMNS} ON contacts WHEN ${changed} BEGIN ${remove} ${add} END`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of ['contacts_words_insert', 'contacts_words_delete', 'contacts_words_update']) await db.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    await db.query('DROP TABLE IF EXISTS contacts_words');
  }
}
