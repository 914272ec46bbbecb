import type { EntityManager } from 'typeorm';
import type { ContactEvent, EditedReason } from '@contacts/wire-types';
import { ApiError } from '../common/api-errors.js';
import { etagOf } from '../common/etag.js';
import type { WriteTransactions } from '../database/write-transactions.js';
import { ContactEventBus } from '../events/contact-event-bus.js';
import type { ContactVersionEntity } from '../history/contact-version.entity.js';
import type { VersionLog } from '../history/version-log.js';
import type { ContactEntity } from './contact.entity.js';
import { toContact } from './contact.mapper.js';
import { ContactMutations } from './contact-mutations.js';
import type { ContactsRepository } from './contacts.repository.js';
import type { EmailReservations } from './email-reservations.js';
import type { MutationContext, MutationContextRepository } from './mutation-context.repository.js';

const ADA = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '1' };
const AT = '2026-01-01T00:00:00.000Z';

/**
 * A database in memory: contacts, their versions written by a "trigger" from the stated
 * context (as the real triggers do), reservations, and one log of everything in the order
 * it happened, transactions and the published events included. A transaction works on
 * copies and keeps them only when it commits.
 */
function fakes() {
  const log: string[] = [];
  let contacts = new Map<number, ContactEntity>();
  let versions: ContactVersionEntity[] = [];
  let context: MutationContext | null = null;
  const held = new Map<string, string>(); // email → owner
  const manager = { name: 'the transaction' } as unknown as EntityManager;
  const outside = { name: 'no transaction' } as unknown as EntityManager;
  let inTransaction = false;
  /** Runs inside the next transaction, after the lock, before the mutation's own work: another writer's commit. */
  let interloper: (() => void) | null = null;
  /** Makes the next contact write fail like the database's unique index would. */
  let failWrite: Error | null = null;
  /** A database without the version triggers. */
  let triggers = true;
  const used = (m: EntityManager | undefined, what: string) => {
    if (m !== manager || !inTransaction) throw new Error(`${what} ran outside the write transaction`);
  };

  const trigger = (row: ContactEntity, reason: 'insert' | 'update' | 'delete') => {
    if (!triggers) return;
    const ctx = context;
    const stated: EditedReason = ctx?.reason ?? (reason === 'insert' ? 'created' : reason === 'update' ? 'updated' : 'deleted');
    versions.push({
      id: versions.length + 1, contact_id: row.id, first_name: row.first_name, last_name: row.last_name, email: row.email,
      phone: row.phone, edited_at: ctx?.at ?? row.updated_at, edited_reason: stated, contact_created_at: row.created_at,
      edited_via: ctx?.via ?? 'database', edited_by_id: ctx?.editor?.id ?? null, edited_by_name: ctx?.editor?.name ?? null,
    });
  };
  const write = (what: string) => {
    log.push(what);
    if (failWrite) {
      const error = failWrite;
      failWrite = null;
      throw error;
    }
  };

  const writes = {
    async run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
      const saved = { contacts: new Map([...contacts].map(([id, row]) => [id, { ...row }])), versions: [...versions] };
      log.push('begin');
      inTransaction = true;
      try {
        interloper?.();
        interloper = null;
        const result = await work(manager);
        log.push('commit');
        return result;
      } catch (error) {
        ({ contacts, versions } = saved);
        context = null;
        log.push('rollback');
        throw error;
      } finally {
        inTransaction = false;
      }
    },
  } as unknown as WriteTransactions;

  const contactsRepository = {
    async findById(id: number, m?: EntityManager) {
      used(m, 'findById');
      const row = contacts.get(id);
      return row ? { ...row } : null;
    },
    async emailOwner(email: string, exceptId?: number, m?: EntityManager) {
      used(m, 'emailOwner');
      log.push(`check email ${email}`);
      const owner = [...contacts.values()].find((c) => c.email.toLowerCase() === email.toLowerCase() && c.id !== exceptId);
      return owner?.id ?? null;
    },
    async insert(m: EntityManager, row: Omit<ContactEntity, 'id'> & { id?: number }) {
      used(m, 'insert');
      write('insert');
      const id = row.id ?? Math.max(0, ...contacts.keys(), ...versions.map((v) => v.contact_id)) + 1;
      const saved = { ...row, id } as ContactEntity;
      contacts.set(id, saved);
      trigger(saved, 'insert');
      return saved;
    },
    async update(m: EntityManager, id: number, changes: Partial<ContactEntity>) {
      used(m, 'update');
      write('update');
      const row = { ...contacts.get(id)!, ...changes };
      contacts.set(id, row);
      trigger(row, 'update');
    },
    async remove(m: EntityManager, id: number) {
      used(m, 'remove');
      write('delete');
      const row = contacts.get(id)!;
      contacts.delete(id);
      trigger({ ...row, updated_at: context?.at ?? row.updated_at }, 'delete');
    },
  } as unknown as ContactsRepository;

  const versionLog = {
    async latestOf(contactId: number, m?: EntityManager) {
      used(m, 'latestOf');
      log.push('read version');
      return [...versions].reverse().find((v) => v.contact_id === contactId) ?? null;
    },
    async findById(id: number, m?: EntityManager) {
      used(m, 'findById(version)');
      return versions.find((v) => v.id === id) ?? null;
    },
  } as unknown as VersionLog;

  const contextRepository = {
    async set(m: EntityManager, ctx: MutationContext) {
      used(m, 'context.set');
      log.push(`context ${ctx.reason}/${ctx.via}`);
      context = ctx;
    },
    async clear(m: EntityManager) {
      used(m, 'context.clear');
      log.push('context cleared');
      context = null;
    },
  } as unknown as MutationContextRepository;

  const reservations = {
    async heldByOther(m: EntityManager, email: string, owner?: string) {
      used(m, 'heldByOther');
      const holder = held.get(email.toLowerCase());
      return holder !== undefined && holder !== owner;
    },
    async releaseWithin(m: EntityManager, email: string, owner: string) {
      used(m, 'releaseWithin');
      if (held.get(email.toLowerCase()) === owner) {
        held.delete(email.toLowerCase());
        log.push('release hold');
      }
    },
  } as unknown as EmailReservations;

  const bus = new ContactEventBus();
  const events: ContactEvent[] = [];
  bus.events$.subscribe((event) => {
    log.push(`event ${event.type} ${event.seq}`);
    events.push(event);
  });

  const mutations = new ContactMutations(writes, contactsRepository, versionLog, contextRepository, reservations, bus);
  /** A contact already in the database (written straight, as a seed would). */
  const existing = (id: number, fields = ADA): ContactEntity => {
    const row = { id, ...fields, created_at: AT, updated_at: AT };
    contacts.set(id, row);
    versions.push({
      id: versions.length + 1, contact_id: id, ...fields, edited_at: AT, edited_reason: 'created', contact_created_at: AT,
      edited_via: 'api', edited_by_id: null, edited_by_name: null,
    });
    return row;
  };
  return {
    mutations, log, events, held, outside, existing,
    get contacts() {
      return contacts;
    },
    get versions() {
      return versions;
    },
    interleave: (work: () => void) => (interloper = work),
    failNextWrite: (error: Error) => (failWrite = error),
    dropTriggers: () => (triggers = false),
  };
}

