import { EventEmitter } from 'node:events';
import type { ContactVersionEntity } from '../history/contact-version.entity.js';
import type { VersionsRepository } from '../history/versions.repository.js';
import { VersionLog } from '../history/version-log.js';
import { ContactEventBus } from '../events/contact-event-bus.js';
import { eventFor } from '../history/version.mapper.js';
import type { RedisConnections } from '../redis/redis-connections.js';
import { RedisEventPublisher } from '../redis/redis-event-publisher.js';
import { EventRelay } from './event-relay.js';
import { RealtimeHub } from './realtime-hub.js';

function version(id: number): ContactVersionEntity {
  return {
    id, contact_id: 1, first_name: 'A', last_name: 'B', email: 'a@b.co', phone: '1',
    edited_at: '2026-01-01T00:00:00.000Z', edited_reason: 'updated', contact_created_at: '2026-01-01T00:00:00.000Z',
    edited_via: 'api', edited_by_id: null, edited_by_name: null,
  } as ContactVersionEntity;
}

/** A history table in memory and a Redis pair that records publishes. */
function fakes(initial: number[]) {
  const rows = initial.map(version);
  const versions = {
    lastSeq: async () => rows.at(-1)?.id ?? 0,
    since: async (seq: number, limit: number) => rows.filter((r) => r.id > seq).slice(0, limit).map((version) => ({ version, previousBook: null })),
  } as unknown as VersionsRepository;
  const published: string[] = [];
  const sub = Object.assign(new EventEmitter(), { status: 'ready', subscribe: async () => 1 });
  const pub = { status: 'ready', publish: async (_c: string, m: string) => published.push(m) };
  const redis = { pub, sub, config: { redisPrefix: 'p:' } } as unknown as RedisConnections;
  return { rows, versions: new VersionLog(versions), redis, publisher: new RedisEventPublisher(redis), pub, sub, published };
}

describe('EventRelay', () => {
  it('delivers own events locally and publishes them; ignores its echo; sweeps what the channel lost', async () => {
    const f = fakes([1, 2]);
    const bus = new ContactEventBus();
    const hub = new RealtimeHub();
    const got: number[] = [];
    hub.addSink({ name: 'test', sendLocal: (e) => got.push(e.seq) });
    const relay = new EventRelay(bus, hub, f.redis, f.publisher, f.versions);
    await relay.onApplicationBootstrap();

    f.rows.push(version(3));
    bus.publish(eventFor(version(3)));
    expect(f.published.map((m) => JSON.parse(m).seq)).toEqual([3]);
    f.sub.emit('message', 'p:contacts:events', f.published[0]); // our own echo
    f.sub.emit('message', 'other', f.published[0]);

    // Another process wrote 4 and 5 while Redis was down: only the database knows.
    f.rows.push(version(4), version(5));
    await relay.sweep();
    f.sub.emit('message', 'p:contacts:events', JSON.stringify(eventFor(version(5)))); // late live copy
    await relay.sweep();
    relay.onApplicationShutdown();
    expect(got).toEqual([3, 4, 5]); // 1 and 2 predate the process: never replayed
  });

  it('an own commit that overtakes another replica\'s earlier one waits for it, read from the history', async () => {
    const f = fakes([1]);
    const bus = new ContactEventBus();
    const hub = new RealtimeHub();
    const got: number[] = [];
    hub.addSink({ name: 'test', sendLocal: (e) => got.push(e.seq) });
    const relay = new EventRelay(bus, hub, f.redis, f.publisher, f.versions);
    await relay.onApplicationBootstrap();

    f.rows.push(version(2), version(3)); // 2 by the other replica, not yet through Redis
    bus.publish(eventFor(version(3)));
    await new Promise((r) => setImmediate(r));
    f.sub.emit('message', 'p:contacts:events', JSON.stringify(eventFor(version(2)))); // now it comes
    await relay.sweep();
    relay.onApplicationShutdown();
    expect(got).toEqual([2, 3]);
  });

  it('hands an own event to Redis before its local fan-out, so other replicas start at once', async () => {
    const f = fakes([]);
    const order: string[] = [];
    f.pub.publish = async (_c: string, m: string) => order.push(`publish ${JSON.parse(m).seq}`);
    const bus = new ContactEventBus();
    const hub = new RealtimeHub();
    hub.addSink({ name: 'test', sendLocal: (e) => void order.push(`local ${e.seq}`) });
    const relay = new EventRelay(bus, hub, f.redis, f.publisher, f.versions);
    await relay.onApplicationBootstrap();
    bus.publish(eventFor(version(1)));
    relay.onApplicationShutdown();
    expect(order).toEqual(['publish 1', 'local 1']);
  });

  it('does not publish while Redis is down', async () => {
    const f = fakes([]);
    f.pub.status = 'reconnecting';
    const bus = new ContactEventBus();
    const relay = new EventRelay(bus, new RealtimeHub(), f.redis, f.publisher, f.versions);
    await relay.onApplicationBootstrap();
    bus.publish(eventFor(version(1)));
    relay.onApplicationShutdown();
    expect(f.published).toEqual([]);
  });
});
