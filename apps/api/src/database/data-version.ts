import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WriteTransactions } from './write-transactions.js';

interface BetterSqlite3 {
  pragma(source: string, options: { simple: true }): unknown;
}

/**
 * A token that changes whenever the database may have changed: this process's commits,
 * plus SQLite's `data_version`, which moves when any other connection (another replica,
 * the seed command, a worker) commits. Null where no such cheap signal exists (PostgreSQL).
 */
@Injectable()
export class DataVersion {
  private readonly sqlite: BetterSqlite3 | null;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly writes: WriteTransactions,
  ) {
    const driver = dataSource.driver as unknown as { databaseConnection?: BetterSqlite3 };
    this.sqlite = dataSource.options.type === 'better-sqlite3' ? (driver.databaseConnection ?? null) : null;
  }

  current(): string | null {
    if (!this.sqlite) return null;
    return `${this.writes.commits}:${this.sqlite.pragma('data_version', { simple: true })}`;
  }
}
