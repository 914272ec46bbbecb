import type { AddressBook, RealtimeEvent } from '@contacts/wire-types';
import { type AccountInput, createAccount, createToken, logIn, newAccount, type Session, signUp } from '../support/accounts.js';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';
import { uniqueRedisPrefix } from './realtime-clients.js';
import {
  addContact, bothTransports, contactIds, createdEvent, logOut, ownBook, revokeToken, type ScopedClient, SETTLE_MS, share, sharedEvent,
  sleep, unshare, unsharedEvent,
} from './scoped-clients.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const countOf = (type: RealtimeEvent['type']) => (events: RealtimeEvent[]) => events.filter((e) => e.type === type).length;

/**
 * Two API processes on one SQLite file and one Redis, AUTH=accounts: an access change made
 * through replica A moves the connections open on replica B at once (relayed through
 * Redis), and each replica applies it exactly once.
 */
describe('realtime scoped across two replicas (Redis)', () => {
  const dir = tempDir();
  const env = { AUTH: 'accounts', REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix() };
  let r1: ApiProcess;
  let r2: ApiProcess;
  let a: Session;
  let b: Session;
  let bAccount: AccountInput;
  let bookA: AddressBook;
  let bookB: AddressBook;
  let clients: ScopedClient[] = [];

  const open = async (...opened: Array<Promise<ScopedClient[]>>): Promise<ScopedClient[]> => {
    const list = (await Promise.all(opened)).flat();
    clients.push(...list);
    return list;
  };

  beforeAll(async () => {
    r1 = await startApi({ env, sqlitePath: `${dir.path}/contacts.sqlite3` });
    // Only after the first is healthy: it ran the migrations.
    r2 = await startApi({ env, sqlitePath: r1.sqlitePath });
    a = await signUp(r1.baseUrl, newAccount('Ada Lovelace'));
    bAccount = newAccount('Grace Hopper');
    b = await createAccount(r1.baseUrl, a, bAccount);
    [bookA, bookB] = await Promise.all([ownBook(r1.baseUrl, a), ownBook(r1.baseUrl, b)]);
  }, 60_000);

  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  afterAll(async () => {
    await Promise.all([r1?.stop(), r2?.stop()]);
    dir.remove();
  }, 30_000);

  it("a share through A reaches B's connections on both replicas once, then the book's events; an unshare stops them", async () => {
    const onR2 = await open(bothTransports(r2.baseUrl, { cookie: b.cookie }, 'B on r2'));
    const onR1 = await open(bothTransports(r1.baseUrl, { cookie: b.cookie }, 'B on r1'));
    const all = [...onR2, ...onR1];

    await share(r1.baseUrl, a, bookA.id, b.user.email, 'viewer');
    await Promise.all(all.map((c) => c.waitFor(sharedEvent(bookA.id), `address_book.shared ${bookA.id}`)));
    const inShared = await addContact(r1.baseUrl, a, bookA.id);
    await Promise.all(all.map((c) => c.waitFor(createdEvent(inShared), `shared book's contact ${inShared.id}`)));
    for (const c of onR2) {
      expect(c.events.find((e) => e.type === 'address_book.shared')).toEqual({
        type: 'address_book.shared', address_book: expect.objectContaining({ id: bookA.id, role: 'viewer' }),
      });
    }

    await unshare(r1.baseUrl, a, bookA.id, b.user.id);
    await Promise.all(all.map((c) => c.waitFor(unsharedEvent(bookA.id), `address_book.unshared ${bookA.id}`)));
    const afterUnshare = await addContact(r1.baseUrl, a, bookA.id);
    const marker = await addContact(r1.baseUrl, b, bookB.id);
    await Promise.all(all.map((c) => c.waitFor(createdEvent(marker), `marker ${marker.id}`)));
    await sleep(SETTLE_MS + 1000); // past a sweep too: nothing comes late or twice
    for (const c of all) {
      expect({
        client: c.label, ids: contactIds(c.events), shared: countOf('address_book.shared')(c.events), unshared: countOf('address_book.unshared')(c.events),
      }).toEqual({ client: c.label, ids: [inShared.id, marker.id], shared: 1, unshared: 1 });
    }
    expect(contactIds(onR2[0].events)).not.toContain(afterUnshare.id);
  }, 60_000);

  it("a logout through A closes that session's connections on B; a token revoked through A closes the token's", async () => {
    const session = await logIn(r1.baseUrl, bAccount.email, bAccount.password);
    const token = await createToken(r1.baseUrl, b, 'on r2');
    const cookieOnR2 = await open(bothTransports(r2.baseUrl, { cookie: session.cookie }, 'session on r2'));
    const tokenOnR2 = await open(bothTransports(r2.baseUrl, { token: token.token }, 'token on r2'));
    const otherOnR2 = await open(bothTransports(r2.baseUrl, { cookie: b.cookie }, 'other session on r2'));

    await logOut(r1.baseUrl, session);
    await Promise.all(cookieOnR2.map((c) => c.waitForEnd()));
    expect(cookieOnR2.map((c) => c.ended)).toEqual([{ reason: 'io server disconnect' }, { code: 4001, reason: 'credentials revoked' }]);
    const marker = await addContact(r1.baseUrl, b, bookB.id);
    await Promise.all([...tokenOnR2, ...otherOnR2].map((c) => c.waitFor(createdEvent(marker), `marker ${marker.id}`)));
    expect([...tokenOnR2, ...otherOnR2].map((c) => c.ended)).toEqual([null, null, null, null]);

    await revokeToken(r1.baseUrl, b, token.id);
    await Promise.all(tokenOnR2.map((c) => c.waitForEnd()));
    expect(tokenOnR2.map((c) => c.ended)).toEqual([{ reason: 'io server disconnect' }, { code: 4001, reason: 'credentials revoked' }]);
    await sleep(SETTLE_MS);
    expect(otherOnR2.map((c) => c.ended)).toEqual([null, null]);
  }, 60_000);
});
