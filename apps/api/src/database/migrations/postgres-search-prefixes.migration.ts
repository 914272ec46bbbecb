import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * As SqliteSearchPrefixes: the one- and two-character starts of the words (runs of
 * letters and digits, lower-cased) of the names, organization, the emails' local parts
 * and the phones, as an array the GIN index holds per contact. An expression index, so
 * every write — psql's too — keeps it. ContactSearchRepository filters on exactly this
 * call (`contacts_word_prefixes(first_name, …) @> ARRAY[term]`) so the planner can use it.
 */
export class PostgresSearchPrefixes1764900000001 implements MigrationInterface {
  name = 'PostgresSearchPrefixes1764900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION contacts_word_prefixes(first_name text, last_name text, organization text, email text, phone text,
        other_emails text, other_phones text) RETURNS text[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT prefix.key), '{}')
        FROM regexp_split_to_table(lower(concat_ws(' ', first_name, last_name, organization, split_part(email, '@', 1), phone,
            regexp_replace(contacts_list_values(other_emails), '@[^\\n]*', '', 'g'), contacts_list_values(other_phones))), '[^[:alnum:]]+') word,
          LATERAL (VALUES (left(word, 1)), (left(word, 2))) prefix(key)
        WHERE word <> '' $$`);
    await db.query(`CREATE INDEX contacts_word_prefixes_gin ON contacts
      USING gin (contacts_word_prefixes(first_name, last_name, organization, email, phone, other_emails, other_phones))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX IF EXISTS contacts_word_prefixes_gin');
    await db.query('DROP FUNCTION IF EXISTS contacts_word_prefixes(text, text, text, text, text, text, text)');
  }
}
