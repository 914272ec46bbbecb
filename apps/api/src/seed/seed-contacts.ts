import type { DataSource } from 'typeorm';
import type { ContactEvent } from '@contacts/wire-types';
import { ContactEntity } from '../contacts/contact.entity.js';
import { ContactVersionEntity } from '../history/contact-version.entity.js';
import { eventFor } from '../history/version.mapper.js';
import { sampleContact } from './sample-people.js';
import { SeedRepository } from './seed.repository.js';

const CHUNK = 500;

/** The entities the seed command maps (its DataSource has no feature modules to register them). */
export const SEED_ENTITIES = [ContactEntity, ContactVersionEntity];

/**
 * Inserts `count` contacts into `book` (default: book 1, the first account's) in one transaction that holds the write lock, so readers never
 * see half a batch. The database's triggers give each its `created` version (written
 * straight into the database, so `edited_via: 'database'`); they are read back, in seq
 * order, as the events a live server would have announced.
 */
export async function seedContacts(dataSource: DataSource, count: number, book = 1): Promise<ContactEvent[]> {
  const run = Date.now().toString(36);
  const events: ContactEvent[] = [];
  await dataSource.transaction(async (manager) => {
    const seed = new SeedRepository(manager);
    await seed.lockWrites();
    let seen = await seed.lastSeq();
    const start = Date.now() - count; // one millisecond apart, so "newest first" has an order
    for (let offset = 0; offset < count; offset += CHUNK) {
      const rows: Array<Omit<ContactEntity, 'id'>> = [];
      for (let i = offset; i < Math.min(count, offset + CHUNK); i++) {
        const at = new Date(start + i).toISOString();
        rows.push({ ...sampleContact(i, run), address_book_id: book, created_at: at, updated_at: at });
      }
      await seed.insertContacts(rows);
      // Writers are serialised: every version above `seen` is this chunk's.
      const written = await seed.versionsAfter(seen);
      for (const version of written) events.push(eventFor(version));
      seen = Number(written.at(-1)?.id ?? seen);
    }
  });
  return events;
}
