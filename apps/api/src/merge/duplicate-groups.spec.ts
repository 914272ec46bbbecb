import { groupDuplicates, type KeyBucket, MAX_BUCKET_SIZE, pairKey } from './duplicate-groups.js';
import { type Matchable, matchKeysOf } from './match-keys.js';

let nextId = 1;
function person(fields: Partial<Matchable>): Matchable {
  const id = fields.id ?? nextId++;
  return { id, first_name: `First${id}`, last_name: `Last${id}`, email: `person${id}@example.com`, phone: `+1 212 555 ${String(1000 + id)}`, other_emails: [], other_phones: [], ...fields };
}

const byId = (contacts: Matchable[]) => new Map(contacts.map((contact) => [contact.id, contact]));

/** The buckets the database would hand over: every key of these contacts that two or more share. */
function bucketsOf(contacts: Matchable[]): KeyBucket[] {
  const buckets = new Map<string, KeyBucket>();
  for (const contact of contacts) {
    for (const { kind, key } of matchKeysOf(contact)) {
      const id = `${kind}:${key}`;
      const bucket = buckets.get(id) ?? { kind, key, ids: [] };
      bucket.ids.push(contact.id);
      buckets.set(id, bucket);
    }
  }
  return [...buckets.values()].filter((bucket) => bucket.ids.length >= 2);
}

const suggest = (contacts: Matchable[]) => groupDuplicates(bucketsOf(contacts), byId(contacts));

