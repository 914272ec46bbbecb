import type { EntityManager } from 'typeorm';
import type { BookRole, ContactEvent, EditedReason } from '@contacts/wire-types';
import { BookAccess } from '../access/book-access.js';
import type { CallerUser } from '../access/caller.js';
import { PERMISSION_DENIED_MESSAGE } from '@contacts/wire-types';
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

/** The first book id the fake database does not have. */
const MISSING_BOOK = 900;
const ADA = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '1' };
const AT = '2026-01-01T00:00:00.000Z';
/** What the database fills in for the columns an insert leaves out (but the uid, drawn per row). */
const DEFAULT_COLUMNS = { organization: '', job_title: '', notes: '', birthday: null, other_emails: '[]', other_phones: '[]', addresses: '[]', vcard_extra: '' };
/** The columns a version trigger copies beside the four fields and the book. */
const snapshotOf = (row: ContactEntity) => ({
  organization: row.organization ?? '', job_title: row.job_title ?? '', notes: row.notes ?? '', birthday: row.birthday ?? null,
  other_emails: row.other_emails ?? '[]', other_phones: row.other_phones ?? '[]', addresses: row.addresses ?? '[]', uid: row.uid ?? null,
  vcard_extra: row.vcard_extra ?? '',
});
/** AUTH=none: every book, no editor, via api (Part 1's behaviour). */
const OPEN = BookAccess.everything({ kind: 'open' }, 1);
const ALAN: CallerUser = { id: 7, email: 'alan@example.com', name: 'Alan Turing', is_admin: false };

