import Queue from 'bull';
import type { AddressBook, ChangesPage, Contact, Page, Version } from '@contacts/wire-types';
import { EXTERNAL_UPDATES_QUEUE } from '../../apps/api/src/external/external-update.job.js';
import { bearer, createAccount, createToken, type Session, signUp } from '../support/accounts.js';
import { contactFields } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every contact route of the contract with two accounts: what one keeps in a book the
 * other is not in does not exist for the other (404, never 403, never a count, an ETag
 * or an error message that tells), in both directions; a viewer reads and cannot write;
 * an editor writes; each change says who made it and through which door.
 */
describe('isolation between accounts, on every contact route', () => {
  let app: TestApp;
  let ada: Session;
  let grace: Session;
  let adaBook: number;
  let graceBook: number;
  let adaToken: string;
  let graceToken: string;

  const as = (who: Session) => ({
    get: (path: string) => app.http().get(path).set(who.headers),
    post: (path: string, body?: unknown) => app.http().post(path).set(who.headers).send(body as object),
    put: (path: string, body: unknown) => app.http().put(path).set(who.headers).send(body as object),
    patch: (path: string, body: unknown) => app.http().patch(path).set(who.headers).send(body as object),
    delete: (path: string) => app.http().delete(path).set(who.headers),
  });

  async function booksOf(who: Session): Promise<AddressBook[]> {
    const res = await as(who).get('/api/address-books/');
    expect(res.status).toBe(200);
    return res.body as AddressBook[];
  }

  async function create(who: Session, book: number, overrides = {}): Promise<Contact> {
    const res = await as(who).post('/api/contacts/', { ...contactFields(overrides), address_book: book });
    expect(res.status).toBe(201);
    return res.body as Contact;
  }

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    ada = await signUp(app.baseUrl, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada Lovelace' });
    grace = await createAccount(app.baseUrl, ada, { email: 'grace@example.com', password: 'another good one', name: 'Grace Hopper' });
    [adaBook] = (await booksOf(ada)).map((b) => b.id);
    [graceBook] = (await booksOf(grace)).map((b) => b.id);
    adaToken = (await createToken(app.baseUrl, ada)).token;
    graceToken = (await createToken(app.baseUrl, grace)).token;
  });

  afterAll(() => app?.close());

  it('each account starts with a book of its own', () => {
    expect(adaBook).toBeGreaterThan(0);
    expect(graceBook).toBeGreaterThan(0);
    expect(adaBook).not.toBe(graceBook);
  });

  it("another account's contact is 404 on every route, as a missing one, both ways", async () => {
    const adas = await create(ada, adaBook);
    const graces = await create(grace, graceBook);
    const versions = (await as(ada).get(`/api/contacts/${adas.id}/history/`)).body as Version[];
    for (const [owner, other, contact] of [
      [ada, grace, adas],
      [grace, ada, graces],
    ] as const) {
      const missing = 999_999;
      for (const id of [contact.id, missing]) {
        const answers = await Promise.all([
          as(other).get(`/api/contacts/${id}/`),
          as(other).put(`/api/contacts/${id}/`, contactFields()),
          as(other).patch(`/api/contacts/${id}/`, { phone: '+1-555-0000' }),
          as(other).delete(`/api/contacts/${id}/`),
          as(other).get(`/api/contacts/${id}/history/`),
          as(other).post(`/api/contacts/${id}/revert/`, { version: versions[0]?.id ?? 1 }),
          as(other).post(`/api/contacts/${id}/restore/`),
          as(other).post('/api/external-update/', { id, phone: '+1-555-0001' }),
        ]);
        for (const res of answers) {
          expect({ status: res.status, body: res.body, etag: res.headers.etag }).toEqual({ status: 404, body: { detail: 'Not found.' }, etag: undefined });
        }
      }
      // Untouched for its owner.
      const mine = await as(owner).get(`/api/contacts/${contact.id}/`);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual(contact);
    }
  });

  it('lists, search, counts and the recently deleted list hold only readable books', async () => {
    const marker = `iso${Date.now()}`;
    const adaContact = await create(ada, adaBook, { last_name: `${marker}a` });
    const graceContact = await create(grace, graceBook, { last_name: `${marker}g` });
    for (const search of [marker, marker.slice(0, 2)]) {
      const adaPage = (await as(ada).get(`/api/contacts/?search=${search}`)).body as Page<Contact>;
      expect(adaPage.results.map((c) => c.id)).toContain(adaContact.id);
      expect(adaPage.results.map((c) => c.id)).not.toContain(graceContact.id);
      expect(adaPage.results.every((c) => c.address_book === adaBook)).toBe(true);
    }
    const all = (await as(grace).get('/api/contacts/?page_size=100')).body as Page<Contact>;
    expect(all.results.every((c) => c.address_book === graceBook)).toBe(true);
    expect(all.count).toBe(all.results.length);
    // Asking for another's book is the same 404 as for a book that does not exist.
    for (const book of [adaBook, 999_999]) {
      const res = await as(grace).get(`/api/contacts/?address_book=${book}`);
      expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: { detail: 'Not found.' } });
    }
    expect((await as(grace).get('/api/contacts/?address_book=abc')).status).toBe(400);

    expect((await as(ada).delete(`/api/contacts/${adaContact.id}/`)).status).toBe(204);
    const adaDeleted = (await as(ada).get('/api/contacts/deleted/?page_size=100')).body as Page<Contact>;
    const graceDeleted = (await as(grace).get('/api/contacts/deleted/?page_size=100')).body as Page<Contact>;
    expect(adaDeleted.results.map((c) => c.id)).toContain(adaContact.id);
    expect(graceDeleted.results.map((c) => c.id)).not.toContain(adaContact.id);
    expect(graceDeleted.count).toBe(graceDeleted.results.length);
    // Its history stays readable for Ada only; and only she can bring it back.
    expect((await as(grace).get(`/api/contacts/${adaContact.id}/history/`)).status).toBe(404);
    expect((await as(grace).post(`/api/contacts/${adaContact.id}/restore/`)).status).toBe(404);
    expect((await as(ada).post(`/api/contacts/${adaContact.id}/restore/`)).status).toBe(201);
  });

  it("creating in another's book is 404; the same email may live in two books, not twice in one", async () => {
    const email = `shared.${Date.now()}@example.com`;
    const intoOther = await as(grace).post('/api/contacts/', { ...contactFields({ email }), address_book: adaBook });
    expect({ status: intoOther.status, body: intoOther.body }).toEqual({ status: 404, body: { detail: 'Not found.' } });
    await create(ada, adaBook, { email });
    await create(grace, graceBook, { email: email.toUpperCase() });
    const twice = await as(ada).post('/api/contacts/', { ...contactFields({ email }), address_book: adaBook });
    expect(twice.status).toBe(400);
    expect(twice.body).toEqual({ email: ['Email must be unique.'] });
    const badBook = await as(ada).post('/api/contacts/', { ...contactFields(), address_book: 'one' });
    expect({ status: badBook.status, body: badBook.body }).toEqual({ status: 400, body: { address_book: ['A valid integer is required.'] } });
  });

  it('a list over several books is every readable contact, newest first, page by page, with an exact count', async () => {
    const work = ((await as(ada).post('/api/address-books/', { name: 'Work' })).body as AddressBook).id;
    const club = ((await as(ada).post('/api/address-books/', { name: 'Club' })).body as AddressBook).id;
    // Most in one book, then one each in the others: later pages reach deep into one book.
    for (const book of [work, work, work, work, work, work, work, work, club, adaBook]) await create(ada, book);
    const byBook = await Promise.all(
      [adaBook, work, club].map(async (book) => ((await as(ada).get(`/api/contacts/?address_book=${book}&page_size=100`)).body as Page<Contact>).results),
    );
    const expected = byBook
      .flat()
      .sort((a, b) => (a.updated_at === b.updated_at ? b.id - a.id : a.updated_at < b.updated_at ? 1 : -1))
      .map((c) => c.id);
    const walk = async () => {
      const seen: number[] = [];
      let count = -1;
      for (let page = 1; seen.length < expected.length; page++) {
        const res = await as(ada).get(`/api/contacts/?page_size=4&page=${page}`);
        expect(res.status).toBe(200);
        count = (res.body as Page<Contact>).count;
        seen.push(...(res.body as Page<Contact>).results.map((c) => c.id));
      }
      expect(seen).toEqual(expected);
      expect(count).toBe(expected.length);
      return seen;
    };
    // Ada's books hold most contacts (read along the date index)…
    const seen = await walk();
    // …and a small share of them once Grace has many more (each book's own index, merged).
    const many = await Promise.all(Array.from({ length: 4 * expected.length }, () => as(grace).post('/api/contacts/', contactFields())));
    expect(many.every((res) => res.status === 201)).toBe(true);
    expect(await walk()).toEqual(seen);
    expect((await as(grace).get('/api/contacts/?page_size=100')).body.results.map((c: Contact) => c.id)).not.toEqual(expect.arrayContaining([seen[0]]));
  });

  it('without address_book a create goes to the first own book', async () => {
    const res = await as(grace).post('/api/contacts/', contactFields());
    expect(res.status).toBe(201);
    expect((res.body as Contact).address_book).toBe(graceBook);
  });

  it('the change feed carries only readable books; seq stays global', async () => {
    const before = ((await as(ada).get('/api/changes/?since=0&limit=1000')).body as ChangesPage).last_seq;
    const adas = await create(ada, adaBook);
    const graces = await create(grace, graceBook);
    const adaFeed = (await as(ada).get(`/api/changes/?since=${before}`)).body as ChangesPage;
    const graceFeed = (await as(grace).get(`/api/changes/?since=${before}`)).body as ChangesPage;
    const ids = (page: ChangesPage) => page.results.map((e) => ('contact' in e ? e.contact.id : e.contact_id));
    expect(ids(adaFeed)).toEqual([adas.id]);
    expect(ids(graceFeed)).toEqual([graces.id]);
    expect(adaFeed.results[0]).toMatchObject({ address_book: adaBook, edited_by: { id: ada.user.id, name: 'Ada Lovelace' } });
    // Both have seen everything up to the same point, though they saw different events.
    expect(adaFeed.last_seq).toBe(graceFeed.last_seq);
    expect(adaFeed.last_seq).toBeGreaterThan(before);
  });

  it('tokens see what their account sees, and record edited_via "api"; the cookie records "web"', async () => {
    const adas = await create(ada, adaBook);
    const viaToken = await app.http().get(`/api/contacts/${adas.id}/`).set(bearer(adaToken));
    expect(viaToken.status).toBe(200);
    expect((await app.http().get(`/api/contacts/${adas.id}/`).set(bearer(graceToken))).status).toBe(404);
    expect((await app.http().patch(`/api/contacts/${adas.id}/`).set(bearer(adaToken)).send({ phone: '+1-555-4242' })).status).toBe(200);
    const history = (await as(ada).get(`/api/contacts/${adas.id}/history/`)).body as Version[];
    expect(history.map((v) => [v.edited_reason, v.edited_via, v.edited_by?.name])).toEqual([
      ['updated', 'api', 'Ada Lovelace'],
      ['created', 'web', 'Ada Lovelace'],
    ]);
    // An external update by a token acts as its user, recorded as external.
    const external = await app.http().post('/api/external-update/').set(bearer(adaToken)).send({ id: adas.id, phone: '+1-555-4343' });
    expect(external.status).toBe(200);
    const [latest] = (await as(ada).get(`/api/contacts/${adas.id}/history/`)).body as Version[];
    expect(latest).toMatchObject({ edited_reason: 'external_update', edited_via: 'external', edited_by: { id: ada.user.id, name: 'Ada Lovelace' } });
    expect((await app.http().post('/api/external-update/').set(bearer(graceToken)).send({ id: adas.id, phone: '1' })).status).toBe(404);
  });

  it('no credentials: 401 on every contact route, with WWW-Authenticate', async () => {
    for (const res of await Promise.all([
      app.http().get('/api/contacts/'),
      app.http().get('/api/contacts/1/'),
      app.http().get('/api/changes/'),
      app.http().get('/api/contacts/deleted/'),
      app.http().post('/api/contacts/').send(contactFields()),
      app.http().post('/api/external-update/').send({ id: 1, phone: '1' }),
    ])) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ detail: 'Authentication credentials were not provided.' });
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    }
    const bad = await app.http().get('/api/contacts/').set(bearer('ctk_not-a-real-token'));
    expect({ status: bad.status, body: bad.body }).toEqual({ status: 401, body: { detail: 'Invalid token.' } });
  });

  describe('a shared book', () => {
    let family: number;
    let contact: Contact;

    beforeAll(async () => {
      const res = await as(ada).post('/api/address-books/', { name: 'Family' });
      expect(res.status).toBe(201);
      family = (res.body as AddressBook).id;
      contact = await create(ada, family);
      expect((await as(ada).post(`/api/address-books/${family}/members/`, { email: 'grace@example.com', role: 'viewer' })).status).toBe(201);
    });

    it('a viewer reads it, its history and its feed, and every write is 403', async () => {
      expect((await as(grace).get(`/api/contacts/${contact.id}/`)).status).toBe(200);
      expect((await as(grace).get(`/api/contacts/${contact.id}/history/`)).status).toBe(200);
      const list = (await as(grace).get(`/api/contacts/?address_book=${family}`)).body as Page<Contact>;
      expect(list.results.map((c) => c.id)).toEqual([contact.id]);
      const history = (await as(grace).get(`/api/contacts/${contact.id}/history/`)).body as Version[];
      const writes = await Promise.all([
        as(grace).put(`/api/contacts/${contact.id}/`, contactFields()),
        as(grace).patch(`/api/contacts/${contact.id}/`, { phone: '+1-555-0002' }),
        as(grace).delete(`/api/contacts/${contact.id}/`),
        as(grace).post(`/api/contacts/${contact.id}/revert/`, { version: history[0].id }),
        as(grace).post('/api/contacts/', { ...contactFields(), address_book: family }),
        as(grace).post('/api/external-update/', { id: contact.id, phone: '+1-555-0003' }),
      ]);
      for (const res of writes) {
        expect({ status: res.status, body: res.body }).toEqual({ status: 403, body: { detail: 'You do not have permission to perform this action.' } });
      }
      expect((await as(ada).get(`/api/contacts/${contact.id}/`)).body).toEqual(contact);
    });

    it('an editor writes, and the version names them; moving needs write on both books and keeps id and history', async () => {
      expect((await as(ada).patch(`/api/address-books/${family}/members/${grace.user.id}/`, { role: 'editor' })).status).toBe(200);
      const edited = await as(grace).patch(`/api/contacts/${contact.id}/`, { phone: '+1-555-0004' });
      expect(edited.status).toBe(200);
      const [latest] = (await as(ada).get(`/api/contacts/${contact.id}/history/`)).body as Version[];
      expect(latest).toMatchObject({ edited_by: { id: grace.user.id, name: 'Grace Hopper' }, edited_via: 'web', address_book: family });

      // Into a book Grace cannot see: 404; into her own: moved, same id, history kept.
      expect((await as(grace).patch(`/api/contacts/${contact.id}/`, { address_book: adaBook })).status).toBe(404);
      const beforeMove = ((await as(ada).get('/api/changes/?since=0&limit=1000')).body as ChangesPage).last_seq;
      const moved = await as(grace).patch(`/api/contacts/${contact.id}/`, { address_book: graceBook });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id: contact.id, address_book: graceBook });
      const history = (await as(grace).get(`/api/contacts/${contact.id}/history/`)).body as Version[];
      expect(history.length).toBeGreaterThanOrEqual(3);
      expect(history[0].address_book).toBe(graceBook);
      // Ada is not in Grace's book: the contact is gone for her, and her feed says so
      // (without a word of where it went); Grace's feed has the move itself.
      expect((await as(ada).get(`/api/contacts/${contact.id}/`)).status).toBe(404);
      const adaFeed = (await as(ada).get(`/api/changes/?since=${beforeMove}`)).body as ChangesPage;
      expect(adaFeed.results).toEqual([
        { type: 'contact.deleted', contact_id: contact.id, seq: history[0].id, edited_by: { id: grace.user.id, name: 'Grace Hopper' }, address_book: family },
      ]);
      const graceFeed = (await as(grace).get(`/api/changes/?since=${beforeMove}`)).body as ChangesPage;
      expect(graceFeed.results).toEqual([
        { type: 'contact.updated', contact: moved.body, seq: history[0].id, edited_by: { id: grace.user.id, name: 'Grace Hopper' }, address_book: graceBook },
      ]);
    });

    it('once unshared, the book and its contacts are 404 again', async () => {
      const another = await create(ada, family);
      expect((await as(grace).get(`/api/contacts/${another.id}/`)).status).toBe(200);
      expect((await as(ada).delete(`/api/address-books/${family}/members/${grace.user.id}/`)).status).toBe(204);
      expect((await as(grace).get(`/api/contacts/${another.id}/`)).status).toBe(404);
      expect((await as(grace).get(`/api/contacts/?address_book=${family}`)).status).toBe(404);
    });
  });
});

