import type Database from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import { takeWriteLock } from '../database/write-transactions.js';
import { ContactVersionEntity } from '../history/contact-version.entity.js';

/** A seeded contact's columns; the others take the database's defaults, as any insert that leaves them out. */
export interface SeedContactRow {
  address_book_id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  created_at: string;
  updated_at: string;
}

/** The columns in the order of a batch's JSON arrays. */
const COLUMNS = ['address_book_id', 'first_name', 'last_name', 'email', 'phone', 'created_at', 'updated_at'] as const;

/**
 * Rows per INSERT statement. Each statement is one round trip and, on SQLite, one
 * statement savepoint, at which FTS5 writes its pending terms out as a new segment (to
 * be merged later): a statement per row would write a segment per row.
 */
const BATCH = 1000;
/** The seed connection's page cache (KiB): big enough that a large seed writes most pages once, small enough for its memory bound. */
const SEED_PAGE_CACHE_KIB = 64 * 1024;

/**
 * One batch (a JSON array of rows, each an array in COLUMNS order) into contacts, in
 * array order so ids follow it. The database's triggers then write each row's `created`
 * version and whatever else they keep (search rows, match keys, counts…), as for any
 * other insert.
 */
const SQLITE_INSERT_BATCH = `INSERT INTO contacts (${COLUMNS.join(', ')})
  SELECT ${COLUMNS.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?) ORDER BY key`;
const POSTGRES_INSERT_BATCH = `INSERT INTO contacts (${COLUMNS.join(', ')})
  SELECT (r.value ->> 0)::integer, ${COLUMNS.slice(1).map((_, i) => `r.value ->> ${i + 1}`).join(', ')}
  FROM json_array_elements($1::json) WITH ORDINALITY AS r(value, position) ORDER BY r.position`;

/** The seed command's SQL, inside its one transaction (`manager`). */
export class SeedRepository {
  private readonly postgres: boolean;

  constructor(private readonly manager: EntityManager) {
    this.postgres = manager.connection.options.type === 'postgres';
  }

  /** The write lock every writer takes first (as WriteTransactions does): ids and seqs are then this batch's alone. */
  async lockWrites(): Promise<void> {
    await takeWriteLock(this.manager);
  }

  async lastSeq(): Promise<number> {
    const row = await this.manager.createQueryBuilder(ContactVersionEntity, 'v').select('COALESCE(MAX(v.id), 0)', 'max').getRawOne<{ max: number | string }>();
    return Number(row?.max ?? 0);
  }

  /**
   * Inserts `rows` in order, a batch per statement, holding one batch at a time. SQLite:
   * a prepared statement on the transaction's own connection, run synchronously (nothing
   * else runs in the seed command meanwhile); PostgreSQL: the same through the ORM's query.
   */
  async insertContacts(rows: Iterable<SeedContactRow>): Promise<void> {
    const insert = this.postgres ? await this.postgresInsert() : await this.sqliteInsert();
    let batch: unknown[][] = [];
    for (const row of rows) {
      batch.push(COLUMNS.map((column) => row[column]));
      if (batch.length === BATCH) {
        await insert(JSON.stringify(batch));
        batch = [];
      }
    }
    if (batch.length > 0) await insert(JSON.stringify(batch));
  }

  /** Up to `limit` versions with seq in (after, upTo], oldest first. */
  versionsBetween(after: number, upTo: number, limit: number): Promise<ContactVersionEntity[]> {
    return this.manager
      .createQueryBuilder(ContactVersionEntity, 'v')
      .where('v.id > :after AND v.id <= :upTo', { after, upTo })
      .orderBy('v.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  private async postgresInsert(): Promise<(batch: string) => Promise<unknown>> {
    return (batch) => this.manager.query(POSTGRES_INSERT_BATCH, [batch]);
  }

  /** On the transaction's better-sqlite3 connection (TypeORM keeps one per SQLite DataSource). */
  private async sqliteInsert(): Promise<(batch: string) => Promise<unknown>> {
    const runner = this.manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('the seed inserts inside its transaction');
    const db = (await runner.connect()) as Database.Database;
    // The seed is one transaction larger than SQLite's default page cache: dirty pages that no
    // longer fit are written to the WAL, then changed and written again, over and over. A
    // bigger cache (on this connection only, for this command) writes most pages once.
    db.pragma(`cache_size = -${SEED_PAGE_CACHE_KIB}`);
    const statement = db.prepare<[string]>(SQLITE_INSERT_BATCH);
    return async (batch) => statement.run(batch);
  }
}
