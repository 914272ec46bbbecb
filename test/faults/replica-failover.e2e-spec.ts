import type { ContactEvent } from '@contacts/wire-types';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';
import {
  api, changesSince, createContact, type EventClient, hasSeqs, plainWsClient, seqs, socketIoClient, uniqueRedisPrefix,
} from '../realtime/realtime-clients.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
type Connect = (baseUrl: string) => Promise<EventClient>;

/**
 * One of two replicas is SIGKILLed. Its clients do what a client behind a load balancer
 * does: reconnect (here: to the surviving URL) and ask /api/changes/?since=<last seen seq>.
 */
describe('a replica dies under its clients', () => {
  const dir = tempDir();
  let a: ApiProcess;
  let b: ApiProcess;
  const open: EventClient[] = [];

  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix() };
    a = await startApi({ env, sqlitePath: `${dir.path}/contacts.sqlite3` });
    b = await startApi({ env, sqlitePath: a.sqlitePath });
  }, 60_000);

  afterAll(async () => {
    for (const c of open) c.close();
    await Promise.all([a?.stop('SIGKILL'), b?.stop()]);
    dir.remove();
  }, 30_000);

  it('clients of the dead replica reconnect to the other, catch up, and miss nothing', async () => {
    const contact = await createContact(b.baseUrl);
    const start = (await changesSince(b.baseUrl, 0)).last_seq;
    const kinds: Connect[] = [socketIoClient, plainWsClient];
    const onA = await Promise.all(kinds.map((connect) => connect(a.baseUrl)));
    const onB = await Promise.all(kinds.map((connect) => connect(b.baseUrl)));
    open.push(...onA, ...onB);

    const statuses: number[] = [];
    const patch = async (i: number, target: ApiProcess) =>
      statuses.push((await api(target.baseUrl, 'PATCH', `/api/contacts/${contact.id}/`, { first_name: `F${i}` })).status);

    for (let i = 0; i < 10; i++) await patch(i, i % 2 ? a : b);
    const before = seqs((await changesSince(b.baseUrl, start)).results);
    await Promise.all(onA.map((c) => c.waitFor(hasSeqs(before), 10_000, 'events before the kill')));

    await a.stop('SIGKILL');
    for (let i = 10; i < 20; i++) await patch(i, b); // A's clients are not connected anywhere now

    // Reconnect to the survivor first, then catch up from the last seq seen: nothing falls in between.
    const survivors = await Promise.all(
      onA.map(async (old, k) => {
        const fresh = await kinds[k](b.baseUrl);
        open.push(fresh);
        const lastSeen = Math.max(start, ...seqs(old.events));
        const missed = (await changesSince(b.baseUrl, lastSeen)).results;
        return { old, fresh, missed };
      }),
    );
    for (let i = 20; i < 30; i++) await patch(i, b);

    expect(statuses).toEqual(Array(30).fill(200));
    const feed = await changesSince(b.baseUrl, start);
    expect(feed.results).toHaveLength(30);
    const wanted = seqs(feed.results);
    await Promise.all(onB.map((c) => c.waitFor(hasSeqs(wanted), 10_000, 'all 30 on B')));
    for (const { old, fresh, missed } of survivors) {
      await fresh.waitFor((events) => hasSeqs(wanted)([...old.events, ...missed, ...events]), 10_000, 'all 30 after failover');
      const union = new Map<number, ContactEvent>();
      for (const e of [...old.events, ...missed, ...fresh.events]) union.set(e.seq, e);
      expect({ kind: old.kind, seqs: [...union.keys()].filter((s) => s > start).sort((x, y) => x - y) }).toEqual({ kind: old.kind, seqs: wanted });
      expect([...union.values()].filter((e) => e.seq > start).sort((x, y) => x.seq - y.seq)).toEqual(feed.results);
      expect(missed.length).toBeGreaterThanOrEqual(10); // the ones made while it was disconnected
    }
  }, 60_000);
});
