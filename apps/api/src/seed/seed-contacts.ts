import type { DataSource } from 'typeorm';
import type { ContactEvent } from '@contacts/wire-types';
import { ContactEntity } from '../contacts/contact.entity.js';
import { ContactVersionEntity } from '../history/contact-version.entity.js';
import { eventFor } from '../history/version.mapper.js';
import { sampleContact } from './sample-people.js';
import { SeedRepository, type SeedContactRow } from './seed.repository.js';

/** The entities the seed command maps (its DataSource has no feature modules to register them). */
export const SEED_ENTITIES = [ContactEntity, ContactVersionEntity];

/** The seqs a seed wrote: its versions are those above `after`, up to `last`. */
export interface SeededRange {
  after: number;
  last: number;
}

/** Versions read back per batch when a seed's events are announced. */
const EVENT_BATCH = 1000;

/**
 * Inserts `count` contacts into `book` (default: book 1, the first account's) in one
 * transaction that holds the write lock, so readers never see half a batch. The
 * database's triggers give each its `created` version (written straight into the
 * database, so `edited_via: 'database'`). The rows are made as they are inserted and
 * nothing is kept per contact, so memory stays flat at any count: the range of seqs
 * written is returned, for seededEvents.
 */
export async function seedContacts(dataSource: DataSource, count: number, book = 1): Promise<SeededRange> {
  const run = Date.now().toString(36);
  return dataSource.transaction(async (manager) => {
    const seed = new SeedRepository(manager);
    await seed.lockWrites();
    const after = await seed.lastSeq();
    const start = Date.now() - count; // one millisecond apart, so "newest first" has an order
    await seed.insertContacts(sampleRows(count, run, start, book));
    // Writers are serialised: every version above `after` is this seed's.
    return { after, last: await seed.lastSeq() };
  });
}

/** The `count` sample contacts of a run, one millisecond apart from `start`, made one at a time. */
function* sampleRows(count: number, run: string, start: number, book: number): Generator<SeedContactRow> {
  for (let i = 0; i < count; i++) {
    const at = new Date(start + i).toISOString();
    yield { ...sampleContact(i, run), address_book_id: book, created_at: at, updated_at: at };
  }
}

/**
 * The events a live server would have announced for a committed seed, in seq order, a
 * batch at a time (keyset over the versions, so memory stays flat).
 */
export async function* seededEvents(dataSource: DataSource, range: SeededRange, batch = EVENT_BATCH): AsyncGenerator<ContactEvent[]> {
  const seed = new SeedRepository(dataSource.manager);
  for (let after = range.after; after < range.last; ) {
    const versions = await seed.versionsBetween(after, range.last, batch);
    if (versions.length === 0) return;
    yield versions.map(eventFor);
    after = Number(versions[versions.length - 1].id);
  }
}
