import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The channel the version trigger notifies, with the new version id (the seq) as payload. */
export const CONTACTS_CHANGES_CHANNEL = 'contacts_changes';

/** Blank = only the white space the server trims (ASCII, and the no-break space). */
const WHITE_SPACE = `E' \\t\\n\\r\\f\\x0b' || chr(160)`;

/**
 * The database guards the rules and keeps the history itself, so a change made with psql
 * or another program is checked, versioned and announced (NOTIFY) like any other.
 *
 * - Mandatory fields non-blank (VARCHAR(n) already limits lengths in characters); the
 *   timestamps default to now in the server's format, so an INSERT naming only the four
 *   fields works.
 * - Triggers on `contacts` are the one writer of versions. The server states its context
 *   (reason, channel, editor) with transaction-local settings `contacts.*`; without one
 *   the change is `edited_via: 'database'`.
 * - Every writer takes the server's history lock before its version id is drawn, so
 *   version ids (the realtime seq) commit in order whoever writes.
 * - TRUNCATE is refused: it would drop contacts without their `deleted` versions.
 */
export class PostgresDatabaseGuards1764415000000 implements MigrationInterface {
  name = 'PostgresDatabaseGuards1764415000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE contact_versions
      ADD COLUMN edited_via VARCHAR(20) NOT NULL DEFAULT 'api',
      ADD COLUMN edited_by_id INTEGER,
      ADD COLUMN edited_by_name VARCHAR(200)`);
    // History is immutable; this one backfill of the new column is the exception.
    await db.query(`ALTER TABLE contact_versions DISABLE TRIGGER contact_versions_no_change`);
    await db.query(`UPDATE contact_versions SET edited_via = 'external' WHERE edited_reason = 'external_update'`);
    await db.query(`ALTER TABLE contact_versions ENABLE TRIGGER contact_versions_no_change`);

    await db.query(`CREATE FUNCTION contacts_now_iso() RETURNS varchar LANGUAGE sql STABLE AS $$
      SELECT to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`);
    const checks = ['first_name', 'last_name', 'email', 'phone']
      .map((column) => `ADD CONSTRAINT contacts_${column}_not_blank CHECK (btrim(${column}, ${WHITE_SPACE}) <> '')`)
      .join(',\n      ');
    await db.query(`ALTER TABLE contacts
      ${checks},
      ALTER COLUMN created_at SET DEFAULT contacts_now_iso(),
      ALTER COLUMN updated_at SET DEFAULT contacts_now_iso()`);

    await db.query(`CREATE FUNCTION contacts_take_history_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The lock the server takes first in every write transaction (self-conflicting: one
        -- writer at a time), taken here by writers that are not the server.
        LOCK TABLE contact_versions IN SHARE ROW EXCLUSIVE MODE;
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER contacts_1_history_lock BEFORE INSERT OR UPDATE OR DELETE ON contacts
      FOR EACH STATEMENT EXECUTE FUNCTION contacts_take_history_lock()`);

    await db.query(`CREATE FUNCTION contacts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id IS DISTINCT FROM OLD.id THEN
          RAISE EXCEPTION 'contact ids never change' USING ERRCODE = 'check_violation';
        END IF;
        -- A direct UPDATE that left updated_at alone still moves it (lists and ETags change).
        IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
          NEW.updated_at := contacts_now_iso();
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER contacts_2_touch BEFORE UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION contacts_touch()`);

    await db.query(`CREATE FUNCTION contacts_record_version() RETURNS trigger LANGUAGE plpgsql AS $$
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
        INSERT INTO contact_versions (contact_id, first_name, last_name, email, phone, edited_at, edited_reason,
            contact_created_at, edited_via, edited_by_id, edited_by_name)
          VALUES (subject.id, subject.first_name, subject.last_name, subject.email, subject.phone, at, reason,
            subject.created_at,
            coalesce(nullif(current_setting('contacts.edited_via', true), ''), 'database'),
            nullif(current_setting('contacts.edited_by_id', true), '')::integer,
            nullif(current_setting('contacts.edited_by_name', true), ''))
          RETURNING id INTO version_id;
        -- Delivered at commit, to every replica's listener.
        PERFORM pg_notify('${CONTACTS_CHANGES_CHANNEL}', version_id::text);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER contacts_3_version AFTER INSERT OR UPDATE OR DELETE ON contacts
      FOR EACH ROW EXECUTE FUNCTION contacts_record_version()`);

    await db.query(`CREATE FUNCTION contacts_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'contacts cannot be truncated: DELETE the rows, so that each gets its deleted version';
      END $$`);
    await db.query(`CREATE TRIGGER contacts_no_truncate BEFORE TRUNCATE ON contacts
      FOR EACH STATEMENT EXECUTE FUNCTION contacts_refuse_truncate()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of ['contacts_no_truncate', 'contacts_3_version', 'contacts_2_touch', 'contacts_1_history_lock']) {
      await db.query(`DROP TRIGGER IF EXISTS ${trigger} ON contacts`);
    }
    for (const fn of ['contacts_refuse_truncate', 'contacts_record_version', 'contacts_touch', 'contacts_take_history_lock']) {
      await db.query(`DROP FUNCTION IF EXISTS ${fn}()`);
    }
    // The constraints, defaults and version columns stay: they are harmless to the old code.
  }
}
