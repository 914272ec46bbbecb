import { type AddressBook, INVALID_TOKEN_MESSAGE, NOT_AUTHENTICATED_MESSAGE, type RealtimeEvent } from '@contacts/wire-types';
import { type AccountInput, createAccount, createToken, logIn, newAccount, type Session, signUp } from '../support/accounts.js';
import { type TestApp, startTestApp } from '../support/test-app.js';
import {
  addContact, bothTransports, call, contactIds, createdEvent, logOut, ownBook, refusedPlainWs, refusedSocketIo, revokeToken,
  type ScopedClient, scopedPlainWs, scopedSocketIo, SETTLE_MS, share, sharedEvent, sleep, unshare, unsharedEvent,
} from './scoped-clients.js';

const SERVICE_TOKEN = `service-${process.pid}-secret-for-tests`;

/**
 * AUTH=accounts, one process: realtime connections authenticate like HTTP, receive the
 * events of exactly the books their user can read, follow shares and unshares at once,
 * and close when the credential they were opened with ends.
 */
describe('realtime scoped by address book', () => {
  let server: TestApp;
  let base: string;
  let a: Session;
  let b: Session;
  let bAccount: AccountInput;
  let bookA: AddressBook;
  let bookB: AddressBook;
  let clients: ScopedClient[] = [];

  const open = async (...opened: Array<Promise<ScopedClient | ScopedClient[]>>): Promise<ScopedClient[]> => {
    const list = (await Promise.all(opened)).flat();
    clients.push(...list);
    return list;
  };

  /** A fresh session of B (each test may end its own). */
  const newSessionOfB = () => logIn(base, bAccount.email, bAccount.password);

  /** `marker` (an event every one of `clients` should get) arrived, and a little more time passed. */
  async function afterMarker(list: ScopedClient[], session: Session, book: number): Promise<void> {
    const marker = await addContact(base, session, book);
    await Promise.all(list.map((c) => c.waitFor(createdEvent(marker), `marker contact ${marker.id}`)));
    await sleep(SETTLE_MS);
  }

  beforeAll(async () => {
    server = await startTestApp({}, { AUTH: 'accounts', EXTERNAL_API_TOKEN: SERVICE_TOKEN });
    base = server.baseUrl;
    a = await signUp(base, newAccount('Ada Lovelace'));
    bAccount = newAccount('Grace Hopper');
    b = await createAccount(base, a, bAccount);
    [bookA, bookB] = await Promise.all([ownBook(base, a), ownBook(base, b)]);
    expect(bookA.id).not.toBe(bookB.id);
  }, 60_000);

  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  afterAll(async () => {
    await server?.close();
  }, 30_000);

  it('refuses connections without valid credentials on both transports', async () => {
    expect(await refusedSocketIo(base, {})).toBe('unauthorized');
    expect(await refusedSocketIo(base, { token: 'ctk_not-a-token' })).toBe('unauthorized');
    expect(await refusedSocketIo(base, { queryToken: 'ctk_not-a-token' })).toBe('unauthorized');
    expect(await refusedSocketIo(base, { cookie: 'contacts_session=not-a-session' })).toBe('unauthorized');

    const missing = await refusedPlainWs(base, {});
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="contacts"');
    expect(JSON.parse(missing.body)).toEqual({ detail: NOT_AUTHENTICATED_MESSAGE });
    const badToken = await refusedPlainWs(base, { token: 'ctk_not-a-token' });
    expect([badToken.status, JSON.parse(badToken.body)]).toEqual([401, { detail: INVALID_TOKEN_MESSAGE }]);
    expect((await refusedPlainWs(base, { bearer: 'ctk_not-a-token' })).status).toBe(401);
    expect((await refusedPlainWs(base, { cookie: 'contacts_session=not-a-session' })).status).toBe(401);
  });

  it("a change in A's book reaches A's connections, not B's; the service token sees every book", async () => {
    const token = await createToken(base, a, 'realtime');
    const aClients = await open(
      bothTransports(base, { cookie: a.cookie }, 'A cookie'),
      scopedSocketIo(base, { token: token.token }, 'A auth.token'),
      scopedSocketIo(base, { queryToken: token.token }, 'A query token'),
      scopedPlainWs(base, { token: token.token }, 'A ?token'),
      scopedPlainWs(base, { bearer: token.token }, 'A bearer'),
    );
    const bClients = await open(bothTransports(base, { cookie: b.cookie }, 'B cookie'));
    const service = await open(scopedSocketIo(base, { bearer: SERVICE_TOKEN }, 'service'), scopedPlainWs(base, { token: SERVICE_TOKEN }, 'service'));

    const inA = await addContact(base, a, bookA.id);
    const inB = await addContact(base, b, bookB.id);
    await Promise.all([
      ...aClients.map((c) => c.waitFor(createdEvent(inA), `A's contact ${inA.id}`)),
      ...[...bClients, ...service].map((c) => c.waitFor(createdEvent(inB), `B's contact ${inB.id}`)),
      ...service.map((c) => c.waitFor(createdEvent(inA), `A's contact ${inA.id}`)),
    ]);
    await sleep(SETTLE_MS);
    for (const c of bClients) expect({ client: c.label, ids: contactIds(c.events) }).toEqual({ client: c.label, ids: [inB.id] });
    for (const c of aClients) expect({ client: c.label, ids: contactIds(c.events) }).toEqual({ client: c.label, ids: [inA.id] });
    const event = aClients[0].events.find(createdEventOf(inA.id));
    expect(event).toMatchObject({ type: 'contact.created', address_book: bookA.id, edited_by: { id: a.user.id, name: a.user.name } });
  });

  it("sharing A's book with B moves B's open connections at once, a role change re-sends it, unsharing stops them", async () => {
    const token = await createToken(base, b, 'realtime');
    const bClients = await open(bothTransports(base, { cookie: b.cookie }, 'B cookie'), bothTransports(base, { token: token.token }, 'B token'));
    const aClients = await open(bothTransports(base, { cookie: a.cookie }, 'A cookie'));

    const before = await addContact(base, a, bookA.id);
    await share(base, a, bookA.id, b.user.email, 'viewer');
    await Promise.all(bClients.map((c) => c.waitFor(sharedEvent(bookA.id), `address_book.shared ${bookA.id}`)));
    for (const c of bClients) {
      const shared = c.events.find((e) => e.type === 'address_book.shared');
      expect(shared).toEqual({
        type: 'address_book.shared',
        address_book: expect.objectContaining({ id: bookA.id, name: bookA.name, role: 'viewer', owner: { id: a.user.id, name: a.user.name } }),
      });
    }
    const during = await addContact(base, a, bookA.id);
    await Promise.all(bClients.map((c) => c.waitFor(createdEvent(during), `shared book's contact ${during.id}`)));
    for (const c of bClients) {
      expect({ client: c.label, ids: contactIds(c.events) }).toEqual({ client: c.label, ids: [during.id] }); // not the one from before
    }

    const changed = await call(base, a, 'PATCH', `/api/address-books/${bookA.id}/members/${b.user.id}/`, { role: 'editor' });
    expect(changed.status).toBe(200);
    const sharedAs = (role: string) => (events: RealtimeEvent[]) =>
      events.some((e) => e.type === 'address_book.shared' && e.address_book.id === bookA.id && e.address_book.role === role);
    await Promise.all(bClients.map((c) => c.waitFor(sharedAs('editor'), 'address_book.shared as editor')));

    await unshare(base, a, bookA.id, b.user.id);
    await Promise.all(bClients.map((c) => c.waitFor(unsharedEvent(bookA.id), `address_book.unshared ${bookA.id}`)));
    for (const c of bClients) expect(c.events.at(-1)).toEqual({ type: 'address_book.unshared', address_book_id: bookA.id });
    const after = await addContact(base, a, bookA.id);
    await Promise.all(aClients.map((c) => c.waitFor(createdEvent(after), `A's contact ${after.id}`)));
    await afterMarker(bClients, b, bookB.id);
    for (const c of bClients) expect({ client: c.label, got: contactIds(c.events).includes(after.id) }).toEqual({ client: c.label, got: false });
    // A's own connections never got any of this: the share concerned B.
    for (const c of aClients) expect(c.events.filter((e) => e.type.startsWith('address_book.'))).toEqual([]);
    expect(contactIds(aClients[0].events)).toEqual([before.id, during.id, after.id]);
  });

  it("a logout closes the connections of that session, and only those", async () => {
    const session = await newSessionOfB();
    const token = await createToken(base, session, 'kept');
    const ending = await open(bothTransports(base, { cookie: session.cookie }, 'B ending session'));
    const staying = await open(bothTransports(base, { cookie: b.cookie }, 'B other session'), bothTransports(base, { token: token.token }, 'B token'));

    await logOut(base, session);
    const ends = await Promise.all(ending.map((c) => c.waitForEnd()));
    expect(ends.find((_, i) => ending[i].kind === 'plain-ws')).toEqual({ code: 4001, reason: 'credentials revoked' });
    expect(ends.find((_, i) => ending[i].kind === 'socket.io')?.reason).toBe('io server disconnect');
    await afterMarker(staying, b, bookB.id);
    for (const c of staying) expect({ client: c.label, ended: c.ended }).toEqual({ client: c.label, ended: null });
    // And it cannot come back with the ended session.
    expect(await refusedSocketIo(base, { cookie: session.cookie })).toBe('unauthorized');
    expect((await refusedPlainWs(base, { cookie: session.cookie })).status).toBe(401);
  });

  it('revoking a token closes the connections opened with it, and only those', async () => {
    const revoked = await createToken(base, b, 'revoked');
    const kept = await createToken(base, b, 'kept');
    const ending = await open(
      scopedSocketIo(base, { token: revoked.token }, 'auth.token'),
      scopedSocketIo(base, { bearer: revoked.token }, 'bearer'),
      scopedPlainWs(base, { token: revoked.token }, '?token'),
      scopedPlainWs(base, { bearer: revoked.token }, 'bearer'),
    );
    const staying = await open(bothTransports(base, { cookie: b.cookie }, 'B cookie'), bothTransports(base, { token: kept.token }, 'B kept token'));

    await revokeToken(base, b, revoked.id);
    const ends = await Promise.all(ending.map((c) => c.waitForEnd()));
    for (const [i, end] of ends.entries()) {
      expect({ client: ending[i].label, end }).toEqual({
        client: ending[i].label,
        end: ending[i].kind === 'plain-ws' ? { code: 4001, reason: 'credentials revoked' } : { reason: 'io server disconnect' },
      });
    }
    await afterMarker(staying, b, bookB.id);
    for (const c of staying) expect({ client: c.label, ended: c.ended }).toEqual({ client: c.label, ended: null });
    expect(await refusedSocketIo(base, { token: revoked.token })).toBe('unauthorized');
  });
});

const createdEventOf = (id: number) => (e: RealtimeEvent) => e.type === 'contact.created' && e.contact.id === id;
