import type { DataSource } from 'typeorm';

/** The part of a better-sqlite3 connection a group commit needs. */
export interface SqliteStatements {
  readonly inTransaction: boolean;
  prepare(source: string): { run(): unknown };
}

/**
 * The statements that isolate one unit of a group commit inside the group's SQLite
 * transaction (WriteTransactions): a savepoint per unit, released when the unit is done,
 * rolled back to when it throws. Run on the writer's own better-sqlite3 connection —
 * the one TypeORM's single SQLite query runner uses — prepared once.
 */
export class GroupCommitRepository {
  private readonly savepoint: { run(): unknown };
  private readonly release: { run(): unknown };
  private readonly rollbackTo: { run(): unknown };

  private constructor(private readonly connection: SqliteStatements) {
    this.savepoint = connection.prepare('SAVEPOINT unit');
    this.release = connection.prepare('RELEASE unit');
    this.rollbackTo = connection.prepare('ROLLBACK TO unit');
  }

  /** On the writer's connection, once it is open (after the migrations). */
  static of(dataSource: DataSource): GroupCommitRepository {
    return new GroupCommitRepository((dataSource.driver as unknown as { databaseConnection: SqliteStatements }).databaseConnection);
  }

  /** Whether the group's transaction is still open (a failed statement may have ended it, e.g. a full disk). */
  get inTransaction(): boolean {
    return this.connection.inTransaction;
  }

  beginUnit(): void {
    this.savepoint.run();
  }

  endUnit(): void {
    this.release.run();
  }

  /** The unit's writes are undone; the group's earlier units keep theirs. */
  undoUnit(): void {
    this.rollbackTo.run();
    this.release.run();
  }
}
