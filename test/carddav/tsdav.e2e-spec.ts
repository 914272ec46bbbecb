import { type DAVAddressBook, DAVClient, type DAVResponse, type DAVVCard, addressBookMultiGet } from 'tsdav';
import type { AddressBook, Contact } from '@contacts/wire-types';
import { newAccount, type Session, signUp } from '../support/accounts.js';
import { contactFields } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { STRONG_ETAG } from './dav-test-support.js';

/**
 * tsdav (a CardDAV client library used by web and Node apps) against the real server:
 * discovery from the well-known URL, the books, the cards, sync-collection after each kind
 * of change, multiget, and a conditional update that must fail.
 */

const CARD_PROPS = { 'd:getetag': {}, 'card:address-data': {} };

/** A card as a client writes it (the server needs the four mandatory fields: names, an email, a phone). */
function vcard(uid: string, name: string, email: string): string {
  const [given, family] = name.split(' ');
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${uid}`,
    `FN:${name}`,
    `N:${family};${given};;;`,
    `EMAIL;TYPE=INTERNET:${email}`,
    'TEL;TYPE=CELL:+44 20 7946 0000',
    'END:VCARD',
    '',
  ].join('\r\n');
}

/**
 * The card responses of a sync-collection answer (the 507 of a cut answer is the book's href, not a card).
 * tsdav gives a response with propstats the status of the whole answer (207), a gone card its own 404.
 */
const cardResponses = (responses: DAVResponse[]) => responses.filter((r) => typeof r.href === 'string' && r.href.endsWith('.vcf'));
const tokenOf = (responses: DAVResponse[]): string =>
  String((responses[0]?.raw as { multistatus?: { syncToken?: unknown } })?.multistatus?.syncToken ?? '');
const pathOf = (url: string) => new URL(url).pathname;

describe('CardDAV with tsdav as the client', () => {
  let app: TestApp;
  let ada: Session;
  let adaPassword: string;
  let client: DAVClient;
  let book: AddressBook;
  let davBook: DAVAddressBook;
  let seeded: Contact[];

  const rest = {
    create: async (fields = contactFields()) => {
      const res = await app
        .http()
        .post('/api/contacts/')
        .set(ada.headers)
        .send({ ...fields, address_book: book.id });
      expect(res.status).toBe(201);
      return res.body as Contact;
    },
    get: (id: number) => app.http().get(`/api/contacts/${id}/`).set(ada.headers),
    patch: (id: number, body: object) => app.http().patch(`/api/contacts/${id}/`).set(ada.headers).send(body),
  };

  const sync = (syncToken: string) => client.syncCollection({ url: davBook.url, props: { 'd:getetag': {} }, syncLevel: 1, syncToken });

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    const account = newAccount('Ada Lovelace');
    adaPassword = account.password;
    ada = await signUp(app.baseUrl, account);
    book = ((await app.http().get('/api/address-books/').set(ada.headers)).body as AddressBook[])[0];
    seeded = [await rest.create(), await rest.create()];
    client = new DAVClient({
      serverUrl: `${app.baseUrl}/.well-known/carddav`,
      credentials: { username: ada.user.email, password: adaPassword },
      authMethod: 'Basic',
      defaultAccountType: 'carddav',
    });
    await client.login();
  });

  afterAll(() => app?.close());

  it('discovers the root, the principal and the home from the well-known URL', () => {
    expect(client.account?.rootUrl).toBe(`${app.baseUrl}/dav/`);
    expect(client.account?.principalUrl).toBe(`${app.baseUrl}/dav/principals/${ada.user.id}/`);
    expect(client.account?.homeUrl).toBe(`${app.baseUrl}/dav/books/`);
  });

  it('lists the account’s book with its name, ctag, sync token and reports', async () => {
    const books = await client.fetchAddressBooks();
    expect(books.map((b) => pathOf(b.url))).toEqual([`/dav/books/${book.id}/`]);
    davBook = books[0];
    expect(davBook.displayName).toBe(book.name);
    expect(davBook.resourcetype).toEqual(expect.arrayContaining(['collection', 'addressbook']));
    expect(String(davBook.syncToken)).toMatch(/^http:\/\/contacts\.invalid\/ns\/sync\/\d+$/);
    expect(davBook.ctag).toBeDefined();
    expect(davBook.reports).toEqual(expect.arrayContaining(['addressbookMultiget', 'addressbookQuery', 'syncCollection']));
  });

  it('fetches every card as vCard 3.0 with the ETag the REST API gives', async () => {
    const cards = await client.fetchVCards({ addressBook: davBook });
    expect(cards.map((c) => pathOf(c.url)).sort()).toEqual(seeded.map((c) => `/dav/books/${book.id}/${c.uid}.vcf`).sort());
    for (const card of cards) {
      expect(card.etag).toMatch(STRONG_ETAG);
      expect(card.data).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
      const contact = seeded.find((c) => card.url.endsWith(`/${c.uid}.vcf`))!;
      expect(card.data).toMatch(new RegExp(`^EMAIL[^:\r\n]*:${contact.email.replace(/\./g, '\\.')}\r$`, 'm'));
      expect((await rest.get(contact.id)).headers['etag']).toBe(card.etag);
    }
  });

  it('syncs: all cards first, then after a create, an update and a delete exactly that change', async () => {
    const initial = await sync('');
    expect(
      cardResponses(initial)
        .map((r) => r.href)
        .sort(),
    ).toEqual(seeded.map((c) => `/dav/books/${book.id}/${c.uid}.vcf`).sort());
    const t0 = tokenOf(initial);
    expect(t0).toMatch(/^http:\/\/contacts\.invalid\/ns\/sync\/\d+$/);

    // Nothing changed: nothing to tell, and the same token back.
    const quiet = await sync(t0);
    expect(cardResponses(quiet)).toEqual([]);
    expect(tokenOf(quiet)).toBe(t0);

    // Create from the client.
    const href = `/dav/books/${book.id}/tsdav-card-1.vcf`;
    const created = await client.createVCard({
      addressBook: davBook,
      filename: 'tsdav-card-1.vcf',
      vCardString: vcard('tsdav-card-1', 'Charles Babbage', 'charles@example.com'),
    });
    expect(created.status).toBe(201);
    const etag1 = created.headers.get('etag');
    expect(etag1).toMatch(STRONG_ETAG);
    const afterCreate = await sync(t0);
    expect(cardResponses(afterCreate).map((r) => [r.href, r.status, r.props?.getetag])).toEqual([[href, 207, etag1]]);
    const t1 = tokenOf(afterCreate);
    expect(t1).not.toBe(t0);

    // Update from the client.
    const url = `${app.baseUrl}${href}`;
    const updated = await client.updateVCard({
      vCard: { url, etag: etag1!, data: vcard('tsdav-card-1', 'Charles Babbage', 'babbage@example.com') },
    });
    expect(updated.status).toBe(204);
    const etag2 = updated.headers.get('etag');
    expect(etag2).toMatch(STRONG_ETAG);
    expect(etag2).not.toBe(etag1);
    const afterUpdate = await sync(t1);
    expect(cardResponses(afterUpdate).map((r) => [r.href, r.status, r.props?.getetag])).toEqual([[href, 207, etag2]]);
    const t2 = tokenOf(afterUpdate);

    // A change in the web app reaches the next sync too.
    expect((await rest.patch(seeded[0].id, { phone: '+1-555-0199' })).status).toBe(200);
    const afterWeb = await sync(t2);
    expect(cardResponses(afterWeb).map((r) => r.href)).toEqual([`/dav/books/${book.id}/${seeded[0].uid}.vcf`]);
    const t3 = tokenOf(afterWeb);

    // Delete from the client: told as a 404 for the card's href.
    const deleted = await client.deleteVCard({ vCard: { url, etag: etag2! } });
    expect(deleted.status).toBe(204);
    const afterDelete = await sync(t3);
    expect(cardResponses(afterDelete).map((r) => [r.href, r.status])).toEqual([[href, 404]]);
    expect(cardResponses(await sync(tokenOf(afterDelete)))).toEqual([]);
  });

  it('keeps a local copy in step with smartCollectionSync', async () => {
    const [current] = await client.fetchAddressBooks();
    const local: DAVAddressBook = {
      ...current,
      objects: await client.fetchVCards({ addressBook: current }),
      objectMultiGet: addressBookMultiGet,
    };
    const added = await rest.create();
    expect((await rest.patch(seeded[1].id, { phone: '+1-555-0198' })).status).toBe(200);
    const result = await client.smartCollectionSync({ collection: local, method: 'webdav', detailedResult: true });
    const objects = result.objects as { created: DAVVCard[]; updated: DAVVCard[]; deleted: DAVVCard[] };
    expect(objects.created.map((o) => pathOf(o.url))).toEqual([`/dav/books/${book.id}/${added.uid}.vcf`]);
    expect(objects.updated.map((o) => pathOf(o.url))).toEqual([`/dav/books/${book.id}/${seeded[1].uid}.vcf`]);
    expect(objects.deleted).toEqual([]);
    expect(objects.updated[0].data).toContain('+1-555-0198');
  });

  it('answers a multiget with the cards asked for, in that order', async () => {
    const hrefs = [`/dav/books/${book.id}/${seeded[1].uid}.vcf`, `/dav/books/${book.id}/${seeded[0].uid}.vcf`];
    const responses = await client.addressBookMultiGet({ url: davBook.url, props: CARD_PROPS, objectUrls: hrefs, depth: '1' });
    expect(responses.map((r) => [r.href, r.status])).toEqual([
      [hrefs[0], 207],
      [hrefs[1], 207],
    ]);
    for (const [at, response] of responses.entries()) {
      const data = String(response.props?.addressData?._cdata ?? response.props?.addressData);
      expect(data).toContain(`UID:${seeded[1 - at].uid}`);
      expect(data).toMatch(/VERSION:3\.0/);
      expect(response.props?.getetag).toMatch(STRONG_ETAG);
    }
  });

  it('answers a multiget href that is no card with a 404 response beside the others', async () => {
    // tsdav's addressBookMultiGet throws on any 404 inside the multistatus; its davRequest gives every response.
    const hrefs = [`/dav/books/${book.id}/no-such-card.vcf`, `/dav/books/${book.id}/${seeded[0].uid}.vcf`];
    const responses = await client.davRequest({
      url: davBook.url,
      init: {
        method: 'REPORT',
        namespace: 'card',
        headers: { depth: '1' },
        body: {
          'addressbook-multiget': {
            _attributes: { 'xmlns:d': 'DAV:', 'xmlns:card': 'urn:ietf:params:xml:ns:carddav' },
            'd:prop': { 'd:getetag': {} },
            'd:href': hrefs,
          },
        },
      },
    });
    expect(responses.map((r) => [r.href, r.status])).toEqual([
      [hrefs[0], 404],
      [hrefs[1], 207],
    ]);
  });

  it('refuses an update with a stale ETag (412) and keeps the card as it was', async () => {
    const contact = seeded[0];
    const url = `${app.baseUrl}/dav/books/${book.id}/${contact.uid}.vcf`;
    const [known] = await client.fetchVCards({ addressBook: davBook, objectUrls: [url] });
    // The web app changes the card after the client read it: the client's ETag is stale.
    expect((await rest.patch(contact.id, { phone: '+1-555-0197' })).status).toBe(200);
    const res = await client.updateVCard({
      vCard: { url, etag: known.etag, data: vcard(contact.uid, 'Someone Else', 'else@example.com') },
    });
    expect(res.status).toBe(412);
    const after = await rest.get(contact.id);
    expect(after.headers['etag']).not.toBe(known.etag);
    expect(after.body).toMatchObject({ email: contact.email, phone: '+1-555-0197' });
  });
});
