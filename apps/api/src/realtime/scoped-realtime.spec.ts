import { EventEmitter } from 'node:events';
import type { AddressBook, ContactEvent } from '@contacts/wire-types';
import type { AccessResolver, Resolved } from '../access/access-resolver.js';
import { BookAccess } from '../access/book-access.js';
import { type AccessChange, AccessChangeBus } from '../events/access-change-bus.js';
import type { RedisConnections } from '../redis/redis-connections.js';
import { ReplicaChannels } from '../redis/replica-channels.js';
import { decodeAccessChange } from './access-change-codec.js';
import { AccessChangeRelay, type AccessSink } from './access-change-relay.js';
import { ConnectionAuthenticator, explicitToken } from './connection-authenticator.js';
import { eventRooms, revokedRooms, Rooms, roomsOf, scopeOf } from './connection-scope.js';
import { RoomIndex } from './room-index.js';

const book = (id: number, role: AddressBook['role'] = 'viewer'): AddressBook => ({
  id, name: `Book ${id}`, owner: { id: 1, name: 'Ada' }, role, contact_count: 0, created_at: '2026-01-01T00:00:00.000Z',
});
const ada = { id: 1, email: 'ada@example.com', name: 'Ada', is_admin: true };
const deleted = (seq: number, address_book: number): ContactEvent => ({ type: 'contact.deleted', contact_id: 1, seq, edited_by: null, address_book });

/** A Redis pair in memory shared by "replicas": a publish reaches every subscriber's 'message' listeners. */
function fakeRedis(prefix = 'p:') {
  const subs: EventEmitter[] = [];
  const published: Array<{ channel: string; message: string }> = [];
  const connections = () => {
    const sub = Object.assign(new EventEmitter(), { status: 'ready', subscribe: async () => 1 });
    subs.push(sub);
    const pub = {
      status: 'ready',
      publish: async (channel: string, message: string) => {
        published.push({ channel, message });
        for (const s of subs) s.emit('message', channel, message);
        return subs.length;
      },
    };
    return { pub, sub, enabled: true, config: { redisPrefix: prefix } } as unknown as RedisConnections;
  };
  return { connections, published };
}

function replica(redis: RedisConnections) {
  const bus = new AccessChangeBus();
  const relay = new AccessChangeRelay(bus, new ReplicaChannels(redis));
  const got: AccessChange[] = [];
  const rechecks: number[] = [];
  relay.addSink({ name: 'test', applyAccessChange: (c) => got.push(c), recheckAll: async () => void rechecks.push(got.length) });
  relay.onApplicationBootstrap();
  return { bus, relay, got, rechecks, sub: (redis as unknown as { sub: EventEmitter }).sub };
}

describe('connection scope', () => {
  it('a user joins their user, credential and readable books; unrestricted callers one room', () => {
    const user = BookAccess.forUser({ kind: 'user', user: ada, credential: { type: 'session', id: 'abc' } }, new Map([[3, 'owner'], [1, 'viewer']]), 3);
    expect(roomsOf(scopeOf(user))).toEqual(['user:1', 'session:abc', 'book:1', 'book:3']);
    const tokenUser = BookAccess.forUser({ kind: 'user', user: ada, credential: { type: 'token', id: 7 } }, new Map(), null);
    expect(roomsOf(scopeOf(tokenUser))).toEqual(['user:1', 'token:7']);
    expect(roomsOf(scopeOf(BookAccess.everything({ kind: 'open' }, 1)))).toEqual(['all']);
    expect(roomsOf(scopeOf(BookAccess.everything({ kind: 'service' }, null)))).toEqual(['all']);
    expect(() => scopeOf(BookAccess.nothing())).toThrow();
  });

  it('an event goes to its book and to unrestricted connections; a revocation to its credential, or the whole user', () => {
    expect(eventRooms(deleted(1, 4))).toEqual(['book:4', 'all']);
    expect(eventRooms({ ...deleted(1, 4), address_book: undefined } as unknown as ContactEvent)).toEqual(['all']);
    expect(revokedRooms({ type: 'credential_revoked', user_id: 2, session_id: 'h' })).toEqual(['session:h']);
    expect(revokedRooms({ type: 'credential_revoked', user_id: 2, token_id: 9 })).toEqual(['token:9']);
    expect(revokedRooms({ type: 'credential_revoked', user_id: 2 })).toEqual(['user:2']);
  });

  it('reads a token from a query parameter or auth field only when it is a non-empty string', () => {
    expect([explicitToken(' ctk_a '), explicitToken(['ctk_b', 'x']), explicitToken(''), explicitToken(3), explicitToken(undefined)])
      .toEqual(['ctk_a', 'ctk_b', undefined, undefined, undefined]);
  });
});

