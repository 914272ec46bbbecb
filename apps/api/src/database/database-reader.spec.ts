import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ContactEntity } from '../contacts/contact.entity.js';
import { bindIntegerParameters } from './bind-integer-parameters.js';
import { DatabaseReader } from './database-reader.js';
import { dataSourceOptions, readerDataSourceOptions } from './data-source-options.js';
import { DataVersion } from './data-version.js';

const INSERT = `INSERT INTO contacts (first_name, last_name, email, phone, created_at, updated_at) VALUES ('A', 'B', ?, '1', 'now', 'now')`;

describe('DatabaseReader on SQLite', () => {
  let dir: string;
  let writer: DataSource;
  let reader: DatabaseReader;
  let version: DataVersion;
  const count = async () => Number((await reader.dataSource.query('SELECT COUNT(*) AS n FROM contacts'))[0].n);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contacts-reader-'));
    writer = await bindIntegerParameters(new DataSource(dataSourceOptions({ kind: 'sqlite', path: join(dir, 'db.sqlite3') }, [ContactEntity]))).initialize();
    reader = await DatabaseReader.open(writer);
    version = new DataVersion(reader);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads through its own connection, never the open write transaction, and its version moves only at commit', async () => {
    const before = version.current();
    let insideTransaction: { count: number; version: string | null } | null = null;
    await writer.transaction(async (manager) => {
      await manager.query(INSERT, ['one@example.com']);
      insideTransaction = { count: await count(), version: version.current() };
    });
    expect(insideTransaction).toEqual({ count: 0, version: before });
    expect(await count()).toBe(1);
    const committed = version.current();
    expect(committed).not.toBe(before);

    await expect(
      writer.transaction(async (manager) => {
        await manager.query(INSERT, ['two@example.com']);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await count()).toBe(1);
    expect(version.current()).toBe(committed);
  });

  it('is read-only and binds integers like the writer', async () => {
    await expect(reader.dataSource.query(INSERT, ['three@example.com'])).rejects.toThrow(/readonly/);
    const [sql, parameters] = reader.dataSource.createQueryBuilder(ContactEntity, 'c').where('c.id = :id', { id: 600 }).getQueryAndParameters();
    expect(sql).not.toContain('600');
    expect(parameters).toEqual([600n]);
    expect((await reader.manager.findOneByOrFail(ContactEntity, { id: 1 })).email).toBe('one@example.com');
  });

  it('closes with the writer, before it, so the writer checkpoints the WAL; then the data version says "no signal"', async () => {
    const wal = join(dir, 'db.sqlite3-wal');
    expect(existsSync(wal)).toBe(true);
    await writer.destroy();
    expect(reader.dataSource.isInitialized).toBe(false);
    expect(existsSync(wal)).toBe(false);
    expect(version.current()).toBeNull();
  });

  it('has no connection of its own on PostgreSQL, whose pool already isolates reads', () => {
    expect(readerDataSourceOptions({ type: 'postgres', url: 'postgres://nowhere/db' })).toBeNull();
  });
});
