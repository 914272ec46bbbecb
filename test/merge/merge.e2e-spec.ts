// Merging duplicates over HTTP (contract Part 2, "Duplicates and merging"), AUTH=accounts,
// on the database TEST_DATABASE selects: what the survivor keeps and takes, what becomes of
// the others (deleted, each with a `merged` version of its fields), the events on both
// realtime transports, If-Match, who may merge what, every refusal leaving everything as
// it was, and two merges of the same contact at once. Undo: undo.e2e-spec.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type Contact, type ContactFields, type Merge, type MergeResult, PERMISSION_DENIED_MESSAGE, type RealtimeEvent } from '@contacts/wire-types';
import { createAccount, newAccount, signUp } from '../support/accounts.js';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { bothTransports, type ScopedClient, SETTLE_MS, sleep } from '../realtime/scoped-clients.js';
import {
  addContact, client, type Client, expectUnchanged, feed, getContact, historyOf, ISO, lastSeq, merge, mergeRecord, NOT_FOUND, newBook,
  ownBook, shareBook, startMergeApp, undo, uniqueEmail,
  editorOf,
  mergeOk as mergeAs,
} from './merge-support.js';

const ADDRESS = { label: 'home', street: '12 St James’s Square', city: 'London', region: '', postal_code: 'SW1Y 4JH', country: 'United Kingdom' };

