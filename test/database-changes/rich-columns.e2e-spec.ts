// The richer contact's columns as the database itself keeps them (TEST_DATABASE selects
// which), written with the real sqlite3 / psql clients: defaults (a uid for a direct
// INSERT of the four fields), the checks on the new columns, the versions and search; and
// the migration over a database that already holds contacts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Contact, Version } from '@contacts/wire-types';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../../apps/api/src/config/app-config.js';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { tempDir } from '../support/temp-dir.js';
import { createTestPostgresDatabase, startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { type DatabaseTarget, literal, shell, sql } from './sql-shell.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RICHER = 1764600000000;

describe(`the richer contact's columns in ${TEST_DATABASE}`, () => {
  let t: TestApp;
  let db: DatabaseTarget;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.config.database.kind === 'sqlite' ? { kind: 'sqlite', path: t.config.database.path } : { kind: 'postgres', url: t.config.database.url };
  });
  afterAll(() => t?.close());

  const email = () => literal(`rich${++n}.${process.pid}@example.com`);
  const insert = (columns: string, values: string) =>
    shell(db, `INSERT INTO contacts (first_name, last_name, email, phone${columns}) VALUES ('Hedy', 'Lamarr', ${email()}, '1'${values}) RETURNING id`);

  it('an INSERT of the four fields gets a uid of its own and empty details, in the contact and its version', async () => {
    const ids = await Promise.all([insert('', ''), insert('', '')]);
    const [a, b] = await Promise.all(ids.map(async (r) => (await t.http().get(`/api/contacts/${Number(r.stdout)}/`).expect(200)).body as Contact));
    for (const contact of [a, b]) {
      expect(contact).toMatchObject({ organization: '', job_title: '', notes: '', birthday: null, other_emails: [], other_phones: [], addresses: [] });
      expect(contact.uid).toMatch(UUID);
    }
    expect(a.uid).not.toBe(b.uid);
    expect(await sql(db, `SELECT uid, vcard_extra FROM contact_versions WHERE contact_id = ${a.id}`)).toBe(`${a.uid}|`);
  });

  it('refuses malformed lists, too many entries, an impossible birthday, a blank uid, an over-long note', async () => {
    const refused = [
      [', other_emails', `, '[{"value": "a@b.co"'`],
      [', other_phones', `, '{"value": "1"}'`],
      [', addresses', `, '"London"'`],
      [', other_emails', `, ${literal(JSON.stringify(Array.from({ length: 11 }, () => ({ label: '', value: 'a@b.co' }))))}`],
      [', birthday', `, '2023-02-30'`],
      [', birthday', `, '--02-30'`],
      [', birthday', `, '1815/12/10'`],
      [', uid', `, ' '`],
      [', notes', `, ${literal('n'.repeat(10_001))}`],
      [', organization', `, ${literal('o'.repeat(201))}`],
    ];
    for (const [columns, values] of refused) {
      const result = await insert(columns, values);
      const attempt = `${columns.slice(2)} = ${values.slice(2, 60)}`;
      expect({ attempt, refused: result.code !== 0 }).toEqual({ attempt, refused: true });
    }
    const accepted = await insert(', birthday, other_phones', `, '--02-29', '[{"label": "mobile", "value": "+1 555"}]'`);
    expect(accepted.code).toBe(0);
  });

  it('a direct UPDATE of the details is versioned with every column, vcard_extra included, and found by search', async () => {
    const id = Number((await insert('', '')).stdout);
    await sql(
      db,
      `UPDATE contacts SET organization = 'Zyxwv Films', other_emails = '[{"label": "work", "value": "hedy@qwert.example"}]',
         other_phones = '[{"label": "", "value": "+1 555 010 9999"}]', vcard_extra = 'X-FOO:bar' WHERE id = ${id}`,
    );
    const versions = (await t.http().get(`/api/contacts/${id}/history/`).expect(200)).body as Version[];
    expect(versions[0]).toMatchObject({ edited_via: 'database', organization: 'Zyxwv Films', other_emails: [{ label: 'work', value: 'hedy@qwert.example' }] });
    expect(await sql(db, `SELECT vcard_extra FROM contact_versions WHERE id = ${versions[0].id}`)).toBe('X-FOO:bar');
    for (const term of ['zyxwv', 'qwert.exa', '010 9999']) {
      const found = (await t.http().get('/api/contacts/').query({ search: term }).expect(200)).body.results as Contact[];
      expect({ term, ids: found.map((c) => c.id) }).toEqual({ term, ids: [id] });
    }
  });

  it('search follows a direct UPDATE of each searched column alone, and an UPDATE of the others leaves it as it was', async () => {
    const tag = `q${process.pid}x${Date.now() % 100_000}`;
    const digits = String(Date.now()).slice(-7);
    const id = Number((await insert('', '')).stdout);
    const found = async (term: string) => ((await t.http().get('/api/contacts/').query({ search: term }).expect(200)).body.results as Contact[]).map((c) => c.id);
    const changes: Array<[string, string, string]> = [
      ['first_name', `'Fn${tag}'`, `fn${tag}`],
      ['last_name', `'Ln${tag}'`, `ln${tag}`],
      ['email', `'em${tag}@example.com'`, `em${tag}`],
      ['phone', `'+1 555 ${digits}'`, `555 ${digits}`],
      ['organization', `'Org${tag}'`, `org${tag}`],
      ['other_emails', `'[{"label": "", "value": "oe${tag}@example.com"}]'`, `oe${tag}`],
      ['other_phones', `'[{"label": "", "value": "+44 ${digits}"}]'`, `+44 ${digits}`],
    ];
    let previous: string | null = null;
    for (const [column, value, term] of changes) {
      await sql(db, `UPDATE contacts SET ${column} = ${value} WHERE id = ${id}`);
      expect({ column, found: await found(term) }).toEqual({ column, found: [id] });
      if (previous) expect({ column, before: previous, found: await found(previous) }).toEqual({ column, before: previous, found: [id] });
      previous = term;
    }
    await sql(db, `UPDATE contacts SET first_name = 'Hedy' WHERE id = ${id}`);
    expect(await found(`fn${tag}`)).toEqual([]);
    await sql(db, `UPDATE contacts SET notes = 'Fn${tag}', job_title = 'Ln${tag}', birthday = '--02-29' WHERE id = ${id}`);
    expect(await found(`fn${tag}`)).toEqual([]);
    expect(await found(`org${tag}`)).toEqual([id]);
  });
});

