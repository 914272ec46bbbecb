import type { EntityManager } from 'typeorm';
import { PreparedStatementsRepository, type SqliteConnection, type SqliteStatement } from './prepared-statements.repository.js';

export type { SqliteStatement } from './prepared-statements.repository.js';

/**
 * `source` prepared once on the better-sqlite3 connection behind `manager` — the writer's
 * inside a write transaction, the reader's otherwise — or null on PostgreSQL, whose callers
 * keep TypeORM's path. For the hottest statements (a PATCH's): TypeORM's find and update
 * builders rebuild their SQL and map their rows on every call, and its query() wraps each
 * statement in subscriber broadcasts; a prepared statement runs the same SQL directly.
 * Rows come back as plain objects keyed by the selected column names.
 */
export function sqliteStatement(manager: EntityManager, source: string): SqliteStatement | null {
  if (manager.connection.options.type !== 'better-sqlite3') return null;
  const connection = (manager.connection.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  return PreparedStatementsRepository.on(connection, source);
}