const statusOf = async (promise: Promise<unknown>) => promise.then(() => 'no error', (error: unknown) => (error instanceof ApiError ? error.getStatus() : String(error)));

describe('ContactMutations', () => {
  it('states the context, writes the row, reads the version back, and publishes one event only after the commit', async () => {
    const f = fakes();
    f.existing(1);
    f.log.length = 0;

    const contact = await f.mutations.update(1, { phone: '2' }, { reason: 'updated' });

    expect(f.log).toEqual([
      'begin',
      'context updated/api',
      'update',
      'context cleared',
      'read version',
      'commit',
      'event contact.updated 2',
    ]);
    expect(contact).toEqual({ ...toContact(f.contacts.get(1)!), phone: '2' });
    expect(f.events).toEqual([{ type: 'contact.updated', contact, seq: 2, edited_by: null }]);
    expect(f.versions.at(-1)).toMatchObject({ edited_reason: 'updated', edited_via: 'api', phone: '2' });
  });

  it('a create releases its own hold in the same transaction and announces contact.created', async () => {
    const f = fakes();
    f.held.set('ada@example.com', 'me');

    const contact = await f.mutations.create(ADA, 'me');

    expect(f.log).toEqual([
      'begin', 'check email ada@example.com', 'release hold', 'context created/api', 'insert', 'context cleared', 'read version', 'commit',
      'event contact.created 1',
    ]);
    expect(f.held.size).toBe(0);
    expect(contact).toMatchObject({ id: 1, ...ADA });
    expect(f.events.map((e) => e.type)).toEqual(['contact.created']);
  });

  it('publishes nothing when the transaction rolls back (the unique index refused the write: 409)', async () => {
    const f = fakes();
    f.existing(1);
    f.failNextWrite(Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }));

    expect(await statusOf(f.mutations.update(1, { email: 'grace@example.com' }, { reason: 'updated' }))).toBe(409);
    expect(f.log.at(-1)).toBe('rollback');
    expect(f.events).toEqual([]);
    expect(f.contacts.get(1)!.email).toBe(ADA.email);
  });

  it('publishes nothing and fails loudly when the database wrote no version of the mutation (no triggers)', async () => {
    const f = fakes();
    f.existing(1);
    f.dropTriggers();

    await expect(f.mutations.update(1, { phone: '2' }, { reason: 'updated' })).rejects.toThrow('wrote no updated version');
    expect(f.events).toEqual([]);
    expect(f.log.at(-1)).toBe('rollback');
    expect(f.contacts.get(1)!.phone).toBe('1');
  });

  it('re-checks the email inside the transaction: a commit that took it after validation gives 409 and writes nothing', async () => {
    const f = fakes();
    f.existing(1);
    // Validation (outside) saw the email free; another writer commits it just before our transaction runs.
    f.interleave(() => f.existing(2, { ...ADA, email: 'grace@example.com' }));

    expect(await statusOf(f.mutations.update(1, { email: 'Grace@Example.com' }, { reason: 'updated' }))).toBe(409);
    expect(f.log).not.toContain('update');
    expect(f.events).toEqual([]);
  });

  it('an email a pending create holds is refused with 409 inside the transaction', async () => {
    const f = fakes();
    f.existing(1);
    f.held.set('grace@example.com', 'someone else');

    expect(await statusOf(f.mutations.update(1, { email: 'grace@example.com' }, { reason: 'updated' }))).toBe(409);
    expect(await statusOf(f.mutations.create({ ...ADA, email: 'grace@example.com' }, 'me'))).toBe(409);
    expect(f.log).not.toContain('update');
    expect(f.log).not.toContain('insert');
  });

  it('412 with the current contact on a stale If-Match; the current ETag passes', async () => {
    const f = fakes();
    const current = toContact(f.existing(1));

    const stale = await f.mutations.update(1, { phone: '2' }, { reason: 'updated', ifMatch: '"stale"' }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiError);
    expect((stale as ApiError).getStatus()).toBe(412);
    expect((stale as ApiError).getResponse()).toEqual(current);
    expect(f.log).not.toContain('update');

    const fresh = await f.mutations.update(1, { phone: '2' }, { reason: 'updated', ifMatch: `W/${etagOf(current)}` });
    expect(fresh.phone).toBe('2');
    expect(f.events).toHaveLength(1);
  });

  it('a claim that says "already done" writes nothing and announces nothing', async () => {
    const f = fakes();
    f.existing(1);
    const contact = await f.mutations.update(1, { phone: '2' }, { reason: 'external_update', claim: async () => false });
    expect(contact.phone).toBe('1');
    expect(f.events).toEqual([]);
    await f.mutations.update(1, { phone: '3' }, { reason: 'external_update', claim: async () => true });
    expect(f.log).toContain('context external_update/external');
  });

  it('revert takes the fields of one of the contact\'s own versions, recorded as "reverted"', async () => {
    const f = fakes();
    f.existing(1);
    await f.mutations.update(1, { phone: '2' }, { reason: 'updated' });
    f.existing(5, { ...ADA, email: 'other@example.com' }); // version 3 belongs to contact 5

    expect(await statusOf(f.mutations.revert(1, 3))).toBe(404);
    expect(await statusOf(f.mutations.revert(1, 99))).toBe(404);
    const reverted = await f.mutations.revert(1, 1);
    expect(reverted.phone).toBe('1');
    expect(f.versions.at(-1)).toMatchObject({ contact_id: 1, edited_reason: 'reverted', phone: '1' });
    expect(f.events.at(-1)).toMatchObject({ type: 'contact.updated', contact: reverted });
  });

  it('restore brings a deleted contact back with its id and created_at, recorded as "restored"; a live one is 409', async () => {
    const f = fakes();
    f.existing(1);
    expect(await statusOf(f.mutations.restore(1))).toBe(409);
    expect(await statusOf(f.mutations.restore(7))).toBe(404);
    await f.mutations.remove(1);
    expect(f.events.at(-1)).toMatchObject({ type: 'contact.deleted', contact_id: 1 });

    const restored = await f.mutations.restore(1);
    expect(restored).toMatchObject({ id: 1, ...ADA, created_at: AT });
    expect(f.versions.at(-1)).toMatchObject({ contact_id: 1, edited_reason: 'restored' });
    expect(f.events.at(-1)).toMatchObject({ type: 'contact.created', contact: restored });
  });

  it('restore refuses with 409 when another contact took the email meanwhile', async () => {
    const f = fakes();
    f.existing(1);
    await f.mutations.remove(1);
    f.existing(2);
    expect(await statusOf(f.mutations.restore(1))).toBe(409);
    expect(f.contacts.has(1)).toBe(false);
  });
});
