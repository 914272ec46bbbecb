import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { type BookRole, type Contact, type ContactFields, PERMISSION_DENIED_MESSAGE } from '@contacts/wire-types';
import { BookAccess } from '../access/book-access.js';
import { ApiError, emailTaken } from '../common/api-errors.js';
import type { AppConfig } from '../config/app-config.js';
import { WorkInFlight } from '../lifecycle/work-in-flight.js';
import { ContactCreateService } from './contact-create.service.js';
import type { ContactMutations } from './contact-mutations.js';
import type { ContactsRepository } from './contacts.repository.js';
import type { EmailReservations } from './email-reservations.js';
import { fingerprintOf, type IdempotencyClaim, type IdempotencyStore, type StoredResponse } from './idempotency-store.js';
import { PendingCreates } from './pending-creates.js';
import { ContactInputValidator } from './validators/contact-input.validator.js';

const DELAY_MS = 1000;
const ADA = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '1' };
/** AUTH=none: the one shared book (1) is the default; idempotency keys are used as given. */
const OPEN = BookAccess.everything({ kind: 'open' }, 1);

/** A signed-in account (on a token) with these roles and this first own book. */
function userAccess(id: number, roles: Record<number, BookRole>, defaultBook: number | null): BookAccess {
  return BookAccess.forUser(
    { kind: 'user', user: { id, email: `user${id}@example.com`, name: `User ${id}`, is_admin: false }, credential: { type: 'token', id } },
    new Map(Object.entries(roles).map(([book, role]) => [Number(book), role])),
    defaultBook,
  );
}
/** The key the store sees for user `id`'s Idempotency-Key. */
const scopedKey = (id: number, key: string) => `u${id}:${createHash('sha256').update(key).digest('hex')}`;

/** Everything the service talks to, as fakes that log what they were asked, in order. */
function fakes() {
  const log: string[] = [];
  const taken = new Map<string, number>(); // `book:email` → id of the contact that has it
  const holds = new Map<string, string>(); // `book:email` → owner
  const stored = new Map<string, { fingerprint: string; response?: StoredResponse }>();
  /** Scripted answers for claim(), used before the store's own logic. */
  const claims: IdempotencyClaim[] = [];
  const waits: Array<StoredResponse | null> = [];
  let saveFails: Error | null = null;
  let nextId = 1;
  let claimCount = 0;

  const contacts = {
    emailOwner: async (book: number, email: string) => taken.get(`${book}:${email.toLowerCase()}`) ?? null,
  } as unknown as ContactsRepository;
  const reservations = {
    async reserve(book: number, email: string, owner: string) {
      log.push(`reserve ${email}${book === 1 ? '' : ` in ${book}`}`);
      const holder = holds.get(`${book}:${email}`);
      if (holder !== undefined && holder !== owner) return false;
      holds.set(`${book}:${email}`, owner);
      return true;
    },
    async release(book: number, email: string, owner: string) {
      log.push(`release ${email}${book === 1 ? '' : ` in ${book}`}`);
      if (holds.get(`${book}:${email}`) === owner) holds.delete(`${book}:${email}`);
    },
  } as unknown as EmailReservations;
  /** The access each save was handed (the mutation checks it again inside its transaction). */
  const savedWith: BookAccess[] = [];
  const mutations = {
    async create(fields: ContactFields, book: number, owner: string, access: BookAccess): Promise<Contact> {
      const key = `${book}:${fields.email}`;
      log.push(`save ${fields.email}${book === 1 ? '' : ` in ${book}`} as ${holds.get(key) === owner ? 'the holder' : 'a stranger'}`);
      savedWith.push(access);
      if (saveFails) throw saveFails;
      holds.delete(key); // released in the save's transaction
      return { id: nextId++, ...fields, address_book: book, created_at: 'now', updated_at: 'now' };
    },
  } as unknown as ContactMutations;
  const idempotency = {
    async claim(key: string, fingerprint: string): Promise<IdempotencyClaim> {
      log.push(`claim ${key}`);
      // A service that claims on and on would hang the test instead of failing it.
      if (++claimCount > 10) throw new Error('claimed over and over');
      const scripted = claims.shift();
      if (scripted) return scripted;
      const row = stored.get(key);
      if (row && row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row?.response) return { kind: 'done', response: row.response };
      if (row) return { kind: 'pending' };
      stored.set(key, { fingerprint });
      return { kind: 'claimed' };
    },
    async complete(key: string, response: StoredResponse) {
      log.push(`complete ${key} ${response.status}`);
      stored.get(key)!.response = response;
    },
    async abandon(key: string) {
      log.push(`abandon ${key}`);
      stored.delete(key);
    },
    async waitForResult(key: string) {
      log.push(`wait ${key}`);
      return waits.shift() ?? null;
    },
  } as unknown as IdempotencyStore;

  const pending = new PendingCreates(new WorkInFlight());
  const service = new ContactCreateService(
    { createDelayMs: DELAY_MS } as AppConfig,
    new ContactInputValidator(),
    contacts,
    reservations,
    idempotency,
    mutations,
    pending,
  );
  return {
    service, log, taken, holds, stored, claims, waits, pending, savedWith,
    failSave: (error: Error) => (saveFails = error),
  };
}

