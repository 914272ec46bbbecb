import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sleep } from '../common/clock.js';
import { DatabaseReader } from '../database/database-reader.js';
import { WriteTransactions } from '../database/write-transactions.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'mismatch' }
  | { kind: 'pending' }
  | { kind: 'done'; response: StoredResponse };

interface KeyRow {
  key: string;
  fingerprint: string;
  state: 'pending' | 'done';
  status_code: number | null;
  body: string | null;
  created_at: number;
}

const KEEP_MS = 24 * 60 * 60 * 1000;
const POLL_MS = 100;
/** A pending key older than this belonged to a process that died: the next request takes it over. */
const STALE_MARGIN_MS = 30_000;

export function fingerprintOf(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
      : value;
  return createHash('sha256').update(JSON.stringify(canonical(body)) ?? '').digest('hex');
}

/** Idempotency-Key records, kept in the database so every replica honours them. */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly writes: WriteTransactions,
    private readonly reader: DatabaseReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  claim(key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const now = Date.now();
    return this.writes.run(async (manager) => {
      await manager.createQueryBuilder().delete().from('idempotency_keys').where('created_at < :cutoff', { cutoff: now - KEEP_MS }).execute();
      const row = await this.find(key, manager);
      if (row && row.fingerprint !== fingerprint) return { kind: 'mismatch' } as const;
      if (row?.state === 'done') return { kind: 'done', response: this.responseOf(row) } as const;
      if (row && !this.isStale(row, now)) return { kind: 'pending' } as const;
      if (row) await manager.createQueryBuilder().delete().from('idempotency_keys').where('key = :key', { key }).execute();
      await manager
        .createQueryBuilder()
        .insert()
        .into('idempotency_keys')
        .values({ key, fingerprint, state: 'pending', status_code: null, body: null, created_at: now })
        .execute();
      return { kind: 'claimed' } as const;
    });
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    await this.writes.run((manager) =>
      manager
        .createQueryBuilder()
        .update('idempotency_keys')
        .set({ state: 'done', status_code: response.status, body: JSON.stringify(response.body) })
        .where('key = :key', { key })
        .execute(),
    );
  }

  /** The first request failed unexpectedly: let a retry run it again. */
  async abandon(key: string): Promise<void> {
    await this.writes.run((manager) =>
      manager.createQueryBuilder().delete().from('idempotency_keys').where('key = :key', { key }).execute(),
    );
  }

  /** Waits for the request holding this key to finish (it may be on another replica). */
  async waitForResult(key: string): Promise<StoredResponse | null> {
    for (;;) {
      const row = await this.find(key);
      if (!row) return null;
      if (row.state === 'done') return this.responseOf(row);
      if (this.isStale(row, Date.now())) return null;
      await sleep(POLL_MS);
    }
  }

  private async find(key: string, manager = this.reader.manager): Promise<KeyRow | undefined> {
    return manager
      .createQueryBuilder()
      .select(['key', 'fingerprint', 'state', 'status_code', 'body', 'created_at'])
      .from('idempotency_keys', 'k')
      .where('k.key = :key', { key })
      .getRawOne<KeyRow>();
  }

  private isStale(row: KeyRow, now: number): boolean {
    return Number(row.created_at) < now - this.config.createDelayMs - STALE_MARGIN_MS;
  }

  private responseOf(row: KeyRow): StoredResponse {
    return { status: Number(row.status_code), body: JSON.parse(row.body ?? 'null') };
  }
}
