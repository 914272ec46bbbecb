import type { DataSourceOptions } from 'typeorm';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '../config/app-config.js';
import { DatabaseRepository, type SqliteHandle } from './database.repository.js';
import { SqliteInitial1764100000000 } from './migrations/sqlite-initial.migration.js';
import { PostgresInitial1764100000000 } from './migrations/postgres-initial.migration.js';
import { AppliedJobs1764300000000 } from './migrations/applied-jobs.migration.js';
import { PostgresSearch1764200000000 } from './migrations/postgres-search.migration.js';
import { PostgresReservationKey1764420000000 } from './migrations/postgres-reservation-key.migration.js';
import { PostgresDatabaseGuards1764415000000 } from './migrations/postgres-database-guards.migration.js';
import { SqliteDatabaseGuards1764415000000 } from './migrations/sqlite-database-guards.migration.js';
import { PostgresAccounts1764500000000 } from './migrations/postgres-accounts.migration.js';
import { SqliteAccounts1764500000000 } from './migrations/sqlite-accounts.migration.js';
import { PostgresRicherContacts1764600000000 } from './migrations/postgres-richer-contacts.migration.js';
import { SqliteRicherContacts1764600000000 } from './migrations/sqlite-richer-contacts.migration.js';
import { PostgresImports1764610000000 } from './migrations/postgres-imports.migration.js';
import { SqliteImports1764610000000 } from './migrations/sqlite-imports.migration.js';
import { PostgresMerges1764700000000 } from './migrations/postgres-merges.migration.js';
import { SqliteMerges1764700000000 } from './migrations/sqlite-merges.migration.js';
import { PostgresDeletedContacts1764800000000 } from './migrations/postgres-deleted-contacts.migration.js';
import { SqliteDeletedContacts1764800000000 } from './migrations/sqlite-deleted-contacts.migration.js';
import { PostgresContactCounts1764900000000 } from './migrations/postgres-contact-counts.migration.js';
import { SqliteContactCounts1764900000000 } from './migrations/sqlite-contact-counts.migration.js';
import { PostgresSearchPrefixes1764900000001 } from './migrations/postgres-search-prefixes.migration.js';
import { SqliteSearchPrefixes1764900000001 } from './migrations/sqlite-search-prefixes.migration.js';
import { SqliteSearchUpdateScope1764900000002 } from './migrations/sqlite-search-update-scope.migration.js';

/** How long a writer waits for another process's write lock before SQLite gives up. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * The writer's options. No entities by default: in the server each feature module
 * registers its own (TypeOrmModule.forFeature, `autoLoadEntities`); a command-line entry
 * point that uses the ORM passes the ones it needs. Migrations need none.
 */
export function dataSourceOptions(database: DatabaseConfig, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  if (database.kind === 'postgres') {
    return {
      type: 'postgres',
      url: database.url,
      entities,
      migrations: [PostgresInitial1764100000000, PostgresSearch1764200000000, AppliedJobs1764300000000, PostgresDatabaseGuards1764415000000,
        PostgresReservationKey1764420000000, PostgresAccounts1764500000000, PostgresRicherContacts1764600000000,
        PostgresImports1764610000000, PostgresMerges1764700000000, PostgresDeletedContacts1764800000000,
        PostgresContactCounts1764900000000, PostgresSearchPrefixes1764900000001],
      migrationsRun: true,
      synchronize: false,
      extra: { max: 10 },
    };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: database.path,
    entities,
    migrations: [SqliteInitial1764100000000, AppliedJobs1764300000000, SqliteDatabaseGuards1764415000000, SqliteAccounts1764500000000,
      SqliteRicherContacts1764600000000, SqliteImports1764610000000, SqliteMerges1764700000000, SqliteDeletedContacts1764800000000,
      SqliteContactCounts1764900000000, SqliteSearchPrefixes1764900000001, SqliteSearchUpdateScope1764900000002],
    migrationsRun: true,
    synchronize: false,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: SqliteHandle) => DatabaseRepository.prepareSqliteWriter(db, SQLITE_BUSY_TIMEOUT_MS),
  };
}

/**
 * SQLite's read connection (see DatabaseReader): the writer's file, opened read-only once
 * the writer has migrated it; WAL is a property of the file, already set by the writer.
 * It maps the entities the writer has (whoever registered them).
 * Null on PostgreSQL, whose pool already isolates reads.
 */
export function readerDataSourceOptions(writer: DataSourceOptions): DataSourceOptions | null {
  if (writer.type !== 'better-sqlite3') return null;
  return {
    type: 'better-sqlite3',
    database: writer.database,
    entities: writer.entities,
    migrationsRun: false,
    synchronize: false,
    readonly: true,
    fileMustExist: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  };
}
