import type { AddressBook, Contact } from '@contacts/wire-types';
import { newAccount, type Session, signUp } from '../support/accounts.js';
import { contactFields } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  basic,
  CALENDARSERVER,
  CARDDAV,
  childNames,
  children,
  DAV,
  type DavAnswer,
  davRequest,
  errorConditions,
  expectEveryPropAnswered,
  hrefText,
  type Multistatus,
  okProp,
  parseMultistatus,
  privileges,
  propOf,
  propsAskedIn,
  responseFor,
  STRONG_ETAG,
  SYNC_TOKEN,
} from './dav-test-support.js';
import * as apple from './fixtures/apple.js';
import type { ClientRequest } from './fixtures/client-request.js';
import * as davx5 from './fixtures/davx5.js';
import * as thunderbird from './fixtures/thunderbird.js';

/**
 * The requests iOS / macOS Contacts, DAVx5 and Thunderbird send (fixtures/, each with its
 * source), replayed against the real server, and the answers checked the way those clients
 * read them: status, every property asked for answered, hrefs, quoted ETags, vCard 3.0.
 */

const d = (name: string) => `{${DAV}}${name}`;
const card = (name: string) => `{${CARDDAV}}${name}`;
const cs = (name: string) => `{${CALENDARSERVER}}${name}`;

