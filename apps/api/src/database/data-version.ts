import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WriteTransactions } from './write-transactions.js';

interface BetterSqlite3 {
  prepare(source: string): { pluck(): { get(): unknown } };
}

/**
 * A token that changes whenever the database may have changed: this process's commits,
 * plus SQLite's `data_version`, which moves when any other connection (another replica,
 * the seed command, a worker) commits. Null where no such cheap signal exists (PostgreSQL).
 */
@Injectable()
export class DataVersion {
  /** Prepared once: `db.pragma()` would compile the statement on every call. */
  private readonly dataVersion: { get(): unknown } | null;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly writes: WriteTransactions,
  ) {
    const connection = (dataSource.driver as unknown as { databaseConnection?: BetterSqlite3 }).databaseConnection;
    this.dataVersion = dataSource.options.type === 'better-sqlite3' && connection ? connection.prepare('PRAGMA data_version').pluck() : null;
  }

  current(): string | null {
    if (!this.dataVersion) return null;
    return `${this.writes.commits}:${this.dataVersion.get()}`;
  }
}
