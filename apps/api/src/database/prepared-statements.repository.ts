/** The part of a better-sqlite3 prepared statement the repositories use. */
export interface SqliteStatement {
  get(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
  run(...parameters: unknown[]): { changes: number };
}

export interface SqliteConnection {
  prepare(source: string): SqliteStatement;
}

/** Distinct statements kept per connection; the oldest goes first (an update's SQL names the columns it sets). */
const KEPT_PER_CONNECTION = 200;

const prepared = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

/**
 * Statements prepared once per better-sqlite3 connection (the writer's, the reader's); the
 * features reach it through sqliteStatement (sqlite-statements.ts), as DataVersion wraps
 * DatabaseRepository.
 */
export class PreparedStatementsRepository {
  static on(connection: SqliteConnection, source: string): SqliteStatement {
    let statements = prepared.get(connection);
    if (!statements) prepared.set(connection, (statements = new Map()));
    let statement = statements.get(source);
    if (!statement) {
      statement = connection.prepare(source);
      statements.set(source, statement);
      if (statements.size > KEPT_PER_CONNECTION) statements.delete(statements.keys().next().value!);
    }
    return statement;
  }
}
