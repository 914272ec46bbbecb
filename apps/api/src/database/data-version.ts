import { Injectable } from '@nestjs/common';
import { DatabaseReader } from './database-reader.js';
import { DatabaseRepository, type SqliteConnection } from './database.repository.js';

/**
 * A token that changes whenever the database may have changed: SQLite's `data_version`
 * as the read connection sees it, which moves whenever any other connection commits —
 * this process's writer, another replica, the seed command, a worker. It moves at the
 * commit itself (not before: a rolled-back or unfinished write leaves it alone), so it
 * has moved before the commit's event is published. Null where no such cheap signal
 * exists (PostgreSQL), and once the database is closed (shutdown).
 */
@Injectable()
export class DataVersion {
  private readonly connection: SqliteConnection | null;
  private readonly dataVersion: (() => unknown) | null;

  constructor(reader: DatabaseReader) {
    this.connection = reader.sqliteConnection;
    this.dataVersion = this.connection ? DatabaseRepository.dataVersionOf(this.connection) : null;
  }

  current(): string | null {
    return this.dataVersion && this.connection?.open ? String(this.dataVersion()) : null;
  }
}
