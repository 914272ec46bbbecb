import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DatabaseRepository } from './database.repository.js';

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
    await DatabaseRepository.lockWrites(manager, this.postgres);
    return work(manager);
  }
}

/**
 * The same write lock, for a one-off writer with a DataSource of its own (the seed command):
 * the first statement of its transaction.
 */
export function takeWriteLock(manager: EntityManager): Promise<unknown> {
  return DatabaseRepository.lockWrites(manager, manager.connection.options.type === 'postgres');
}
