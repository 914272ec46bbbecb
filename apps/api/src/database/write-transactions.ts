import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way to write. TypeORM shares a single connection on SQLite, so concurrent
 * `transaction()` calls would interleave and lose rows: writes are queued per process.
 * The first statement of every transaction takes the database's write lock, so writers
 * in other processes wait (busy timeout) instead of failing, and version ids — the
 * realtime `seq` — are committed in the order they are handed out.
 * Reads outside a write go to DatabaseReader, never to this connection: a transaction
 * awaits between its statements, and a read slipped in there would see it uncommitted.
 */
@Injectable()
export class WriteTransactions {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly postgres: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const transaction = () => this.dataSource.transaction((manager) => this.lockThen(manager, work));
    if (this.postgres) return transaction();
    const result = this.tail.then(transaction);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async lockThen<T>(manager: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.postgres) {
      // Self-conflicting lock: one writer at a time across every replica, so seq order = commit order.
      await manager.query('LOCK TABLE contact_versions IN SHARE ROW EXCLUSIVE MODE');
    } else {
      // A no-op write takes SQLite's write lock now rather than failing on upgrade later.
      await manager.query('DELETE FROM email_reservations WHERE 0');
    }
    return work(manager);
  }
}
