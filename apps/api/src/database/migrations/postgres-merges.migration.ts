import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTACTS_CHANGES_CHANNEL } from './postgres-database-guards.migration.js';
import { SNAPSHOT } from './postgres-richer-contacts.migration.js';

/** The columns the duplicate keys are computed from: an UPDATE of any other leaves the keys as they are. */
const MATCHED_COLUMNS = 'first_name, last_name, email, phone, other_emails, other_phones, address_book_id';

/**
 * Duplicates and merging (contract Part 2), as SqliteMerges: `contact_versions.operation`
 * (backfilled from the reason, then written by the version trigger from TG_OP), the
 * `merges` and `merge_contacts` an undo reads, the `duplicate_dismissals` (pairs never to
 * suggest again), and the duplicate index
 * `contact_match_keys` with the trigger that marks changed contacts stale (keys are the
 * server's to compute) and drops a deleted contact's keys.
 */
export class PostgresMerges1764700000000 implements MigrationInterface {
  name = 'PostgresMerges1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contact_versions ADD COLUMN operation VARCHAR(6) NOT NULL DEFAULT 'update'
      CONSTRAINT contact_versions_operation CHECK (operation IN ('insert', 'update', 'delete'))`);
    // History is immutable; this one backfill of the new column is the exception.
    await db.query(`ALTER TABLE contact_versions DISABLE TRIGGER contact_versions_no_change`);
    await db.query(`UPDATE contact_versions SET operation = CASE edited_reason WHEN 'created' THEN 'insert' WHEN 'restored' THEN 'insert'
      WHEN 'deleted' THEN 'delete' ELSE 'update' END`);
    await db.query(`ALTER TABLE contact_versions ENABLE TRIGGER contact_versions_no_change`);

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
        INSERT INTO contact_versions (contact_id, ${SNAPSHOT.join(', ')}, edited_at, edited_reason, operation,
            contact_created_at, edited_via, edited_by_id, edited_by_name)
          VALUES (subject.id, ${SNAPSHOT.map((column) => `subject.${column}`).join(', ')}, at, reason, lower(TG_OP),
            subject.created_at,
            coalesce(nullif(current_setting('contacts.edited_via', true), ''), 'database'),
            nullif(current_setting('contacts.edited_by_id', true), '')::integer,
            nullif(current_setting('contacts.edited_by_name', true), ''))
          RETURNING id INTO version_id;
        -- Delivered at commit, to every replica's listener.
        PERFORM pg_notify('${CONTACTS_CHANGES_CHANNEL}', version_id::text);
        RETURN NULL;
      END $$`);

    await db.query(`CREATE TABLE merges (
      id SERIAL PRIMARY KEY,
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
      id SERIAL PRIMARY KEY,
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
      PRIMARY KEY (address_book_id, kind, match_key, contact_id))`);
    await db.query(`CREATE INDEX contact_match_keys_contact ON contact_match_keys (contact_id)`);
    await db.query(`CREATE TABLE contact_match_stale (contact_id INTEGER PRIMARY KEY)`);
    await db.query(`CREATE FUNCTION contacts_mark_match_stale() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          DELETE FROM contact_match_keys WHERE contact_id = OLD.id;
          DELETE FROM contact_match_stale WHERE contact_id = OLD.id;
        ELSE
          INSERT INTO contact_match_stale (contact_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER contacts_4_match_keys AFTER INSERT OR DELETE OR UPDATE OF ${MATCHED_COLUMNS} ON contacts
      FOR EACH ROW EXECUTE FUNCTION contacts_mark_match_stale()`);
    await db.query(`INSERT INTO contact_match_stale (contact_id) SELECT id FROM contacts`);
  }

  async down(): Promise<void> {
    throw new Error('PostgresMerges cannot be undone: merges could no longer be undone and versions would lose what they record');
  }
}