describe('groupDuplicates', () => {
  it('joins chains into one group with every reason: A ~ B by phone, B ~ C by name', () => {
    const a = person({ id: 10, first_name: 'Ada', last_name: 'Lovelace', phone: '+44 20 7946 0000' });
    const b = person({ id: 11, first_name: 'Augusta', last_name: 'King', phone: '020 7946 0000' });
    const c = person({ id: 12, first_name: 'King,', last_name: 'AUGUSTA' });
    const stranger = person({ id: 13, first_name: 'Grace', last_name: 'Hopper' });
    expect(suggest([c, stranger, b, a])).toEqual([{ ids: [10, 11, 12], reasons: ['same phone', 'same name'] }]);
  });

  it('finds the same email in any of the emails, whatever its case', () => {
    const a = person({ id: 1, email: 'ada@example.com' });
    const b = person({ id: 2, email: 'lovelace@work.example', other_emails: [{ label: 'home', value: 'ADA@example.com' }] });
    expect(suggest([a, b])).toEqual([{ ids: [1, 2], reasons: ['same email'] }]);
    // A bucket is verified, not trusted: a member without the address does not join.
    const c = person({ id: 3, email: 'ada@other.example' });
    expect(groupDuplicates([{ kind: 'email', key: 'ada@example.com', ids: [1, 3] }], byId([a, c]))).toEqual([]);
  });

  it("a 'phone' bucket whose members are not the same number gives no group", () => {
    // One bucket (the last 7 digits 5550100), two numbers in two area codes.
    const a = person({ id: 1, phone: '+1 415 555 0100' });
    const b = person({ id: 2, phone: '+1 212 555 0100' });
    const buckets = bucketsOf([a, b]);
    expect(buckets).toEqual([{ kind: 'phone', key: '5550100', ids: [1, 2] }]);
    expect(groupDuplicates(buckets, byId([a, b]))).toEqual([]);
  });

  it("a 'phone' bucket joins the members that are the same number and leaves the others out", () => {
    const a = person({ id: 1, phone: '+1 415 555 0100' });
    const b = person({ id: 2, phone: '+1 212 555 0100' });
    const c = person({ id: 3, phone: '415.555.0100' });
    const d = person({ id: 4, phone: '(212) 555-0100' });
    expect(suggest([a, b, c, d])).toEqual([
      { ids: [1, 3], reasons: ['same phone'] },
      { ids: [2, 4], reasons: ['same phone'] },
    ]);
  });

  it("a 'local' bucket (one email user name) needs similar names", () => {
    const ada = person({ id: 1, first_name: 'Ada', last_name: 'Lovelace', email: 'ada.lovelace@a.example' });
    const adaAgain = person({ id: 2, first_name: 'Ada', last_name: 'King', email: 'adalovelace@b.example' });
    const someoneElse = person({ id: 3, first_name: 'Grace', last_name: 'Hopper', email: 'ada-lovelace@c.example' });
    expect(suggest([ada, adaAgain, someoneElse])).toEqual([{ ids: [1, 2], reasons: ['similar email'] }]);
    expect(suggest([ada, someoneElse])).toEqual([]);
  });

  it("one address in both is 'same email', not also 'similar email'", () => {
    const a = person({ id: 1, first_name: 'Ada', last_name: 'Lovelace', email: 'ada.lovelace@a.example' });
    const b = person({ id: 2, first_name: 'Ada', last_name: 'Byron', email: 'Ada.Lovelace@a.example' });
    expect(suggest([a, b])).toEqual([{ ids: [1, 2], reasons: ['same email'] }]);
  });

  it(`skips a bucket of more than ${MAX_BUCKET_SIZE} members (a switchboard number), keeps one of exactly ${MAX_BUCKET_SIZE}`, () => {
    const staff = (count: number, first: number) => Array.from({ length: count }, (_, index) => person({ id: first + index, phone: '+1 415 555 0100' }));
    expect(suggest(staff(MAX_BUCKET_SIZE + 1, 100))).toEqual([]);
    const fitting = staff(MAX_BUCKET_SIZE, 200);
    expect(suggest(fitting)).toEqual([{ ids: fitting.map((contact) => contact.id), reasons: ['same phone'] }]);
  });

  it('an oversized bucket still leaves its members to the other buckets', () => {
    const staff = Array.from({ length: MAX_BUCKET_SIZE + 1 }, (_, index) => person({ id: 300 + index, first_name: 'Staff', last_name: `Member ${index}`, phone: '+1 415 555 0100' }));
    const twin = person({ id: 400, first_name: 'Member 3', last_name: 'Staff' });
    expect(suggest([...staff, twin])).toEqual([{ ids: [303, 400], reasons: ['same name'] }]);
  });

  it('ids of a bucket that are not among the contacts (deleted since) take no part, and the size counts those that are', () => {
    const a = person({ id: 1, first_name: 'Ada', last_name: 'Lovelace' });
    const b = person({ id: 2, first_name: 'Lovelace', last_name: 'Ada' });
    const deleted = Array.from({ length: MAX_BUCKET_SIZE }, (_, index) => 1000 + index);
    const buckets: KeyBucket[] = [{ kind: 'name', key: 'ada lovelace', ids: [1, ...deleted, 2, 2] }];
    expect(groupDuplicates(buckets, byId([a, b]))).toEqual([{ ids: [1, 2], reasons: ['same name'] }]);
    expect(groupDuplicates([{ kind: 'name', key: 'ada lovelace', ids: [1, 1000] }], byId([a, b]))).toEqual([]);
  });

  it('orders groups by their number of reasons, then by their smallest id; ids ascending; reasons in the contract order', () => {
    const contacts = [
      // Two reasons, smallest id 7.
      person({ id: 9, first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' }),
      person({ id: 7, first_name: 'lovelace', last_name: 'ADA', email: 'ADA@example.com' }),
      // One reason, smallest id 2.
      person({ id: 5, phone: '+44 20 7946 0000' }),
      person({ id: 2, phone: '0044 20 7946 0000' }),
      // One reason, smallest id 4.
      person({ id: 8, first_name: 'Grace', last_name: 'Hopper' }),
      person({ id: 4, first_name: 'Hopper', last_name: 'Grace' }),
      // Three reasons, smallest id 20.
      person({ id: 21, first_name: 'Zoë', last_name: 'Saldaña', email: 'zoe.saldana@a.example', phone: '+1 415 555 0199' }),
      person({ id: 20, first_name: 'Zoe', last_name: 'Saldana', email: 'zoesaldana@b.example', phone: '415-555-0199' }),
    ];
    expect(suggest(contacts)).toEqual([
      { ids: [20, 21], reasons: ['same phone', 'same name', 'similar email'] },
      { ids: [7, 9], reasons: ['same email', 'same name'] },
      { ids: [2, 5], reasons: ['same phone'] },
      { ids: [4, 8], reasons: ['same name'] },
    ]);
  });

  it('nothing in common → no groups; no buckets → no groups', () => {
    expect(suggest([person({}), person({}), person({})])).toEqual([]);
    expect(groupDuplicates([], new Map())).toEqual([]);
  });

  it('never joins a dismissed pair (named lower id first, in either order); a third contact may still join them', () => {
    const a = person({ id: 1, first_name: 'Ada', last_name: 'Lovelace' });
    const b = person({ id: 2, first_name: 'Lovelace', last_name: 'Ada' });
    const c = person({ id: 3, first_name: 'ADA', last_name: 'lovelace' });
    const buckets = bucketsOf([a, b, c]);
    expect(groupDuplicates(bucketsOf([a, b]), byId([a, b]), new Set([pairKey(2, 1)]))).toEqual([]);
    expect(groupDuplicates(buckets, byId([a, b, c]), new Set(['1:2']))).toEqual([{ ids: [1, 2, 3], reasons: ['same name'] }]);
    expect(groupDuplicates(buckets, byId([a, b, c]), new Set(['1:2', '1:3']))).toEqual([{ ids: [2, 3], reasons: ['same name'] }]);
    expect(groupDuplicates(buckets, byId([a, b, c]), new Set(['1:2', '1:3', '2:3']))).toEqual([]);
  });

});
