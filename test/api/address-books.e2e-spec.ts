import { DataSource } from 'typeorm';
import { join } from 'node:path';
import {
  type AddressBook,
  type AddressBookMember,
  DEFAULT_ADDRESS_BOOK_NAME,
  NOT_AUTHENTICATED_MESSAGE,
  PERMISSION_DENIED_MESSAGE,
} from '@contacts/wire-types';
import { AccessChangeBus, type AccessChange } from '../../apps/api/src/events/access-change-bus.js';
import { bearer, createAccount, createToken, newAccount, type Session, signUp } from '../support/accounts.js';
import { contactFields, createContact } from '../support/contacts-fixtures.js';
import { createTestPostgresDatabase, startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { tempDir } from '../support/temp-dir.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const NOT_FOUND = { detail: 'Not found.' };
const DENIED = { detail: PERMISSION_DENIED_MESSAGE };
const SERVICE_TOKEN = 'service-token-for-address-book-tests';

/** Requests on one account's session (cookie + the server's own Origin). */
function client(app: TestApp, session: Session) {
  return {
    get: (path: string) => app.http().get(path).set(session.headers),
    post: (path: string, body?: unknown) => app.http().post(path).set(session.headers).send(body as object),
    patch: (path: string, body?: unknown) => app.http().patch(path).set(session.headers).send(body as object),
    delete: (path: string) => app.http().delete(path).set(session.headers),
  };
}
type Client = ReturnType<typeof client>;

async function booksOf(c: Client): Promise<AddressBook[]> {
  const res = await c.get('/api/address-books/');
  expect(res.status).toBe(200);
  return res.body as AddressBook[];
}

async function newBook(c: Client, name: string): Promise<AddressBook> {
  const res = await c.post('/api/address-books/', { name });
  expect(res.status).toBe(201);
  return res.body as AddressBook;
}

async function share(c: Client, book: number, email: string, role: 'editor' | 'viewer'): Promise<AddressBookMember> {
  const res = await c.post(`/api/address-books/${book}/members/`, { email, role });
  expect(res.status).toBe(201);
  return res.body as AddressBookMember;
}

/** Contacts written straight into the database (the contract allows it): counts without the contacts routes. */
async function insertContacts(app: TestApp, book: number, n: number): Promise<void> {
  const ds = app.app.get(DataSource);
  for (let i = 0; i < n; i += 1) {
    const at = new Date().toISOString();
    await ds.createQueryBuilder().insert().into('contacts').values({ ...contactFields(), created_at: at, updated_at: at, address_book_id: book }).execute();
  }
}

/** Every access change published from now on. */
function recordChanges(app: TestApp): { changes: AccessChange[]; stop(): void } {
  const changes: AccessChange[] = [];
  const subscription = app.app.get(AccessChangeBus).changes$.subscribe((change) => changes.push(change));
  return { changes, stop: () => subscription.unsubscribe() };
}

const memberOf = (session: Session, role: AddressBookMember['role']): AddressBookMember => ({
  user: { id: session.user.id, name: session.user.name, email: session.user.email },
  role,
});

describe('address books (AUTH=accounts)', () => {
  let app: TestApp;
  let ada: Session; // the first account: the admin
  let grace: Session;
  let linus: Session;
  let asAda: Client;
  let asGrace: Client;
  let asLinus: Client;

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts', EXTERNAL_API_TOKEN: SERVICE_TOKEN });
    ada = await signUp(app.baseUrl, newAccount('Ada Lovelace'));
    grace = await createAccount(app.baseUrl, ada, newAccount('Grace Hopper'));
    linus = await createAccount(app.baseUrl, ada, newAccount('Linus Torvalds'));
    [asAda, asGrace, asLinus] = [ada, grace, linus].map((s) => client(app, s));
  });
  afterAll(() => app.close());

  it('the first account owns book 1, "Contacts"; every later account gets a "Contacts" of its own', async () => {
    const [first] = await booksOf(asAda);
    expect(first).toEqual({
      id: 1,
      name: DEFAULT_ADDRESS_BOOK_NAME,
      owner: { id: ada.user.id, name: 'Ada Lovelace' },
      role: 'owner',
      contact_count: 0,
      created_at: expect.stringMatching(ISO),
    });
    for (const [session, c] of [[grace, asGrace], [linus, asLinus]] as const) {
      const books = await booksOf(c);
      expect(books).toEqual([
        { id: expect.any(Number), name: DEFAULT_ADDRESS_BOOK_NAME, owner: { id: session.user.id, name: session.user.name }, role: 'owner', contact_count: 0, created_at: expect.stringMatching(ISO) },
      ]);
      expect(books[0].id).not.toBe(1);
      const members = await c.get(`/api/address-books/${books[0].id}/members/`);
      expect(members.status).toBe(200);
      expect(members.body).toEqual([memberOf(session, 'owner')]);
    }
    const graceBook = (await booksOf(asGrace))[0].id;
    const linusBook = (await booksOf(asLinus))[0].id;
    expect(graceBook).not.toBe(linusBook);
  });

  it('only the first account takes ownerless books: one made later straight in the database goes to no new account', async () => {
    const ds = app.app.get(DataSource);
    await ds.createQueryBuilder().insert().into('address_books').values({ name: 'Orphan', owner_id: null, created_at: new Date().toISOString() }).execute();
    const c = client(app, await createAccount(app.baseUrl, ada, newAccount('Latecomer')));
    const books = await booksOf(c);
    expect(books.map((b) => [b.name, b.role])).toEqual([[DEFAULT_ADDRESS_BOOK_NAME, 'owner']]);
    expect((await booksOf(asAda)).map((b) => b.name)).not.toContain('Orphan');
  });

  it('creates (trimmed name) and renames a book; the list puts own books first, then shared ones', async () => {
    const res = await asAda.post('/api/address-books', { name: '  Family  ', owner: 99, role: 'viewer' });
    expect(res.status).toBe(201);
    const family = res.body as AddressBook;
    expect(family).toEqual({ id: expect.any(Number), name: 'Family', owner: { id: ada.user.id, name: 'Ada Lovelace' }, role: 'owner', contact_count: 0, created_at: expect.stringMatching(ISO) });

    const renamed = await asAda.patch(`/api/address-books/${family.id}`, { name: ' Family & friends ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...family, name: 'Family & friends' });
    expect((await booksOf(asAda)).find((b) => b.id === family.id)?.name).toBe('Family & friends');

    const graceOwn = await newBook(asGrace, 'Zebra');
    await share(asAda, family.id, grace.user.email, 'viewer');
    const graceBooks = await booksOf(asGrace);
    const ownIds = graceBooks.filter((b) => b.role === 'owner').map((b) => b.id);
    expect(ownIds).toContain(graceOwn.id);
    // own first (oldest first), then the shared one
    expect(graceBooks.map((b) => b.id)).toEqual([...ownIds.sort((a, b) => a - b), family.id]);
    expect(graceBooks.at(-1)).toEqual({ ...family, name: 'Family & friends', role: 'viewer' });
  });

  it('answers field-keyed 400s for a bad name, and 400 for a body that is not an object', async () => {
    const { id } = await newBook(asAda, 'Valid');
    const cases: Array<[unknown, string]> = [
      [{}, 'This field is required.'],
      [{ name: '' }, 'This field may not be blank.'],
      [{ name: '   ' }, 'This field may not be blank.'],
      [{ name: null }, 'This field may not be null.'],
      [{ name: 5 }, 'Not a valid string.'],
      [{ name: ['a'] }, 'Not a valid string.'],
      [{ name: 'x'.repeat(101) }, 'Ensure this field has no more than 100 characters.'],
      [{ name: 'a\u0000b' }, 'Null characters are not allowed.'],
    ];
    for (const [body, message] of cases) {
      for (const res of [await asAda.post('/api/address-books/', body), await asAda.patch(`/api/address-books/${id}/`, body)]) {
        expect({ body, status: res.status, answer: res.body }).toEqual({ body, status: 400, answer: { name: [message] } });
      }
    }
    const notObject = await asAda.post('/api/address-books/', ['x']);
    expect(notObject.status).toBe(400);
    expect(notObject.body).toEqual({ detail: expect.any(String) });

    const longest = await asAda.post('/api/address-books/', { name: `  ${'é'.repeat(100)}  ` });
    expect(longest.status).toBe(201);
    expect(longest.body.name).toBe('é'.repeat(100));
    expect((await booksOf(asAda)).find((b) => b.id === id)?.name).toBe('Valid');
  });

  it('deletes an own book (members and all); a user’s last own book cannot be deleted (409)', async () => {
    const c = client(app, await createAccount(app.baseUrl, ada, newAccount('Only One')));
    const [only] = await booksOf(c);
    const last = await c.delete(`/api/address-books/${only.id}/`);
    expect(last.status).toBe(409);
    expect(last.body).toEqual({ detail: expect.stringMatching(/last/i) });
    expect((await booksOf(c)).map((b) => b.id)).toEqual([only.id]);

    const spare = await newBook(c, 'Spare');
    await share(c, spare.id, grace.user.email, 'editor');
    const gone = await c.delete(`/api/address-books/${spare.id}`);
    expect(gone.status).toBe(204);
    expect(gone.text).toBe('');
    expect((await booksOf(c)).map((b) => b.id)).toEqual([only.id]);
    expect((await booksOf(asGrace)).map((b) => b.id)).not.toContain(spare.id);
    expect((await c.get(`/api/address-books/${spare.id}/members/`)).status).toBe(404);
    expect((await c.delete(`/api/address-books/${spare.id}/`)).status).toBe(404);

    // with another own book, the first one can go: "last" means the last one left
    const other = await newBook(c, 'Other');
    expect((await c.delete(`/api/address-books/${only.id}/`)).status).toBe(204);
    expect((await booksOf(c)).map((b) => b.id)).toEqual([other.id]);
    expect((await c.delete(`/api/address-books/${other.id}/`)).status).toBe(409);
  });

  it('a viewer reads; a viewer or an editor cannot rename, share, change roles or delete (403)', async () => {
    const book = await newBook(asAda, 'Roles');
    expect(await share(asAda, book.id, grace.user.email, 'viewer')).toEqual(memberOf(grace, 'viewer'));
    await share(asAda, book.id, linus.user.email, 'editor');

    const forbiddenFor = async (c: Client) => {
      for (const res of [
        await c.patch(`/api/address-books/${book.id}/`, { name: 'Mine now' }),
        await c.post(`/api/address-books/${book.id}/members/`, { email: 'nobody@example.com', role: 'viewer' }),
        await c.patch(`/api/address-books/${book.id}/members/${ada.user.id}/`, { role: 'viewer' }),
        await c.delete(`/api/address-books/${book.id}/`),
      ]) {
        expect({ url: res.req.path, status: res.status, body: res.body }).toEqual({ url: res.req.path, status: 403, body: DENIED });
      }
    };
    await forbiddenFor(asGrace); // viewer
    await forbiddenFor(asLinus); // editor
    // removing someone else is the owner's
    const kick = await asGrace.delete(`/api/address-books/${book.id}/members/${linus.user.id}/`);
    expect(kick.status).toBe(403);
    expect(kick.body).toEqual(DENIED);

    for (const c of [asGrace, asLinus, asAda]) {
      const members = await c.get(`/api/address-books/${book.id}/members/`);
      expect(members.status).toBe(200);
      expect(members.body).toEqual([memberOf(ada, 'owner'), memberOf(grace, 'viewer'), memberOf(linus, 'editor')]);
    }
    const seen = (await booksOf(asGrace)).find((b) => b.id === book.id);
    expect(seen).toEqual({ ...book, role: 'viewer' });
    expect((await booksOf(asLinus)).find((b) => b.id === book.id)?.role).toBe('editor');
    expect((await booksOf(asAda)).find((b) => b.id === book.id)?.name).toBe('Roles');
  });

  it('a book the caller is no member of is 404 on every route, like an unknown or non-numeric id', async () => {
    const book = await newBook(asAda, 'Private');
    await share(asAda, book.id, grace.user.email, 'editor');
    const routes = (id: string | number) => [
      () => asLinus.patch(`/api/address-books/${id}/`, { name: 'x' }),
      () => asLinus.delete(`/api/address-books/${id}/`),
      () => asLinus.get(`/api/address-books/${id}/members/`),
      () => asLinus.post(`/api/address-books/${id}/members/`, { email: linus.user.email, role: 'editor' }),
      () => asLinus.patch(`/api/address-books/${id}/members/${grace.user.id}/`, { role: 'viewer' }),
      () => asLinus.delete(`/api/address-books/${id}/members/${grace.user.id}/`),
      () => asLinus.delete(`/api/address-books/${id}/members/${linus.user.id}/`),
    ];
    for (const id of [book.id, 987654, 'abc', '-1', '1.5']) {
      for (const route of routes(id)) {
        const res = await route();
        expect({ url: res.req.path, status: res.status, body: res.body }).toEqual({ url: res.req.path, status: 404, body: NOT_FOUND });
      }
    }
    expect((await booksOf(asLinus)).map((b) => b.id)).not.toContain(book.id);
    // nothing changed
    const members = await asAda.get(`/api/address-books/${book.id}/members/`);
    expect(members.body).toEqual([memberOf(ada, 'owner'), memberOf(grace, 'editor')]);
    expect((await booksOf(asAda)).find((b) => b.id === book.id)?.name).toBe('Private');
    // a non-numeric member id is 404 too, for the owner
    expect((await asAda.patch(`/api/address-books/${book.id}/members/abc/`, { role: 'viewer' })).status).toBe(404);
    expect((await asAda.delete(`/api/address-books/${book.id}/members/0/`)).status).toBe(404);
  });

  it('shares by email (any case); unknown email, a member again, the owner, a bad role: field-keyed 400', async () => {
    const book = await newBook(asAda, 'Sharing');
    const added = await asAda.post(`/api/address-books/${book.id}/members/`, { email: `  ${grace.user.email.toUpperCase()} `, role: 'editor' });
    expect(added.status).toBe(201);
    expect(added.body).toEqual(memberOf(grace, 'editor'));

    const cases: Array<[unknown, Record<string, unknown>]> = [
      [{ email: 'nobody-here@example.com', role: 'viewer' }, { email: [expect.any(String)] }],
      [{ email: grace.user.email, role: 'viewer' }, { email: [expect.stringMatching(/already/i)] }],
      [{ email: ada.user.email, role: 'viewer' }, { email: [expect.stringMatching(/owns/i)] }],
      [{ email: linus.user.email, role: 'owner' }, { role: [expect.any(String)] }],
      [{ email: linus.user.email, role: 'admin' }, { role: [expect.any(String)] }],
      [{ email: linus.user.email }, { role: ['This field is required.'] }],
      [{ email: linus.user.email, role: 3 }, { role: [expect.any(String)] }],
      [{ role: 'viewer' }, { email: ['This field is required.'] }],
      [{ email: 42, role: 'viewer' }, { email: ['Not a valid string.'] }],
      [{ email: '  ', role: 'viewer' }, { email: ['This field may not be blank.'] }],
      [{}, { email: ['This field is required.'], role: ['This field is required.'] }],
    ];
    for (const [body, errors] of cases) {
      const res = await asAda.post(`/api/address-books/${book.id}/members/`, body);
      expect({ body, status: res.status, answer: res.body }).toEqual({ body, status: 400, answer: errors });
    }
    const members = await asAda.get(`/api/address-books/${book.id}/members/`);
    expect(members.body).toEqual([memberOf(ada, 'owner'), memberOf(grace, 'editor')]);
    expect((await booksOf(asLinus)).map((b) => b.id)).not.toContain(book.id);
  });

  it('changes a member’s role; the owner’s role is fixed (409); unknown members are 404', async () => {
    const book = await newBook(asAda, 'Promotions');
    await share(asAda, book.id, grace.user.email, 'viewer');
    const changed = await asAda.patch(`/api/address-books/${book.id}/members/${grace.user.id}/`, { role: 'editor', email: 'ignored@example.com' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual(memberOf(grace, 'editor'));
    expect((await booksOf(asGrace)).find((b) => b.id === book.id)?.role).toBe('editor');
    const back = await asAda.patch(`/api/address-books/${book.id}/members/${grace.user.id}`, { role: 'viewer' });
    expect(back.body).toEqual(memberOf(grace, 'viewer'));
    expect((await booksOf(asGrace)).find((b) => b.id === book.id)?.role).toBe('viewer');

    for (const [body, errors] of [
      [{ role: 'owner' }, { role: [expect.any(String)] }],
      [{}, { role: ['This field is required.'] }],
      [{ role: null }, { role: ['This field may not be null.'] }],
    ] as const) {
      const res = await asAda.patch(`/api/address-books/${book.id}/members/${grace.user.id}/`, body);
      expect({ body, status: res.status, answer: res.body }).toEqual({ body, status: 400, answer: errors });
    }
    const own = await asAda.patch(`/api/address-books/${book.id}/members/${ada.user.id}/`, { role: 'viewer' });
    expect(own.status).toBe(409);
    expect(own.body).toEqual({ detail: expect.stringMatching(/owner/i) });
    const stranger = await asAda.patch(`/api/address-books/${book.id}/members/${linus.user.id}/`, { role: 'viewer' });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual(NOT_FOUND);
    const members = await asAda.get(`/api/address-books/${book.id}/members/`);
    expect(members.body).toEqual([memberOf(ada, 'owner'), memberOf(grace, 'viewer')]);
  });

  it('the owner removes a member; a member leaves; the owner cannot leave (409)', async () => {
    const book = await newBook(asAda, 'Comings and goings');
    await share(asAda, book.id, grace.user.email, 'editor');
    await share(asAda, book.id, linus.user.email, 'viewer');

    const removed = await asAda.delete(`/api/address-books/${book.id}/members/${grace.user.id}/`);
    expect(removed.status).toBe(204);
    expect((await booksOf(asGrace)).map((b) => b.id)).not.toContain(book.id);
    expect((await asGrace.get(`/api/address-books/${book.id}/members/`)).status).toBe(404);
    expect((await asAda.delete(`/api/address-books/${book.id}/members/${grace.user.id}/`)).status).toBe(404);

    const left = await asLinus.delete(`/api/address-books/${book.id}/members/${linus.user.id}`);
    expect(left.status).toBe(204);
    expect((await booksOf(asLinus)).map((b) => b.id)).not.toContain(book.id);

    const stay = await asAda.delete(`/api/address-books/${book.id}/members/${ada.user.id}/`);
    expect(stay.status).toBe(409);
    expect(stay.body).toEqual({ detail: expect.stringMatching(/owner/i) });
    const members = await asAda.get(`/api/address-books/${book.id}/members/`);
    expect(members.body).toEqual([memberOf(ada, 'owner')]);

    // shared again after leaving
    await share(asAda, book.id, linus.user.email, 'editor');
    expect((await booksOf(asLinus)).find((b) => b.id === book.id)?.role).toBe('editor');
  });

  it('contact_count is exact per book, for the owner and for members', async () => {
    const c = client(app, await createAccount(app.baseUrl, ada, newAccount('Counter')));
    const [own] = await booksOf(c);
    const two = await newBook(c, 'Two');
    const empty = await newBook(c, 'Empty');
    await insertContacts(app, own.id, 3);
    await insertContacts(app, two.id, 2);
    await insertContacts(app, 1, 1); // someone else's book: counted there only
    await share(c, two.id, grace.user.email, 'viewer');
    const counts = Object.fromEntries((await booksOf(c)).map((b) => [b.id, b.contact_count]));
    expect(counts).toEqual({ [own.id]: 3, [two.id]: 2, [empty.id]: 0 });
    expect((await booksOf(asGrace)).find((b) => b.id === two.id)?.contact_count).toBe(2);
    const adaFirst = (await booksOf(asAda)).find((b) => b.id === 1)!;
    await insertContacts(app, 1, 2);
    expect((await booksOf(asAda)).find((b) => b.id === 1)?.contact_count).toBe(adaFirst.contact_count + 2);
  });

  it('publishes access changes after each commit: gained, role changed, renamed, lost, deleted', async () => {
    const recorder = recordChanges(app);
    try {
      const book = await newBook(asAda, 'Announced');
      expect(recorder.changes).toEqual([{ type: 'book_gained', user_id: ada.user.id, address_book: book }]);
      recorder.changes.length = 0;

      await share(asAda, book.id, grace.user.email, 'viewer');
      expect(recorder.changes).toEqual([{ type: 'book_gained', user_id: grace.user.id, address_book: { ...book, role: 'viewer' } }]);
      recorder.changes.length = 0;

      await asAda.patch(`/api/address-books/${book.id}/members/${grace.user.id}/`, { role: 'editor' });
      expect(recorder.changes).toEqual([{ type: 'role_changed', user_id: grace.user.id, address_book: { ...book, role: 'editor' } }]);
      recorder.changes.length = 0;

      await share(asAda, book.id, linus.user.email, 'viewer');
      recorder.changes.length = 0;
      await asAda.patch(`/api/address-books/${book.id}/`, { name: 'Renamed' });
      const renamed = { ...book, name: 'Renamed' };
      expect(sortByUser(recorder.changes)).toEqual(
        sortByUser([
          { type: 'role_changed', user_id: ada.user.id, address_book: renamed },
          { type: 'role_changed', user_id: grace.user.id, address_book: { ...renamed, role: 'editor' } },
          { type: 'role_changed', user_id: linus.user.id, address_book: { ...renamed, role: 'viewer' } },
        ]),
      );
      recorder.changes.length = 0;

      await asLinus.delete(`/api/address-books/${book.id}/members/${linus.user.id}/`);
      expect(recorder.changes).toEqual([{ type: 'book_lost', user_id: linus.user.id, address_book_id: book.id }]);
      recorder.changes.length = 0;

      // refused changes announce nothing
      await asGrace.patch(`/api/address-books/${book.id}/`, { name: 'nope' });
      await asAda.delete(`/api/address-books/${book.id}/members/${ada.user.id}/`);
      await asAda.post(`/api/address-books/${book.id}/members/`, { email: grace.user.email, role: 'viewer' });
      expect(recorder.changes).toEqual([]);

      expect((await asAda.delete(`/api/address-books/${book.id}/`)).status).toBe(204);
      expect(sortByUser(recorder.changes)).toEqual(
        sortByUser([
          { type: 'book_lost', user_id: ada.user.id, address_book_id: book.id },
          { type: 'book_lost', user_id: grace.user.id, address_book_id: book.id },
        ]),
      );
    } finally {
      recorder.stop();
    }
  });

  it('needs credentials: 401 without any; a token works like the session', async () => {
    const none = await app.http().get('/api/address-books/');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ detail: NOT_AUTHENTICATED_MESSAGE });
    expect(none.headers['www-authenticate']).toBe('Bearer realm="contacts"');
    expect((await app.http().post('/api/address-books/').send({ name: 'x' })).status).toBe(401);

    const { token } = await createToken(app.baseUrl, grace);
    const listed = await app.http().get('/api/address-books/').set(bearer(token));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual(await booksOf(asGrace));
    const made = await app.http().post('/api/address-books/').set(bearer(token)).send({ name: 'By token' });
    expect(made.status).toBe(201);
    expect(made.body.owner).toEqual({ id: grace.user.id, name: grace.user.name });
  });

  it('the service token lists every book but owns none: managing books is refused (403)', async () => {
    const service = { Authorization: `Bearer ${SERVICE_TOKEN}` };
    const all = await app.http().get('/api/address-books/').set(service);
    expect(all.status).toBe(200);
    const ids = (all.body as AddressBook[]).map((b) => b.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const c of [asAda, asGrace, asLinus]) for (const book of await booksOf(c)) expect(ids).toContain(book.id);
    expect((all.body as AddressBook[]).every((b) => b.role === 'owner')).toBe(true);
    const made = await app.http().post('/api/address-books/').set(service).send({ name: 'Service' });
    expect(made.status).toBe(403);
    const members = await app.http().get('/api/address-books/1/members/').set(service);
    expect(members.status).toBe(200);
    expect((members.body as AddressBookMember[])[0]).toEqual(memberOf(ada, 'owner'));
    expect((await app.http().get('/api/address-books/987654/members/').set(service)).status).toBe(404);
  });
});

function sortByUser(changes: AccessChange[]): AccessChange[] {
  return [...changes].sort((a, b) => a.user_id - b.user_id);
}

describe('address books while AUTH=none', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it('GET lists the one shared book, unowned, as owner; every other book route is 404', async () => {
    await createContact(app);
    await createContact(app);
    const res = await app.http().get('/api/address-books/');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: 1, name: DEFAULT_ADDRESS_BOOK_NAME, owner: null, role: 'owner', contact_count: 2, created_at: expect.stringMatching(ISO) }]);
    for (const res of [
      await app.http().post('/api/address-books/').send({ name: 'Second' }),
      await app.http().patch('/api/address-books/1/').send({ name: 'Renamed' }),
      await app.http().delete('/api/address-books/1/'),
      await app.http().get('/api/address-books/1/members/'),
      await app.http().post('/api/address-books/1/members/').send({ email: 'a@example.com', role: 'viewer' }),
      await app.http().patch('/api/address-books/1/members/1/').send({ role: 'viewer' }),
      await app.http().delete('/api/address-books/1/members/1/'),
    ]) {
      expect({ url: res.req.path, status: res.status, body: res.body }).toEqual({ url: res.req.path, status: 404, body: NOT_FOUND });
    }
    expect((await app.http().get('/api/address-books/')).body).toEqual(res.body);
  });
});

