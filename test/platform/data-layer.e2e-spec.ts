// The data layer on whichever database TEST_DATABASE selects (sqlite by default, postgres
// in `npm run test:e2e:postgres`): search semantics, case-insensitive email, history,
// restore with the same id, the catch-up feed and idempotent retries.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';

interface C {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
}

describe(`data layer on ${TEST_DATABASE}`, () => {
  let t: TestApp;
  const made: C[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const people = [
      ['Ada', 'Lovelace', 'ada@example.com', '+1-555-1000'],
      ['Alan', 'Turing', 'alan.turing@example.org', '+44 20 7946 0000'],
      ['Grace', 'Hopper', 'grace_hopper@navy.example', '(555) 010-2000'],
      ['Édith', 'Piaf', 'edith%piaf@example.fr', '555.123.4567'],
    ];
    const created = await Promise.all(
      people.map(([first_name, last_name, email, phone]) =>
        t.http().post('/api/contacts/').send({ first_name, last_name, email, phone }).expect(201),
      ),
    );
    made.push(...created.map((res) => res.body as C));
  });
  afterAll(() => t?.close());

  const search = async (term: string): Promise<string[]> => {
    const res = await t.http().get('/api/contacts/').query({ search: term }).expect(200);
    expect(res.body.count).toBe(res.body.results.length);
    return (res.body.results as C[]).map((c) => c.email).sort();
  };

  it('ids are numbers and the list is newest first', async () => {
    // An edit makes the second contact the newest, whatever order the creates committed in.
    await sleep(5);
    await t.http().patch(`/api/contacts/${made[1].id}/`).send({ phone: made[1].phone }).expect(200);
    const res = await t.http().get('/api/contacts/').expect(200);
    expect(res.body.count).toBe(4);
    const results = res.body.results as Array<C & { updated_at: string }>;
    for (const c of results) expect(typeof c.id).toBe('number');
    expect(results[0].id).toBe(made[1].id);
    // Then by updated_at, ties by id, both descending: each row strictly after the one before.
    for (let i = 1; i < results.length; i++) {
      const [before, after] = [results[i - 1], results[i]];
      expect(before.updated_at > after.updated_at || (before.updated_at === after.updated_at && before.id > after.id)).toBe(true);
    }
  });

  it('searches case-insensitively on names, full name, email and phone', async () => {
    expect(await search('LOVE')).toEqual(['ada@example.com']);
    expect(await search('ada lovelace')).toEqual(['ada@example.com']);
    expect(await search('TURING@')).toEqual(['alan.turing@example.org']);
    expect(await search('turing lovelace')).toEqual([]);
    expect(await search('turing@EXAMPLE')).toEqual(['alan.turing@example.org']);
    expect(await search('7946')).toEqual(['alan.turing@example.org']);
    expect(await search('(555) 010')).toEqual(['grace_hopper@navy.example']);
    expect(await search('al')).toEqual(['alan.turing@example.org']);
    expect(await search('example')).toHaveLength(4);
  });

  it('treats LIKE wildcards literally', async () => {
    expect(await search('_hopper')).toEqual(['grace_hopper@navy.example']);
    expect(await search('th%')).toEqual(['edith%piaf@example.fr']);
    // A one- or two-character term matches the start of a word; one with no letter or digit matches nothing.
    expect(await search('%')).toEqual([]);
    expect(await search('h%p')).toEqual(['edith%piaf@example.fr']);
    expect(await search('e_a')).toEqual([]);
  });

  it('never matches across two fields', async () => {
    // "Lovelace ada@example.com" would contain this if the fields were glued together.
    expect(await search('lace ada')).toEqual([]);
    expect(await search('com +1')).toEqual([]);
  });

  it('email is unique case-insensitively', async () => {
    const res = await t.http().post('/api/contacts/').send({ first_name: 'A', last_name: 'L', email: 'ADA@Example.COM', phone: '123' });
    expect(res.status).toBe(400);
    expect(res.body.email).toBeDefined();
    const patch = await t.http().patch(`/api/contacts/${made[1].id}/`).send({ email: 'Ada@example.com' });
    expect([400, 409]).toContain(patch.status);
  });

  it('history, delete, restore with the same id, revert and the catch-up feed', async () => {
    const ada = made[0];
    await t.http().patch(`/api/contacts/${ada.id}/`).send({ phone: '+1-555-2000' }).expect(200);
    await t.http().delete(`/api/contacts/${ada.id}/`).expect(204);
    await t.http().get(`/api/contacts/${ada.id}/`).expect(404);
    const history = await t.http().get(`/api/contacts/${ada.id}/history/`).expect(200);
    expect(history.body.map((v: { edited_reason: string }) => v.edited_reason)).toEqual(['deleted', 'updated', 'created']);
    expect(typeof history.body[0].id).toBe('number');
    expect(history.body[0].contact).toBe(ada.id);
    const restored = await t.http().post(`/api/contacts/${ada.id}/restore/`).expect(201);
    expect(restored.body.id).toBe(ada.id);
    const created = history.body[2];
    // The status (200 per the contract) is asserted in test/api; here: the data.
    const reverted = await t.http().post(`/api/contacts/${ada.id}/revert/`).send({ version: created.id });
    expect(reverted.body.phone).toBe('+1-555-1000');
    expect(await search('lovelace')).toEqual(['ada@example.com']);

    const feed = await t.http().get('/api/changes/').query({ since: 0 }).expect(200);
    const seqs = feed.body.results.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    expect(typeof feed.body.last_seq).toBe('number');
    expect(feed.body.last_seq).toBe(seqs[seqs.length - 1]);
    const tail = await t.http().get('/api/changes/').query({ since: feed.body.last_seq }).expect(200);
    expect(tail.body).toEqual({ results: [], last_seq: feed.body.last_seq });
    const types = feed.body.results.filter((e: { contact_id?: number; contact?: C }) => (e.contact_id ?? e.contact?.id) === ada.id);
    expect(types.map((e: { type: string }) => e.type)).toEqual([
      'contact.created',
      'contact.updated',
      'contact.deleted',
      'contact.created',
      'contact.updated',
    ]);
  });

  it('accepts a valid email whose lower case is longer than the column (İ lower-cases to two code points)', async () => {
    const email = `${'İ'.repeat(240)}@example.com`; // 252 code points, ~490 once lower-cased
    expect([...email.toLowerCase()].length).toBeGreaterThan(254);
    const created = await t.http().post('/api/contacts/').send({ first_name: 'Long', last_name: 'Dotted', email, phone: '555 0303' });
    expect(created.status).toBe(201);
    expect(created.body.email).toBe(email);
    await t.http().get(`/api/contacts/${created.body.id}/`).expect(200);
    const again = await t.http().post('/api/contacts/').send({ first_name: 'Long', last_name: 'Again', email, phone: '555 0304' });
    expect(again.status).toBe(400);
    expect(again.body.email).toBeDefined();
    const other = await t.http().patch(`/api/contacts/${made[2].id}/`).send({ email });
    expect([400, 409]).toContain(other.status);
    expect(other.body.email).toBeDefined();
  });

  it('an Idempotency-Key retry creates once', async () => {
    const body = { first_name: 'Kay', last_name: 'Idem', email: 'kay@example.com', phone: '555 0000' };
    const [a, b] = await Promise.all([
      t.http().post('/api/contacts/').set('Idempotency-Key', 'k-1').send(body),
      t.http().post('/api/contacts/').set('Idempotency-Key', 'k-1').send(body),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(await search('kay@')).toEqual(['kay@example.com']);
  });
});
