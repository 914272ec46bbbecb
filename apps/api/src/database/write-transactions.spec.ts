import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { ContactEntity } from '../contacts/contact.entity.js';
import { bindIntegerParameters } from './bind-integer-parameters.js';
import { DatabaseReader } from './database-reader.js';
import { dataSourceOptions } from './data-source-options.js';
import { WriteTransactions } from './write-transactions.js';

const MAX_UNITS = 64;

const INSERT = `INSERT INTO contacts (first_name, last_name, email, phone, created_at, updated_at) VALUES ('A', 'B', ?, '1', 'now', 'now') RETURNING id`;

describe('WriteTransactions on SQLite: group commit', () => {
  let dir: string;
  let writer: DataSource;
  let reader: DatabaseReader;
  let writes: WriteTransactions;
  let n = 0;
  /** The committed contacts with this email (the reader sees commits only). */
  const committed = async (email: string) => Number((await reader.dataSource.query('SELECT COUNT(*) AS n FROM contacts WHERE email = ?', [email]))[0].n);
  /** A unit that inserts one contact (its trigger writes one version) and returns the version id. */
  const insertUnit = (email: string) => async (manager: EntityManager) => {
    const [{ id }] = (await manager.query(INSERT, [email])) as Array<{ id: number }>;
    const [{ seq }] = (await manager.query('SELECT max(id) AS seq FROM contact_versions WHERE contact_id = ?', [id])) as Array<{ seq: number }>;
    return Number(seq);
  };
  const email = () => `unit-${++n}@example.com`;
  const commits = () => {
    const runner = writer.createQueryRunner();
    return jest.spyOn(runner, 'commitTransaction');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contacts-group-commit-'));
    writer = await bindIntegerParameters(new DataSource(dataSourceOptions({ kind: 'sqlite', path: join(dir, 'db.sqlite3') }, [ContactEntity]))).initialize();
    reader = await DatabaseReader.open(writer);
    // No time bound here: how much a group takes must not depend on how fast this machine is.
    writes = new WriteTransactions(writer, { maxUnits: MAX_UNITS, maxMs: Infinity });
    // A deferred foreign key is checked at COMMIT: a way to make a commit fail.
    await writer.query('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    await writer.query('CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)');
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await writer.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the writes queued together as one transaction, in queue order: seqs and after-commit hooks follow it', async () => {
    const spy = commits();
    const hooks: number[] = [];
    const emails = Array.from({ length: 20 }, email);
    const seqs = await Promise.all(emails.map((address) => writes.run(insertUnit(address), (seq) => hooks.push(seq))));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(20);
    expect(hooks).toEqual(seqs);
    // All were queued before the first began: one commit.
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('bounds a group: more writes queued than a group takes commit in several, still in order', async () => {
    const spy = commits();
    const seqs = await Promise.all(Array.from({ length: 2 * MAX_UNITS + 1 }, () => writes.run(insertUnit(email()))));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('bounds a group in time: once it has run that long it takes no more writes', async () => {
    const timed = new WriteTransactions(writer, { maxUnits: MAX_UNITS, maxMs: 5 });
    const spy = commits();
    const slow = async (manager: EntityManager) => {
      const until = performance.now() + 20;
      while (performance.now() < until); // longer than the group may run
      return insertUnit(email())(manager);
    };
    await Promise.all([timed.run(slow), timed.run(insertUnit(email())), timed.run(insertUnit(email()))]);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('a write that throws is rolled back to its savepoint and fails alone: the others of its group commit', async () => {
    const [a, bad, c] = [email(), email(), email()];
    const results = await Promise.allSettled([
      writes.run(insertUnit(a)),
      writes.run(async (manager) => {
        await insertUnit(bad)(manager);
        throw new Error('this write fails');
      }),
      writes.run(insertUnit(c)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('this write fails'));
    expect([await committed(a), await committed(bad), await committed(c)]).toEqual([1, 0, 1]);
    const versionsOfBad = await reader.dataSource.query(`SELECT COUNT(*) AS n FROM contact_versions WHERE email = ?`, [bad]);
    expect(Number(versionsOfBad[0].n)).toBe(0);
  });

  it('settles nothing before the commit: every promise and hook sees its write committed', async () => {
    const seen: Array<Promise<number>> = [];
    const emails = Array.from({ length: 10 }, email);
    await Promise.all(
      emails.map((address) =>
        writes.run(insertUnit(address), () => seen.push(committed(address))).then(async () => {
          seen.push(committed(address));
        }),
      ),
    );
    expect(await Promise.all(seen)).toEqual(Array(20).fill(1));
  });

  it('a failed commit fails every write of the group, and the next group commits', async () => {
    const hooks: string[] = [];
    const [a, b] = [email(), email()];
    const results = await Promise.allSettled([
      writes.run(insertUnit(a), () => hooks.push(a)),
      writes.run((manager) => manager.query('INSERT INTO child (id, parent_id) VALUES (1, 999)')), // fails only at COMMIT
      writes.run(insertUnit(b), () => hooks.push(b)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(hooks).toEqual([]);
    expect([await committed(a), await committed(b)]).toEqual([0, 0]);
    const after = email();
    await writes.run(insertUnit(after));
    expect(await committed(after)).toBe(1);
  });

  it('a write that ends the transaction itself fails its whole group; the writer recovers', async () => {
    const [a, b] = [email(), email()];
    const results = await Promise.allSettled([writes.run(insertUnit(a)), writes.run((manager) => manager.query('ROLLBACK')), writes.run(insertUnit(b))]);
    // The third had not run when its group ended: it runs in the next one.
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect([await committed(a), await committed(b)]).toEqual([0, 1]);
    // TypeORM's runner knows it is out of a transaction (or it would open savepoints for transactions).
    expect(writer.createQueryRunner().isTransactionActive).toBe(false);
  });
});
