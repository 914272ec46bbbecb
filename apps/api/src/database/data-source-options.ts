import type { DataSourceOptions } from 'typeorm';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '../config/app-config.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { ContactVersionEntity } from '../history/contact-version.entity.js';
import { SqliteInitial1764100000000 } from './migrations/sqlite-initial.migration.js';
import { PostgresInitial1764100000000 } from './migrations/postgres-initial.migration.js';
import { AppliedJobs1764300000000 } from './migrations/applied-jobs.migration.js';
import { PostgresSearch1764200000000 } from './migrations/postgres-search.migration.js';
import { PostgresReservationKey1764420000000 } from './migrations/postgres-reservation-key.migration.js';
import { PostgresDatabaseGuards1764415000000 } from './migrations/postgres-database-guards.migration.js';
import { SqliteDatabaseGuards1764415000000 } from './migrations/sqlite-database-guards.migration.js';

export const ENTITIES = [ContactEntity, ContactVersionEntity];

/** How long a writer waits for another process's write lock before SQLite gives up. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.kind === 'postgres') {
    return {
      type: 'postgres',
      url: database.url,
      entities: ENTITIES,
      migrations: [PostgresInitial1764100000000, PostgresSearch1764200000000, AppliedJobs1764300000000, PostgresDatabaseGuards1764415000000,
        PostgresReservationKey1764420000000],
      migrationsRun: true,
      synchronize: false,
      extra: { max: 10 },
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: database.path,
    entities: ENTITIES,
    migrations: [SqliteInitial1764100000000, AppliedJobs1764300000000, SqliteDatabaseGuards1764415000000],
    migrationsRun: true,
    synchronize: false,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    },
  };
}

/**
 * SQLite's read connection (see DatabaseReader): the writer's file, opened read-only once
 * the writer has migrated it; WAL is a property of the file, already set by the writer.
 * Null on PostgreSQL, whose pool already isolates reads.
 */
export function readerDataSourceOptions(writer: DataSourceOptions): DataSourceOptions | null {
  if (writer.type !== 'better-sqlite3') return null;
  return {
    type: 'better-sqlite3',
    database: writer.database,
    entities: ENTITIES,
    migrationsRun: false,
    synchronize: false,
    readonly: true,
    fileMustExist: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  };
}
