import { Subject } from 'rxjs';
import type { EntityManager } from 'typeorm';
import type { ContactEvent } from '@contacts/wire-types';
import type { WriteTransactions } from '../database/write-transactions.js';
import type { ContactEventBus } from '../events/contact-event-bus.js';
import { MatchIndex } from './match-index.service.js';
import type { MatchKeyRow, MatchKeysRepository, StaleContactRow } from './match-keys.repository.js';

const manager = {} as EntityManager;

function staleRow(id: number, overrides: Partial<StaleContactRow> = {}): StaleContactRow {
  return {
    contact_id: id,
    address_book_id: 1,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: `ada${id}@example.com`,
    phone: '+44 20 7946 0000',
    other_emails: '[]',
    other_phones: '[]',
    ...overrides,
  };
}

/** A fake index: the stale set and the keys written, and a gate that holds a refresh's transaction open. */
function setup() {
  const stale = new Map<number, StaleContactRow>();
  const keys = new Map<number, MatchKeyRow[]>();
  let transactions = 0;
  let gate: Promise<void> | null = null;
  const writes = {
    run: async <T>(work: (m: EntityManager) => Promise<T>): Promise<T> => {
      transactions += 1;
      const result = await work(manager);
      if (gate) await gate;
      return result;
    },
  } as unknown as WriteTransactions;
  const batchesSeen: number[] = [];
  const repository = {
    anyStale: async () => stale.size > 0,
    staleBatch: async (_m: EntityManager, limit: number) => [...stale.values()].slice(0, limit),
    replaceKeys: async (_m: EntityManager, ids: number[], rows: MatchKeyRow[]) => {
      batchesSeen.push(ids.length);
      for (const id of ids) {
        keys.set(id, rows.filter((row) => row.contact_id === id));
        stale.delete(id);
      }
    },
  } as unknown as MatchKeysRepository;
  const bus = { events$: new Subject<ContactEvent>() } as unknown as ContactEventBus;
  const index = new MatchIndex(writes, repository, bus);
  return {
    index,
    stale,
    keys,
    batchesSeen,
    get transactions() {
      return transactions;
    },
    hold: () => {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

describe('MatchIndex', () => {
  it('computes the keys of every stale contact and clears them; a contact gone has none', async () => {
    const f = setup();
    f.stale.set(1, staleRow(1, { other_phones: JSON.stringify([{ label: 'work', value: '020 7946 1111' }]) }));
    f.stale.set(2, staleRow(2, { address_book_id: null }));
    await f.index.refresh();
    expect(f.stale.size).toBe(0);
    const kinds = f.keys.get(1)?.map((row) => `${row.kind}:${row.match_key}`) ?? [];
    expect(kinds).toEqual(expect.arrayContaining(['name:ada lovelace', 'email:ada1@example.com', 'phone:9460000', 'phone:9461111']));
    expect(f.keys.get(1)?.every((row) => row.address_book_id === 1)).toBe(true);
    expect(f.keys.get(2)).toEqual([]);
  });

  it('takes no write transaction when nothing is stale', async () => {
    const f = setup();
    await f.index.refresh();
    expect(f.transactions).toBe(0);
  });

  it('a refresh asked for while one is under way waits for it, then picks up what was marked since', async () => {
    const f = setup();
    f.stale.set(1, staleRow(1));
    const release = f.hold();
    const first = f.index.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    // Marked after the running refresh read its batch: the second caller's own write.
    f.stale.set(2, staleRow(2));
    let secondDone = false;
    const second = f.index.refresh().then(() => (secondDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second]);
    expect(f.keys.has(2)).toBe(true);
    expect(f.stale.size).toBe(0);
  });

  it('lets the event loop run between batches (better-sqlite3 resolves at once: requests must still be served during a big build)', async () => {
    const f = setup();
    for (let id = 1; id <= 1200; id++) f.stale.set(id, staleRow(id));
    let ticked = false;
    let batchesBeforeTick = -1;
    setImmediate(() => {
      ticked = true;
      batchesBeforeTick = f.batchesSeen.length;
    });
    await f.index.refresh();
    expect(ticked).toBe(true);
    expect(f.batchesSeen.length).toBeGreaterThan(1);
    // The callback ran after the first batch, not after the last one.
    expect(batchesBeforeTick).toBeLessThan(f.batchesSeen.length);
    expect(f.stale.size).toBe(0);
  });

});