describe(`upgrading a ${TEST_DATABASE} database with contacts to the richer contact`, () => {
  const dir = tempDir();
  let pg: Awaited<ReturnType<typeof createTestPostgresDatabase>> | null = null;
  let config: DatabaseConfig;
  let target: DatabaseTarget;

  beforeAll(async () => {
    pg = TEST_DATABASE === 'postgres' ? await createTestPostgresDatabase() : null;
    config = pg ? { kind: 'postgres', url: pg.url } : { kind: 'sqlite', path: `${dir.path}/contacts.sqlite3` };
    target = pg ? { kind: 'postgres', url: pg.url } : { kind: 'sqlite', path: `${dir.path}/contacts.sqlite3` };
  });
  afterAll(async () => {
    await pg?.drop();
    dir.remove();
  });

  async function migrate(options: DataSourceOptions): Promise<void> {
    const dataSource = await new DataSource(options).initialize();
    await dataSource.destroy();
  }

  it('gives every contact its own uid and empty details; keeps ids, history, search and the id high-water mark', async () => {
    const full = dataSourceOptions(config);
    const earlier = (full.migrations as Array<{ name: string }>).filter((m) => Number(/\d+$/.exec(m.name)?.[0]) < RICHER);
    await migrate({ ...full, migrations: earlier } as DataSourceOptions);
    await sql(
      target,
      `INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Alice', 'Old', 'alice@example.com', '1');
       INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Bruno', 'Old', 'bruno@example.com', '2');
       INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Carla', 'Old', 'carla@example.com', '3');
       DELETE FROM contacts WHERE first_name = 'Carla';`,
    );

    await migrate(full);
    const rows = (await sql(target, 'SELECT id, first_name, uid, organization, other_emails, birthday FROM contacts ORDER BY id')).split('\n').map((r) => r.split('|'));
    expect(rows.map(([id, name]) => [id, name])).toEqual([
      ['1', 'Alice'],
      ['2', 'Bruno'],
    ]);
    for (const [, , uid, organization, otherEmails, birthday] of rows) {
      expect(uid).toMatch(UUID);
      expect([organization, otherEmails, birthday]).toEqual(['', '[]', '']);
    }
    expect(rows[0][2]).not.toBe(rows[1][2]);
    // The versions from before: their details empty, no uid.
    expect(await sql(target, `SELECT count(*) FROM contact_versions WHERE uid IS NULL AND organization = '' AND other_phones = '[]'`)).toBe('4');
    const id = await sql(target, `INSERT INTO contacts (first_name, last_name, email, phone, organization) VALUES ('Dora', 'New', 'dora@example.com', '4', 'Acme') RETURNING id`);
    expect(Number(id)).toBe(4);
    expect(await sql(target, `SELECT uid IS NOT NULL, organization FROM contact_versions ORDER BY id DESC LIMIT 1`)).toBe(
      target.kind === 'sqlite' ? '1|Acme' : 't|Acme',
    );
    if (target.kind === 'sqlite') {
      // The full-text index was filled from the rows, and follows new ones.
      expect(await sql(target, `SELECT rowid FROM contacts_search WHERE contacts_search MATCH '"alice"'`)).toBe('1');
      expect(await sql(target, `SELECT rowid FROM contacts_search WHERE contacts_search MATCH '"acme"'`)).toBe('4');
    } else {
      expect(await sql(target, `SELECT indexdef LIKE '%contacts_list_values(other_emails)%' FROM pg_indexes WHERE indexname = 'contacts_search_trgm'`)).toBe('t');
    }
  });
});