/**
 * One database, first used with AUTH=none, then with accounts: a SQLite file, or on
 * PostgreSQL a database both apps are pointed at.
 */
async function sharedDatabase(): Promise<{ overrides: Parameters<typeof startTestApp>[0]; drop(): Promise<void> }> {
  if (TEST_DATABASE === 'postgres') {
    const db = await createTestPostgresDatabase();
    return { overrides: { database: { kind: 'postgres', url: db.url } }, drop: () => db.drop() };
  }
  const dir = tempDir();
  return { overrides: { database: { kind: 'sqlite', path: join(dir.path, 'contacts.sqlite3') } }, drop: async () => dir.remove() };
}

describe('turning accounts on', () => {
  it('the first account takes book 1 with everything made while AUTH=none; the next account does not', async () => {
    const db = await sharedDatabase();
    try {
      const open = await startTestApp(db.overrides);
      const made = await createContact(open);
      await createContact(open);
      await open.close();

      const app = await startTestApp(db.overrides, { AUTH: 'accounts' });
      try {
        const ada = await signUp(app.baseUrl, newAccount('Ada Lovelace'));
        const books = await booksOf(client(app, ada));
        expect(books).toEqual([{ id: 1, name: DEFAULT_ADDRESS_BOOK_NAME, owner: { id: ada.user.id, name: 'Ada Lovelace' }, role: 'owner', contact_count: 2, created_at: expect.stringMatching(ISO) }]);
        const members = await client(app, ada).get('/api/address-books/1/members/');
        expect(members.body).toEqual([memberOf(ada, 'owner')]);

        const grace = client(app, await createAccount(app.baseUrl, ada, newAccount('Grace Hopper')));
        const graceBooks = await booksOf(grace);
        expect(graceBooks).toHaveLength(1);
        expect(graceBooks[0]).toMatchObject({ name: DEFAULT_ADDRESS_BOOK_NAME, contact_count: 0, role: 'owner' });
        expect((await grace.get('/api/address-books/1/members/')).status).toBe(404);
        expect(made.id).toEqual(expect.any(Number));
      } finally {
        await app.close();
      }
    } finally {
      await db.drop();
    }
  });
});