describe('data made while AUTH=none', () => {
  it('belongs to the first account once accounts are on', async () => {
    const open = await startTestApp();
    const made = await open.http().post('/api/contacts/').send(contactFields());
    expect(made.status).toBe(201);
    const database = open.config.database;
    // Keep the data: close the server only (its temp folder goes when the second app closes).
    await open.app.close();
    const accounts = await startTestApp({ database }, { AUTH: 'accounts' });
    try {
      const ada = await signUp(accounts.baseUrl);
      const res = await accounts.http().get(`/api/contacts/${(made.body as Contact).id}/`).set(ada.headers);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: (made.body as Contact).email, address_book: (made.body as Contact).address_book });
      const later = await createAccount(accounts.baseUrl, ada);
      expect((await accounts.http().get(`/api/contacts/${(made.body as Contact).id}/`).set(later.headers)).status).toBe(404);
    } finally {
      await accounts.close();
      await open.close().catch(() => undefined);
    }
  });
});

describe('queue jobs act as the token they carry (Redis, Bull)', () => {
  const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `isolation-${process.pid}-${Date.now()}:`;
  let app: TestApp;
  let queue: Queue.Queue;
  let ada: Session;
  let grace: Session;

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts', REDIS_URL, REDIS_PREFIX: prefix });
    queue = new Queue(EXTERNAL_UPDATES_QUEUE, REDIS_URL, { prefix: `${prefix}bull` });
    ada = await signUp(app.baseUrl);
    grace = await createAccount(app.baseUrl, ada);
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await app?.close();
  });

  it("through HTTP and pushed straight to Bull: the token's user, their books only; no token or a bad one fails 401", async () => {
    const [book] = ((await app.http().get('/api/address-books/').set(ada.headers)).body as AddressBook[]).map((b) => b.id);
    const created = await app.http().post('/api/contacts/').set(ada.headers).send({ ...contactFields(), address_book: book });
    expect(created.status).toBe(201);
    const id = (created.body as Contact).id;
    const adaToken = (await createToken(app.baseUrl, ada)).token;
    const graceToken = (await createToken(app.baseUrl, grace)).token;

    const viaHttp = await app.http().post('/api/external-update/').set(bearer(adaToken)).send({ id, phone: '+1-555-7001' });
    expect(viaHttp.status).toBe(200);
    expect((await app.http().post('/api/external-update/').set(bearer(graceToken)).send({ id, phone: '+1-555-7002' })).status).toBe(404);

    const pushed = await queue.add({ id, phone: '+1-555-7003', token: adaToken });
    expect(await pushed.finished()).toMatchObject({ id, phone: '+1-555-7003' });
    const [latest] = (await app.http().get(`/api/contacts/${id}/history/`).set(ada.headers)).body as Version[];
    expect(latest).toMatchObject({ edited_reason: 'external_update', edited_via: 'external', edited_by: { id: ada.user.id } });

    const refused = [
      await queue.add({ id, phone: '+1-555-7004', token: graceToken }),
      await queue.add({ id, phone: '+1-555-7005' }),
      await queue.add({ id, phone: '+1-555-7006', token: 'ctk_forged' }),
    ];
    const reasons = await Promise.all(refused.map((job) => job.finished().then(() => 'applied', (error: Error) => error.message)));
    expect(JSON.parse(reasons[0])).toEqual({ status: 404, body: { detail: 'Not found.' } });
    expect(JSON.parse(reasons[1])).toMatchObject({ status: 401 });
    expect(JSON.parse(reasons[2])).toEqual({ status: 401, body: { detail: 'Invalid token.' } });
    const now = (await app.http().get(`/api/contacts/${id}/`).set(ada.headers)).body as Contact;
    expect(now.phone).toBe('+1-555-7003');
  });
});
