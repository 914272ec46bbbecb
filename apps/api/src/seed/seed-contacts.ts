import type { DataSource } from 'typeorm';
import type { ContactEvent } from '@contacts/wire-types';
import { ContactEntity } from '../contacts/contact.entity.js';
import { ContactVersionEntity } from '../history/contact-version.entity.js';
import { sampleContact } from './sample-people.js';

const CHUNK = 500;

/**
 * Inserts `count` contacts, each with its `created` version, in one transaction that holds
 * the write lock: ids can be handed out up front, and readers never see half a batch.
 * Returns the events a live server would have announced.
 */
export async function seedContacts(dataSource: DataSource, count: number): Promise<ContactEvent[]> {
  const postgres = dataSource.options.type === 'postgres';
  const run = Date.now().toString(36);
  const events: ContactEvent[] = [];
  await dataSource.transaction(async (manager) => {
    await manager.query(postgres ? 'LOCK TABLE contact_versions IN SHARE ROW EXCLUSIVE MODE' : 'DELETE FROM email_reservations WHERE 0');
    const maxId = async (table: string) => Number((await manager.query(`SELECT COALESCE(MAX(id), 0) AS max FROM ${table}`))[0].max);
    let nextId = (await maxId('contacts')) + 1;
    let nextSeq = (await maxId('contact_versions')) + 1;
    const start = Date.now() - count; // one millisecond apart, so "newest first" has an order
    for (let offset = 0; offset < count; offset += CHUNK) {
      const rows: ContactEntity[] = [];
      for (let i = offset; i < Math.min(count, offset + CHUNK); i++) {
        const at = new Date(start + i).toISOString();
        rows.push({ id: nextId++, ...sampleContact(i, run), created_at: at, updated_at: at });
      }
      await manager.createQueryBuilder().insert().into(ContactEntity).values(rows).execute();
      const versions = rows.map((row) => ({
        id: nextSeq++,
        contact_id: row.id,
        first_name: row.first_name,
        last_name: row.last_name,
        email: row.email,
        phone: row.phone,
        edited_at: row.updated_at,
        edited_reason: 'created' as const,
        contact_created_at: row.created_at,
      }));
      await manager.createQueryBuilder().insert().into(ContactVersionEntity).values(versions).execute();
      rows.forEach((row, index) => {
        const seq = versions[index].id;
        const { id, first_name, last_name, email, phone, created_at, updated_at } = row;
        events.push({ type: 'contact.created', contact: { id, first_name, last_name, email, phone, created_at, updated_at }, seq });
      });
    }
    if (postgres) {
      // Explicit ids do not move PostgreSQL's sequences: catch them up.
      for (const table of ['contacts', 'contact_versions']) {
        await manager.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`);
      }
    }
  });
  return events;
}