/*
 * Contacts inside address books: these go through the contacts routes (address_book on
 * Contact, the book-scoped list, role checks on writes) and the contacts write path that
 * deleting a book uses.
 */
describe('contacts in address books', () => {
  let app: TestApp;
  let ada: Session;
  let asAda: Client;
  let asGrace: Client; // editor of `shared`
  let asLinus: Client; // viewer of `shared`
  let asStranger: Client;
  let shared: AddressBook;

  const createIn = async (c: Client, book: number | undefined, expected = 201) => {
    const body = book === undefined ? contactFields() : { ...contactFields(), address_book: book };
    const res = await c.post('/api/contacts/', body);
    expect({ status: res.status, body: res.body }).toEqual({ status: expected, body: expect.anything() });
    return res.body as { id: number; address_book: number };
  };

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    ada = await signUp(app.baseUrl, newAccount('Ada Lovelace'));
    const grace = await createAccount(app.baseUrl, ada, newAccount('Grace Hopper'));
    const linus = await createAccount(app.baseUrl, ada, newAccount('Linus Torvalds'));
    const stranger = await createAccount(app.baseUrl, ada, newAccount('Stranger'));
    [asAda, asGrace, asLinus, asStranger] = [ada, grace, linus, stranger].map((s) => client(app, s));
    shared = await newBook(asAda, 'Shared');
    await share(asAda, shared.id, grace.user.email, 'editor');
    await share(asAda, shared.id, linus.user.email, 'viewer');
  });
  afterAll(() => app.close());

  it('an editor creates a contact in a shared book; every member sees it; contact_count counts it', async () => {
    const contact = await createIn(asGrace, shared.id);
    expect(contact.address_book).toBe(shared.id);
    for (const c of [asAda, asGrace, asLinus]) {
      const one = await c.get(`/api/contacts/${contact.id}/`);
      expect(one.status).toBe(200);
      const page = await c.get(`/api/contacts/?address_book=${shared.id}`);
      expect(page.status).toBe(200);
      expect((page.body.results as Array<{ id: number }>).map((r) => r.id)).toContain(contact.id);
    }
    const stranger = await asStranger.get(`/api/contacts/${contact.id}/`);
    expect(stranger.status).toBe(404);
    expect((await booksOf(asAda)).find((b) => b.id === shared.id)?.contact_count).toBe(1);
    expect((await booksOf(asLinus)).find((b) => b.id === shared.id)?.contact_count).toBe(1);
  });

  it('a viewer reads but cannot create, change or delete contacts (403)', async () => {
    const contact = await createIn(asAda, shared.id);
    await createIn(asLinus, shared.id, 403);
    const patch = await asLinus.patch(`/api/contacts/${contact.id}/`, { first_name: 'Changed' });
    expect(patch.status).toBe(403);
    const remove = await asLinus.delete(`/api/contacts/${contact.id}/`);
    expect(remove.status).toBe(403);
    const read = await asLinus.get(`/api/contacts/${contact.id}/`);
    expect(read.status).toBe(200);
    expect(read.body.first_name).not.toBe('Changed');
  });

  it('a contact without address_book goes to the caller’s first own book', async () => {
    const [own] = (await booksOf(asGrace)).filter((b) => b.role === 'owner');
    const contact = await createIn(asGrace, undefined);
    expect(contact.address_book).toBe(own.id);
  });

  it('deleting a book deletes its contacts the normal way: a `deleted` version each, by the owner', async () => {
    const book = await newBook(asAda, 'Doomed');
    const first = await createIn(asAda, book.id);
    const second = await createIn(asAda, book.id);
    expect((await asAda.delete(`/api/address-books/${book.id}/`)).status).toBe(204);
    for (const contact of [first, second]) expect((await asAda.get(`/api/contacts/${contact.id}/`)).status).toBe(404);
    const ds = app.app.get(DataSource);
    const rows = (await ds
      .createQueryBuilder()
      .select(['v.contact_id AS contact_id', 'v.edited_reason AS edited_reason', 'v.edited_via AS edited_via', 'v.edited_by_id AS edited_by_id'])
      .from('contact_versions', 'v')
      .where('v.contact_id IN (:...ids)', { ids: [first.id, second.id] })
      .andWhere("v.edited_reason = 'deleted'")
      .getRawMany()) as Array<Record<string, unknown>>;
    expect(rows.map((r) => ({ contact: Number(r.contact_id), via: r.edited_via, by: Number(r.edited_by_id) })).sort((a, b) => a.contact - b.contact)).toEqual([
      { contact: first.id, via: 'web', by: ada.user.id },
      { contact: second.id, via: 'web', by: ada.user.id },
    ]);
    const [{ n }] = (await ds.query(`SELECT COUNT(*) AS n FROM contacts WHERE address_book_id = ${book.id}`)) as Array<{ n: number | string }>;
    expect(Number(n)).toBe(0);
  });

  it('after accounts are turned on, the first account lists the contacts made while AUTH=none', async () => {
    const db = await sharedDatabase();
    try {
      const open = await startTestApp(db.overrides);
      const made = await createContact(open);
      await open.close();
      const later = await startTestApp(db.overrides, { AUTH: 'accounts' });
      try {
        const first = client(later, await signUp(later.baseUrl, newAccount('Ada Lovelace')));
        const page = await first.get('/api/contacts/');
        expect(page.status).toBe(200);
        expect(page.body.results).toEqual([expect.objectContaining({ id: made.id, email: made.email, address_book: 1 })]);
      } finally {
        await later.close();
      }
    } finally {
      await db.drop();
    }
  });
});
