import type { Contact, ContactEvent, ContactMovedEvent } from '@contacts/wire-types';
import { deliveriesOf } from './connection-scope.js';
import { type EventSink, type HistoryFeed, RealtimeHub } from './realtime-hub.js';
import { RoomIndex } from './room-index.js';

const contact = (id: number, address_book: number): Contact =>
  ({ id, first_name: 'A', last_name: 'B', email: 'a@example.com', phone: '', address_book }) as unknown as Contact;
const updated = (seq: number, book: number, id = 7): ContactEvent => ({
  type: 'contact.updated', contact: contact(id, book), seq, edited_by: { id: 1, name: 'Ada' }, address_book: book,
});
const moved = (seq: number, from: number, to: number, id = 7): ContactMovedEvent => ({ ...(updated(seq, to, id) as ContactMovedEvent), moved_from: from });

describe('deliveriesOf', () => {
  it('sends an ordinary event as it is, to its book and unrestricted connections', () => {
    const event = updated(3, 2);
    expect(deliveriesOf(event)).toEqual([{ event, to: ['book:2', 'all'], except: [] }]);
  });

  it('a move: the update without moved_from to the new book, a removal under the same seq to the old book except the update\'s rooms', () => {
    const [update, removal, ...more] = deliveriesOf(moved(9, 4, 2));
    expect(more).toEqual([]);
    expect(update).toEqual({ event: updated(9, 2), to: ['book:2', 'all'], except: [] });
    expect('moved_from' in update.event).toBe(false);
    expect(removal).toEqual({
      event: { type: 'contact.deleted', contact_id: 7, seq: 9, edited_by: { id: 1, name: 'Ada' }, address_book: 4 },
      to: ['book:4'],
      except: ['book:2', 'all'],
    });
  });

  it('a moved_from that is not a real move is only stripped', () => {
    for (const bogus of [moved(9, 2, 2), { ...moved(9, 4, 2), moved_from: '4' }, { ...moved(9, 4, 2), moved_from: null }]) {
      expect(deliveriesOf(bogus as unknown as ContactEvent)).toEqual([{ event: updated(9, 2), to: ['book:2', 'all'], except: [] }]);
    }
    const deletion = { type: 'contact.deleted', contact_id: 7, seq: 9, edited_by: null, address_book: 2, moved_from: 4 };
    const { moved_from: _, ...plain } = deletion;
    expect(deliveriesOf(deletion as unknown as ContactEvent)).toEqual([{ event: plain, to: ['book:2', 'all'], except: [] }]);
  });
});

describe('RoomIndex.inAny with except', () => {
  it('leaves out members of any excepted room', () => {
    const index = new RoomIndex<string>();
    index.join('both', ['book:1', 'book:2']);
    index.join('old only', ['book:1']);
    index.join('new only', ['book:2']);
    index.join('service', ['all']);
    expect([...index.inAny(['book:1'], ['book:2', 'all'])]).toEqual(['old only']);
    expect([...index.inAny(['book:1', 'all'], ['book:2'])].sort()).toEqual(['old only', 'service']);
    expect([...index.inAny(['book:1'], ['book:9'])].sort()).toEqual(['both', 'old only']);
  });
});

describe('RealtimeHub and moves', () => {
  function hub(history: ContactEvent[]) {
    const got: ContactEvent[] = [];
    const sink: EventSink = { name: 'fake', sendLocal: (e) => got.push(e) };
    const feed: HistoryFeed = { since: async (after, limit) => history.filter((e) => e.seq > after).slice(0, limit) };
    const h = new RealtimeHub();
    h.addSink(sink);
    h.startAfter(0, feed);
    return { hub: h, got };
  }

  it('hands a live move to the sinks with its moved_from', () => {
    const { hub: h, got } = hub([]);
    h.deliver(moved(1, 4, 2));
    expect(got).toEqual([moved(1, 4, 2)]);
  });

  it('a held move filled from the history keeps the book it left; rows without a live event have none', async () => {
    // The history has no moved_from (the version knows only the new book).
    const { hub: h, got } = hub([updated(1, 3, 5), updated(2, 2), updated(3, 2, 8)]);
    h.deliver(moved(2, 4, 2)); // seq 1 has not arrived: held, the gap is filled from the history
    await h.catchUp();
    expect(got).toEqual([updated(1, 3, 5), moved(2, 4, 2), updated(3, 2, 8)]);
  });
});
