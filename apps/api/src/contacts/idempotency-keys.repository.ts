import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';

export interface IdempotencyKeyRow {
  key: string;
  fingerprint: string;
  state: 'pending' | 'done';
  status_code: number | null;
  body: string | null;
  created_at: number;
}

/** `idempotency_keys`. Writes run inside the caller's write transaction; a read without one sees committed rows only. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly reader: DatabaseReader) {}

  find(key: string, manager: EntityManager = this.reader.manager): Promise<IdempotencyKeyRow | undefined> {
    return manager
      .createQueryBuilder()
      .select(['key', 'fingerprint', 'state', 'status_code', 'body', 'created_at'])
      .from('idempotency_keys', 'k')
      .where('k.key = :key', { key })
      .getRawOne<IdempotencyKeyRow>();
  }

  async deleteOlderThan(manager: EntityManager, cutoff: number): Promise<void> {
    await manager.createQueryBuilder().delete().from('idempotency_keys').where('created_at < :cutoff', { cutoff }).execute();
  }

  async insertPending(manager: EntityManager, key: string, fingerprint: string, createdAt: number): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into('idempotency_keys')
      .values({ key, fingerprint, state: 'pending', status_code: null, body: null, created_at: createdAt })
      .execute();
  }

  async markDone(manager: EntityManager, key: string, statusCode: number, body: string): Promise<void> {
    await manager.createQueryBuilder().update('idempotency_keys').set({ state: 'done', status_code: statusCode, body }).where('key = :key', { key }).execute();
  }

  async delete(manager: EntityManager, key: string): Promise<void> {
    await manager.createQueryBuilder().delete().from('idempotency_keys').where('key = :key', { key }).execute();
  }
}