describe(`merging contacts on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  let ada: Client;
  let grace: Client; // a viewer of Ada's shared book
  let linus: Client; // another account
  let book: number; // Ada's own
  let shared: number; // Ada's, shared with Grace as viewer
  let linusBook: number;
  let realtime: ScopedClient[] = [];

  beforeAll(async () => {
    ({ app } = await startMergeApp());
    const adaSession = await signUp(app.baseUrl, newAccount('Ada Lovelace'));
    ada = client(app, adaSession);
    grace = client(app, await createAccount(app.baseUrl, adaSession, newAccount('Grace Hopper')));
    linus = client(app, await createAccount(app.baseUrl, adaSession, newAccount('Linus Torvalds')));
    book = (await ownBook(ada)).id;
    shared = (await newBook(ada, 'Shared')).id;
    await shareBook(ada, shared, grace.session.user.email, 'viewer');
    linusBook = (await ownBook(linus)).id;
  });
  afterEach(() => {
    for (const c of realtime) c.close();
    realtime = [];
  });
  afterAll(() => app?.close());

  const adaEditor = () => editorOf(ada);
  const add = (fields: Partial<ContactFields> = {}, into = book) => addContact(ada, into, fields);
  const mergeOk = (survivor: number, others: number[], values?: Record<string, unknown>) => mergeAs(ada, survivor, others, values);
  const eventsAfter = (events: RealtimeEvent[], seq: number) => events.filter((e) => 'seq' in e && e.seq > seq);

  it('merges three into one: chosen values win, every email and phone is kept once, empty details are filled, the others are gone', async () => {
    const [e1, e1work, e2, e3, e4] = [uniqueEmail('ada'), uniqueEmail('ada.work'), uniqueEmail('augusta'), uniqueEmail('countess'), uniqueEmail('a.lovelace')];
    const survivor = await add({
      first_name: 'Ada', last_name: 'Lovelace', email: e1, phone: '+44 20 7946 0000', job_title: 'Countess', notes: 'Survivor notes',
      other_emails: [{ label: 'work', value: e1work }], other_phones: [{ label: 'mobile', value: '+44 7700 900000' }],
    });
    const first = await add({
      first_name: 'Augusta Ada', last_name: 'King', email: e2, phone: '020 7946 0000', organization: 'Analytical Engines', birthday: '1815-12-10',
      addresses: [ADDRESS], other_emails: [{ label: 'home', value: e1work.toUpperCase() }, { label: 'old', value: e3 }],
    });
    const second = await add({
      first_name: 'A.', last_name: 'Lovelace', email: e4, phone: '+1 555 0100 123', organization: 'Babbage & Co', job_title: 'Mathematician', notes: 'Other notes',
      other_phones: [{ label: 'fax', value: '0044 20 7946 0000' }, { label: 'work', value: '+44 20 7946 0999' }],
    });
    realtime = await bothTransports(app.baseUrl, { cookie: ada.session.cookie }, 'ada');
    const before = await lastSeq(ada);

    const res = await merge(ada, survivor.id, { others: [first.id, second.id], values: { first_name: 'Augusta Ada', email: e2, phone: second.phone } });
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { contact: expect.any(Object), merge_id: expect.any(Number) } });
    const { contact, merge_id } = res.body as MergeResult;
    expect(contact).toEqual({
      id: survivor.id,
      address_book: book,
      uid: survivor.uid,
      created_at: survivor.created_at,
      updated_at: expect.stringMatching(ISO),
      first_name: 'Augusta Ada', // chosen
      last_name: 'Lovelace', // the survivor's
      email: e2, // chosen: the other's email, free once it is merged away
      phone: '+1 555 0100 123', // chosen
      organization: 'Analytical Engines', // empty on the survivor: the first other's
      job_title: 'Countess', // the survivor's wins over the others'
      notes: 'Survivor notes',
      birthday: '1815-12-10',
      addresses: [ADDRESS],
      other_emails: [
        { label: 'work', value: e1work },
        { label: '', value: e1 }, // the survivor's own, no longer its primary
        { label: 'old', value: e3 }, // the first other's e1work (other case) and e2 (the primary now) are not repeated
        { label: '', value: e4 },
      ],
      other_phones: [
        { label: 'mobile', value: '+44 7700 900000' },
        { label: '', value: '+44 20 7946 0000' }, // the first other's 020 7946 0000 and the fax 0044 … are the same number
        { label: 'work', value: '+44 20 7946 0999' },
      ],
    });
    expect(contact.updated_at > survivor.updated_at).toBe(true);
    expect(res.headers.etag).toMatch(/^(W\/)?"[^"]+"$/);
    const read = await ada.get(`/api/contacts/${survivor.id}/`);
    expect({ body: read.body, etag: read.headers.etag }).toEqual({ body: contact, etag: res.headers.etag });
    for (const gone of [first, second]) expect((await ada.get(`/api/contacts/${gone.id}/`)).body).toEqual(NOT_FOUND);

    // History: each other's deletion is a `merged` version with its fields, then the survivor's.
    const editor = adaEditor();
    const [survivorHistory, firstHistory, secondHistory] = [await historyOf(ada, survivor.id), await historyOf(ada, first.id), await historyOf(ada, second.id)];
    const snapshot = (c: Contact) => {
      const { id: _id, uid: _uid, created_at: _c, updated_at: _u, ...fields } = c;
      return fields;
    };
    expect(firstHistory.map((v) => v.edited_reason)).toEqual(['merged', 'created']);
    expect(firstHistory[0]).toEqual({ id: before + 1, contact: first.id, ...snapshot(first), edited_at: expect.stringMatching(ISO), edited_reason: 'merged', edited_by: editor, edited_via: 'web' });
    expect(secondHistory.map((v) => v.edited_reason)).toEqual(['merged', 'created']);
    expect(secondHistory[0]).toEqual({ id: before + 2, contact: second.id, ...snapshot(second), edited_at: expect.stringMatching(ISO), edited_reason: 'merged', edited_by: editor, edited_via: 'web' });
    expect(survivorHistory.map((v) => v.edited_reason)).toEqual(['merged', 'created']);
    expect(survivorHistory[0]).toEqual({ id: before + 3, contact: survivor.id, ...snapshot(contact), edited_at: contact.updated_at, edited_reason: 'merged', edited_by: editor, edited_via: 'web' });

    // The record an undo and the histories link to.
    const record: Merge = {
      id: merge_id, address_book: book, contact: survivor.id, others: [first.id, second.id], version: before + 3,
      merged_at: expect.stringMatching(ISO) as unknown as string, merged_by: editor, undone_at: null, undone_by: null,
    };
    expect(await mergeRecord(ada, merge_id)).toEqual(record);
    for (const id of [survivor.id, first.id, second.id]) {
      expect((await ada.get(`/api/merges/?contact=${id}`)).body).toEqual([record]);
    }
    expect((await ada.get(`/api/merges/?address_book=${book}&contact=${first.id}`)).body).toEqual([record]);
    expect((await ada.get(`/api/merges/?address_book=${shared}&contact=${first.id}`)).body).toEqual([]);

    // Events after the commit: a deletion per other (request order), then the survivor's update; the feed says the same.
    const expected = [
      { type: 'contact.deleted', contact_id: first.id, seq: before + 1, address_book: book, edited_by: editor },
      { type: 'contact.deleted', contact_id: second.id, seq: before + 2, address_book: book, edited_by: editor },
      { type: 'contact.updated', contact, seq: before + 3, address_book: book, edited_by: editor },
    ];
    await Promise.all(realtime.map((c) => c.waitFor((events) => eventsAfter(events, before).length >= 3, 'the merge events')));
    await sleep(SETTLE_MS);
    for (const c of realtime) expect({ kind: c.kind, events: eventsAfter(c.events, before) }).toEqual({ kind: c.kind, events: expected });
    expect((await feed(ada, before)).results).toEqual(expected);
  });

  it("with If-Match: the survivor's current ETag merges, a stale one is 412 with the current contact and changes nothing", async () => {
    const survivor = await add();
    const other = await add();
    const staleTag = (await ada.get(`/api/contacts/${survivor.id}/`)).headers.etag as string;
    const edited = await ada.patch(`/api/contacts/${survivor.id}/`, { notes: 'edited since' });
    expect(edited.status).toBe(200);
    const before = await lastSeq(ada);

    const stale = await merge(ada, survivor.id, { others: [other.id] }, staleTag);
    expect({ status: stale.status, body: stale.body }).toEqual({ status: 412, body: edited.body });
    await expectUnchanged(ada, before, [edited.body as Contact, other]);

    const fresh = await merge(ada, survivor.id, { others: [other.id] }, edited.headers.etag as string);
    expect(fresh.status).toBe(200);
    expect((fresh.body as MergeResult).contact.other_emails).toEqual([{ label: '', value: other.email }]);
  });

  it('without chosen values the survivor keeps its own; a detail it has is not replaced; the others only add', async () => {
    const survivor = await add({ organization: 'Mine', birthday: '--12-10', notes: 'keep' });
    const other = await add({ organization: 'Theirs', birthday: '1815-12-10', notes: 'lose', job_title: 'Theirs too' });
    const { contact } = await mergeOk(survivor.id, [other.id]);
    expect(contact).toEqual({
      ...survivor,
      job_title: 'Theirs too',
      other_emails: [{ label: '', value: other.email }],
      other_phones: [{ label: '', value: other.phone }],
      updated_at: expect.stringMatching(ISO),
    });
    // A value chosen as empty is applied, not filled from the others.
    const s2 = await add({ organization: 'Mine' });
    const o2 = await add({ organization: 'Theirs' });
    expect((await mergeOk(s2.id, [o2.id], { organization: '', other_phones: [] })).contact).toMatchObject({
      organization: '',
      other_phones: [{ label: '', value: o2.phone }], // the chosen list, then what would otherwise be lost
    });
  });

  it("a primary chosen from the survivor's other emails or phones is not listed again among them", async () => {
    const other = await add({ phone: '+1 303 555 0177' });
    // The survivor already lists the other's email and phone (the "same email" / "same phone" suggestion).
    const survivor = await add({
      other_emails: [{ label: 'old', value: other.email }, { label: 'work', value: uniqueEmail('work') }],
      other_phones: [{ label: 'old', value: '303-555-0177' }],
    });
    const { contact } = await mergeOk(survivor.id, [other.id], { email: other.email, phone: other.phone });
    expect({ email: contact.email, phone: contact.phone }).toEqual({ email: other.email, phone: other.phone });
    expect(contact.other_emails).toEqual([survivor.other_emails[1], { label: '', value: survivor.email }]);
    expect(contact.other_phones).toEqual([{ label: '', value: survivor.phone }]);
  });

  it('the combined other emails and phones may reach 10 each, not more (400, nothing changed)', async () => {
    const emails = (n: number) => Array.from({ length: n }, () => ({ label: '', value: uniqueEmail('many') }));
    let next = 0;
    const phones = (n: number) => Array.from({ length: n }, () => ({ label: '', value: `+1 212 555 ${String(1000 + (next += 1)).padStart(4, '0')}` }));
    // 5 + the other's primary + its 4: exactly 10.
    const fits = await add({ other_emails: emails(5), other_phones: phones(5) });
    const fitsOther = await add({ other_emails: emails(4), other_phones: phones(4) });
    const merged = (await mergeOk(fits.id, [fitsOther.id])).contact;
    expect([merged.other_emails.length, merged.other_phones.length]).toEqual([10, 10]);

    for (const [field, survivorFields, otherFields] of [
      ['other_emails', { other_emails: emails(6) }, { other_emails: emails(5) }],
      ['other_phones', { other_phones: phones(6) }, { other_phones: phones(5) }],
    ] as const) {
      const survivor = await add(survivorFields);
      const other = await add(otherFields);
      const before = await lastSeq(ada);
      const res = await merge(ada, survivor.id, { others: [other.id] });
      expect({ field, status: res.status, body: res.body }).toEqual({ field, status: 400, body: { [field]: [expect.any(String)] } });
      await expectUnchanged(ada, before, [survivor, other]);
    }
  });

  it('refuses a bad request with a field-keyed 400 and changes nothing', async () => {
    const survivor = await add();
    const other = await add();
    const inShared = await addContact(ada, shared);
    const linusContact = await addContact(linus, linusBook);
    const eleven = await Promise.all(Array.from({ length: 11 }, () => add()));
    const before = await lastSeq(ada);
    const anyMessage = [expect.any(String)];
    const cases: Array<[string, unknown, Record<string, unknown>]> = [
      ['others missing', {}, { others: anyMessage }],
      ['others not a list', { others: String(other.id) }, { others: anyMessage }],
      ['others empty', { others: [] }, { others: anyMessage }],
      ['others of strings', { others: [String(other.id)] }, { others: anyMessage }],
      ['others not integers', { others: [other.id + 0.5] }, { others: anyMessage }],
      ['others null', { others: null }, { others: anyMessage }],
      ['the same other twice', { others: [other.id, other.id] }, { others: anyMessage }],
      ['the survivor among the others', { others: [survivor.id] }, { others: anyMessage }],
      ['more than 10 others', { others: eleven.map((c) => c.id) }, { others: anyMessage }],
      ['an other that never existed', { others: [999_999] }, { others: ['Invalid pk "999999" - object does not exist.'] }],
      ["another account's contact", { others: [linusContact.id] }, { others: [`Invalid pk "${linusContact.id}" - object does not exist.`] }],
      ['an other in another book', { others: [inShared.id] }, { others: ['Contacts in different address books cannot be merged.'] }],
      ['values not an object', { others: [other.id], values: 'first_name' }, { values: anyMessage }],
      ['values a list', { others: [other.id], values: [] }, { values: anyMessage }],
      ['an unknown field', { others: [other.id], values: { uid: 'mine' } }, { values: ['Unknown field "uid".'] }],
      ['a bad email', { others: [other.id], values: { email: 'not an email' } }, { email: ['Enter a valid email address.'] }],
      ['a bad phone in a list', { others: [other.id], values: { other_phones: [{ label: '', value: 'not a phone' }] } }, { 'other_phones[0].value': ['Enter a valid phone number.'] }],
      ['a blank name', { others: [other.id], values: { first_name: '  ' } }, { first_name: anyMessage }],
      ['a bad birthday', { others: [other.id], values: { birthday: '2023-02-30' } }, { birthday: ['Enter a valid date.'] }],
      ['more than 10 chosen other emails', { others: [other.id], values: { other_emails: Array.from({ length: 11 }, () => ({ label: '', value: uniqueEmail('x') })) } }, { other_emails: anyMessage }],
    ];
    for (const [what, body, errors] of cases) {
      const res = await merge(ada, survivor.id, body as Record<string, unknown>);
      expect({ what, status: res.status, body: res.body }).toEqual({ what, status: 400, body: errors });
    }
    await expectUnchanged(ada, before, [survivor, other, inShared, ...eleven]);
    expect(await getContact(linus, linusContact.id)).toEqual(linusContact);
  });

  it('404 for a survivor that does not exist or is not readable; 409 for an email taken outside the merge and for contacts already gone', async () => {
    const survivor = await add();
    const other = await add();
    const outsider = await add();
    const linusContact = await addContact(linus, linusBook);
    let before = await lastSeq(ada);
    for (const [who, id, others] of [
      [ada, 999_999, [other.id]],
      [ada, linusContact.id, [other.id]],
      [linus, survivor.id, [other.id]],
      [linus, survivor.id, [linusContact.id]],
    ] as const) {
      const res = await merge(who, id, { others: [...others] });
      expect({ id, status: res.status, body: res.body }).toEqual({ id, status: 404, body: NOT_FOUND });
    }
    // Linus merging Ada's contact into his: it does not exist for him.
    const intoLinus = await merge(linus, linusContact.id, { others: [survivor.id] });
    expect({ status: intoLinus.status, body: intoLinus.body }).toEqual({ status: 400, body: { others: [`Invalid pk "${survivor.id}" - object does not exist.`] } });

    const taken = await merge(ada, survivor.id, { others: [other.id], values: { email: outsider.email.toUpperCase() } });
    expect({ status: taken.status, body: taken.body }).toEqual({ status: 409, body: { email: [expect.any(String)] } });
    await expectUnchanged(ada, before, [survivor, other, outsider]);
    expect(await getContact(linus, linusContact.id)).toEqual(linusContact);

    // An other deleted, an other merged away, a survivor merged away: 409 with a detail.
    const deleted = await add();
    expect((await ada.delete(`/api/contacts/${deleted.id}/`)).status).toBe(204);
    const mergedAway = await add();
    const winner = await add();
    await mergeOk(winner.id, [mergedAway.id]);
    const current = await getContact(ada, survivor.id);
    before = await lastSeq(ada);
    for (const [id, others] of [
      [survivor.id, [deleted.id]],
      [survivor.id, [other.id, mergedAway.id]],
      [mergedAway.id, [survivor.id]],
    ] as const) {
      const res = await merge(ada, id, { others: [...others] });
      expect({ id, others, status: res.status, body: res.body }).toEqual({ id, others, status: 409, body: { detail: expect.any(String) } });
    }
    await expectUnchanged(ada, before, [current, other, await getContact(ada, winner.id)], [deleted.id, mergedAway.id]);
  });

  it('a viewer cannot merge (403); the merges of a book it reads it may list; another account sees none of them', async () => {
    const survivor = await addContact(ada, shared);
    const other = await addContact(ada, shared);
    const before = await lastSeq(ada);
    const refused = await merge(grace, survivor.id, { others: [other.id] });
    expect({ status: refused.status, body: refused.body }).toEqual({ status: 403, body: { detail: PERMISSION_DENIED_MESSAGE } });
    await expectUnchanged(ada, before, [survivor, other]);

    const { merge_id } = await mergeOk(survivor.id, [other.id]);
    const record = await mergeRecord(ada, merge_id);
    expect(await mergeRecord(grace, merge_id)).toEqual(record);
    expect((await grace.get(`/api/merges/?contact=${other.id}`)).body).toEqual([record]);
    expect((await grace.get(`/api/merges/?address_book=${shared}`)).body).toEqual([record]);
    expect(((await grace.get('/api/merges/')).body as Merge[]).every((m) => m.address_book === shared)).toBe(true);
    // Newest first, every readable book.
    const all = (await ada.get('/api/merges/')).body as Merge[];
    expect(all[0]).toEqual(record);
    expect(all.map((m) => m.id)).toEqual([...all.map((m) => m.id)].sort((a, b) => b - a));

    expect((await linus.get(`/api/merges/${merge_id}/`)).body).toEqual(NOT_FOUND);
    expect((await linus.get('/api/merges/')).body).toEqual([]);
    expect((await linus.get(`/api/merges/?contact=${other.id}`)).body).toEqual([]);
    expect((await ada.get('/api/merges/999999/')).body).toEqual(NOT_FOUND);
    for (const [path, status, body] of [
      [`/api/merges/?address_book=${linusBook}`, 404, NOT_FOUND],
      ['/api/merges/?address_book=abc', 400, { address_book: ['A valid integer is required.'] }],
      ['/api/merges/?contact=abc', 400, { contact: ['A valid integer is required.'] }],
    ] as const) {
      const res = await ada.get(path);
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status, body });
    }
  });

  describe('an email a pending create holds (the create delay on)', () => {
    const DELAY_MS = 800;
    let slow: TestApp;
    let owner: Client;
    let slowBook: number;
    beforeAll(async () => {
      slow = await startTestApp({}, { AUTH: 'accounts', CREATE_DELAY_MS: String(DELAY_MS) });
      owner = client(slow, await signUp(slow.baseUrl, newAccount('Ada Lovelace')));
      slowBook = (await ownBook(owner)).id;
    });
    afterAll(() => slow?.close());

    it('is refused as the chosen email of a merge, and as an email an undo needs back (409); nothing changed', async () => {
      const [survivor, other, third] = await Promise.all([addContact(owner, slowBook), addContact(owner, slowBook), addContact(owner, slowBook)]);
      const done = await merge(owner, third.id, { others: [other.id] });
      expect(done.status).toBe(200);
      const { merge_id, contact: merged } = done.body as MergeResult;
      const wanted = uniqueEmail('pending');
      const creates = [
        addContact(owner, slowBook, { email: wanted }),
        addContact(owner, slowBook, { email: other.email }),
      ];
      await sleep(DELAY_MS / 4); // both validated and holding their emails, neither saved yet
      const before = await lastSeq(owner);
      const chosen = await merge(owner, survivor.id, { others: [merged.id], values: { email: wanted } });
      expect({ status: chosen.status, body: chosen.body }).toEqual({ status: 409, body: { email: [expect.any(String)] } });
      const undone = await undo(owner, merge_id);
      expect({ status: undone.status, body: undone.body }).toEqual({ status: 409, body: { email: [expect.any(String)] } });
      await expectUnchanged(owner, before, [survivor, merged], [other.id]);
      await Promise.all(creates);
    });
  });

  describe('two merges of the same contact at once: one wins, the other is refused, the database holds one result', () => {
    /** One 200; the other 409 (gone meanwhile) or 412 (its If-Match went stale). */
    const expectOneWinner = (answers: Array<{ status: number; body: unknown }>) =>
      expect([[200, 409], [200, 412]]).toContainEqual(answers.map((r) => r.status).sort((x, y) => x - y));

    it('the same other into two survivors', async () => {
      const [s1, s2, other] = [await add(), await add(), await add()];
      const answers = await Promise.all([merge(ada, s1.id, { others: [other.id] }), merge(ada, s2.id, { others: [other.id] })]);
      expectOneWinner(answers);
      const [winner, loser] = answers[0].status === 200 ? [s1, s2] : [s2, s1];
      expect((await ada.get(`/api/contacts/${other.id}/`)).status).toBe(404);
      expect((await getContact(ada, winner.id)).other_emails).toEqual([{ label: '', value: other.email }]);
      expect(await getContact(ada, loser.id)).toEqual(loser);
      expect((await historyOf(ada, other.id)).map((v) => v.edited_reason)).toEqual(['merged', 'created']);
      expect((await historyOf(ada, loser.id)).map((v) => v.edited_reason)).toEqual(['created']);
      expect(((await ada.get(`/api/merges/?contact=${other.id}`)).body as Merge[]).map((m) => m.contact)).toEqual([winner.id]);
    });

    it('two others into one survivor, both with its ETag', async () => {
      const [survivor, o1, o2] = [await add(), await add(), await add()];
      const tag = (await ada.get(`/api/contacts/${survivor.id}/`)).headers.etag as string;
      const answers = await Promise.all([merge(ada, survivor.id, { others: [o1.id] }, tag), merge(ada, survivor.id, { others: [o2.id] }, tag)]);
      expectOneWinner(answers);
      const [gone, kept] = answers[0].status === 200 ? [o1, o2] : [o2, o1];
      const loserAnswer = answers.find((r) => r.status !== 200)!;
      if (loserAnswer.status === 412) expect(loserAnswer.body).toEqual(await getContact(ada, survivor.id));
      expect((await getContact(ada, survivor.id)).other_emails).toEqual([{ label: '', value: gone.email }]);
      expect((await ada.get(`/api/contacts/${gone.id}/`)).status).toBe(404);
      expect(await getContact(ada, kept.id)).toEqual(kept);
      expect((await historyOf(ada, survivor.id)).map((v) => v.edited_reason)).toEqual(['merged', 'created']);
      expect((await ada.get(`/api/merges/?contact=${survivor.id}`)).body).toHaveLength(1);
    });

    it('each into the other', async () => {
      const [a, b] = [await add(), await add()];
      const answers = await Promise.all([merge(ada, a.id, { others: [b.id] }), merge(ada, b.id, { others: [a.id] })]);
      expectOneWinner(answers);
      const [winner, loser] = answers[0].status === 200 ? [a, b] : [b, a];
      expect((await ada.get(`/api/contacts/${loser.id}/`)).status).toBe(404);
      expect((await getContact(ada, winner.id)).other_emails).toEqual([{ label: '', value: loser.email }]);
      expect((await historyOf(ada, winner.id)).map((v) => v.edited_reason)).toEqual(['merged', 'created']);
      expect((await historyOf(ada, loser.id)).map((v) => v.edited_reason)).toEqual(['merged', 'created']);
      const merges = (await ada.get(`/api/merges/?contact=${a.id}`)).body as Merge[];
      expect(merges.map((m) => [m.contact, m.others])).toEqual([[winner.id, [loser.id]]]);
    });
  });
});
