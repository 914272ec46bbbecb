// The migration that hands the rules and the history to the database, run over a database
// that already holds data (TEST_DATABASE selects which): rows, ids, history and search survive.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import type { DatabaseConfig } from '../../apps/api/src/config/app-config.js';
import { tempDir } from '../support/temp-dir.js';
import { createTestPostgresDatabase, TEST_DATABASE } from '../support/test-app.js';
import { type DatabaseTarget, sql } from './sql-shell.js';

describe(`upgrading a ${TEST_DATABASE} database that holds data`, () => {
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

  /** The schema as it was before the migration under test (every earlier migration). */
  async function migrate(options: DataSourceOptions): Promise<void> {
    const dataSource = await new DataSource(options).initialize();
    await dataSource.destroy();
  }

  it('keeps rows, their history and search; marks old external updates; never reuses an id', async () => {
    const full = dataSourceOptions(config);
    const GUARDS = 1764415000000;
    const earlier = (full.migrations as Array<{ name: string }>).filter((m) => Number(/\d+$/.exec(m.name)?.[0]) < GUARDS);
    expect(earlier.length).toBeGreaterThan(1);
    await migrate({ ...full, migrations: earlier } as DataSourceOptions);
    const at = '2026-01-01T00:00:00.000Z';
    const insert = (id: number, name: string) =>
      `INSERT INTO contacts (id, first_name, last_name, email, phone, created_at, updated_at) VALUES (${id}, '${name}', 'Old', '${name.toLowerCase()}@example.com', '1', '${at}', '${at}');
       INSERT INTO contact_versions (contact_id, first_name, last_name, email, phone, edited_at, edited_reason, contact_created_at)
         VALUES (${id}, '${name}', 'Old', '${name.toLowerCase()}@example.com', '1', '${at}', '${id === 2 ? 'external_update' : 'created'}', '${at}');`;
    await sql(target, `${insert(1, 'Alice')} ${insert(2, 'Bruno')} ${insert(3, 'Carla')} DELETE FROM contacts WHERE id = 3;`);
    // Explicit ids do not move PostgreSQL's sequence; the server's inserts would have.
    if (target.kind === 'postgres') await sql(target, `SELECT setval(pg_get_serial_sequence('contacts', 'id'), 3)`);

    await migrate(full);
    expect(await sql(target, 'SELECT id, first_name FROM contacts ORDER BY id')).toBe('1|Alice\n2|Bruno');
    expect(await sql(target, 'SELECT contact_id, edited_reason, edited_via FROM contact_versions ORDER BY id')).toBe(
      '1|created|api\n2|external_update|external\n3|created|api',
    );
    // Contact 3 was deleted (its id handed out once): the next contact gets a new id.
    const id = await sql(target, `INSERT INTO contacts (first_name, last_name, email, phone) VALUES ('Dora', 'New', 'dora@example.com', '1') RETURNING id`);
    expect(Number(id)).toBe(4);
    expect(await sql(target, 'SELECT contact_id, edited_reason, edited_via FROM contact_versions ORDER BY id DESC LIMIT 1')).toBe('4|created|database');
    if (target.kind === 'sqlite') {
      expect(await sql(target, `SELECT rowid FROM contacts_search WHERE contacts_search MATCH '"dora"'`)).toBe('4');
      expect(await sql(target, 'SELECT count(*) FROM mutation_context')).toBe('0');
    }
  });
});