/** A signed-in user with these roles, on the session cookie (web) or a personal token (api). */
function userAccess(roles: Record<number, BookRole>, credential: 'session' | 'token' = 'session'): BookAccess {
  const map = new Map(Object.entries(roles).map(([book, role]) => [Number(book), role]));
  return BookAccess.forUser(
    { kind: 'user', user: ALAN, credential: credential === 'session' ? { type: 'session', id: 'hash' } : { type: 'token', id: 3 } },
    map,
    null,
  );
}

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
  const held = new Map<string, string>(); // `book:email` → owner
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
      id: versions.length + 1, contact_id: row.id, address_book_id: row.address_book_id, first_name: row.first_name, last_name: row.last_name, email: row.email,
      phone: row.phone, edited_at: ctx?.at ?? row.updated_at, edited_reason: stated, operation: reason, contact_created_at: row.created_at,
      edited_via: ctx?.via ?? 'database', edited_by_id: ctx?.editor?.id ?? null, edited_by_name: ctx?.editor?.name ?? null,
      ...snapshotOf(row),
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
    async run<T>(work: (m: EntityManager) => Promise<T>, afterCommit?: (result: T) => void): Promise<T> {
      const saved = { contacts: new Map([...contacts].map(([id, row]) => [id, { ...row }])), versions: [...versions] };
      log.push('begin');
      inTransaction = true;
      try {
        interloper?.();
        interloper = null;
        const result = await work(manager);
        log.push('commit');
        inTransaction = false;
        afterCommit?.(result);
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
    async emailOwner(book: number, email: string, exceptId?: number, m?: EntityManager) {
      used(m, 'emailOwner');
      log.push(`check email ${email} in ${book}`);
      const owner = [...contacts.values()].find(
        (c) => c.address_book_id === book && c.email.toLowerCase() === email.toLowerCase() && c.id !== exceptId,
      );
      return owner?.id ?? null;
    },
    async insert(m: EntityManager, row: Omit<ContactEntity, 'id'> & { id?: number }) {
      used(m, 'insert');
      write('insert');
      const id = row.id ?? Math.max(0, ...contacts.keys(), ...versions.map((v) => v.contact_id)) + 1;
      // The database's defaults for what the insert leaves out.
      const saved = { ...DEFAULT_COLUMNS, uid: `uid-${id}`, ...row, id } as ContactEntity;
      contacts.set(id, saved);
      trigger(saved, 'insert');
      return id;
    },
    /** Books below MISSING_BOOK exist. */
    async bookExists(book: number, m?: EntityManager) {
      used(m, 'bookExists');
      return book < MISSING_BOOK;
    },
    async uidTaken(book: number, uid: string, exceptId: number | undefined, m?: EntityManager) {
      used(m, 'uidTaken');
      return [...contacts.values()].some((c) => c.address_book_id === book && c.uid === uid && c.id !== exceptId);
    },
    async findByUid(book: number, uid: string, m?: EntityManager) {
      used(m, 'findByUid');
      const row = [...contacts.values()].find((c) => c.address_book_id === book && c.uid === uid);
      return row ? { ...row } : null;
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
    async vcardExtraOf(id: number, m?: EntityManager) {
      used(m, 'vcardExtraOf');
      return versions.find((v) => v.id === id)?.vcard_extra ?? '';
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
    async heldByOther(m: EntityManager, book: number, email: string, owner?: string) {
      used(m, 'heldByOther');
      const holder = held.get(`${book}:${email.toLowerCase()}`);
      return holder !== undefined && holder !== owner;
    },
    async releaseWithin(m: EntityManager, book: number, email: string, owner: string) {
      used(m, 'releaseWithin');
      if (held.get(`${book}:${email.toLowerCase()}`) === owner) {
        held.delete(`${book}:${email.toLowerCase()}`);
        log.push(`release hold in ${book}`);
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
  /** A contact already in the database (written straight, as a seed would), in `book`. */
  const existing = (id: number, fields = ADA, book = 1, columns: Partial<ContactEntity> = {}): ContactEntity => {
    const row = { id, address_book_id: book, ...DEFAULT_COLUMNS, uid: `uid-${id}`, ...fields, ...columns, created_at: AT, updated_at: AT };
    contacts.set(id, row);
    versions.push({
      id: versions.length + 1, contact_id: id, address_book_id: book, ...fields, edited_at: AT, edited_reason: 'created', operation: 'insert', contact_created_at: AT,
      edited_via: 'api', edited_by_id: null, edited_by_name: null, ...snapshotOf(row),
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
/** The error's status and body, or 'no error'. */
const failureOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof ApiError ? { status: error.getStatus(), body: error.getResponse() } : String(error)),
  );
const FORBIDDEN = { status: 403, body: { detail: PERMISSION_DENIED_MESSAGE } };
const NOT_FOUND = { status: 404, body: { detail: 'Not found.' } };
/** What a refused mutation must not have done: state a context or write a row. */
const writesIn = (log: string[]) => log.filter((line) => /^(context|insert|update|delete|release)/.test(line));

describe('ContactMutations', () => {
  it('states the context, writes the row, reads the version back, and publishes one event only after the commit', async () => {
    const f = fakes();
    f.existing(1);
    f.log.length = 0;

    const contact = await f.mutations.update(1, { phone: '2' }, { reason: 'updated' }, OPEN);

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
    expect(f.events).toEqual([{ type: 'contact.updated', contact, seq: 2, edited_by: null, address_book: 1 }]);
    expect(f.versions.at(-1)).toMatchObject({ edited_reason: 'updated', edited_via: 'api', phone: '2', address_book_id: 1 });
  });

  it('a create releases its own hold in the same transaction and announces contact.created', async () => {
    const f = fakes();
    f.held.set('1:ada@example.com', 'me');

    const contact = await f.mutations.create(ADA, 1, 'me', OPEN);

    expect(f.log).toEqual([
      'begin', 'check email ada@example.com in 1', 'release hold in 1', 'context created/api', 'insert', 'context cleared', 'read version', 'commit',
      'event contact.created 1',
    ]);
    expect(f.held.size).toBe(0);
    expect(contact).toMatchObject({ id: 1, ...ADA, address_book: 1 });
    expect(f.events.map((e) => e.type)).toEqual(['contact.created']);
  });

  it('a create goes into the book it is given, and the email only has to be free there', async () => {
    const f = fakes();
    f.existing(1); // ada@example.com in book 1
    f.held.set('1:grace@example.com', 'someone else');

    const ada = await f.mutations.create(ADA, 2, 'me', OPEN);
    const grace = await f.mutations.create({ ...ADA, email: 'grace@example.com' }, 2, 'me', OPEN);

    expect(ada).toMatchObject({ address_book: 2, email: 'ada@example.com' });
    expect(grace).toMatchObject({ address_book: 2, email: 'grace@example.com' });
    expect(f.versions.at(-1)).toMatchObject({ edited_reason: 'created', address_book_id: 2 });
    expect(f.events.at(-1)).toMatchObject({ type: 'contact.created', address_book: 2 });
    expect(await statusOf(f.mutations.create(ADA, 2, 'me', OPEN))).toBe(409);
  });

  it('AUTH=none and the service token may name any book: one that does not exist is 404 for a create and a move, nothing written', async () => {
    const f = fakes();
    await f.mutations.create(ADA, 1, 'me', OPEN);
    const before = f.log.length;
    expect(await statusOf(f.mutations.create({ ...ADA, email: 'other@example.com' }, MISSING_BOOK, 'me', OPEN))).toBe(404);
    expect(await statusOf(f.mutations.update(1, {}, { reason: 'updated', moveTo: MISSING_BOOK }, OPEN))).toBe(404);
    expect(f.log.slice(before).filter((line) => line === 'insert' || line === 'update')).toEqual([]);
  });

  it('publishes nothing when the transaction rolls back (the unique index refused the write: 409)', async () => {
    const f = fakes();
    f.existing(1);
    f.failNextWrite(Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }));

    expect(await statusOf(f.mutations.update(1, { email: 'grace@example.com' }, { reason: 'updated' }, OPEN))).toBe(409);
    expect(f.log.at(-1)).toBe('rollback');
    expect(f.events).toEqual([]);
    expect(f.contacts.get(1)!.email).toBe(ADA.email);
  });

  it('publishes nothing and fails loudly when the database wrote no version of the mutation (no triggers)', async () => {
    const f = fakes();
    f.existing(1);
    f.dropTriggers();

    await expect(f.mutations.update(1, { phone: '2' }, { reason: 'updated' }, OPEN)).rejects.toThrow('wrote no updated version');
    expect(f.events).toEqual([]);
    expect(f.log.at(-1)).toBe('rollback');
    expect(f.contacts.get(1)!.phone).toBe('1');
  });

  it('re-checks the email inside the transaction: a commit that took it after validation gives 409 and writes nothing', async () => {
    const f = fakes();
    f.existing(1);
    // Validation (outside) saw the email free; another writer commits it just before our transaction runs.
    f.interleave(() => f.existing(2, { ...ADA, email: 'grace@example.com' }));

    expect(await statusOf(f.mutations.update(1, { email: 'Grace@Example.com' }, { reason: 'updated' }, OPEN))).toBe(409);
    expect(f.log).not.toContain('update');
    expect(f.events).toEqual([]);
  });

  it('an email a pending create holds is refused with 409 inside the transaction', async () => {
    const f = fakes();
    f.existing(1);
    f.held.set('1:grace@example.com', 'someone else');

    expect(await statusOf(f.mutations.update(1, { email: 'grace@example.com' }, { reason: 'updated' }, OPEN))).toBe(409);
    expect(await statusOf(f.mutations.create({ ...ADA, email: 'grace@example.com' }, 1, 'me', OPEN))).toBe(409);
    expect(f.log).not.toContain('update');
    expect(f.log).not.toContain('insert');
  });

  it('412 with the current contact on a stale If-Match; the current ETag passes', async () => {
    const f = fakes();
    const current = toContact(f.existing(1));

    const stale = await f.mutations.update(1, { phone: '2' }, { reason: 'updated', ifMatch: '"stale"' }, OPEN).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiError);
    expect((stale as ApiError).getStatus()).toBe(412);
    expect((stale as ApiError).getResponse()).toEqual(current);
    expect(f.log).not.toContain('update');

    const fresh = await f.mutations.update(1, { phone: '2' }, { reason: 'updated', ifMatch: `W/${etagOf(current)}` }, OPEN);
    expect(fresh.phone).toBe('2');
    expect(f.events).toHaveLength(1);
  });

  it('a claim that says "already done" writes nothing and announces nothing', async () => {
    const f = fakes();
    f.existing(1);
    const contact = await f.mutations.update(1, { phone: '2' }, { reason: 'external_update', claim: async () => false }, OPEN);
    expect(contact.phone).toBe('1');
    expect(f.events).toEqual([]);
    await f.mutations.update(1, { phone: '3' }, { reason: 'external_update', claim: async () => true }, OPEN);
    expect(f.log).toContain('context external_update/external');
  });

  it('revert takes the fields of one of the contact\'s own versions, recorded as "reverted"', async () => {
    const f = fakes();
    f.existing(1);
    await f.mutations.update(1, { phone: '2' }, { reason: 'updated' }, OPEN);
    f.existing(5, { ...ADA, email: 'other@example.com' }); // version 3 belongs to contact 5

    expect(await statusOf(f.mutations.revert(1, 3, OPEN))).toBe(404);
    expect(await statusOf(f.mutations.revert(1, 99, OPEN))).toBe(404);
    const reverted = await f.mutations.revert(1, 1, OPEN);
    expect(reverted.phone).toBe('1');
    expect(f.versions.at(-1)).toMatchObject({ contact_id: 1, edited_reason: 'reverted', phone: '1' });
    expect(f.events.at(-1)).toMatchObject({ type: 'contact.updated', contact: reverted });
  });

  it('restore brings a deleted contact back with its id and created_at, recorded as "restored"; a live one is 409', async () => {
    const f = fakes();
    f.existing(1);
    expect(await statusOf(f.mutations.restore(1, OPEN))).toBe(409);
    expect(await statusOf(f.mutations.restore(7, OPEN))).toBe(404);
    await f.mutations.remove(1, OPEN);
    expect(f.events.at(-1)).toMatchObject({ type: 'contact.deleted', contact_id: 1, address_book: 1 });

    const restored = await f.mutations.restore(1, OPEN);
    expect(restored).toMatchObject({ id: 1, ...ADA, created_at: AT, address_book: 1 });
    expect(f.versions.at(-1)).toMatchObject({ contact_id: 1, edited_reason: 'restored' });
    expect(f.events.at(-1)).toMatchObject({ type: 'contact.created', contact: restored });
  });

  it('restore refuses with 409 when another contact took the email meanwhile', async () => {
    const f = fakes();
    f.existing(1);
    await f.mutations.remove(1, OPEN);
    f.existing(2);
    expect(await statusOf(f.mutations.restore(1, OPEN))).toBe(409);
    expect(f.contacts.has(1)).toBe(false);
  });

  it('restore puts the contact back into the book it was deleted from, checking the email there', async () => {
    const f = fakes();
    f.existing(1, ADA, 3);
    await f.mutations.remove(1, OPEN);
    f.existing(2, ADA, 1); // the same email in another book does not stand in the way
    const restored = await f.mutations.restore(1, OPEN);
    expect(restored.address_book).toBe(3);
    expect(f.contacts.get(1)!.address_book_id).toBe(3);
    expect(f.log).toContain('check email ada@example.com in 3');
  });

  describe('access to the contact\'s book', () => {
    it('a viewer\'s update, remove, revert and restore are 403 and write nothing: no version, no event', async () => {
      const f = fakes();
      f.existing(1);
      f.existing(2, { ...ADA, email: 'grace@example.com' });
      await f.mutations.remove(2, OPEN); // deleted from book 1: restorable
      const versions = f.versions.length;
      const events = f.events.length;
      f.log.length = 0;
      const viewer = userAccess({ 1: 'viewer' });

      expect(await failureOf(f.mutations.update(1, { phone: '2' }, { reason: 'updated' }, viewer))).toEqual(FORBIDDEN);
      expect(await failureOf(f.mutations.update(1, { phone: '2' }, { reason: 'external_update' }, viewer))).toEqual(FORBIDDEN);
      expect(await failureOf(f.mutations.remove(1, viewer))).toEqual(FORBIDDEN);
      expect(await failureOf(f.mutations.revert(1, 1, viewer))).toEqual(FORBIDDEN);
      expect(await failureOf(f.mutations.restore(2, viewer))).toEqual(FORBIDDEN);
      expect(await failureOf(f.mutations.create({ ...ADA, email: 'new@example.com' }, 1, 'me', viewer))).toEqual(FORBIDDEN);

      expect(writesIn(f.log)).toEqual([]);
      expect(f.versions).toHaveLength(versions);
      expect(f.events).toHaveLength(events);
      expect(f.contacts.get(1)).toMatchObject({ ...ADA, address_book_id: 1 });
      expect(f.contacts.has(2)).toBe(false);
    });

    it('a claim is not even asked for a viewer (the job is not marked done by a refused update)', async () => {
      const f = fakes();
      f.existing(1);
      let claimed = false;
      const claim = async () => (claimed = true);
      expect(await failureOf(f.mutations.update(1, { phone: '2' }, { reason: 'external_update', claim }, userAccess({ 1: 'viewer' })))).toEqual(FORBIDDEN);
      expect(claimed).toBe(false);
    });

    it('a contact in a book the caller cannot read is 404, as if it did not exist (never 403, never 409)', async () => {
      const f = fakes();
      f.existing(1); // book 1
      f.existing(2, { ...ADA, email: 'grace@example.com' });
      await f.mutations.remove(2, OPEN); // deleted from book 1
      const versions = f.versions.length;
      f.log.length = 0;

      for (const stranger of [userAccess({ 2: 'owner' }), userAccess({}), BookAccess.nothing()]) {
        expect(await failureOf(f.mutations.update(1, { phone: '2' }, { reason: 'updated' }, stranger))).toEqual(NOT_FOUND);
        expect(await failureOf(f.mutations.update(1, { phone: '2' }, { reason: 'updated', moveTo: 2 }, stranger))).toEqual(NOT_FOUND);
        expect(await failureOf(f.mutations.remove(1, stranger))).toEqual(NOT_FOUND);
        expect(await failureOf(f.mutations.revert(1, 1, stranger))).toEqual(NOT_FOUND);
        // A live contact is "not deleted" (409) only to whoever can see it; a deleted one is restorable only by its book's writers.
        expect(await failureOf(f.mutations.restore(1, stranger))).toEqual(NOT_FOUND);
        expect(await failureOf(f.mutations.restore(2, stranger))).toEqual(NOT_FOUND);
        expect(await failureOf(f.mutations.create({ ...ADA, email: 'new@example.com' }, 1, 'me', stranger))).toEqual(NOT_FOUND);
      }
      // …and 409 for a reader of book 1.
      expect(await statusOf(f.mutations.restore(1, userAccess({ 1: 'viewer' })))).toBe(409);

      expect(writesIn(f.log)).toEqual([]);
      expect(f.versions).toHaveLength(versions);
      expect(f.contacts.get(1)).toMatchObject(ADA);
    });

    it('access is checked on the row as the transaction sees it: a contact moved meanwhile to a book the caller only views is 403', async () => {
      const f = fakes();
      f.existing(1);
      f.interleave(() => (f.contacts.get(1)!.address_book_id = 2));
      expect(await failureOf(f.mutations.update(1, { phone: '2' }, { reason: 'updated' }, userAccess({ 1: 'editor', 2: 'viewer' })))).toEqual(FORBIDDEN);
      expect(f.log.slice(-2)).toEqual(['begin', 'rollback']);
    });

    it('an editor and the owner may write; so may AUTH=none and the service token', async () => {
      const f = fakes();
      f.existing(1);
      const service = BookAccess.everything({ kind: 'service' }, null);
      for (const [n, access] of [userAccess({ 1: 'editor' }), userAccess({ 1: 'owner' }), OPEN, service].entries()) {
        expect((await f.mutations.update(1, { phone: String(n + 2) }, { reason: 'updated' }, access)).phone).toBe(String(n + 2));
      }
      expect(f.events).toHaveLength(4);
    });
  });

  describe('moving a contact (moveTo)', () => {
    it('moves it to the other book in place: same id, one "updated" version and event in the new book', async () => {
      const f = fakes();
      f.existing(1);
      f.log.length = 0;

      const moved = await f.mutations.update(1, {}, { reason: 'updated', moveTo: 2 }, userAccess({ 1: 'editor', 2: 'owner' }));

      expect(moved).toMatchObject({ id: 1, ...ADA, address_book: 2 });
      expect(f.contacts.get(1)!.address_book_id).toBe(2);
      expect(f.versions.at(-1)).toMatchObject({ contact_id: 1, edited_reason: 'updated', address_book_id: 2 });
      expect(f.events).toEqual([expect.objectContaining({ type: 'contact.updated', address_book: 2, contact: moved })]);
      expect(f.log).toContain('check email ada@example.com in 2');
    });

    it('needs write on both books: 403 where the caller only views, 404 where it cannot read; nothing written', async () => {
      const f = fakes();
      f.existing(1);
      f.log.length = 0;
      const move = (roles: Record<number, BookRole>) => failureOf(f.mutations.update(1, {}, { reason: 'updated', moveTo: 2 }, userAccess(roles)));

      expect(await move({ 1: 'editor', 2: 'viewer' })).toEqual(FORBIDDEN);
      expect(await move({ 1: 'owner' })).toEqual(NOT_FOUND);
      expect(await move({ 1: 'viewer', 2: 'owner' })).toEqual(FORBIDDEN);
      expect(await move({ 2: 'owner' })).toEqual(NOT_FOUND);

      expect(writesIn(f.log)).toEqual([]);
      expect(f.contacts.get(1)!.address_book_id).toBe(1);
      expect(f.events).toEqual([]);
    });

    it('checks the email in the target book: a contact or a pending create there has it → 409; the source book does not matter', async () => {
      const f = fakes();
      f.existing(1); // ada in book 1
      f.existing(2, { ...ADA, email: 'grace@example.com' }, 1);
      f.existing(3, ADA, 2); // ada in book 2 too
      const editor = userAccess({ 1: 'editor', 2: 'editor', 3: 'editor' });
      const move = (id: number, moveTo: number, fields = {}) => statusOf(f.mutations.update(id, fields, { reason: 'updated', moveTo }, editor));

      expect(await move(1, 2)).toBe(409);
      expect(f.log).toContain('check email ada@example.com in 2');
      expect(await move(1, 3, { email: 'lin@example.com' })).toBe('no error');
      expect(f.contacts.get(1)).toMatchObject({ address_book_id: 3, email: 'lin@example.com' });
      expect(f.log).toContain('check email lin@example.com in 3');

      f.held.set('1:grace@example.com', 'a pending create in the source book');
      expect(await move(2, 2)).toBe('no error');
      f.held.set('3:kay@example.com', 'a pending create in the target book');
      expect(await move(2, 3, { email: 'kay@example.com' })).toBe(409);
      expect(f.contacts.get(2)).toMatchObject({ address_book_id: 2, email: 'grace@example.com' });
    });

    it('moveTo its own book is no move: no extra access needed and the email is not re-checked', async () => {
      const f = fakes();
      f.existing(1);
      f.log.length = 0;
      const contact = await f.mutations.update(1, { phone: '2' }, { reason: 'updated', moveTo: 1 }, userAccess({ 1: 'editor' }));
      expect(contact.address_book).toBe(1);
      expect(f.log.some((line) => line.startsWith('check email'))).toBe(false);
    });
  });

  describe('who changed it', () => {
    const alan = { id: ALAN.id, name: ALAN.name };

    it.each([
      ['session', 'web'],
      ['token', 'api'],
    ] as const)('on a %s every mutation records the account as editor and %s as the channel', async (credential, via) => {
      const f = fakes();
      const access = userAccess({ 1: 'editor' }, credential);
      const created = await f.mutations.create(ADA, 1, 'me', access);
      await f.mutations.update(created.id, { phone: '2' }, { reason: 'updated' }, access);
      await f.mutations.revert(created.id, 1, access);
      await f.mutations.remove(created.id, access);
      await f.mutations.restore(created.id, access);

      expect(f.versions.map((v) => [v.edited_reason, v.edited_via, v.edited_by_id, v.edited_by_name])).toEqual(
        ['created', 'updated', 'reverted', 'deleted', 'restored'].map((reason) => [reason, via, ALAN.id, ALAN.name]),
      );
      expect(f.events.map((e) => e.edited_by)).toEqual(Array(5).fill(alan));
    });

    it('AUTH=none and the service token record no editor (via api and external)', async () => {
      const f = fakes();
      await f.mutations.create(ADA, 1, 'me', OPEN);
      await f.mutations.update(1, { phone: '2' }, { reason: 'updated' }, BookAccess.everything({ kind: 'service' }, null));
      expect(f.versions.map((v) => [v.edited_via, v.edited_by_id])).toEqual([
        ['api', null],
        ['external', null],
      ]);
      expect(f.events.map((e) => e.edited_by)).toEqual([null, null]);
    });

    it('an external_update is always recorded via "external", whoever makes it; the editor is still the caller', async () => {
      const f = fakes();
      f.existing(1);
      await f.mutations.update(1, { phone: '2' }, { reason: 'external_update' }, userAccess({ 1: 'editor' }, 'session'));
      await f.mutations.update(1, { phone: '3' }, { reason: 'external_update' }, userAccess({ 1: 'editor' }, 'token'));
      await f.mutations.update(1, { phone: '4' }, { reason: 'external_update', via: 'web' }, userAccess({ 1: 'editor' }));
      await f.mutations.update(1, { phone: '5' }, { reason: 'external_update' }, OPEN);
      expect(f.versions.slice(1).map((v) => [v.edited_reason, v.edited_via, v.edited_by_id])).toEqual([
        ['external_update', 'external', ALAN.id],
        ['external_update', 'external', ALAN.id],
        ['external_update', 'external', ALAN.id],
        ['external_update', 'external', null],
      ]);
      expect(f.log.filter((line) => line.startsWith('context external'))).toEqual(Array(4).fill('context external_update/external'));
    });
  });

  describe('removeFromBook (deleting a book)', () => {
    const owner = { editor: { id: ALAN.id, name: ALAN.name }, via: 'web' } as const;

    it('deletes a contact of that book as the actor\'s deletion, with its version and event', async () => {
      const f = fakes();
      f.existing(1, ADA, 4);
      expect(await f.mutations.removeFromBook(1, 4, owner)).toBe(true);
      expect(f.contacts.has(1)).toBe(false);
      expect(f.versions.at(-1)).toMatchObject({ contact_id: 1, edited_reason: 'deleted', edited_via: 'web', edited_by_id: ALAN.id, address_book_id: 4 });
      expect(f.events).toEqual([expect.objectContaining({ type: 'contact.deleted', contact_id: 1, address_book: 4, edited_by: owner.editor })]);
    });

    it('a contact gone or moved to another book meanwhile is left alone (false, nothing written)', async () => {
      const f = fakes();
      f.existing(1, ADA, 5);
      f.log.length = 0;
      expect(await f.mutations.removeFromBook(1, 4, owner)).toBe(false);
      expect(await f.mutations.removeFromBook(9, 4, owner)).toBe(false);
      expect(writesIn(f.log)).toEqual([]);
      expect(f.contacts.has(1)).toBe(true);
      expect(f.events).toEqual([]);
    });
  });

  describe('details, uid and vcard_extra', () => {
    const DETAILS = {
      organization: 'Analytical Engines', job_title: 'Countess', notes: 'Poet', birthday: '1815-12-10',
      other_emails: [{ label: 'work', value: 'ada@work.example' }], other_phones: [{ label: 'mobile', value: '+44 1' }],
      addresses: [{ label: 'home', street: '12 St James', city: 'London', region: '', postal_code: 'SW1', country: 'UK' }],
    };

    it('a move into a book that has its uid gives it a fresh one; elsewhere it keeps its own', async () => {
      const f = fakes();
      f.existing(1, ADA, 1, { uid: 'shared-uid' });
      f.existing(2, { ...ADA, email: 'other@example.com' }, 2, { uid: 'shared-uid' });
      f.existing(3, { ...ADA, email: 'third@example.com' }, 1, { uid: 'own-uid' });

      const moved = await f.mutations.update(1, {}, { reason: 'updated', moveTo: 2 }, OPEN);
      const kept = await f.mutations.update(3, {}, { reason: 'updated', moveTo: 2 }, OPEN);

      expect(moved.uid).not.toBe('shared-uid');
      expect(moved.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(f.contacts.get(2)!.uid).toBe('shared-uid');
      expect(kept.uid).toBe('own-uid');
    });

    it('revert brings back every field and the vCard properties of that version; the uid stays', async () => {
      const f = fakes();
      f.existing(1, ADA, 1, { ...columnsOfDetails(DETAILS), uid: 'the-uid', vcard_extra: 'NICKNAME:Ada\r\n' });
      await f.mutations.update(1, { organization: '', other_phones: [], birthday: null }, { reason: 'updated' }, OPEN);
      expect(f.contacts.get(1)).toMatchObject({ organization: '', other_phones: '[]', birthday: null });

      const reverted = await f.mutations.revert(1, 1, OPEN);

      expect(reverted).toMatchObject({ ...ADA, ...DETAILS, uid: 'the-uid' });
      expect(f.contacts.get(1)!.vcard_extra).toBe('NICKNAME:Ada\r\n');
    });

    it('restore brings back every field, the uid and the vCard properties; a uid taken meanwhile is replaced', async () => {
      const f = fakes();
      f.existing(1, ADA, 1, { ...columnsOfDetails(DETAILS), uid: 'the-uid', vcard_extra: 'X-A:1\r\n' });
      await f.mutations.remove(1, OPEN);
      const restored = await f.mutations.restore(1, OPEN);
      expect(restored).toMatchObject({ id: 1, ...ADA, ...DETAILS, uid: 'the-uid' });
      expect(f.contacts.get(1)!.vcard_extra).toBe('X-A:1\r\n');

      await f.mutations.remove(1, OPEN);
      f.existing(7, { ...ADA, email: 'new@example.com' }, 1, { uid: 'the-uid' });
      const again = await f.mutations.restore(1, OPEN);
      expect(again.uid).not.toBe('the-uid');
      expect(again).toMatchObject({ ...DETAILS });
    });
  });

  describe('writeCard', () => {
    const CARD = { ...ADA, organization: 'Engines', job_title: '', notes: '', birthday: null, other_emails: [], other_phones: [], addresses: [] };
    const write = (f: ReturnType<typeof fakes>, overrides: Partial<Parameters<ContactMutations['writeCard']>[0]> = {}, access = OPEN) => {
      const seen: string[] = [];
      const request = {
        book: 1, fields: CARD, uid: 'card-1', vcard_extra: 'X-FOO:bar\r\n', via: 'import' as const, onExisting: 'update' as const,
        within: async (manager: EntityManager, result: string) => {
          f.log.push(`within ${result}`);
          seen.push(`${result} in ${(manager as unknown as { name: string }).name}`);
        },
        ...overrides,
      };
      return { seen, done: f.mutations.writeCard(request, access) };
    };

    it('creates a new card with its uid and extras: one `created` version via import, the hook inside the transaction, the event after it', async () => {
      const f = fakes();
      const { seen, done } = write(f, {}, userAccess({ 1: 'editor' }, 'token'));
      const { result, contact } = await done;

      expect(result).toBe('created');
      expect(contact).toMatchObject({ ...CARD, uid: 'card-1', address_book: 1 });
      expect(f.contacts.get(contact.id)).toMatchObject({ uid: 'card-1', vcard_extra: 'X-FOO:bar\r\n', organization: 'Engines' });
      expect(f.versions).toHaveLength(1);
      expect(f.versions[0]).toMatchObject({ edited_reason: 'created', edited_via: 'import', edited_by_id: ALAN.id });
      expect(seen).toEqual(['created in the transaction']);
      expect(f.log.slice(-3)).toEqual(['within created', 'commit', `event contact.created ${f.versions[0].id}`]);
    });

    it('no uid: the database draws one', async () => {
      const f = fakes();
      const { contact } = await write(f, { uid: null }).done;
      expect(contact.uid).toBe(`uid-${contact.id}`);
    });

    it('same uid: `update` gives it the card\'s fields and extras (one `updated` version); `skip` leaves it alone', async () => {
      const f = fakes();
      f.existing(1, { ...ADA, email: 'old@example.com' }, 1, { uid: 'card-1', notes: 'old' });

      const skipped = await write(f, { onExisting: 'skip' });
      expect((await skipped.done).result).toBe('skipped');
      expect(skipped.seen).toEqual(['skipped in the transaction']);
      expect(f.versions).toHaveLength(1);
      expect(f.events).toEqual([]);

      const updated = await write(f).done;
      expect(updated.result).toBe('updated');
      expect(updated.contact).toMatchObject({ id: 1, ...CARD, uid: 'card-1' });
      expect(f.contacts.get(1)!.vcard_extra).toBe('X-FOO:bar\r\n');
      expect(f.versions.slice(1)).toEqual([expect.objectContaining({ edited_reason: 'updated', edited_via: 'import' })]);
      expect(f.events.map((e) => e.type)).toEqual(['contact.updated']);
    });

    it('no uid match but the same email: that contact is the card\'s (its uid stays)', async () => {
      const f = fakes();
      f.existing(1, ADA, 1, { uid: 'other-uid' });
      const { result, contact } = await write(f).done;
      expect(result).toBe('updated');
      expect(contact).toMatchObject({ id: 1, uid: 'other-uid', organization: 'Engines' });
    });

    it('the uid matches one contact but the email is another\'s: 409 keyed by email, nothing written, no hook', async () => {
      const f = fakes();
      f.existing(1, { ...ADA, email: 'first@example.com' }, 1, { uid: 'card-1' });
      f.existing(2, ADA, 1, { uid: 'second' });
      f.log.length = 0;
      const { seen, done } = write(f);
      expect(await failureOf(done)).toEqual({ status: 409, body: { email: ['Email must be unique.'] } });
      expect(seen).toEqual([]);
      expect(writesIn(f.log)).toEqual([]);
      expect(f.events).toEqual([]);
    });

    it('an email a pending create holds is 409; create-only refuses an existing uid (412) or email (409)', async () => {
      const f = fakes();
      f.held.set('1:ada@example.com', 'a pending create');
      expect(await failureOf(write(f).done)).toEqual({ status: 409, body: { email: ['A contact with this email is being created.'] } });
      f.held.clear();
      f.existing(1, ADA, 1, { uid: 'card-1' });
      expect(await statusOf(write(f, { onExisting: 'create-only' }).done)).toBe(412);
      expect(await statusOf(write(f, { onExisting: 'create-only', uid: 'another' }).done)).toBe(409);
    });

    it('a viewer cannot write cards (403); a uid longer than 255 characters is a 400 keyed by uid', async () => {
      const f = fakes();
      expect(await failureOf(write(f, {}, userAccess({ 1: 'viewer' })).done)).toEqual(FORBIDDEN);
      expect(await failureOf(write(f, { uid: 'u'.repeat(256) }).done)).toEqual({
        status: 400, body: { uid: ['Ensure this field has no more than 255 characters.'] },
      });
      expect(f.contacts.size).toBe(0);
    });

    it('a hook that fails rolls the card back: no row, no version, no event', async () => {
      const f = fakes();
      const done = f.mutations.writeCard(
        { book: 1, fields: CARD, vcard_extra: '', via: 'import', onExisting: 'update', within: async () => Promise.reject(new Error('progress write failed')) },
        OPEN,
      );
      expect(await failureOf(done)).toBe('Error: progress write failed');
      expect(f.contacts.size).toBe(0);
      expect(f.versions).toHaveLength(0);
      expect(f.events).toEqual([]);
    });
  });
});

/** The columns of some details (lists as JSON text), for rows written straight into the fake. */
function columnsOfDetails(details: Record<string, unknown>): Partial<ContactEntity> {
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, Array.isArray(value) ? JSON.stringify(value) : value]));
}