describe('RoomIndex', () => {
  it('finds each member of any room once, and forgets members that leave', () => {
    const index = new RoomIndex<string>();
    index.join('a', ['user:1', 'book:1', 'book:2']);
    index.join('b', ['user:2', 'book:2']);
    index.join('s', [Rooms.unrestricted]);
    expect([...index.inAny(['book:2', 'all'])].sort()).toEqual(['a', 'b', 's']);
    expect([...index.inAny(['book:1', 'book:2'])].sort()).toEqual(['a', 'b']);
    expect([...index.inAny(['book:9'])]).toEqual([]);
    index.leave('a', 'book:2');
    expect([...index.inAny(['book:2'])]).toEqual(['b']);
    index.leaveAll('b');
    expect([[...index.inAny(['book:2', 'user:2'])], index.size, [...index.roomsOf('a')].sort()]).toEqual([[], 2, ['book:1', 'user:1']]);
  });
});

describe('access change codec', () => {
  it('passes well-formed changes and rejects anything else', () => {
    const good: AccessChange[] = [
      { type: 'book_gained', user_id: 2, address_book: book(3) },
      { type: 'role_changed', user_id: 2, address_book: { ...book(3, 'editor'), owner: null } },
      { type: 'book_lost', user_id: 2, address_book_id: 3 },
      { type: 'credential_revoked', user_id: 2, session_id: 'abc' },
      { type: 'credential_revoked', user_id: 2, token_id: 4 },
      { type: 'credential_revoked', user_id: 2 },
    ];
    for (const change of good) expect(decodeAccessChange(JSON.parse(JSON.stringify(change)))).toEqual(change);
    const bad: unknown[] = [
      null, 'book_lost', [], { type: 'book_lost', user_id: '2', address_book_id: 3 }, { type: 'book_lost', user_id: 2 },
      { type: 'book_gained', user_id: 2, address_book: { ...book(3), role: 'admin' } },
      { type: 'book_gained', user_id: 2, address_book: { id: 3 } },
      { type: 'credential_revoked', user_id: 2, session_id: '' }, { type: 'credential_revoked', user_id: 2, token_id: 'x' },
      { type: 'everything', user_id: 2 },
    ];
    for (const message of bad) expect(decodeAccessChange(message)).toBeNull();
  });
});

describe('AccessChangeRelay', () => {
  it('applies an own change once here and once on the other replica; never its own echo; ignores other channels and junk', async () => {
    const redis = fakeRedis();
    const here = replica(redis.connections());
    const there = replica(redis.connections());
    const change: AccessChange = { type: 'book_gained', user_id: 2, address_book: book(3) };
    here.bus.publish(change);
    await new Promise((r) => setImmediate(r));
    expect(redis.published.map((p) => p.channel)).toEqual(['p:contacts:access-changes']);
    expect([here.got, there.got]).toEqual([[change], [change]]);
    expect([here.relay.applied, there.relay.applied]).toEqual([1, 1]);

    const sub = there.sub;
    sub.emit('message', 'p:contacts:access-changes', JSON.stringify({ origin: 'x', message: { type: 'book_lost', user_id: 2, address_book_id: 3 } }));
    expect(there.got).toHaveLength(2); // another replica's change, applied
    there.got.pop();
    sub.emit('message', 'p:contacts:access-changes', 'not json');
    sub.emit('message', 'p:contacts:access-changes', JSON.stringify({ origin: 'x', message: { type: 'book_lost', user_id: 'a' } }));
    sub.emit('message', 'p:contacts:events', JSON.stringify({ origin: 'x', message: { type: 'book_lost', user_id: 2, address_book_id: 3 } }));
    expect(there.got).toEqual([change]);

    there.relay.onApplicationShutdown();
    here.bus.publish({ type: 'book_lost', user_id: 2, address_book_id: 3 });
    await new Promise((r) => setImmediate(r));
    expect([here.got.length, there.got.length]).toEqual([2, 1]);
  });

  it('re-checks every connection when the subscription is back after a lost connection (messages sent meanwhile are gone)', async () => {
    const redis = fakeRedis();
    const here = replica(redis.connections());
    here.sub.emit('ready'); // the first connection: nothing was missed
    await new Promise((r) => setImmediate(r));
    expect(here.rechecks).toEqual([]);
    here.sub.emit('close');
    here.sub.emit('ready');
    await new Promise((r) => setImmediate(r));
    here.sub.emit('ready'); // no loss in between
    await new Promise((r) => setImmediate(r));
    expect(here.rechecks).toEqual([0]);
  });

  it('without Redis applies locally only; a failing sink does not stop the others', () => {
    const bus = new AccessChangeBus();
    const relay = new AccessChangeRelay(bus, new ReplicaChannels({ pub: null, sub: null, config: { redisPrefix: '' } } as unknown as RedisConnections));
    const got: AccessChange[] = [];
    const broken: AccessSink = { name: 'broken', applyAccessChange: () => { throw new Error('boom'); }, recheckAll: async () => undefined };
    relay.addSink(broken);
    relay.addSink({ name: 'ok', applyAccessChange: (c) => got.push(c), recheckAll: async () => undefined });
    relay.onApplicationBootstrap();
    bus.publish({ type: 'credential_revoked', user_id: 1, token_id: 2 });
    expect(got).toHaveLength(1);
  });
});

