import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CONTACTS_CHANGES_CHANNEL } from './postgres-database-guards.migration.js';
import { SNAPSHOT } from './postgres-richer-contacts.migration.js';

/** As SqliteDeletedContacts: `deleted_contacts`, kept by the version trigger. */
export class PostgresDeletedContacts1764800000000 implements MigrationInterface {
  name = 'PostgresDeletedContacts1764800000000';

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

    await db.query(`CREATE OR REPLACE FUNCTION contacts_record_version() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        subject record;
        reason varchar := nullif(current_setting('contacts.edited_reason', true), '');
        at varchar;
        recorded integer;
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
          RETURNING id INTO recorded;
        IF TG_OP = 'INSERT' THEN
          DELETE FROM deleted_contacts WHERE contact_id = NEW.id;
        ELSIF TG_OP = 'DELETE' AND reason = 'deleted' THEN
          INSERT INTO deleted_contacts (contact_id, address_book_id, version_id) VALUES (OLD.id, OLD.address_book_id, recorded)
            ON CONFLICT (contact_id) DO UPDATE SET address_book_id = EXCLUDED.address_book_id, version_id = EXCLUDED.version_id;
        END IF;
        -- Delivered at commit, to every replica's listener.
        PERFORM pg_notify('${CONTACTS_CHANGES_CHANNEL}', recorded::text);
        RETURN NULL;
      END $$`);
  }

  async down(): Promise<void> {
    throw new Error('PostgresDeletedContacts cannot be undone');
  }
}
