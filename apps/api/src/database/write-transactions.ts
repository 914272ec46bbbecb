import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { DatabaseRepository } from './database.repository.js';
import { GroupCommitRepository } from './group-commit.repository.js';

/** What a writer runs once its transaction has committed (e.g. publishing its event); writers' hooks run in commit order. */
export type AfterCommit<T> = (result: T) => void;

/**
 * How big a group may grow: at most `maxUnits` writes, and none taken once it has run
 * `maxMs` — bounds on how long its first write waits for the commit.
 */
export interface GroupLimits {
  maxUnits: number;
  maxMs: number;
}

export const GROUP_LIMITS = Symbol('GROUP_LIMITS');
export const DEFAULT_GROUP_LIMITS: GroupLimits = { maxUnits: 64, maxMs: 5 };

interface Unit<T = unknown> {
  work: (manager: EntityManager) => Promise<T>;
  afterCommit?: AfterCommit<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

type Ran = { unit: Unit; ok: true; value: unknown } | { unit: Unit; ok: false; error: unknown };

/** A unit ended the group's transaction itself (e.g. a full disk): none of the group's units can commit. */
class GroupBroken extends Error {
  constructor(
    readonly unit: Unit,
    readonly reason: unknown,
  ) {
    super('the write transaction ended before its commit');
  }
}

/**
 * The one way to write. TypeORM shares a single connection on SQLite, so concurrent
 * `transaction()` calls would interleave and lose rows: writes are queued per process.
 * The first statement of every transaction takes the database's write lock, so writers
 * in other processes wait (busy timeout) instead of failing, and version ids — the
 * realtime `seq` — are committed in the order they are handed out.
 * Reads outside a write go to DatabaseReader, never to this connection: a transaction
 * awaits between its statements, and a read slipped in there would see it uncommitted.
 *
 * SQLite: group commit. While one transaction runs, later writes queue; then what is
 * queued runs, in queue order, as ONE transaction (bounded by GroupLimits), each write — a unit — inside a savepoint of its own: a
 * unit that throws is rolled back to its savepoint and fails alone, the others commit.
 * Every unit's promise settles only after the group's commit (an acknowledged write is
 * committed), in queue order, each `afterCommit` hook just before its promise: seq order
 * = queue order = hook (event) order. A failed commit fails every unit of the group. A
 * commit's cost (its WAL write) is shared by the group instead of paid by every write.
 * PostgreSQL: one transaction per write, on a connection of its own from the pool.
 */
@Injectable()
export class WriteTransactions {
  private readonly logger = new Logger(WriteTransactions.name);
  private readonly postgres: boolean;
  private readonly queue: Unit[] = [];
  private draining = false;
  private statements?: GroupCommitRepository;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(GROUP_LIMITS) private readonly limits: GroupLimits = DEFAULT_GROUP_LIMITS,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /**
   * Runs `work` in a write transaction. Resolves with its result once that has committed
   * (`afterCommit` has run by then, in commit order among writers); rejects with what
   * `work` threw (none of its writes kept) or with the commit's failure.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, afterCommit?: AfterCommit<T>): Promise<T> {
    if (this.postgres) return this.runAlone(work, afterCommit);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, afterCommit, resolve, reject } as Unit);
      if (this.draining) return;
      this.draining = true;
      // better-sqlite3 answers at once, so a transaction runs from start to commit without
      // yielding to the event loop: without this turn no other request could ever queue
      // behind it. Every request read in this turn of the loop joins the group.
      setImmediate(() => void this.drain());
    });
  }

  private async runAlone<T>(work: (manager: EntityManager) => Promise<T>, afterCommit?: AfterCommit<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      await DatabaseRepository.lockWrites(manager, this.postgres);
      return work(manager);
    });
    this.afterCommit(afterCommit as AfterCommit<unknown> | undefined, result);
    return result;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        try {
          await this.runGroup();
        } catch (error) {
          // Not a unit's failure but the machinery's (the connection is gone): nothing queued can run.
          for (const unit of this.queue.splice(0)) unit.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async runGroup(): Promise<void> {
    const runner = this.dataSource.createQueryRunner(); // SQLite: the one shared runner, its statement cache with it
    const statements = (this.statements ??= GroupCommitRepository.of(this.dataSource));
    try {
      await runner.startTransaction();
      await DatabaseRepository.lockWrites(runner.manager, false);
    } catch (error) {
      await abandon(runner, statements);
      // None has run; each of them waited for this lock.
      for (const unit of this.queue.splice(0)) unit.reject(error);
      return;
    }
    const ran: Ran[] = [];
    const started = performance.now();
    try {
      while (this.queue.length > 0 && ran.length < this.limits.maxUnits && (ran.length === 0 || performance.now() - started < this.limits.maxMs)) {
        ran.push(await this.runUnit(this.queue.shift()!, runner.manager, statements));
      }
      await runner.commitTransaction();
    } catch (error) {
      await abandon(runner, statements);
      const cause = error instanceof GroupBroken ? error.reason : error;
      for (const { unit } of ran) unit.reject(cause);
      if (error instanceof GroupBroken) error.unit.reject(cause);
      return;
    }
    for (const done of ran) {
      if (done.ok) {
        this.afterCommit(done.unit.afterCommit, done.value);
        done.unit.resolve(done.value);
      } else {
        done.unit.reject(done.error);
      }
    }
  }

  /** One unit in its savepoint: what it returned, or what it threw (its writes undone). */
  private async runUnit(unit: Unit, manager: EntityManager, statements: GroupCommitRepository): Promise<Ran> {
    try {
      statements.beginUnit();
    } catch (error) {
      throw new GroupBroken(unit, error);
    }
    let outcome: Ran;
    try {
      outcome = { unit, ok: true, value: await unit.work(manager) };
    } catch (error) {
      outcome = { unit, ok: false, error };
    }
    try {
      if (!statements.inTransaction) throw outcome.ok ? new Error('the write transaction ended inside a write') : outcome.error;
      if (outcome.ok) statements.endUnit();
      else statements.undoUnit();
    } catch (error) {
      throw new GroupBroken(unit, error);
    }
    return outcome;
  }

  /** The write has committed whatever its hook does: a failing hook is logged, not the write's failure. */
  private afterCommit(hook: AfterCommit<unknown> | undefined, value: unknown): void {
    try {
      hook?.(value);
    } catch (error) {
      this.logger.error(`after a commit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

/**
 * Rolls the group back. When SQLite has already ended the transaction itself, TypeORM's
 * runner still believes it open (its ROLLBACK fails): it is told, or its next
 * startTransaction would open a savepoint instead of a transaction.
 */
async function abandon(runner: QueryRunner, statements: GroupCommitRepository): Promise<void> {
  try {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
  } catch {
    // Ended already: nothing to undo.
  }
  if (!statements.inTransaction) Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
}

/**
 * The same write lock, for a one-off writer with a DataSource of its own (the seed command):
 * the first statement of its transaction.
 */
export function takeWriteLock(manager: EntityManager): Promise<unknown> {
  return DatabaseRepository.lockWrites(manager, manager.connection.options.type === 'postgres');
}
