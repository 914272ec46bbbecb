import { DataSource, type EntityManager } from 'typeorm';
import { bindIntegerParameters } from './bind-integer-parameters.js';
import { readerDataSourceOptions } from './data-source-options.js';
import type { SqliteConnection } from './database.repository.js';

/**
 * Where every read outside a write transaction goes, so that no read sees rows a write
 * transaction has not committed (and may roll back). TypeORM keeps one connection on
 * SQLite and a write transaction awaits between its statements, so a read on that
 * connection would run inside whichever transaction is open. On SQLite the reader is a
 * second, read-only connection to the same file: WAL lets it read the last commit beside
 * the writer, without waiting for it. On PostgreSQL the pool already gives each read its
 * own connection (read committed), so the writer's DataSource serves.
 * Reads inside a write transaction (a mutation's re-checks) keep using its manager.
 */
export class DatabaseReader {
  private constructor(
    /** Reads only: nothing may write through it (on SQLite the connection is read-only). */
    readonly dataSource: DataSource,
    private readonly ownConnection: boolean,
  ) {}

  /**
   * After `writer` is initialised, i.e. after the migrations: the reader never creates the
   * schema. The reader closes with the writer, just before it, so the writer is the last
   * connection to the file and checkpoints the WAL into it (a read-only one cannot).
   */
  static async open(writer: DataSource): Promise<DatabaseReader> {
    const options = readerDataSourceOptions(writer.options);
    if (!options) return new DatabaseReader(writer, false);
    const reader = await bindIntegerParameters(new DataSource(options)).initialize();
    const closeWriter = writer.destroy.bind(writer);
    writer.destroy = async () => {
      if (reader.isInitialized) await reader.destroy();
      return closeWriter();
    };
    return new DatabaseReader(reader, true);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** The read connection itself on SQLite; null on PostgreSQL (a pool, no single connection). */
  get sqliteConnection(): SqliteConnection | null {
    if (!this.ownConnection) return null;
    return (this.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  }
}