describe('ConnectionAuthenticator', () => {
  const userAccess = (books: number[]) =>
    BookAccess.forUser({ kind: 'user', user: ada, credential: { type: 'token', id: 5 } }, new Map(books.map((b) => [b, 'viewer' as const])), null);

  it('reads the caller again when an access change landed during the read', async () => {
    const bus = new AccessChangeBus();
    const relay = new AccessChangeRelay(bus, new ReplicaChannels({ pub: null, sub: null, config: { redisPrefix: '' } } as unknown as RedisConnections));
    relay.onApplicationBootstrap();
    let reads = 0;
    const resolver = {
      resolve: async (): Promise<Resolved> => {
        reads += 1;
        // The first read sees the books before the share; the share is applied before it returns.
        if (reads === 1) {
          bus.publish({ type: 'book_gained', user_id: 1, address_book: book(3) });
          return { access: userAccess([1]) };
        }
        return { access: userAccess([1, 3]) };
      },
    } as unknown as AccessResolver;
    const admission = await new ConnectionAuthenticator(resolver, relay).admit({}, 'ctk_x');
    expect(reads).toBe(2);
    expect(admission.scope && roomsOf(admission.scope)).toEqual(['user:1', 'token:5', 'book:1', 'book:3']);
  });

  it('re-checks open connections with one read per credential and applies each answer to its connections', async () => {
    const relay = new AccessChangeRelay(new AccessChangeBus(), new ReplicaChannels({ pub: null, sub: null, config: { redisPrefix: '' } } as unknown as RedisConnections));
    const reads: Array<string | undefined> = [];
    const resolver = {
      resolve: async (_headers: unknown, token?: string): Promise<Resolved> => {
        reads.push(token);
        return token === 'ctk_gone' ? { access: BookAccess.nothing(), failure: 'invalid_token' } : { access: userAccess([2]) };
      },
    } as unknown as AccessResolver;
    const applied: Array<[string[], string]> = [];
    await new ConnectionAuthenticator(resolver, relay).recheck(
      [
        { connection: 'a1', credentialRoom: 'token:5', headers: {}, token: 'ctk_live' },
        { connection: 'b1', credentialRoom: 'token:6', headers: {}, token: 'ctk_gone' },
        { connection: 'a2', credentialRoom: 'token:5', headers: {}, token: 'ctk_live' },
      ],
      (connections, admission) => applied.push([connections, admission.refused ?? roomsOf(admission.scope!).join(' ')]),
    );
    expect(reads).toEqual(['ctk_live', 'ctk_gone']);
    expect(applied).toEqual([[['a1', 'a2'], 'user:1 token:5 book:2'], [['b1'], 'invalid_token']]);
  });

  it('refuses what the policy refuses', async () => {
    const relay = new AccessChangeRelay(new AccessChangeBus(), new ReplicaChannels({ pub: null, sub: null, config: { redisPrefix: '' } } as unknown as RedisConnections));
    const resolver = { resolve: async (): Promise<Resolved> => ({ access: BookAccess.nothing(), failure: 'invalid_token' }) } as unknown as AccessResolver;
    expect(await new ConnectionAuthenticator(resolver, relay).admit({})).toEqual({ refused: 'invalid_token' });
  });
});