describe('CardDAV requests as real clients send them', () => {
  let app: TestApp;
  let ada: Session;
  let authorization: string;
  let book: AddressBook;
  let seeded: Contact[];
  let principal: string;
  let bookHref: string;
  const cardHref = (uid: string) => `${bookHref}${encodeURIComponent(uid)}.vcf`;

  /** The fixture's request, with Ada's Basic credentials, to `path`. */
  const send = (request: ClientRequest, path: string): Promise<DavAnswer> =>
    davRequest(app.baseUrl, request.method, path, { headers: { ...request.headers, Authorization: authorization }, body: request.body });

  /** A 207 whose responses are read; anything else fails with the body. */
  async function multistatusOf(request: ClientRequest, path: string): Promise<Multistatus> {
    const answer = await send(request, path);
    if (answer.status !== 207) throw new Error(`${request.method} ${path}: ${answer.status}\n${answer.text}`);
    expect(answer.headers.get('content-type')).toMatch(/^(application|text)\/xml\b/);
    return parseMultistatus(answer.text);
  }

  const cardResponses = (multistatus: Multistatus) => multistatus.responses.filter((r) => r.href.endsWith('.vcf'));
  const cardText = async (href: string) => (await davRequest(app.baseUrl, 'GET', href, { headers: { Authorization: authorization } })).text;

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    const account = newAccount('Ada Lovelace');
    ada = await signUp(app.baseUrl, account);
    authorization = basic(account.email, account.password);
    book = ((await app.http().get('/api/address-books/').set(ada.headers)).body as AddressBook[])[0];
    seeded = [];
    for (let i = 0; i < 2; i++) {
      const res = await app
        .http()
        .post('/api/contacts/')
        .set(ada.headers)
        .send({ ...contactFields(), address_book: book.id });
      expect(res.status).toBe(201);
      seeded.push(res.body as Contact);
    }
    principal = `/dav/principals/${ada.user.id}/`;
    bookHref = `/dav/books/${book.id}/`;
  });

  afterAll(() => app?.close());

  describe('iOS and macOS Contacts', () => {
    it('discovery: the well-known URL redirects to /dav/, which names the principal (iOS accountsd)', async () => {
      const redirect = await send(apple.discovery, '/.well-known/carddav');
      expect(redirect.status).toBe(301);
      const location = redirect.headers.get('location');
      expect(new URL(location!, app.baseUrl).pathname).toBe('/dav/');

      const root = await multistatusOf(apple.discovery, '/dav/');
      const response = responseFor(root, '/dav/');
      expectEveryPropAnswered(response, propsAskedIn(apple.discovery.body!));
      expect(hrefText(okProp(response, d('current-user-principal')))).toBe(principal);
      expect(childNames(okProp(response, d('resourcetype')))).toContain(d('collection'));
    });

    it('the principal answers OPTIONS with the addressbook DAV class (iOS dataaccessd)', async () => {
      const answer = await send(apple.principalOptions, principal);
      expect(answer.status).toBe(200);
      expect(
        answer.headers
          .get('dav')
          ?.split(',')
          .map((v) => v.trim()),
      ).toEqual(expect.arrayContaining(['1', '3', 'addressbook']));
    });

    it('the principal gives the home set and the name, and a 404 for what it does not have (macOS)', async () => {
      const multistatus = await multistatusOf(apple.principalProperties, principal);
      const response = responseFor(multistatus, principal);
      expectEveryPropAnswered(response, propsAskedIn(apple.principalProperties.body!));
      expect(hrefText(okProp(response, card('addressbook-home-set')))).toBe('/dav/books/');
      expect(okProp(response, d('displayname')).textContent).toBe('Ada Lovelace');
      expect(hrefText(okProp(response, d('principal-URL')))).toBe(principal);
      expect(propOf(response, card('directory-gateway')).status).toBe(404);
      expect(propOf(response, cs('email-address-set')).status).toBe(404);
    });

    it('a sync-collection with a token the server never issued: 403 valid-sync-token, so macOS starts over', async () => {
      const answer = await send(apple.foreignTokenSync, bookHref);
      expect(answer.status).toBe(403);
      expect(errorConditions(answer.text)).toEqual([d('valid-sync-token')]);
    });

    it('setting the Me card: 207 with the property refused, nothing else happens (macOS)', async () => {
      const request = apple.meCard(cardHref(seeded[0].uid));
      const multistatus = await multistatusOf(request, '/dav/books/');
      const response = responseFor(multistatus, '/dav/books/');
      expect(propOf(response, cs('me-card')).status).toBe(403);
    });

    it('a card with a name only: 403 valid-address-data with the reason, and nothing stored (iPhone)', async () => {
      const uid = 'AE8B1C71-0D3B-4C1C-9A2B-3C4D5E6F7A8B';
      const answer = await send({ ...apple.createCard(apple.nameOnlyCard(uid)) }, cardHref(uid));
      expect(answer.status).toBe(403);
      expect(errorConditions(answer.text)).toEqual([card('valid-address-data')]);
      expect(answer.text).toMatch(/<d:responsedescription>[^<]*(email|phone)[^<]*<\/d:responsedescription>/i);
      expect((await davRequest(app.baseUrl, 'GET', cardHref(uid), { headers: { Authorization: authorization } })).status).toBe(404);
    });

    it('an Apple card is created with If-None-Match: *, keeps every property, and a second create is 412', async () => {
      const uid = '9D1F6C2E-7B3A-4E5F-8A9B-0C1D2E3F4A5B';
      const created = await send(apple.createCard(apple.appleCard(uid)), cardHref(uid));
      expect(created.status).toBe(201);
      const etag = created.headers.get('etag');
      expect(etag).toMatch(STRONG_ETAG);

      const got = await davRequest(app.baseUrl, 'GET', cardHref(uid), { headers: { Authorization: authorization } });
      expect(got.status).toBe(200);
      expect(got.headers.get('etag')).toBe(etag);
      expect(got.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
      expect(got.text).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
      const kept = [
        'item2.URL;type=pref:https://navy.example/grace',
        'item2.X-ABLabel:_$!<HomePage>!$_',
        'X-ABUID:5E2B7C1A-3F7D-4C9A-8E55-2C1F0B9D6A10:ABPerson',
        'ORG:US Navy',
        'grace@navy.example',
        '+1 202 555 0142',
        `UID:${uid}`,
      ];
      for (const line of kept) {
        expect(got.text).toContain(line);
      }

      const again = await send(apple.createCard(apple.appleCard(uid)), cardHref(uid));
      expect(again.status).toBe(412);
    });
  });

  describe('DAVx5', () => {
    let token: string;
    const uid = 'c4f1e2d3-b4a5-4697-8889-9a0b1c2d3e4f';

    it('service detection on the base URL finds the principal, and OPTIONS says addressbook', async () => {
      const multistatus = await multistatusOf(davx5.checkBaseUrl, '/dav/');
      const response = responseFor(multistatus, '/dav/');
      expectEveryPropAnswered(response, propsAskedIn(davx5.checkBaseUrl.body!));
      expect(hrefText(okProp(response, d('current-user-principal')))).toBe(principal);
      const options = await send(davx5.providesService, principal);
      expect(options.headers.get('dav')).toMatch(/\baddressbook\b/);
    });

    it('the principal names the home set', async () => {
      const response = responseFor(await multistatusOf(davx5.checkBaseUrl, principal), principal);
      expectEveryPropAnswered(response, propsAskedIn(davx5.checkBaseUrl.body!));
      expect(hrefText(okProp(response, card('addressbook-home-set')))).toBe('/dav/books/');
      expect(childNames(okProp(response, d('resourcetype')))).toContain(d('principal'));
    });

    it('the home lists the book: an address book, writable, vCard 3.0 only; calendar and push properties 404', async () => {
      const multistatus = await multistatusOf(davx5.listHome, '/dav/books/');
      expect(multistatus.responses.map((r) => r.href)).toEqual(expect.arrayContaining(['/dav/books/', bookHref]));
      const response = responseFor(multistatus, bookHref);
      expectEveryPropAnswered(response, propsAskedIn(davx5.listHome.body!));
      expect(childNames(okProp(response, d('resourcetype')))).toEqual(expect.arrayContaining([d('collection'), card('addressbook')]));
      expect(privileges(okProp(response, d('current-user-privilege-set')))).toEqual(
        expect.arrayContaining(['read', 'write', 'write-content', 'bind', 'unbind']),
      );
      expect(okProp(response, d('displayname')).textContent).toBe(book.name);
      const supported = okProp(response, card('supported-address-data'));
      const types = children(supported).map((type) => `${type.getAttribute('content-type')} ${type.getAttribute('version')}`);
      expect(types).toEqual(['text/vcard 3.0']);
      for (const notOurs of [
        '{http://apple.com/ns/ical/}calendar-color',
        `{urn:ietf:params:xml:ns:caldav}calendar-description`,
        '{https://bitfire.at/webdav-push}push-transports',
      ]) {
        expect(propOf(response, notOurs).status).toBe(404);
      }
    });

    it('the capabilities of the book: sync-collection offered, a ctag and a sync token of ours', async () => {
      const response = responseFor(await multistatusOf(davx5.queryCapabilities, bookHref), bookHref);
      expectEveryPropAnswered(response, propsAskedIn(davx5.queryCapabilities.body!));
      const reports = okProp(response, d('supported-report-set'));
      const names = children(reports, DAV, 'supported-report').flatMap((supported) =>
        children(supported, DAV, 'report').flatMap((report) => childNames(report)),
      );
      expect(names).toEqual(expect.arrayContaining([d('sync-collection'), card('addressbook-multiget'), card('addressbook-query')]));
      expect(okProp(response, d('sync-token')).textContent).toMatch(SYNC_TOKEN);
      expect(okProp(response, cs('getctag')).textContent).toBeTruthy();
      expect(Number(okProp(response, card('max-resource-size')).textContent)).toBeGreaterThan(0);
    });

    it('the first sync (empty token) lists every card with a quoted ETag, and gives a token', async () => {
      const multistatus = await multistatusOf(davx5.syncCollection(''), bookHref);
      const cards = cardResponses(multistatus);
      expect(cards.map((r) => r.href).sort()).toEqual(expect.arrayContaining(seeded.map((c) => cardHref(c.uid))));
      for (const response of cards) expect(okProp(response, d('getetag')).textContent).toMatch(STRONG_ETAG);
      expect(multistatus.syncToken).toMatch(SYNC_TOKEN);
      token = multistatus.syncToken!;
    });

    it('a new contact is PUT with If-None-Match: *, and the next sync tells that card only', async () => {
      const created = await send(davx5.putNew(davx5.card(uid)), cardHref(uid));
      expect(created.status).toBe(201);
      const etag = created.headers.get('etag');
      expect(etag).toMatch(STRONG_ETAG);
      const multistatus = await multistatusOf(davx5.syncCollection(token), bookHref);
      expect(multistatus.responses.map((r) => r.href)).toEqual([cardHref(uid)]);
      expect(okProp(multistatus.responses[0], d('getetag')).textContent).toBe(etag);
      token = multistatus.syncToken!;
    });

    it('multiget gives the card as vCard 3.0 with its content type and ETag, as GET gives it', async () => {
      const multistatus = await multistatusOf(davx5.multiget([cardHref(uid), cardHref(seeded[0].uid)]), bookHref);
      expect(multistatus.responses.map((r) => r.href)).toEqual([cardHref(uid), cardHref(seeded[0].uid)]);
      const response = multistatus.responses[0];
      expect(okProp(response, d('getcontenttype')).textContent).toMatch(/^text\/vcard\b/);
      const etag = okProp(response, d('getetag')).textContent;
      expect(etag).toMatch(STRONG_ETAG);
      const data = okProp(response, card('address-data')).textContent ?? '';
      expect(data).toMatch(/^BEGIN:VCARD\r?\nVERSION:3\.0\r?\n/);
      expect(data).toContain('anja.krah@example.com');
      expect(data).toContain(`UID:${uid}`);
      // What multiget says is what GET gives.
      const got = await davRequest(app.baseUrl, 'GET', cardHref(uid), { headers: { Authorization: authorization } });
      expect(got.headers.get('etag')).toBe(etag);
      expect(got.text.replace(/\r\n/g, '\n')).toBe(data.replace(/\r\n/g, '\n'));
    });

    it('a change is PUT with If-Match: 204 with the new ETag; a stale one is 412', async () => {
      const before = (await multistatusOf(davx5.multiget([cardHref(uid)]), bookHref)).responses[0];
      const etag = okProp(before, d('getetag')).textContent!;
      const changed = await send(davx5.putChanged(davx5.card(uid, '+49 30 7654321'), etag), cardHref(uid));
      expect(changed.status).toBe(204);
      const newEtag = changed.headers.get('etag');
      expect(newEtag).toMatch(STRONG_ETAG);
      expect(newEtag).not.toBe(etag);
      const stale = await send(davx5.putChanged(davx5.card(uid, '+49 30 0000000'), etag), cardHref(uid));
      expect(stale.status).toBe(412);
      expect(await cardText(cardHref(uid))).toContain('+49 30 7654321');
    });

    it('a deletion with If-Match, then the sync tells it as a 404 for the href', async () => {
      const etag = (await davRequest(app.baseUrl, 'GET', cardHref(uid), { headers: { Authorization: authorization } })).headers.get(
        'etag',
      )!;
      expect((await send(davx5.deleteCard('"not-the-etag"'), cardHref(uid))).status).toBe(412);
      expect((await send(davx5.deleteCard(etag), cardHref(uid))).status).toBe(204);
      const multistatus = await multistatusOf(davx5.syncCollection(token), bookHref);
      expect(multistatus.responses.map((r) => [r.href, r.status])).toEqual([[cardHref(uid), 404]]);
      token = multistatus.syncToken!;
    });

    it('another Android agent’s sync-collection (getcontenttype, getetag) after a change in the web app', async () => {
      expect((await app.http().patch(`/api/contacts/${seeded[1].id}/`).set(ada.headers).send({ phone: '+1-555-0190' })).status).toBe(200);
      const multistatus = await multistatusOf(davx5.androidAgentSync(token), bookHref);
      expect(multistatus.responses.map((r) => r.href)).toEqual([cardHref(seeded[1].uid)]);
      const response = multistatus.responses[0];
      expectEveryPropAnswered(response, propsAskedIn(davx5.androidAgentSync(token).body!));
      expect(okProp(response, d('getcontenttype')).textContent).toBe('text/vcard; charset=utf-8');
    });
  });

  describe('Thunderbird', () => {
    const uid = '3b9f0c1e-2d4a-4b6c-8e0f-1a2b3c4d5e6f';
    let token: string;

    it('setup: well-known → principal → home set → the home lists the book as a writable address book', async () => {
      const redirect = await send(thunderbird.wellKnown, '/.well-known/carddav');
      expect(redirect.status).toBe(301);
      const root = new URL(redirect.headers.get('location')!, app.baseUrl).pathname;
      const rootResponse = responseFor(await multistatusOf(thunderbird.wellKnown, root), root);
      const found = hrefText(okProp(rootResponse, d('current-user-principal')));
      expect(found).toBe(principal);

      const principalResponse = responseFor(await multistatusOf(thunderbird.homeSet, found), found);
      const home = hrefText(okProp(principalResponse, card('addressbook-home-set')));
      expect(home).toBe('/dav/books/');

      const listing = await multistatusOf(thunderbird.listHome, home);
      const books = listing.responses.filter((r) => {
        const type = r.propstats.find((p) => p.status === 200 && p.props.has(d('resourcetype')))?.props.get(d('resourcetype'));
        return type !== undefined && childNames(type).includes(card('addressbook'));
      });
      expect(books.map((r) => r.href)).toEqual([bookHref]);
      expectEveryPropAnswered(books[0], propsAskedIn(thunderbird.listHome.body!));
      expect(okProp(books[0], d('displayname')).textContent).toBe(book.name);
      expect(privileges(okProp(books[0], d('current-user-privilege-set')))).toEqual(expect.arrayContaining(['read', 'write']));
    });

    it('the first full listing: the book with its ctag, every card with a quoted ETag (Depth 1)', async () => {
      const multistatus = await multistatusOf(thunderbird.listBook, bookHref);
      const own = responseFor(multistatus, bookHref);
      expect(okProp(own, cs('getctag')).textContent).toBeTruthy();
      expect(childNames(okProp(own, d('resourcetype')))).toContain(d('collection'));
      const cards = cardResponses(multistatus);
      expect(cards.map((r) => r.href)).toEqual(expect.arrayContaining(seeded.map((c) => cardHref(c.uid))));
      for (const response of cards) {
        expect(okProp(response, d('getetag')).textContent).toMatch(STRONG_ETAG);
        expect(childNames(okProp(response, d('resourcetype')))).toEqual([]);
      }
    });

    it('the sync token, with the name and the ctag (Depth 0)', async () => {
      const response = responseFor(await multistatusOf(thunderbird.syncToken, bookHref), bookHref);
      expectEveryPropAnswered(response, propsAskedIn(thunderbird.syncToken.body!));
      token = okProp(response, d('sync-token')).textContent ?? '';
      expect(token).toMatch(SYNC_TOKEN);
      expect(okProp(response, d('displayname')).textContent).toBe(book.name);
    });

    it('a new card is a plain PUT of <UID>.vcf (vCard 4.0), read back with a multiget as vCard 3.0', async () => {
      const created = await send(thunderbird.putCard(thunderbird.card(uid)), cardHref(uid));
      expect(created.status).toBe(201);
      const multistatus = await multistatusOf(thunderbird.multiget([cardHref(uid)]), bookHref);
      const response = responseFor(multistatus, cardHref(uid));
      expect(okProp(response, d('getetag')).textContent).toBe(created.headers.get('etag'));
      const data = okProp(response, card('address-data')).textContent ?? '';
      expect(data).toMatch(/^BEGIN:VCARD\r?\nVERSION:3\.0\r?\n/);
      expect(data).toContain('ada.tb@example.com');
      expect(data).toContain(`UID:${uid}`);
    });

    it('a change is a plain PUT too (no If-Match): 204', async () => {
      const changed = await send(thunderbird.putCard(thunderbird.card(uid, 'ada.byron@example.com')), cardHref(uid));
      expect(changed.status).toBe(204);
      expect(await cardText(cardHref(uid))).toContain('ada.byron@example.com');
    });

    it('the sync from the stored token brings that card with its vCard, and a plain DELETE is then told as a 404', async () => {
      const multistatus = await multistatusOf(thunderbird.syncCollection(token), bookHref);
      expect(multistatus.responses.map((r) => r.href)).toEqual([cardHref(uid)]);
      const data = okProp(multistatus.responses[0], card('address-data')).textContent ?? '';
      expect(data).toMatch(/^BEGIN:VCARD\r?\nVERSION:3\.0\r?\n/);
      expect(data).toContain('ada.byron@example.com');
      expect(multistatus.syncToken).toMatch(SYNC_TOKEN);

      expect((await send(thunderbird.deleteCard, cardHref(uid))).status).toBe(204);
      const after = await multistatusOf(thunderbird.syncCollection(multistatus.syncToken!), bookHref);
      expect(after.responses.map((r) => [r.href, r.status])).toEqual([[cardHref(uid), 404]]);
    });
  });
});
