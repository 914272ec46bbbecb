import type { AddressBook, Contact, Page, Version } from '@contacts/wire-types';
import { createAccount, createToken, newAccount, type Session, signUp } from '../support/accounts.js';
import { contactFields } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  basic,
  CARDDAV,
  childNames,
  DAV,
  davRequest,
  errorConditions,
  okProp,
  parseMultistatus,
  privileges,
  responseFor,
  STRONG_ETAG,
} from './dav-test-support.js';

/**
 * One account's CardDAV credentials reach its own books and the ones shared with it, at
 * the role it was given, and nothing else: another account's book is answered exactly as
 * a book that does not exist (404), and nothing of it changes.
 */

const d = (name: string) => `{${DAV}}${name}`;

const PROPFIND_BOOKS = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:displayname/><d:current-user-privilege-set/></d:prop></d:propfind>`;
const MULTIGET = (href: string) => `<?xml version="1.0" encoding="utf-8"?>
<card:addressbook-multiget xmlns:d="DAV:" xmlns:card="${CARDDAV}"><d:prop><d:getetag/><card:address-data/></d:prop><d:href>${href}</d:href></card:addressbook-multiget>`;
const SYNC = `<?xml version="1.0" encoding="utf-8"?>
<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`;

function vcard(uid: string, email: string, phone = '+1 555 0100'): string {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${uid}`,
    'FN:Mallory Intruder',
    'N:Intruder;Mallory;;;',
    `EMAIL:${email}`,
    `TEL:${phone}`,
    'END:VCARD',
    '',
  ].join('\r\n');
}

