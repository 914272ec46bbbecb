import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { WriteTransactions } from '../database/write-transactions.js';
import { ContactEventBus } from '../events/contact-event-bus.js';
import type { LabeledValue } from '@contacts/wire-types';
import { matchKeysOf } from './match-keys.js';
import { type MatchKeyRow, MatchKeysRepository, type StaleContactRow } from './match-keys.repository.js';

/** Stale contacts per write transaction: each holds the write lock (and, on SQLite, the event loop) briefly. */
const REFRESH_BATCH = 500;
/** After this process's own writes, the keys are brought up to date at most this often, in the background. */
const BACKGROUND_DELAY_MS = 2000;

/**
 * Keeps the duplicate index current. The database marks every changed contact stale (its
 * triggers, so the sqlite3 shell and psql are covered); `refresh` computes their keys —
 * accent folding and phone parsing are JavaScript's — before every suggestion query, and
 * the background does it soon after this process's writes (and once at start, for an
 * index just created), so a query rarely finds much to do.
 */
@Injectable()
export class MatchIndex implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MatchIndex.name);
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private subscription: Subscription | null = null;
  private stopped = false;

  constructor(
    private readonly writes: WriteTransactions,
    private readonly keys: MatchKeysRepository,
    private readonly events: ContactEventBus,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.events.events$.subscribe(() => this.schedule());
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Every contact marked stale until now has its keys once this resolves. */
  async refresh(): Promise<void> {
    // A refresh under way may have read its last batch before the caller's own write committed: let it end, then look again.
    while (this.running) await this.running.catch(() => undefined);
    if (!(await this.keys.anyStale())) return;
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const done = await this.writes.run(async (manager) => {
        const stale = await this.keys.staleBatch(manager, REFRESH_BATCH);
        await this.keys.replaceKeys(manager, stale.map((row) => row.contact_id), stale.flatMap(keyRowsOf));
        return stale.length < REFRESH_BATCH;
      });
      if (done) return;
      // better-sqlite3 answers synchronously, so without this the batches would run as one chain of
      // resolved promises and no request would be served until the whole index was built.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh().catch((error: unknown) => this.logger.warn(`duplicate index refresh failed: ${String(error)}`));
    }, BACKGROUND_DELAY_MS);
    this.timer.unref();
  }
}

function keyRowsOf(row: StaleContactRow): MatchKeyRow[] {
  if (row.address_book_id === null) return [];
  const other_emails = labeledValuesOf(row.other_emails);
  const other_phones = labeledValuesOf(row.other_phones);
  const book = row.address_book_id;
  return matchKeysOf({ id: row.contact_id, first_name: row.first_name, last_name: row.last_name, email: row.email, phone: row.phone, other_emails, other_phones }).map(
    (key) => ({ address_book_id: book, kind: key.kind, match_key: key.key, contact_id: row.contact_id }),
  );
}

/** A JSON list column's `{label, value}` entries; the database guarantees an array, a direct write may hold anything in it. */
function labeledValuesOf(text: string): LabeledValue[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry) => ({ label: typeof entry.label === 'string' ? entry.label : '', value: typeof entry.value === 'string' ? entry.value : '' }));
}
