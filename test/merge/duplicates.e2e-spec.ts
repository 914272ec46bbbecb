// Duplicate suggestions over HTTP (contract Part 2, "Duplicates and merging"), AUTH=accounts,
// on the database TEST_DATABASE selects: why contacts are suggested (same phone with or
// without its country code, same name with accents or in the other order, same email,
// similar email user name with a similar name), what is not suggested, that groups stay
// within one book and one account's reach, and that suggestions follow every committed
// write at once — the server's own, and one made with the sqlite3 / psql shell.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Contact, DuplicateGroup } from '@contacts/wire-types';
import { createAccount, newAccount, signUp } from '../support/accounts.js';
import { TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { type DatabaseTarget, literal, sql } from '../database-changes/sql-shell.js';
import {
  addContact, client, type Client, distinctFields, editorOf, getContact, ISO, merge, NOT_FOUND, newBook, ownBook, shapeOf, shareBook, startMergeApp, suggestions, uniqueEmail,
} from './merge-support.js';

describe(`duplicate suggestions on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  let db: DatabaseTarget;
  let ada: Client;
  let grace: Client;

  beforeAll(async () => {
    ({ app, db } = await startMergeApp());
    const adaSession = await signUp(app.baseUrl, newAccount('Ada Lovelace'));
    ada = client(app, adaSession);
    grace = client(app, await createAccount(app.baseUrl, adaSession, newAccount('Grace Hopper')));
  });
  afterAll(() => app?.close());

  /** A fresh book of Ada's: its suggestions are only what the test put there. */
  const freshBook = async (name: string) => (await newBook(ada, name)).id;
  const byId = (...contacts: Contact[]) => [...contacts].sort((a, b) => a.id - b.id);

  it('same phone: with and without the country code, in the phone or among other phones; a number ending alike is not one', async () => {
    const book = await freshBook('Phones');
    const london = await addContact(ada, book, distinctFields({ first_name: 'Tim', last_name: 'Berners', phone: '+44 20 7946 0018' }));
    const national = await addContact(ada, book, distinctFields({ first_name: 'Robert', last_name: 'Cailliau', phone: '020 7946 0018' }));
    const boston = await addContact(ada, book, distinctFields({ first_name: 'Vint', last_name: 'Cerf', phone: '(555) 010-4477' }));
    const asOther = await addContact(ada, book, distinctFields({
      first_name: 'Bob', last_name: 'Kahn', other_phones: [{ label: 'work', value: '+1 555.010.4477' }],
    }));
    // The same last seven digits behind another area code: another number.
    await addContact(ada, book, distinctFields({ first_name: 'Jon', last_name: 'Postel', phone: '+1 666 010 4477' }));

    const groups = await suggestions(ada, book);
    expect(shapeOf(groups)).toEqual([
      { ids: [boston.id, asOther.id], reasons: ['same phone'] }, // the newer group first
      { ids: [london.id, national.id], reasons: ['same phone'] },
    ]);
    expect(groups[0].contacts).toEqual([boston, asOther]);
    expect(groups[1].contacts).toEqual([london, national]);
  });

  it('same name: accents, case, spacing, punctuation and first/last order do not count; another name is not one', async () => {
    const book = await freshBook('Names');
    const accented = await addContact(ada, book, distinctFields({ first_name: 'José', last_name: 'Núñez' }));
    const swapped = await addContact(ada, book, distinctFields({ first_name: 'NUNEZ ', last_name: '  jose' }));
    await addContact(ada, book, distinctFields({ first_name: 'José', last_name: 'Núñez-Gómez' }));
    await addContact(ada, book, distinctFields({ first_name: 'Josefa', last_name: 'Nunez' }));
    // "Lovelace, Ada" as a card's name puts it in: punctuation does not count either.
    const ada1 = await addContact(ada, book, distinctFields({ first_name: 'Ada', last_name: 'Lovelace' }));
    const ada2 = await addContact(ada, book, distinctFields({ first_name: 'Lovelace,', last_name: 'ADA' }));

    expect(shapeOf(await suggestions(ada, book))).toEqual([
      { ids: [ada1.id, ada2.id], reasons: ['same name'] },
      { ids: [accented.id, swapped.id], reasons: ['same name'] },
    ]);
  });

  it("same email: one's primary email is among another's other emails (any case)", async () => {
    const book = await freshBook('Emails');
    const address = uniqueEmail('grace.navy');
    const primary = await addContact(ada, book, distinctFields({ first_name: 'Grace', last_name: 'Hopper', email: address }));
    const other = await addContact(ada, book, distinctFields({
      first_name: 'Amazing', last_name: 'Admiral', other_emails: [{ label: 'old', value: address.toUpperCase() }],
    }));
    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [primary.id, other.id], reasons: ['same email'] }]);
  });

  it('similar email: the same user name at another provider with a similar name; not with an unlike name, nor a generic user name', async () => {
    const book = await freshBook('Similar');
    const user = `ada.lovelace${process.pid}`;
    const first = await addContact(ada, book, distinctFields({ first_name: 'Ada', last_name: 'Lovelace', email: `${user}@example.com` }));
    const second = await addContact(ada, book, distinctFields({ first_name: 'Ada', last_name: 'King-Lovelace', email: `${user.replace('.', '_')}+lists@mail.example` }));
    // The same user name, an unlike name: no suggestion.
    await addContact(ada, book, distinctFields({ first_name: 'Charles', last_name: 'Babbage', email: `${user}@engines.example` }));
    // A generic user name says nothing, however alike the names.
    await addContact(ada, book, distinctFields({ first_name: 'Info', last_name: 'Desk', email: `info@a${process.pid}.example` }));
    await addContact(ada, book, distinctFields({ first_name: 'Info', last_name: 'Desks', email: `info@b${process.pid}.example` }));

    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [first.id, second.id], reasons: ['similar email'] }]);
  });

  it('a chain of matches is one group; groups with more reasons come first, then the most recently updated', async () => {
    const book = await freshBook('Order');
    // Two reasons: same phone and same name.
    const turing = await addContact(ada, book, distinctFields({ first_name: 'Alan', last_name: 'Turing', phone: '+44 161 496 0000' }));
    const turing2 = await addContact(ada, book, distinctFields({ first_name: 'Turing', last_name: 'Alan', phone: '0161 496 0000' }));
    // A chain: a–b the same phone, b–c the same email; a and c alike in nothing.
    const a = await addContact(ada, book, distinctFields({ first_name: 'Edsger', last_name: 'Dijkstra', phone: '+31 20 555 0101' }));
    const cEmail = uniqueEmail('ewd');
    const b = await addContact(ada, book, distinctFields({ first_name: 'Prof', last_name: 'EWD', phone: '020 555 0101', other_emails: [{ label: '', value: cEmail }] }));
    const c = await addContact(ada, book, distinctFields({ first_name: 'Ria', last_name: 'Debets', email: cEmail }));
    // One reason, created last: newer than the chain.
    const liskov = await addContact(ada, book, distinctFields({ first_name: 'Barbara', last_name: 'Liskov' }));
    const liskov2 = await addContact(ada, book, distinctFields({ first_name: 'barbara', last_name: 'LISKOV' }));

    const chain = { ids: [a.id, b.id, c.id], reasons: ['same email', 'same phone'] };
    const names = { ids: [liskov.id, liskov2.id], reasons: ['same name'] };
    const both = { ids: [turing.id, turing2.id], reasons: ['same phone', 'same name'] };
    // Two reasons each: the chain (touched later) first.
    expect(shapeOf(await suggestions(ada, book))).toEqual([chain, both, names]);
    // An edit that leaves the keys alone still makes its group the most recently updated.
    const touched = (await ada.patch(`/api/contacts/${turing.id}/`, { notes: 'touched' })).body as Contact;
    const groups = await suggestions(ada, book);
    expect(shapeOf(groups)).toEqual([both, chain, names]);
    expect(groups[0].contacts).toEqual(byId(touched, turing2));
  });

  it('nothing across books: the same person in two books, or in another account, is no suggestion; without ?address_book every readable book, one book per group', async () => {
    const [left, right] = [await freshBook('Left'), await freshBook('Right')];
    const same = { first_name: 'Katherine', last_name: 'Johnson', email: uniqueEmail('kj'), phone: '+1 757 864 1000' };
    const inLeft = await addContact(ada, left, same);
    const inRight = await addContact(ada, right, same);
    const graceBook = (await ownBook(grace)).id;
    const gracesCopy = await addContact(grace, graceBook, same);
    // A real group in Right, so "no group" is not just "no suggestions at all".
    const rightTwin = await addContact(ada, right, distinctFields({ first_name: 'Johnson', last_name: 'Katherine' }));

    expect(await suggestions(ada, left)).toEqual([]);
    expect(shapeOf(await suggestions(ada, right))).toEqual([{ ids: [inRight.id, rightTwin.id], reasons: ['same name'] }]);
    expect(await suggestions(grace, graceBook)).toEqual([]);

    const everywhere = await suggestions(ada);
    for (const group of everywhere) expect(new Set(group.contacts.map((c) => c.address_book)).size).toBe(1);
    const ids = everywhere.flatMap((g) => g.contacts.map((c) => c.id));
    expect(ids).toContain(inRight.id);
    expect(ids).not.toContain(inLeft.id);
    expect(ids).not.toContain(gracesCopy.id);
    expect((await suggestions(grace)).flatMap((g) => g.contacts.map((c) => c.id))).toEqual([]);
  });

  it("a viewer reads a shared book's suggestions; another account's or an unknown book is 404; a bad address_book is 400", async () => {
    const book = await freshBook('Shared with Grace');
    const x = await addContact(ada, book, distinctFields({ first_name: 'Hedy', last_name: 'Lamarr' }));
    const y = await addContact(ada, book, distinctFields({ first_name: 'Lamarr', last_name: 'Hedy' }));
    expect((await grace.get(`/api/contacts/duplicates/?address_book=${book}`)).body).toEqual(NOT_FOUND);
    await shareBook(ada, book, grace.session.user.email, 'viewer');

    const asGrace = await suggestions(grace, book);
    expect(asGrace).toEqual(await suggestions(ada, book));
    expect(asGrace).toEqual([{ contacts: [x, y], reasons: ['same name'] }]);
    expect(shapeOf(await suggestions(grace))).toContainEqual({ ids: [x.id, y.id], reasons: ['same name'] });

    const graceBook = (await ownBook(grace)).id;
    for (const unreadable of [graceBook, 999_999]) {
      const res = await ada.get(`/api/contacts/duplicates/?address_book=${unreadable}`);
      expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: NOT_FOUND });
    }
    for (const bad of ['abc', '1.5', '-1', '0']) {
      const res = await ada.get(`/api/contacts/duplicates/?address_book=${bad}`);
      expect({ bad, status: res.status, body: res.body }).toEqual({ bad, status: 400, body: { address_book: [expect.any(String)] } });
    }
    expect((await ada.get('/api/contacts/duplicates/?address_book=abc')).body).toEqual({ address_book: ['A valid integer is required.'] });
    expect((await app.http().get(`/api/contacts/duplicates/?address_book=${book}`)).status).toBe(401);
  });

  it(`a contact written straight into the database with the ${TEST_DATABASE === 'sqlite' ? 'sqlite3' : 'psql'} shell shows up in the next answer; so does its change and its deletion`, async () => {
    const book = await freshBook('Direct');
    const existing = await addContact(ada, book, distinctFields({ first_name: 'Radia', last_name: 'Perlman', phone: '+1 978 555 0142' }));
    expect(await suggestions(ada, book)).toEqual([]); // keys of the book built now, before the direct write

    const address = uniqueEmail('direct');
    const out = await sql(db, `INSERT INTO contacts (address_book_id, first_name, last_name, email, phone)
      VALUES (${book}, 'Spanning', 'Tree', ${literal(address)}, '978-555-0142') RETURNING id`);
    const id = Number(out);
    const inserted = await getContact(ada, id);
    const groups = await suggestions(ada, book);
    expect(groups).toEqual([{ contacts: [existing, inserted], reasons: ['same phone'] }]);

    // Changed in the shell to match by name as well: one group, two reasons.
    await sql(db, `UPDATE contacts SET first_name = 'PERLMAN', last_name = 'Radia' WHERE id = ${id}`);
    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [existing.id, id], reasons: ['same phone', 'same name'] }]);
    // Changed to match in nothing: gone.
    await sql(db, `UPDATE contacts SET first_name = 'Spanning', last_name = 'Tree', phone = '+1 978 555 0199' WHERE id = ${id}`);
    expect(await suggestions(ada, book)).toEqual([]);
    // Back, then deleted in the shell: gone again.
    await sql(db, `UPDATE contacts SET phone = '+1 978 555 0142' WHERE id = ${id}`);
    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [existing.id, id], reasons: ['same phone'] }]);
    await sql(db, `DELETE FROM contacts WHERE id = ${id}`);
    expect(await suggestions(ada, book)).toEqual([]);
  });

  it("the server's own writes show at once: an edit that makes or breaks a match, a deletion, a move to another book", async () => {
    const book = await freshBook('Writes');
    const other = await freshBook('Elsewhere');
    const a = await addContact(ada, book, distinctFields({ first_name: 'Frances', last_name: 'Allen' }));
    const b = await addContact(ada, book, distinctFields({ first_name: 'Fran', last_name: 'Allen' }));
    expect(await suggestions(ada, book)).toEqual([]);
    const matched = (await ada.patch(`/api/contacts/${b.id}/`, { first_name: 'frances' })).body as Contact;
    expect(await suggestions(ada, book)).toEqual([{ contacts: [a, matched], reasons: ['same name'] }]);
    expect((await ada.patch(`/api/contacts/${b.id}/`, { address_book: other })).status).toBe(200);
    expect(await suggestions(ada, book)).toEqual([]);
    expect((await ada.patch(`/api/contacts/${b.id}/`, { address_book: book })).status).toBe(200);
    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [a.id, b.id], reasons: ['same name'] }]);
    expect((await ada.delete(`/api/contacts/${a.id}/`)).status).toBe(204);
    expect(await suggestions(ada, book)).toEqual([]);
  });

  it('a merge removes its group; merging part of a group leaves the survivor with the rest', async () => {
    const book = await freshBook('Merged');
    const p1 = await addContact(ada, book, distinctFields({ first_name: 'Margaret', last_name: 'Hamilton' }));
    const p2 = await addContact(ada, book, distinctFields({ first_name: 'Hamilton', last_name: 'Margaret' }));
    const q1 = await addContact(ada, book, distinctFields({ first_name: 'Dennis', last_name: 'Ritchie', phone: '+1 908 582 3000' }));
    const q2 = await addContact(ada, book, distinctFields({ first_name: 'D.', last_name: 'M. R.', phone: '908-582-3000' }));
    // Matches q2 only through its email, which the merge moves into q1's other emails.
    const q3 = await addContact(ada, book, distinctFields({ first_name: 'dmr', last_name: 'Bell Labs', other_emails: [{ label: '', value: q2.email }] }));
    expect(shapeOf(await suggestions(ada, book))).toEqual([
      { ids: [q1.id, q2.id, q3.id], reasons: ['same email', 'same phone'] },
      { ids: [p1.id, p2.id], reasons: ['same name'] },
    ]);

    expect((await merge(ada, p1.id, { others: [p2.id] })).status).toBe(200);
    expect((await merge(ada, q1.id, { others: [q2.id] })).status).toBe(200);
    const groups: DuplicateGroup[] = await suggestions(ada, book);
    expect(shapeOf(groups)).toEqual([{ ids: [q1.id, q3.id], reasons: ['same email'] }]);
    expect(groups[0].contacts[0]).toEqual(await getContact(ada, q1.id));
  });

  it('"not the same person": a dismissed group is no longer suggested, other pairs still are, and taking it back brings it back', async () => {
    const book = await freshBook('Dismissals');
    const a = await addContact(ada, book, distinctFields({ first_name: 'Alan', last_name: 'Turing' }));
    const b = await addContact(ada, book, distinctFields({ first_name: 'Turing', last_name: 'Alan' }));
    const c = await addContact(ada, book, distinctFields({ first_name: 'ALAN', last_name: 'turing' }));
    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [a.id, b.id, c.id], reasons: ['same name'] }]);

    // One pair dismissed: c still matches both, so they stay one group.
    const pair = await ada.post('/api/contacts/duplicates/dismissals/', { contacts: [b.id, a.id] });
    expect({ status: pair.status, body: pair.body }).toEqual({
      status: 201,
      body: { id: expect.any(Number), address_book: book, contacts: [a.id, b.id], dismissed_at: expect.stringMatching(ISO), dismissed_by: editorOf(ada) },
    });
    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [a.id, b.id, c.id], reasons: ['same name'] }]);

    const group = await ada.post('/api/contacts/duplicates/dismissals/', { contacts: [a.id, b.id, c.id] });
    expect(group.status).toBe(201);
    expect(await suggestions(ada, book)).toEqual([]);
    // A new contact of the same name is suggested with them again (it was never dismissed).
    const d = await addContact(ada, book, distinctFields({ first_name: 'Alan', last_name: 'Turing' }));
    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [a.id, b.id, c.id, d.id], reasons: ['same name'] }]);

    const listed = await ada.get(`/api/contacts/duplicates/dismissals/?address_book=${book}`);
    expect(listed.body.map((x: { id: number; contacts: number[] }) => [x.id, x.contacts])).toEqual([[group.body.id, [a.id, b.id, c.id]], [pair.body.id, [a.id, b.id]]]);

    expect((await ada.delete(`/api/contacts/duplicates/dismissals/${group.body.id}/`)).status).toBe(204);
    expect((await ada.delete(`/api/contacts/duplicates/dismissals/${group.body.id}/`)).status).toBe(404);
    expect((await ada.delete(`/api/contacts/duplicates/dismissals/${pair.body.id}/`)).status).toBe(204);
    expect(shapeOf(await suggestions(ada, book))).toEqual([{ ids: [a.id, b.id, c.id, d.id], reasons: ['same name'] }]);
  });

  it('dismissing: one book, contacts the caller can read, an editor only; bad bodies are 400 keyed by contacts', async () => {
    const book = await freshBook('Dismissal rules');
    const other = await freshBook('Dismissal rules, other book');
    const a = await addContact(ada, book, distinctFields({ first_name: 'Ida', last_name: 'Noddack' }));
    const b = await addContact(ada, book, distinctFields({ first_name: 'Noddack', last_name: 'Ida' }));
    const elsewhere = await addContact(ada, other, distinctFields({ first_name: 'Ida', last_name: 'Noddack' }));
    const bad = async (body: unknown) => {
      const res = await ada.post('/api/contacts/duplicates/dismissals/', body);
      return { status: res.status, body: res.body };
    };
    expect(await bad({ contacts: [a.id, elsewhere.id] })).toEqual({ status: 400, body: { contacts: ['Contacts in different address books are never suggested together.'] } });
    expect(await bad({ contacts: [a.id, 999_999] })).toEqual({ status: 400, body: { contacts: ['Invalid pk "999999" - object does not exist.'] } });
    expect(await bad({ contacts: [a.id] })).toEqual({ status: 400, body: { contacts: ['Name at least two contacts that are not the same person.'] } });
    expect(await bad({ contacts: [a.id, a.id] })).toEqual({ status: 400, body: { contacts: ['Each contact may be named only once.'] } });
    expect(await bad({ contacts: 'all' })).toEqual({ status: 400, body: { contacts: ['Expected a list of contact ids.'] } });
    expect(await bad({})).toEqual({ status: 400, body: { contacts: ['This field is required.'] } });
    expect(await bad({ contacts: Array.from({ length: 51 }, (_, i) => i + 1) })).toEqual({ status: 400, body: { contacts: ['Ensure this field has no more than 50 elements.'] } });

    // Grace: another account's contacts are as if they did not exist; as a viewer she may read but not dismiss.
    const asGrace = await grace.post('/api/contacts/duplicates/dismissals/', { contacts: [a.id, b.id] });
    expect({ status: asGrace.status, body: asGrace.body }).toEqual({ status: 400, body: { contacts: [`Invalid pk "${a.id}" - object does not exist.`] } });
    await shareBook(ada, book, grace.session.user.email, 'viewer');
    expect((await grace.post('/api/contacts/duplicates/dismissals/', { contacts: [a.id, b.id] })).status).toBe(403);
    const mine = await ada.post('/api/contacts/duplicates/dismissals/', { contacts: [a.id, b.id] });
    expect((await grace.delete(`/api/contacts/duplicates/dismissals/${mine.body.id}/`)).status).toBe(403);
    expect(shapeOf(await suggestions(grace, book))).toEqual([]);
  });

});