/** Settles `promise` while the fake clock runs through the delay. */
async function settled<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then((value) => ({ value }), (error: unknown) => ({ error }));
  await jest.advanceTimersByTimeAsync(DELAY_MS);
  return outcome;
}

const status = (error: unknown) => (error instanceof ApiError ? error.getStatus() : error);

describe('ContactCreateService', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('validates first: a bad body is a field-keyed 400 at once, before any hold, wait or save', async () => {
    const f = fakes();
    const error = await f.service.create({ ...ADA, first_name: '  ', phone: 'call me' }, OPEN).catch((e: unknown) => e);
    expect(status(error)).toBe(400);
    expect((error as ApiError).getResponse()).toEqual({
      first_name: ['This field may not be blank.'],
      phone: ['Enter a valid phone number.'],
    });
    expect(f.log).toEqual([]);
  });

  it('an email another contact has is a 400 from validation (case-insensitively), before any hold', async () => {
    const f = fakes();
    f.taken.set('1:ada@example.com', 7);
    const error = await f.service.create({ ...ADA, email: 'ADA@example.com' }, OPEN).catch((e: unknown) => e);
    expect((error as ApiError).getResponse()).toEqual(emailTaken(400).getResponse());
    expect(f.log).toEqual([]);
  });

  it('holds the email, waits out the delay holding nothing else, then saves as the holder', async () => {
    const f = fakes();
    const creating = f.service.create(ADA, OPEN);
    await jest.advanceTimersByTimeAsync(DELAY_MS - 1);
    expect(f.log).toEqual(['reserve ada@example.com']);
    expect(f.pending.size).toBe(1); // graceful shutdown waits for it

    await jest.advanceTimersByTimeAsync(1);
    const contact = await creating;
    expect(contact).toMatchObject({ id: 1, ...ADA });
    expect(f.log).toEqual(['reserve ada@example.com', 'save ada@example.com as the holder']);
    expect(f.holds.size).toBe(0);
    expect(f.pending.size).toBe(0);
  });

  it('an email a pending create holds is a 409 at once, without waiting', async () => {
    const f = fakes();
    f.holds.set('1:ada@example.com', 'another create');
    const error = await f.service.create(ADA, OPEN).catch((e: unknown) => e);
    expect(status(error)).toBe(409);
    expect(f.log).toEqual(['reserve ada@example.com']);
  });

  it('a save that fails releases the hold it took', async () => {
    const f = fakes();
    f.failSave(new ApiError(409, { email: ['taken meanwhile'] }));
    const { error } = await settled(f.service.create(ADA, OPEN));
    expect(status(error)).toBe(409);
    expect(f.log).toEqual(['reserve ada@example.com', 'save ada@example.com as the holder', 'release ada@example.com']);
    expect(f.holds.size).toBe(0);
  });

  it('Idempotency-Key: the first answer is recorded and replayed without a second create', async () => {
    const f = fakes();
    const first = await settled(f.service.create(ADA, OPEN, ' key-1 '));
    expect(f.log).toEqual(['claim key-1', 'reserve ada@example.com', 'save ada@example.com as the holder', 'complete key-1 201']);
    f.log.length = 0;

    const again = await f.service.create(ADA, OPEN, 'key-1');
    expect(again).toEqual(first.value);
    expect(f.log).toEqual(['claim key-1']);
  });

  it('Idempotency-Key: a client error is recorded and replayed with its status; a server error frees the key', async () => {
    const f = fakes();
    const bad = await f.service.create({ ...ADA, email: 'nope' }, OPEN, 'key-400').catch((e: unknown) => e);
    expect(status(bad)).toBe(400);
    const replayed = await f.service.create({ ...ADA, email: 'nope' }, OPEN, 'key-400').catch((e: unknown) => e);
    expect(status(replayed)).toBe(400);
    expect((replayed as ApiError).getResponse()).toEqual((bad as ApiError).getResponse());
    expect(f.log).toEqual(['claim key-400', 'complete key-400 400', 'claim key-400']);

    f.log.length = 0;
    f.failSave(new Error('disk on fire'));
    const { error } = await settled(f.service.create(ADA, OPEN, 'key-500'));
    expect(String(error)).toContain('disk on fire');
    expect(f.log).toContain('abandon key-500');
    expect(f.stored.has('key-500')).toBe(false);
  });

  it('Idempotency-Key with a different body is a 422, and nothing is created', async () => {
    const f = fakes();
    f.stored.set('key-1', { fingerprint: fingerprintOf(ADA) });
    const error = await f.service.create({ ...ADA, phone: '2' }, OPEN, 'key-1').catch((e: unknown) => e);
    expect(status(error)).toBe(422);
    expect(f.log).toEqual(['claim key-1']);
  });

  it('Idempotency-Key still pending: waits for its answer; if the holder gave up, claims again and creates', async () => {
    const f = fakes();
    const answer: Contact = { id: 9, ...ADA, address_book: 1, created_at: 'then', updated_at: 'then' };
    f.claims.push({ kind: 'pending' });
    f.waits.push({ status: 201, body: answer });
    expect(await f.service.create(ADA, OPEN, 'key-1')).toEqual(answer);
    expect(f.log).toEqual(['claim key-1', 'wait key-1']);

    f.log.length = 0;
    f.claims.push({ kind: 'pending' });
    f.waits.push(null);
    const { value } = await settled(f.service.create(ADA, OPEN, 'key-2'));
    expect(value).toMatchObject(ADA);
    expect(f.log).toEqual(['claim key-2', 'wait key-2', 'claim key-2', 'reserve ada@example.com', 'save ada@example.com as the holder', 'complete key-2 201']);
  });

  it('an Idempotency-Key that is blank or over 255 characters is a 400 before anything else', async () => {
    const f = fakes();
    expect(status(await f.service.create(ADA, OPEN, '   ').catch((e: unknown) => e))).toBe(400);
    expect(status(await f.service.create(ADA, OPEN, 'k'.repeat(256)).catch((e: unknown) => e))).toBe(400);
    expect(f.log).toEqual([]);
  });

  describe('address books', () => {
    it('without address_book the contact goes into the caller\'s default book (its first own), email checked there', async () => {
      const f = fakes();
      f.taken.set('1:ada@example.com', 7); // someone else's book: no conflict
      const access = userAccess(5, { 1: 'viewer', 4: 'owner' }, 4);
      const { value } = await settled(f.service.create(ADA, access));
      expect(value).toMatchObject({ ...ADA, address_book: 4 });
      expect(f.log).toEqual(['reserve ada@example.com in 4', 'save ada@example.com in 4 as the holder']);
      expect(f.savedWith).toEqual([access]);

      // AUTH=none: the shared book 1, where ada is taken.
      const { error } = await settled(f.service.create(ADA, OPEN));
      expect((error as ApiError).getResponse()).toEqual(emailTaken(400).getResponse());
    });

    it('address_book in the body picks the book, and the email only has to be free in that book', async () => {
      const f = fakes();
      f.taken.set('1:ada@example.com', 7);
      const access = userAccess(5, { 1: 'editor', 2: 'editor' }, 1);
      const { value } = await settled(f.service.create({ ...ADA, address_book: 2 }, access));
      expect(value).toMatchObject({ address_book: 2 });
      expect(f.log).toEqual(['reserve ada@example.com in 2', 'save ada@example.com in 2 as the holder']);

      f.log.length = 0;
      const error = await f.service.create({ ...ADA, address_book: 1 }, access).catch((e: unknown) => e);
      expect((error as ApiError).getResponse()).toEqual(emailTaken(400).getResponse());
      expect(f.log).toEqual([]);
    });

    it('no address_book and no default book (e.g. the service token) → 400 {"address_book": [...]}, before anything else', async () => {
      const f = fakes();
      for (const access of [BookAccess.everything({ kind: 'service' }, null), userAccess(5, { 3: 'editor' }, null)]) {
        const { error } = await settled(f.service.create(ADA, access)); // settled: a broken check fails fast instead of hanging
        expect(status(error)).toBe(400);
        expect((error as ApiError).getResponse()).toEqual({ address_book: ['This field is required.'] });
      }
      // With a book named it works.
      const { value } = await settled(f.service.create({ ...ADA, address_book: 3 }, userAccess(5, { 3: 'editor' }, null)));
      expect(value).toMatchObject({ address_book: 3 });
      expect(f.log).toEqual(['reserve ada@example.com in 3', 'save ada@example.com in 3 as the holder']);
    });

    it('a book the caller may not write: 404 when it cannot read it, 403 for a viewer; a bad value is 400; all before any hold', async () => {
      const f = fakes();
      const access = userAccess(5, { 3: 'viewer', 4: 'owner' }, 4);
      const refused = async (body: object) => {
        const { error } = await settled(f.service.create(body, access));
        return { status: status(error), body: (error as ApiError | undefined)?.getResponse() };
      };
      expect(await refused({ ...ADA, address_book: 9 })).toEqual({ status: 404, body: { detail: 'Not found.' } });
      expect(await refused({ ...ADA, address_book: 3 })).toEqual({ status: 403, body: { detail: PERMISSION_DENIED_MESSAGE } });
      // …even with a body that would not validate: the book is checked first.
      expect(await refused({ ...ADA, email: 'nope', address_book: 3 })).toEqual({ status: 403, body: { detail: PERMISSION_DENIED_MESSAGE } });
      expect(await refused({ ...ADA, address_book: '4' })).toEqual({ status: 400, body: { address_book: ['A valid integer is required.'] } });
      expect(await refused({ ...ADA, address_book: null })).toEqual({ status: 400, body: { address_book: ['This field may not be null.'] } });
      expect(f.log).toEqual([]);
    });

    it('Idempotency-Keys are per account: two users\' equal keys never collide; each user\'s retry replays its own answer', async () => {
      const f = fakes();
      const one = userAccess(1, { 10: 'owner' }, 10);
      const two = userAccess(2, { 20: 'owner' }, 20);

      const first = await settled(f.service.create(ADA, one, ' key-1 '));
      const second = await settled(f.service.create({ ...ADA, phone: '2' }, two, 'key-1')); // another body: no 422 either
      expect(first.value).toMatchObject({ address_book: 10 });
      expect(second.value).toMatchObject({ address_book: 20, phone: '2' });
      expect(second.value!.id).not.toBe(first.value!.id);
      expect([...f.stored.keys()]).toEqual([scopedKey(1, 'key-1'), scopedKey(2, 'key-1')]);
      expect(scopedKey(1, 'k'.repeat(255)).length).toBeLessThanOrEqual(255);

      f.log.length = 0;
      expect(await f.service.create(ADA, one, 'key-1')).toEqual(first.value);
      expect(await f.service.create({ ...ADA, phone: '2' }, two, 'key-1')).toEqual(second.value);
      expect(f.log).toEqual([`claim ${scopedKey(1, 'key-1')}`, `claim ${scopedKey(2, 'key-1')}`]);
      // AUTH=none keeps the key as given, in a namespace no account's key can reach.
      await settled(f.service.create(ADA, OPEN, 'key-1'));
      expect(f.stored.has('key-1')).toBe(true);
    });
  });
});
