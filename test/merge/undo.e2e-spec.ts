// Undoing a merge over HTTP (contract Part 2, "Duplicates and merging"), AUTH=accounts, on
// the database TEST_DATABASE selects: the survivor gets back every field it had before the
// merge (also after later edits, which stay in its history), the others come back with
// their ids, uids and fields, each with an `unmerged` version and an event; and what blocks
// an undo (an email taken meanwhile, an undo already made, a contact back or merged away
// since, a viewer) leaves everything as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { type Contact, type ContactFields, type Merge, PERMISSION_DENIED_MESSAGE, type RealtimeEvent, type UnmergeResult } from '@contacts/wire-types';
import { type AccountInput, createAccount, newAccount, signUp } from '../support/accounts.js';
import { TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { bothTransports, type ScopedClient, SETTLE_MS, sleep } from '../realtime/scoped-clients.js';
import { type DatabaseTarget, literal, sql } from '../database-changes/sql-shell.js';
import { basic, davRequest, parseMultistatus } from '../carddav/dav-test-support.js';
import {
  addContact, client, type Client, expectUnchanged, feed, getContact, historyOf, ISO, lastSeq, mergeRecord, NOT_FOUND, newBook, ownBook, shareBook,
  startMergeApp, undo, uniqueEmail,
  editorOf,
  mergeOk as mergeAs,
} from './merge-support.js';

const ALREADY_UNDONE = { detail: 'This merge has already been undone.' };
const emailTaken = (email: string) => ({ email: [`Cannot undo the merge: ${email} is now used by another contact in this address book.`] });

describe(`undoing a merge on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  let db: DatabaseTarget;
  let adaAccount: AccountInput;
  let ada: Client;
  let grace: Client; // a viewer of Ada's shared book
  let linus: Client; // another account
  let book: number;
  let shared: number;
  let realtime: ScopedClient[] = [];

  beforeAll(async () => {
    ({ app, db } = await startMergeApp());
    adaAccount = newAccount('Ada Lovelace');
    const adaSession = await signUp(app.baseUrl, adaAccount);
    ada = client(app, adaSession);
    grace = client(app, await createAccount(app.baseUrl, adaSession, newAccount('Grace Hopper')));
    linus = client(app, await createAccount(app.baseUrl, adaSession, newAccount('Linus Torvalds')));
    book = (await ownBook(ada)).id;
    shared = (await newBook(ada, 'Shared')).id;
    await shareBook(ada, shared, grace.session.user.email, 'viewer');
  });
  afterEach(() => {
    for (const c of realtime) c.close();
    realtime = [];
  });
  afterAll(() => app?.close());

  const add = (fields: Partial<ContactFields> = {}, into = book) => addContact(ada, into, fields);
  const mergeOk = (survivor: number, others: number[], values?: Record<string, unknown>) => mergeAs(ada, survivor, others, values);
  const reasons = async (id: number) => (await historyOf(ada, id)).map((v) => v.edited_reason);
  const asBefore = (c: Contact) => ({ ...c, updated_at: expect.stringMatching(ISO) });
  /** The card properties the model does not hold (not in the API's answers): set and read with the database shell. */
  const setExtras = async (id: number, extras: string) => {
    await sql(db, `UPDATE contacts SET vcard_extra = ${literal(extras)} WHERE id = ${id}`);
    return getContact(ada, id);
  };
  const extrasOf = (id: number) => sql(db, `SELECT vcard_extra FROM contacts WHERE id = ${id}`);
  let mobiles = 0;
  /** A contact with every detail set, so "every field back" means something. */
  const rich = (overrides: Partial<ContactFields> = {}) =>
    add({
      organization: 'Analytical Engines', job_title: 'Countess', notes: 'Notes\nof its own', birthday: '1815-12-10',
      other_emails: [{ label: 'work', value: uniqueEmail('work') }], other_phones: [{ label: 'mobile', value: `+44 7700 9${String((mobiles += 1)).padStart(5, '0')}` }],
      addresses: [{ label: 'home', street: '1 Street', city: 'London', region: '', postal_code: 'W1', country: 'UK' }],
      ...overrides,
    });

  it('brings the survivor back to its fields from before the merge and the others back with their ids, uids and fields', async () => {
    const survivor = await setExtras((await rich()).id, 'X-SURVIVOR:kept');
    const first = await setExtras((await rich({ organization: 'Other Ltd', notes: 'first' })).id, 'X-FIRST:back');
    const second = await add({ first_name: 'Second', job_title: 'Engineer' });
    const { contact: merged, merge_id } = await mergeOk(survivor.id, [first.id, second.id], { email: first.email, first_name: 'Chosen', addresses: [] });
    expect(merged).toMatchObject({ email: first.email, first_name: 'Chosen', addresses: [] });
    expect(await extrasOf(survivor.id)).toBe('X-SURVIVOR:kept');
    realtime = await bothTransports(app.baseUrl, { cookie: ada.session.cookie }, 'ada');
    const before = await lastSeq(ada);

    const res = await undo(ada, merge_id);
    expect(res.status).toBe(200);
    const { contact, restored, merge: record } = res.body as UnmergeResult;
    expect(contact).toEqual(asBefore(survivor));
    expect(contact.updated_at > merged.updated_at).toBe(true);
    expect(restored).toEqual([asBefore(first), asBefore(second)]);
    expect(record).toEqual({
      id: merge_id, address_book: book, contact: survivor.id, others: [first.id, second.id], version: expect.any(Number),
      merged_at: expect.stringMatching(ISO), merged_by: editorOf(ada), undone_at: expect.stringMatching(ISO), undone_by: editorOf(ada),
    });
    expect(await mergeRecord(ada, merge_id)).toEqual(record);
    expect(await getContact(ada, survivor.id)).toEqual(contact);
    for (const c of restored) expect(await getContact(ada, c.id)).toEqual(c);
    expect([await extrasOf(survivor.id), await extrasOf(first.id), await extrasOf(second.id)]).toEqual(['X-SURVIVOR:kept', 'X-FIRST:back', '']);

    // Versions: `unmerged` on each, with the fields it has now, by the caller.
    const editor = editorOf(ada);
    expect(await reasons(survivor.id)).toEqual(['unmerged', 'merged', 'updated', 'created']); // `updated`: the extras set in the shell
    expect((await historyOf(ada, survivor.id))[0]).toMatchObject({ id: before + 1, first_name: survivor.first_name, email: survivor.email, addresses: survivor.addresses, edited_reason: 'unmerged', edited_by: editor, edited_via: 'web', edited_at: contact.updated_at });
    for (const [k, c] of restored.entries()) {
      expect(await reasons(c.id)).toEqual(c.id === first.id ? ['unmerged', 'merged', 'updated', 'created'] : ['unmerged', 'merged', 'created']);
      expect((await historyOf(ada, c.id))[0]).toMatchObject({ id: before + 2 + k, email: c.email, notes: c.notes, edited_reason: 'unmerged', edited_by: editor, edited_via: 'web' });
    }

    // Events: the survivor's update, then each other's creation.
    const expected = [
      { type: 'contact.updated', contact, seq: before + 1, address_book: book, edited_by: editor },
      { type: 'contact.created', contact: restored[0], seq: before + 2, address_book: book, edited_by: editor },
      { type: 'contact.created', contact: restored[1], seq: before + 3, address_book: book, edited_by: editor },
    ];
    const after = (events: RealtimeEvent[]) => events.filter((e) => 'seq' in e && e.seq > before);
    await Promise.all(realtime.map((c) => c.waitFor((events) => after(events).length >= 3, 'the undo events')));
    await sleep(SETTLE_MS);
    for (const c of realtime) expect({ kind: c.kind, events: after(c.events) }).toEqual({ kind: c.kind, events: expected });
    expect((await feed(ada, before)).results).toEqual(expected);

    // Twice: 409, nothing changed.
    const seq = await lastSeq(ada);
    const again = await undo(ada, merge_id);
    expect({ status: again.status, body: again.body }).toEqual({ status: 409, body: ALREADY_UNDONE });
    await expectUnchanged(ada, seq, [contact, ...restored]);
  });

  it('after later edits of the survivor: its fields go back to before the merge, the edits stay in its history', async () => {
    const survivor = await setExtras((await rich()).id, 'X-BEFORE:merge');
    const other = await add();
    const { merge_id } = await mergeOk(survivor.id, [other.id]);
    expect(((await ada.get(`/api/merges/?contact=${survivor.id}`)).body as Merge[]).map((m) => m.id)).toEqual([merge_id]);
    const edited = await ada.patch(`/api/contacts/${survivor.id}/`, { notes: 'edited after the merge', other_emails: [], first_name: 'Later' });
    expect(edited.status).toBe(200);
    await setExtras(survivor.id, 'X-AFTER:merge');

    const res = await undo(ada, merge_id);
    expect(res.status).toBe(200);
    expect((res.body as UnmergeResult).contact).toEqual(asBefore(survivor));
    expect((res.body as UnmergeResult).restored).toEqual([asBefore(other)]);
    const history = await historyOf(ada, survivor.id);
    expect(history.map((v) => [v.edited_reason, v.edited_via])).toEqual([['unmerged', 'web'], ['updated', 'database'], ['updated', 'web'], ['merged', 'web'], ['updated', 'database'], ['created', 'web']]);
    expect(history[2]).toMatchObject({ notes: 'edited after the merge', first_name: 'Later', other_emails: [] });
    expect(await extrasOf(survivor.id)).toBe('X-BEFORE:merge');
  });

  it('a survivor deleted since comes back too', async () => {
    const survivor = await rich();
    const other = await add();
    const { merge_id } = await mergeOk(survivor.id, [other.id]);
    expect((await ada.delete(`/api/contacts/${survivor.id}/`)).status).toBe(204);
    const res = await undo(ada, merge_id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contact: asBefore(survivor), restored: [asBefore(other)] });
    expect(await getContact(ada, survivor.id)).toEqual((res.body as UnmergeResult).contact);
    expect(await getContact(ada, other.id)).toEqual((res.body as UnmergeResult).restored[0]);
  });

  it("an email needed back (an other's, or the survivor's own from before) now used by another contact: 409 naming it, nothing changed", async () => {
    const survivor = await add({ email: uniqueEmail('survivor') });
    const other = await add({ email: uniqueEmail('other') });
    const { merge_id, contact: merged } = await mergeOk(survivor.id, [other.id]);
    const squatter = await add({ email: other.email });
    let before = await lastSeq(ada);
    const blocked = await undo(ada, merge_id);
    expect({ status: blocked.status, body: blocked.body }).toEqual({ status: 409, body: emailTaken(other.email) });
    await expectUnchanged(ada, before, [merged, squatter], [other.id]);
    expect((await mergeRecord(ada, merge_id)).undone_at).toBeNull();
    // Once the email is free again, the undo goes through.
    expect((await ada.delete(`/api/contacts/${squatter.id}/`)).status).toBe(204);
    expect((await undo(ada, merge_id)).status).toBe(200);

    // The survivor took the other's email: its own old one is free, and taken meanwhile.
    const s2 = await add({ email: uniqueEmail('s2') });
    const o2 = await add({ email: uniqueEmail('o2') });
    const second = await mergeOk(s2.id, [o2.id], { email: o2.email });
    const squatter2 = await add({ email: s2.email });
    before = await lastSeq(ada);
    const blocked2 = await undo(ada, second.merge_id);
    expect({ status: blocked2.status, body: blocked2.body }).toEqual({ status: 409, body: emailTaken(s2.email) });
    await expectUnchanged(ada, before, [second.contact, squatter2], [o2.id]);
  });

  it('an other back already (restored), or a survivor merged away since: 409, nothing changed; undoing the later merge first works', async () => {
    const survivor = await add();
    const other = await add();
    const restoredFirst = await mergeOk(survivor.id, [other.id]);
    const restore = await ada.post(`/api/contacts/${other.id}/restore/`);
    expect(restore.status).toBe(201);
    let before = await lastSeq(ada);
    const back = await undo(ada, restoredFirst.merge_id);
    expect({ status: back.status, body: back.body }).toEqual({ status: 409, body: { detail: expect.any(String) } });
    await expectUnchanged(ada, before, [restoredFirst.contact, restore.body as Contact]);

    const s = await add();
    const o = await add();
    const t = await add();
    const earlier = await mergeOk(s.id, [o.id]);
    const later = await mergeOk(t.id, [s.id]);
    before = await lastSeq(ada);
    const blocked = await undo(ada, earlier.merge_id);
    expect({ status: blocked.status, body: blocked.body }).toEqual({ status: 409, body: { detail: expect.any(String) } });
    await expectUnchanged(ada, before, [later.contact], [s.id, o.id]);
    expect((await undo(ada, later.merge_id)).status).toBe(200);
    const res = await undo(ada, earlier.merge_id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contact: asBefore(s), restored: [asBefore(o)] });
    expect(await getContact(ada, t.id)).toEqual(asBefore(t));
  });

  it('a CardDAV client syncing the book sees the merged-away cards go and the survivor change; after the undo, all back', async () => {
    const dav = (await newBook(ada, 'Synced')).id;
    const [survivor, first, second] = [await add({}, dav), await add({}, dav), await add({}, dav)];
    const card = (c: Contact) => `/dav/books/${dav}/${c.uid}.vcf`;
    const sync = async (token: string) => {
      const answer = await davRequest(app.baseUrl, 'REPORT', `/dav/books/${dav}/`, {
        headers: { Authorization: basic(adaAccount.email, adaAccount.password), 'Content-Type': 'application/xml; charset=utf-8', Depth: '1' },
        body: `<d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`,
      });
      expect(answer.status).toBe(207);
      const multistatus = parseMultistatus(answer.text);
      // A removed card is a response with a 404 status; a present one has its properties.
      return { token: multistatus.syncToken!, cards: multistatus.responses.map((r) => [r.href, r.status ?? 'present']).sort() };
    };
    const initial = await sync('');
    expect(initial.cards).toEqual([card(survivor), card(first), card(second)].map((href) => [href, 'present']).sort());

    const { merge_id } = await mergeOk(survivor.id, [first.id, second.id]);
    const afterMerge = await sync(initial.token);
    expect(afterMerge.cards).toEqual([[card(survivor), 'present'], [card(first), 404], [card(second), 404]].sort());

    expect((await undo(ada, merge_id)).status).toBe(200);
    const afterUndo = await sync(afterMerge.token);
    expect(afterUndo.cards).toEqual([card(survivor), card(first), card(second)].map((href) => [href, 'present']).sort());
    expect((await sync(afterUndo.token)).cards).toEqual([]);
  });

  it('a viewer cannot undo (403); another account or an unknown merge is 404; nothing changed', async () => {
    const survivor = await add({}, shared);
    const other = await add({}, shared);
    const { merge_id, contact } = await mergeOk(survivor.id, [other.id]);
    const before = await lastSeq(ada);
    const asViewer = await undo(grace, merge_id);
    expect({ status: asViewer.status, body: asViewer.body }).toEqual({ status: 403, body: { detail: PERMISSION_DENIED_MESSAGE } });
    for (const [who, id] of [[linus, merge_id], [ada, 999_999]] as const) {
      const res = await undo(who, id);
      expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: NOT_FOUND });
    }
    await expectUnchanged(ada, before, [contact], [other.id]);
    expect((await mergeRecord(grace, merge_id)).undone_at).toBeNull();
  });
});
