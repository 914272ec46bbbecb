import type { ContactEvent } from '@contacts/wire-types';
import { DeliveredSeqs } from './delivered-seqs.js';
import { decodeEvent, encodeEvent } from './event-channel.js';
import { type EventSink, RealtimeHub } from './realtime-hub.js';

const deleted = (seq: number): ContactEvent => ({ type: 'contact.deleted', contact_id: 1, seq });

function fakeSink(name = 'fake'): EventSink & { got: number[] } {
  const got: number[] = [];
  return { name, got, sendLocal: (e) => got.push(e.seq) };
}

describe('DeliveredSeqs', () => {
  it('claims each seq once and nothing at or below the floor', () => {
    const seen = new DeliveredSeqs(10);
    expect([seen.claim(10), seen.claim(11), seen.claim(11), seen.claim(13)]).toEqual([false, true, false, true]);
    seen.raiseFloor(12);
    expect([seen.claim(12), seen.claim(13), seen.claim(14)]).toEqual([false, false, true]);
  });

  it('stays bounded by raising the floor', () => {
    const seen = new DeliveredSeqs(0, 3);
    for (const s of [1, 2, 3, 4]) seen.claim(s);
    expect(seen.watermark).toBe(1);
    expect(seen.claim(1)).toBe(false);
  });
});

describe('RealtimeHub', () => {
  it('sends every event once to every sink, whatever the order and echoes', () => {
    const hub = new RealtimeHub();
    const [a, b] = [fakeSink('a'), fakeSink('b')];
    hub.addSink(a);
    hub.addSink(b);
    hub.startAfter(5);
    for (const seq of [5, 6, 8, 6, 7, 8]) hub.deliver(deleted(seq));
    expect(a.got).toEqual([6, 8, 7]);
    expect(b.got).toEqual([6, 8, 7]);
  });

  it('keeps feeding the other sinks when one throws', () => {
    const hub = new RealtimeHub();
    const good = fakeSink();
    hub.addSink({ name: 'broken', sendLocal: () => { throw new Error('boom'); } });
    hub.addSink(good);
    expect(hub.deliver(deleted(1))).toBe(true);
    expect(good.got).toEqual([1]);
  });
});

describe('event channel codec', () => {
  it('round-trips events and rejects anything else', () => {
    const event: ContactEvent = {
      type: 'contact.updated', seq: 3,
      contact: { id: 1, first_name: 'A', last_name: 'B', email: 'a@b.co', phone: '1', created_at: 'x', updated_at: 'y' },
    };
    expect(decodeEvent(encodeEvent(event))).toEqual(event);
    expect(decodeEvent(encodeEvent(deleted(4)))).toEqual(deleted(4));
    for (const bad of ['nope', 'null', '{"type":"contact.updated","seq":1}', '{"type":"x","seq":1,"contact_id":1}', '{"type":"contact.deleted","seq":"1","contact_id":1}']) {
      expect(decodeEvent(bad)).toBeNull();
    }
  });
});
