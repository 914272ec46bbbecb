import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { sleep } from '../common/clock.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { type IdempotencyKeyRow as KeyRow, IdempotencyKeysRepository } from './idempotency-keys.repository.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'mismatch' }
  | { kind: 'pending' }
  | { kind: 'done'; response: StoredResponse };

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
    private readonly keys: IdempotencyKeysRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  claim(key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const now = Date.now();
    return this.writes.run(async (manager) => {
      await this.keys.deleteOlderThan(manager, now - KEEP_MS);
      const row = await this.keys.find(key, manager);
      if (row && row.fingerprint !== fingerprint) return { kind: 'mismatch' } as const;
      if (row?.state === 'done') return { kind: 'done', response: this.responseOf(row) } as const;
      if (row && !this.isStale(row, now)) return { kind: 'pending' } as const;
      if (row) await this.keys.delete(manager, key);
      await this.keys.insertPending(manager, key, fingerprint, now);
      return { kind: 'claimed' } as const;
    });
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    await this.writes.run((manager) => this.keys.markDone(manager, key, response.status, JSON.stringify(response.body)));
  }

  /** The first request failed unexpectedly: let a retry run it again. */
  async abandon(key: string): Promise<void> {
    await this.writes.run((manager) => this.keys.delete(manager, key));
  }

  /** Waits for the request holding this key to finish (it may be on another replica). */
  async waitForResult(key: string): Promise<StoredResponse | null> {
    for (;;) {
      const row = await this.keys.find(key);
      if (!row) return null;
      if (row.state === 'done') return this.responseOf(row);
      if (this.isStale(row, Date.now())) return null;
      await sleep(POLL_MS);
    }
  }

  private isStale(row: KeyRow, now: number): boolean {
    return Number(row.created_at) < now - this.config.createDelayMs - STALE_MARGIN_MS;
  }

  private responseOf(row: KeyRow): StoredResponse {
    return { status: Number(row.status_code), body: JSON.parse(row.body ?? 'null') };
  }
}
