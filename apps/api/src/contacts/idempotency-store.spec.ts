import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import type { WriteTransactions } from '../database/write-transactions.js';
import type { IdempotencyKeyRow, IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { fingerprintOf, IdempotencyStore } from './idempotency-store.js';

const DELAY_MS = 20_000;
const HOUR = 60 * 60 * 1000;
const START = Date.UTC(2026, 0, 1);

/** The idempotency_keys table in memory; writes must come through the write transaction's manager. */
function fakes() {
  const rows = new Map<string, IdempotencyKeyRow>();
  const tx = { name: 'write transaction' } as unknown as EntityManager;
  let transactions = 0;
  const inTx = (manager: EntityManager) => {
    if (manager !== tx) throw new Error('a write outside the write transaction');
  };
  const writes = {
    async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
      transactions += 1;
      return work(tx);
    },
  } as unknown as WriteTransactions;
  const keys = {
    async find(key: string) {
      const row = rows.get(key);
      return row ? { ...row } : undefined;
    },
    async deleteOlderThan(manager: EntityManager, cutoff: number) {
      inTx(manager);
      for (const [key, row] of rows) if (row.created_at < cutoff) rows.delete(key);
    },
    async insertPending(manager: EntityManager, key: string, fingerprint: string, createdAt: number) {
      inTx(manager);
      if (rows.has(key)) throw Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
      rows.set(key, { key, fingerprint, state: 'pending', status_code: null, body: null, created_at: createdAt });
    },
    async markDone(manager: EntityManager, key: string, statusCode: number, body: string) {
      inTx(manager);
      const row = rows.get(key);
      if (row) rows.set(key, { ...row, state: 'done', status_code: statusCode, body });
    },
    async delete(manager: EntityManager, key: string) {
      inTx(manager);
      rows.delete(key);
    },
  } as unknown as IdempotencyKeysRepository;
  const store = new IdempotencyStore(writes, keys, { createDelayMs: DELAY_MS } as AppConfig);
  return {
    store, rows,
    get transactions() {
      return transactions;
    },
  };
}

const A = fingerprintOf({ first_name: 'Ada', email: 'ada@example.com' });
const B = fingerprintOf({ first_name: 'Bob', email: 'ada@example.com' });
const CREATED = { status: 201, body: { id: 1, first_name: 'Ada' } };

describe('IdempotencyStore', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(START);
  });
  afterEach(() => jest.useRealTimers());

  it('hands a key to its first request, then replays that request\'s answer to every retry', async () => {
    const f = fakes();
    expect(await f.store.claim('k', A)).toEqual({ kind: 'claimed' });
    expect(f.transactions).toBe(1); // the claim is one write transaction: no two replicas both claim
    await f.store.complete('k', CREATED);
    jest.setSystemTime(START + HOUR);
    expect(await f.store.claim('k', A)).toEqual({ kind: 'done', response: CREATED });
    expect(await f.store.claim('k', A)).toEqual({ kind: 'done', response: CREATED });
  });

  it('the same key with a different body is a mismatch, pending or done', async () => {
    const f = fakes();
    await f.store.claim('k', A);
    expect(await f.store.claim('k', B)).toEqual({ kind: 'mismatch' });
    await f.store.complete('k', CREATED);
    expect(await f.store.claim('k', B)).toEqual({ kind: 'mismatch' });
  });

  it('a retry while the first is still running is told "pending" and waits for its answer (polling the database)', async () => {
    const f = fakes();
    await f.store.claim('k', A);
    expect(await f.store.claim('k', A)).toEqual({ kind: 'pending' });

    let answer: unknown = 'still waiting';
    const waiting = f.store.waitForResult('k').then((response) => (answer = response));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(answer).toBe('still waiting');
    await f.store.complete('k', CREATED); // e.g. on another replica
    await jest.advanceTimersByTimeAsync(100);
    await waiting;
    expect(answer).toEqual(CREATED);
  });

  it('waiting ends with null when the first request gave up (abandon) or its holder died (stale)', async () => {
    const f = fakes();
    await f.store.claim('k', A);
    const abandoned = f.store.waitForResult('k');
    await f.store.abandon('k');
    await jest.advanceTimersByTimeAsync(100);
    expect(await abandoned).toBeNull();
    expect(await f.store.claim('k', A)).toEqual({ kind: 'claimed' }); // a retry may run it again

    let answer: unknown = 'still waiting';
    void f.store.waitForResult('k').then((response) => (answer = response));
    await jest.advanceTimersByTimeAsync(DELAY_MS);
    expect(answer).toBe('still waiting'); // the holder may still be inside its delay
    await jest.advanceTimersByTimeAsync(31_000);
    expect(answer).toBeNull();
  });

  it('a pending key whose holder died is taken over by the next request', async () => {
    const f = fakes();
    await f.store.claim('k', A);
    jest.setSystemTime(START + DELAY_MS + 29_000);
    expect(await f.store.claim('k', A)).toEqual({ kind: 'pending' });
    jest.setSystemTime(START + DELAY_MS + 31_000);
    expect(await f.store.claim('k', A)).toEqual({ kind: 'claimed' });
    expect(f.rows.get('k')).toMatchObject({ state: 'pending', created_at: START + DELAY_MS + 31_000 });
  });

  it('keys expire after 24 hours: the old answer is no longer replayed, and the key can be used again', async () => {
    const f = fakes();
    await f.store.claim('k', A);
    await f.store.complete('k', CREATED);
    await f.store.claim('other', A);
    jest.setSystemTime(START + 24 * HOUR - 1);
    expect(await f.store.claim('k', B)).toEqual({ kind: 'mismatch' });
    jest.setSystemTime(START + 24 * HOUR + 1);
    expect(await f.store.claim('k', B)).toEqual({ kind: 'claimed' });
    expect(f.rows.has('other')).toBe(false); // expired keys are swept on every claim
  });

  it('keeps an error answer with its status and body', async () => {
    const f = fakes();
    await f.store.claim('k', A);
    const invalid = { status: 400, body: { email: ['Enter a valid email address.'] } };
    await f.store.complete('k', invalid);
    expect(await f.store.claim('k', A)).toEqual({ kind: 'done', response: invalid });
    expect(await f.store.waitForResult('k')).toEqual(invalid);
  });
});