describe('CardDAV isolation between accounts', () => {
  let app: TestApp;
  let ada: Session;
  let bob: Session;
  let adaBook: AddressBook;
  let bobBook: AddressBook;
  let adaContact: Contact;
  const credentials: Record<'password' | 'token', string> = { password: '', token: '' };

  const bookHref = (book: AddressBook) => `/dav/books/${book.id}/`;
  const cardHref = (book: AddressBook, uid: string) => `${bookHref(book)}${encodeURIComponent(uid)}.vcf`;
  const asBob = (kind: keyof typeof credentials, method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    davRequest(app.baseUrl, method, path, { headers: { Authorization: credentials[kind], ...headers }, body });

  /** What Ada's book holds, read through REST as Ada: ids, ETags, and the number of versions of her contact. */
  async function adaState() {
    const list = await app.http().get(`/api/contacts/?address_book=${adaBook.id}`).set(ada.headers);
    expect(list.status).toBe(200);
    const contacts = (list.body as Page<Contact>).results.map((c) => ({ id: c.id, uid: c.uid, email: c.email, phone: c.phone }));
    expect(contacts.map((c) => c.id)).toContain(adaContact.id);
    const history = await app.http().get(`/api/contacts/${adaContact.id}/history/`).set(ada.headers);
    return { contacts, versions: (history.body as Version[]).length };
  }

  /** Everything B tries on A's book with one credential: all 404, nothing changed. */
  async function expectNoWayIn(kind: keyof typeof credentials) {
    const before = await adaState();
    const home = parseMultistatus((await asBob(kind, 'PROPFIND', '/dav/books/', { Depth: '1' }, PROPFIND_BOOKS)).text);
    expect(home.responses.map((r) => r.href)).not.toContain(bookHref(adaBook));
    expect(home.responses.map((r) => r.href)).toContain(bookHref(bobBook));

    const attempts = [
      await asBob(kind, 'PROPFIND', bookHref(adaBook), { Depth: '1' }, PROPFIND_BOOKS),
      await asBob(kind, 'PROPFIND', bookHref(adaBook), { Depth: '0' }, PROPFIND_BOOKS),
      await asBob(kind, 'GET', cardHref(adaBook, adaContact.uid)),
      await asBob(kind, 'HEAD', cardHref(adaBook, adaContact.uid)),
      await asBob(kind, 'REPORT', bookHref(adaBook), { Depth: '1' }, MULTIGET(cardHref(adaBook, adaContact.uid))),
      await asBob(kind, 'REPORT', bookHref(adaBook), { Depth: '1' }, SYNC),
      await asBob(
        kind,
        'PUT',
        cardHref(adaBook, 'planted'),
        { 'Content-Type': 'text/vcard', 'If-None-Match': '*' },
        vcard('planted', 'planted@example.com'),
      ),
      await asBob(
        kind,
        'PUT',
        cardHref(adaBook, adaContact.uid),
        { 'Content-Type': 'text/vcard' },
        vcard(adaContact.uid, 'taken@example.com'),
      ),
      await asBob(kind, 'DELETE', cardHref(adaBook, adaContact.uid)),
    ];
    expect(attempts.map((answer) => answer.status)).toEqual(attempts.map(() => 404));
    // Indistinguishable from a book that does not exist.
    expect((await asBob(kind, 'GET', cardHref({ ...adaBook, id: 999_999 }, adaContact.uid))).status).toBe(404);
    expect(await adaState()).toEqual(before);
  }

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    ada = await signUp(app.baseUrl, newAccount('Ada Lovelace'));
    const bobAccount = newAccount('Bob Babbage');
    bob = await createAccount(app.baseUrl, ada, bobAccount);
    credentials.password = basic(bobAccount.email, bobAccount.password);
    credentials.token = basic(bobAccount.email, (await createToken(app.baseUrl, bob, 'phone')).token);
    adaBook = ((await app.http().get('/api/address-books/').set(ada.headers)).body as AddressBook[])[0];
    bobBook = ((await app.http().get('/api/address-books/').set(bob.headers)).body as AddressBook[])[0];
    const res = await app
      .http()
      .post('/api/contacts/')
      .set(ada.headers)
      .send({ ...contactFields(), address_book: adaBook.id });
    expect(res.status).toBe(201);
    adaContact = res.body as Contact;
  });

  afterAll(() => app?.close());

  it('wrong credentials are 401 with a Basic challenge', async () => {
    const answer = await davRequest(app.baseUrl, 'PROPFIND', '/dav/books/', {
      headers: { Authorization: basic(bob.user.email, 'not the password'), Depth: '0' },
    });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="Contacts"/);
    expect(answer.text).not.toMatch(/unauthenticated/);
  });

  it.each(['password', 'token'] as const)('with %s, B can neither see nor read nor change A’s book', async (kind) => {
    await expectNoWayIn(kind);
  });

  describe('once A shares the book with B', () => {
    beforeAll(async () => {
      const res = await app
        .http()
        .post(`/api/address-books/${adaBook.id}/members/`)
        .set(ada.headers)
        .send({ email: bob.user.email, role: 'viewer' });
      expect(res.status).toBe(201);
    });

    it('as a viewer, B sees it in its home, read-only, and can read its cards', async () => {
      const home = parseMultistatus((await asBob('token', 'PROPFIND', '/dav/books/', { Depth: '1' }, PROPFIND_BOOKS)).text);
      const shared = responseFor(home, bookHref(adaBook));
      expect(childNames(okProp(shared, d('resourcetype')))).toContain(`{${CARDDAV}}addressbook`);
      const granted = privileges(okProp(shared, d('current-user-privilege-set')));
      expect(granted).toContain('read');
      expect(granted).not.toEqual(expect.arrayContaining(['write']));
      expect(granted).not.toContain('write-content');
      expect(granted).not.toContain('bind');

      const got = await asBob('password', 'GET', cardHref(adaBook, adaContact.uid));
      expect(got.status).toBe(200);
      expect(got.text).toContain(adaContact.email);
      expect(got.headers.get('etag')).toMatch(STRONG_ETAG);
      const multiget = await asBob('token', 'REPORT', bookHref(adaBook), { Depth: '1' }, MULTIGET(cardHref(adaBook, adaContact.uid)));
      expect(multiget.status).toBe(207);
    });

    it.each(['password', 'token'] as const)('as a viewer with %s, B cannot write: 403 need-privileges, nothing changed', async (kind) => {
      const before = await adaState();
      const writes = [
        await asBob(
          kind,
          'PUT',
          cardHref(adaBook, 'viewer-new'),
          { 'Content-Type': 'text/vcard', 'If-None-Match': '*' },
          vcard('viewer-new', 'viewer-new@example.com'),
        ),
        await asBob(
          kind,
          'PUT',
          cardHref(adaBook, adaContact.uid),
          { 'Content-Type': 'text/vcard' },
          vcard(adaContact.uid, 'viewer-edit@example.com'),
        ),
        await asBob(kind, 'DELETE', cardHref(adaBook, adaContact.uid)),
      ];
      for (const answer of writes) {
        expect(answer.status).toBe(403);
        expect(errorConditions(answer.text)).toEqual([d('need-privileges')]);
      }
      expect(await adaState()).toEqual(before);
    });

    it('as an editor, B writes, and the version says B via CardDAV', async () => {
      const promoted = await app
        .http()
        .patch(`/api/address-books/${adaBook.id}/members/${bob.user.id}/`)
        .set(ada.headers)
        .send({ role: 'editor' });
      expect(promoted.status).toBe(200);
      const home = parseMultistatus((await asBob('token', 'PROPFIND', '/dav/books/', { Depth: '1' }, PROPFIND_BOOKS)).text);
      expect(privileges(okProp(responseFor(home, bookHref(adaBook)), d('current-user-privilege-set')))).toEqual(
        expect.arrayContaining(['write', 'bind', 'unbind']),
      );

      const put = await asBob(
        'token',
        'PUT',
        cardHref(adaBook, adaContact.uid),
        { 'Content-Type': 'text/vcard' },
        vcard(adaContact.uid, adaContact.email, '+1 555 0177'),
      );
      expect(put.status).toBe(204);
      const history = (await app.http().get(`/api/contacts/${adaContact.id}/history/`).set(ada.headers)).body as Version[];
      expect(history[0]).toMatchObject({
        edited_via: 'carddav',
        edited_by: { id: bob.user.id, name: 'Bob Babbage' },
        phone: '+1 555 0177',
      });
    });

    it('after A removes B, the book is gone for B again', async () => {
      expect((await app.http().delete(`/api/address-books/${adaBook.id}/members/${bob.user.id}/`).set(ada.headers)).status).toBe(204);
      await expectNoWayIn('token');
    });
  });
});
