import type { ContactEvent } from '@contacts/wire-types';
import { decodeEvent, encodeEvent } from '../redis/event-channel.js';
import { PendingEvents } from './pending-events.js';
import { type EventSink, type HistoryFeed, RealtimeHub } from './realtime-hub.js';

const deleted = (seq: number): ContactEvent => ({ type: 'contact.deleted', contact_id: 1, seq, edited_by: null });

function fakeSink(name = 'fake'): EventSink & { got: number[] } {
  const got: number[] = [];
  return { name, got, sendLocal: (e) => got.push(e.seq) };
}

/** An append-only history in memory that counts its reads. */
function fakeHistory(initial: number[]): HistoryFeed & { seqs: number[]; reads: number } {
  const self = {
    seqs: [...initial],
    reads: 0,
    async since(after: number, limit: number) {
      self.reads++;
      return self.seqs.filter((s) => s > after).slice(0, limit).map(deleted);
    },
  };
  return self;
}

/** Lets pending promise callbacks (the hub's history reads) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
}

function hubWith(floor: number, history: HistoryFeed | null) {
  const hub = new RealtimeHub();
  const sink = fakeSink();
  hub.addSink(sink);
  hub.startAfter(floor, history);
  return { hub, got: sink.got };
}

describe('PendingEvents', () => {
  it('holds each seq once, sorted, nothing at or below the floor, and hands out only the next one', () => {
    const pending = new PendingEvents(10);
    expect([10, 13, 12, 13, 15].map((s) => pending.hold(deleted(s)))).toEqual([false, true, true, false, true]);
    expect(pending.takeNext()).toBeUndefined(); // 11 is missing
    pending.advanceTo(11);
    expect([pending.takeNext()?.seq, pending.takeNext()?.seq, pending.takeNext()]).toEqual([12, 13, undefined]);
    expect([pending.watermark, pending.size]).toEqual([13, 1]);
    pending.advanceTo(20);
    expect([pending.size, pending.hold(deleted(15))]).toEqual([0, false]);
  });
});

describe('RealtimeHub', () => {
  it('sends every event once to every sink, in seq order, whatever the arrival order and echoes', () => {
    const hub = new RealtimeHub();
    const [a, b] = [fakeSink('a'), fakeSink('b')];
    hub.addSink(a);
    hub.addSink(b);
    hub.startAfter(5);
    for (const seq of [5, 6, 8, 6, 7, 8]) hub.deliver(deleted(seq));
    expect(a.got).toEqual([6, 7, 8]);
    expect(b.got).toEqual([6, 7, 8]);
  });

  it('keeps its floor contiguous: in-order events leave nothing tracked above it, however many', () => {
    const { hub, got } = hubWith(0, fakeHistory([]));
    let lagging = 0;
    for (let seq = 1; seq <= 20_000; seq++) {
      hub.deliver(deleted(seq));
      if (hub.watermark !== seq) lagging++;
    }
    expect({ lagging, watermark: hub.watermark, delivered: got.length }).toEqual({ lagging: 0, watermark: 20_000, delivered: 20_000 });
  });

  it('sends the next event at once without reading the history', () => {
    const history = fakeHistory([1, 2, 3]);
    const { hub, got } = hubWith(1, history);
    hub.deliver(deleted(2));
    hub.deliver(deleted(3));
    expect(got).toEqual([2, 3]);
    expect(history.reads).toBe(0);
  });

  it('holds an event that is ahead of its turn and fills the gap below it from the history first', async () => {
    const history = fakeHistory([1, 2, 3, 4, 5]);
    const { hub, got } = hubWith(1, history);
    hub.deliver(deleted(4)); // another replica's 2 and 3 are still on their way
    expect(got).toEqual([]);
    await settle();
    expect(got).toEqual([2, 3, 4]);
    hub.deliver(deleted(3)); // the late live copy
    hub.deliver(deleted(5));
    expect(got).toEqual([2, 3, 4, 5]);
    expect([history.reads, hub.heldCount]).toEqual([1, 0]);
  });

  it('lets the history decide which seqs exist: a skipped id is passed over, an unknown seq dropped', async () => {
    const history = fakeHistory([2, 4]); // 3 was a rolled-back PostgreSQL transaction
    const { hub, got } = hubWith(1, history);
    hub.deliver(deleted(4));
    await settle();
    expect(got).toEqual([2, 4]);
    hub.deliver(deleted(1_000_000)); // well-formed on the wire, never committed
    await settle();
    history.seqs.push(5);
    hub.deliver(deleted(5));
    await settle();
    expect([got, hub.watermark, hub.heldCount]).toEqual([[2, 4, 5], 5, 0]);
  });

  it('sends nothing past a gap while its history read is in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const history = fakeHistory([1, 2, 3, 4]);
    const slow: HistoryFeed = { since: async (after, limit) => (await gate, history.since(after, limit)) };
    const { hub, got } = hubWith(1, slow);
    hub.deliver(deleted(3));
    await settle();
    hub.deliver(deleted(2)); // the missing one arrives live meanwhile
    hub.deliver(deleted(4));
    expect(got).toEqual([]);
    release();
    await settle();
    expect(got).toEqual([2, 3, 4]);
  });

  it('keeps held events through a failed history read and fills the gap on the next try', async () => {
    const history = fakeHistory([1, 2, 3, 4]);
    let failures = 1;
    const flaky: HistoryFeed = {
      since: async (after, limit) => {
        if (failures-- > 0) throw new Error('database is locked');
        return history.since(after, limit);
      },
    };
    const { hub, got } = hubWith(1, flaky);
    hub.deliver(deleted(3));
    await settle();
    expect(got).toEqual([]);
    hub.deliver(deleted(4));
    await settle();
    hub.stop();
    expect(got).toEqual([2, 3, 4]);
  });

  it('catches up from the history in order, including seqs no channel announced', async () => {
    const history = fakeHistory([1, 2, 3, 4]);
    const { hub, got } = hubWith(1, history);
    hub.deliver(deleted(2));
    await hub.catchUp();
    expect(got).toEqual([2, 3, 4]);
    hub.deliver(deleted(4));
    expect(got).toEqual([2, 3, 4]);
  });

  it('keeps feeding the other sinks when one throws', () => {
    const hub = new RealtimeHub();
    const good = fakeSink();
    hub.addSink({ name: 'broken', sendLocal: () => { throw new Error('boom'); } });
    hub.addSink(good);
    hub.deliver(deleted(1));
    expect(good.got).toEqual([1]);
  });
});

describe('event channel codec', () => {
  it('round-trips events and rejects anything else', () => {
    const event: ContactEvent = {
      type: 'contact.updated', seq: 3,
      edited_by: { id: 2, name: 'Ada Lovelace' },
      contact: { id: 1, first_name: 'A', last_name: 'B', email: 'a@b.co', phone: '1', created_at: 'x', updated_at: 'y' },
    };
    expect(decodeEvent(encodeEvent(event))).toEqual(event);
    expect(decodeEvent(encodeEvent(deleted(4)))).toEqual(deleted(4));
    for (const bad of ['nope', 'null', '{"type":"contact.updated","seq":1}', '{"type":"x","seq":1,"contact_id":1}', '{"type":"contact.deleted","seq":"1","contact_id":1}']) {
      expect(decodeEvent(bad)).toBeNull();
    }
  });
});
