import type { EntityManager } from 'typeorm';

/** The part of a better-sqlite3 connection the statements below need. */
export interface SqliteHandle {
  pragma(source: string): unknown;
}

/** The part of a better-sqlite3 connection the data version needs. */
export interface SqliteConnection {
  readonly open: boolean;
  prepare(source: string): { pluck(): { get(): unknown } };
}

/**
 * The connection-level statements of the database layer itself (no table of a feature's):
 * what each SQLite connection is set to when it opens, the write lock every writer takes
 * first, and SQLite's data version. Features reach them through WriteTransactions,
 * DataVersion and the options, never directly.
 */
export class DatabaseRepository {
  /**
   * SQLite, as each writer connection opens: WAL, the busy timeout that makes other
   * processes wait, and statement journals in memory. Every savepoint of a group commit
   * and every statement that changes several rows keeps the prior images of the pages it
   * changes in a statement journal; in a temporary file, each image is a write system
   * call, which made a duplicate-index batch's DELETE several times slower than in memory.
   * Only the writer: the reader's big sorts stay on disk.
   */
  static prepareSqliteWriter(db: SqliteHandle, busyTimeoutMs: number): void {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('temp_store = MEMORY');
  }

  /**
   * The first statement of every write transaction: one writer at a time across every
   * process, so version ids (the realtime seq) commit in the order they are handed out.
   */
  static lockWrites(manager: EntityManager, postgres: boolean): Promise<unknown> {
    // PostgreSQL: a self-conflicting table lock. SQLite: a no-op write takes the write lock
    // now rather than failing on upgrade later.
    return manager.query(postgres ? 'LOCK TABLE contact_versions IN SHARE ROW EXCLUSIVE MODE' : 'DELETE FROM email_reservations WHERE 0');
  }

  /** SQLite's `data_version` on `connection`, prepared once (`db.pragma()` would compile it on every call). */
  static dataVersionOf(connection: SqliteConnection): () => unknown {
    const statement = connection.prepare('PRAGMA data_version').pluck();
    return () => statement.get();
  }
}
