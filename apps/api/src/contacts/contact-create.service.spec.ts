import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Contact, ContactFields } from '@contacts/wire-types';
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

/** Everything the service talks to, as fakes that log what they were asked, in order. */
function fakes() {
  const log: string[] = [];
  const taken = new Map<string, number>(); // email → id of the contact that has it
  const holds = new Map<string, string>(); // email → owner
  const stored = new Map<string, { fingerprint: string; response?: StoredResponse }>();
  /** Scripted answers for claim(), used before the store's own logic. */
  const claims: IdempotencyClaim[] = [];
  const waits: Array<StoredResponse | null> = [];
  let saveFails: Error | null = null;
  let nextId = 1;
  let claimCount = 0;

  const contacts = {
    emailOwner: async (email: string) => taken.get(email.toLowerCase()) ?? null,
  } as unknown as ContactsRepository;
  const reservations = {
    async reserve(email: string, owner: string) {
      log.push(`reserve ${email}`);
      const holder = holds.get(email);
      if (holder !== undefined && holder !== owner) return false;
      holds.set(email, owner);
      return true;
    },
    async release(email: string, owner: string) {
      log.push(`release ${email}`);
      if (holds.get(email) === owner) holds.delete(email);
    },
  } as unknown as EmailReservations;
  const mutations = {
    async create(fields: ContactFields, owner: string): Promise<Contact> {
      log.push(`save ${fields.email} as ${holds.get(fields.email) === owner ? 'the holder' : 'a stranger'}`);
      if (saveFails) throw saveFails;
      holds.delete(fields.email); // released in the save's transaction
      return { id: nextId++, ...fields, created_at: 'now', updated_at: 'now' };
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
    service, log, taken, holds, stored, claims, waits, pending,
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
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('validates first: a bad body is a field-keyed 400 at once, before any hold, wait or save', async () => {
    const f = fakes();
    const error = await f.service.create({ ...ADA, first_name: '  ', phone: 'call me' }).catch((e: unknown) => e);
    expect(status(error)).toBe(400);
    expect((error as ApiError).getResponse()).toEqual({
      first_name: ['This field may not be blank.'],
      phone: ['Enter a valid phone number.'],
    });
    expect(f.log).toEqual([]);
  });

  it('an email another contact has is a 400 from validation (case-insensitively), before any hold', async () => {
    const f = fakes();
    f.taken.set('ada@example.com', 7);
    const error = await f.service.create({ ...ADA, email: 'ADA@example.com' }).catch((e: unknown) => e);
    expect((error as ApiError).getResponse()).toEqual(emailTaken(400).getResponse());
    expect(f.log).toEqual([]);
  });

  it('holds the email, waits out the delay holding nothing else, then saves as the holder', async () => {
    const f = fakes();
    const creating = f.service.create(ADA);
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
    f.holds.set('ada@example.com', 'another create');
    const error = await f.service.create(ADA).catch((e: unknown) => e);
    expect(status(error)).toBe(409);
    expect(f.log).toEqual(['reserve ada@example.com']);
  });

  it('a save that fails releases the hold it took', async () => {
    const f = fakes();
    f.failSave(new ApiError(409, { email: ['taken meanwhile'] }));
    const { error } = await settled(f.service.create(ADA));
    expect(status(error)).toBe(409);
    expect(f.log).toEqual(['reserve ada@example.com', 'save ada@example.com as the holder', 'release ada@example.com']);
    expect(f.holds.size).toBe(0);
  });

  it('Idempotency-Key: the first answer is recorded and replayed without a second create', async () => {
    const f = fakes();
    const first = await settled(f.service.create(ADA, ' key-1 '));
    expect(f.log).toEqual(['claim key-1', 'reserve ada@example.com', 'save ada@example.com as the holder', 'complete key-1 201']);
    f.log.length = 0;

    const again = await f.service.create(ADA, 'key-1');
    expect(again).toEqual(first.value);
    expect(f.log).toEqual(['claim key-1']);
  });

  it('Idempotency-Key: a client error is recorded and replayed with its status; a server error frees the key', async () => {
    const f = fakes();
    const bad = await f.service.create({ ...ADA, email: 'nope' }, 'key-400').catch((e: unknown) => e);
    expect(status(bad)).toBe(400);
    const replayed = await f.service.create({ ...ADA, email: 'nope' }, 'key-400').catch((e: unknown) => e);
    expect(status(replayed)).toBe(400);
    expect((replayed as ApiError).getResponse()).toEqual((bad as ApiError).getResponse());
    expect(f.log).toEqual(['claim key-400', 'complete key-400 400', 'claim key-400']);

    f.log.length = 0;
    f.failSave(new Error('disk on fire'));
    const { error } = await settled(f.service.create(ADA, 'key-500'));
    expect(String(error)).toContain('disk on fire');
    expect(f.log).toContain('abandon key-500');
    expect(f.stored.has('key-500')).toBe(false);
  });

  it('Idempotency-Key with a different body is a 422, and nothing is created', async () => {
    const f = fakes();
    f.stored.set('key-1', { fingerprint: fingerprintOf(ADA) });
    const error = await f.service.create({ ...ADA, phone: '2' }, 'key-1').catch((e: unknown) => e);
    expect(status(error)).toBe(422);
    expect(f.log).toEqual(['claim key-1']);
  });

  it('Idempotency-Key still pending: waits for its answer; if the holder gave up, claims again and creates', async () => {
    const f = fakes();
    const answer: Contact = { id: 9, ...ADA, created_at: 'then', updated_at: 'then' };
    f.claims.push({ kind: 'pending' });
    f.waits.push({ status: 201, body: answer });
    expect(await f.service.create(ADA, 'key-1')).toEqual(answer);
    expect(f.log).toEqual(['claim key-1', 'wait key-1']);

    f.log.length = 0;
    f.claims.push({ kind: 'pending' });
    f.waits.push(null);
    const { value } = await settled(f.service.create(ADA, 'key-2'));
    expect(value).toMatchObject(ADA);
    expect(f.log).toEqual(['claim key-2', 'wait key-2', 'claim key-2', 'reserve ada@example.com', 'save ada@example.com as the holder', 'complete key-2 201']);
  });

  it('an Idempotency-Key that is blank or over 255 characters is a 400 before anything else', async () => {
    const f = fakes();
    expect(status(await f.service.create(ADA, '   ').catch((e: unknown) => e))).toBe(400);
    expect(status(await f.service.create(ADA, 'k'.repeat(256)).catch((e: unknown) => e))).toBe(400);
    expect(f.log).toEqual([]);
  });
});
