import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SESSION_COOKIE } from '@contacts/wire-types';
import { type AccountInput, createAccount, createToken, logIn, newAccount, type Session, signUp } from '../support/accounts.js';
import { TEST_DATABASE, type TestApp, startTestApp } from '../support/test-app.js';
import { api, type OwnRedis, ownRedis, uniqueRedisPrefix } from './realtime-clients.js';
import {
  addContact, bothTransports, contactIds, createdEvent, ownBook, type ScopedClient, SETTLE_MS, share, sharedEvent, sleep, unsharedEvent,
} from './scoped-clients.js';

/**
 * Access changes that never came through Redis (it was down; or they were made behind the
 * server's back, as here, straight in the database): once the replica's subscription is
 * back it re-reads the access of every open connection, so ended credentials close and
 * lost books stop.
 */
describe('realtime scoped: re-check after a Redis outage', () => {
  let redis: OwnRedis;
  let server: TestApp;
  let base: string;
  let a: Session;
  let b: Session;
  let bAccount: AccountInput;
  let clients: ScopedClient[] = [];

  const open = async (...opened: Array<Promise<ScopedClient[]>>): Promise<ScopedClient[]> => {
    const list = (await Promise.all(opened)).flat();
    clients.push(...list);
    return list;
  };

  /** SQL on the server's own database, unseen by the server's services. */
  async function sql(text: string, params: unknown[]): Promise<void> {
    let n = 0;
    const numbered = TEST_DATABASE === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
    await server.app.get(DataSource).query(numbered, params);
  }

  async function redisHealth(want: 'up' | 'down'): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if ((await api(base, 'GET', '/api/health')).body?.redis === want) return;
      await sleep(100);
    }
    throw new Error(`redis never became ${want}`);
  }

  beforeAll(async () => {
    redis = await ownRedis();
    server = await startTestApp({}, { AUTH: 'accounts', REDIS_URL: redis.url, REDIS_PREFIX: uniqueRedisPrefix() });
    base = server.baseUrl;
    a = await signUp(base, newAccount('Ada Lovelace'));
    bAccount = newAccount('Grace Hopper');
    b = await createAccount(base, a, bAccount);
  }, 60_000);

  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  }, 30_000);

  it('closes connections of credentials that ended and leaves books that were lost while Redis was away', async () => {
    const [bookA, bookB] = await Promise.all([ownBook(base, a), ownBook(base, b)]);
    const ended = await logIn(base, bAccount.email, bAccount.password);
    const token = await createToken(base, b, 'revoked behind the back');
    const staying = await open(bothTransports(base, { cookie: b.cookie }, 'B session'));
    await share(base, a, bookA.id, b.user.email);
    await Promise.all(staying.map((c) => c.waitFor(sharedEvent(bookA.id), 'address_book.shared')));
    const ending = await open(bothTransports(base, { cookie: ended.cookie }, 'ended session'), bothTransports(base, { token: token.token }, 'revoked token'));

    await redis.stop();
    await redisHealth('down');
    const secret = ended.cookie.slice(`${SESSION_COOKIE}=`.length);
    await sql('DELETE FROM sessions WHERE id = ?', [createHash('sha256').update(secret).digest('hex')]);
    await sql('DELETE FROM api_tokens WHERE id = ?', [token.id]);
    await sql('DELETE FROM address_book_members WHERE address_book_id = ? AND user_id = ?', [bookA.id, b.user.id]);
    await sleep(SETTLE_MS);
    // Nothing told this replica yet.
    expect([...ending, ...staying].map((c) => c.ended)).toEqual([null, null, null, null, null, null]);

    await redis.start();
    await redisHealth('up');
    const ends = await Promise.all(ending.map((c) => c.waitForEnd()));
    expect(ends).toEqual([
      { reason: 'io server disconnect' }, { code: 4001, reason: 'credentials revoked' },
      { reason: 'io server disconnect' }, { code: 4001, reason: 'credentials revoked' },
    ]);
    await Promise.all(staying.map((c) => c.waitFor(unsharedEvent(bookA.id), 'address_book.unshared')));

    const lost = await addContact(base, a, bookA.id);
    const marker = await addContact(base, b, bookB.id);
    await Promise.all(staying.map((c) => c.waitFor(createdEvent(marker), `marker ${marker.id}`)));
    await sleep(SETTLE_MS);
    for (const c of staying) {
      expect({ client: c.label, ended: c.ended, ids: contactIds(c.events) }).toEqual({ client: c.label, ended: null, ids: [marker.id] });
    }
    expect(lost.address_book).toBe(bookA.id);
  }, 60_000);
});
