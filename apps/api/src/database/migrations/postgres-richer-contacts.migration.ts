import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTACTS_CHANGES_CHANNEL } from './postgres-database-guards.migration.js';

/** The columns a version copies from the contact, beside its own bookkeeping. */
export const SNAPSHOT = ['address_book_id', 'first_name', 'last_name', 'email', 'phone', 'organization', 'job_title', 'notes', 'birthday',
  'other_emails', 'other_phones', 'addresses', 'uid', 'vcard_extra'];

/**
 * The text the trigram index covers; ContactSearchRepository filters on exactly this
 * expression (so the planner can use the index), then re-checks each field.
 */
const SEARCH_TEXT = `lower(first_name || ' ' || last_name || ' ' || email || ' ' || phone || ' ' || organization
  || ' ' || contacts_list_values(other_emails) || ' ' || contacts_list_values(other_phones))`;

/**
 * Richer contacts (contract Part 2); see SqliteRicherContacts for the shape. Columns are
 * added in place: `uid` defaults to gen_random_uuid(), a volatile default, so every
 * existing row gets its own as the table is rewritten (no versions are written for it).
 * The list columns are text holding a JSON array (as on SQLite, so both read alike),
 * checked by the database; birthdays must be real dates. The version trigger function is
 * re-made with every column, and the trigram index with organization and the other emails
 * and phones.
 */
export class PostgresRicherContacts1764600000000 implements MigrationInterface {
  name = 'PostgresRicherContacts1764600000000';

  async up(db: QueryRunner): Promise<void> {
    // Immutable: a malformed value is refused (false), not an error, and the index may use it.
    await db.query(`CREATE FUNCTION contacts_is_json_list(value text, max_items integer) RETURNS boolean
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN jsonb_typeof(value::jsonb) = 'array' AND jsonb_array_length(value::jsonb) <= max_items;
      EXCEPTION WHEN others THEN
        RETURN false;
      END $$`);
    await db.query(`CREATE FUNCTION contacts_valid_birthday(value text) RETURNS boolean
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
      BEGIN
        IF value !~ '^([0-9]{4}|-)-[0-9]{2}-[0-9]{2}$' THEN
          RETURN false;
        END IF;
        -- A month and day without the year is tried in a leap year (--02-29 is a birthday).
        PERFORM make_date(CASE WHEN left(value, 2) = '--' THEN 2000 ELSE substr(value, 1, 4)::integer END,
          substr(value, length(value) - 4, 2)::integer, right(value, 2)::integer);
        RETURN true;
      EXCEPTION WHEN others THEN
        RETURN false;
      END $$`);
    // The values of a JSON list of {label, value}, one a line (a search term never spans two).
    await db.query(`CREATE FUNCTION contacts_list_values(list text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(string_agg(entry ->> 'value', E'\\n'), '')
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(list::jsonb) = 'array' THEN list::jsonb ELSE '[]'::jsonb END) entry $$`);

    await db.query(`ALTER TABLE contacts
      ADD COLUMN organization VARCHAR(200) NOT NULL DEFAULT '',
      ADD COLUMN job_title VARCHAR(200) NOT NULL DEFAULT '',
      ADD COLUMN notes TEXT NOT NULL DEFAULT '' CONSTRAINT contacts_notes_length CHECK (char_length(notes) <= 10000),
      ADD COLUMN birthday VARCHAR(10) CONSTRAINT contacts_birthday_date CHECK (contacts_valid_birthday(birthday)),
      ADD COLUMN other_emails TEXT NOT NULL DEFAULT '[]' CONSTRAINT contacts_other_emails_json_array CHECK (contacts_is_json_list(other_emails, 10)),
      ADD COLUMN other_phones TEXT NOT NULL DEFAULT '[]' CONSTRAINT contacts_other_phones_json_array CHECK (contacts_is_json_list(other_phones, 10)),
      ADD COLUMN addresses TEXT NOT NULL DEFAULT '[]' CONSTRAINT contacts_addresses_json_array CHECK (contacts_is_json_list(addresses, 5)),
      ADD COLUMN uid VARCHAR(255) NOT NULL DEFAULT gen_random_uuid()::text CONSTRAINT contacts_uid_not_blank CHECK (btrim(uid) <> ''),
      ADD COLUMN vcard_extra TEXT NOT NULL DEFAULT ''`);
    await db.query(`CREATE UNIQUE INDEX contacts_book_uid_unique ON contacts (address_book_id, uid)`);

    await db.query(`ALTER TABLE contact_versions
      ADD COLUMN organization VARCHAR(200) NOT NULL DEFAULT '',
      ADD COLUMN job_title VARCHAR(200) NOT NULL DEFAULT '',
      ADD COLUMN notes TEXT NOT NULL DEFAULT '',
      ADD COLUMN birthday VARCHAR(10),
      ADD COLUMN other_emails TEXT NOT NULL DEFAULT '[]',
      ADD COLUMN other_phones TEXT NOT NULL DEFAULT '[]',
      ADD COLUMN addresses TEXT NOT NULL DEFAULT '[]',
      ADD COLUMN uid VARCHAR(255),
      ADD COLUMN vcard_extra TEXT NOT NULL DEFAULT ''`);

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
        INSERT INTO contact_versions (contact_id, ${SNAPSHOT.join(', ')}, edited_at, edited_reason,
            contact_created_at, edited_via, edited_by_id, edited_by_name)
          VALUES (subject.id, ${SNAPSHOT.map((column) => `subject.${column}`).join(', ')}, at, reason,
            subject.created_at,
            coalesce(nullif(current_setting('contacts.edited_via', true), ''), 'database'),
            nullif(current_setting('contacts.edited_by_id', true), '')::integer,
            nullif(current_setting('contacts.edited_by_name', true), ''))
          RETURNING id INTO version_id;
        -- Delivered at commit, to every replica's listener.
        PERFORM pg_notify('${CONTACTS_CHANGES_CHANNEL}', version_id::text);
        RETURN NULL;
      END $$`);

    // Without pg_trgm (no privilege to create it: see PostgresSearch) search scans instead.
    const [trgm] = (await db.query(`SELECT 1 AS present FROM pg_extension WHERE extname = 'pg_trgm'`)) as Array<{ present: number }>;
    await db.query('DROP INDEX IF EXISTS contacts_search_trgm');
    if (trgm) await db.query(`CREATE INDEX contacts_search_trgm ON contacts USING gin ((${SEARCH_TEXT}) gin_trgm_ops)`);
  }

  async down(): Promise<void> {
    throw new Error('PostgresRicherContacts cannot be undone: it would drop every contact’s details and vCard properties');
  }
}
