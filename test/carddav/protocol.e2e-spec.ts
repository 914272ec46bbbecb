import type { Element } from '@xmldom/xmldom';
import { type AddressBook, type Contact, EMAIL_TAKEN_MESSAGE, type Page, type Version } from '@contacts/wire-types';
import { createAccount, type Session, signUp } from '../support/accounts.js';
import { tableCounts } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { basic, CALENDARSERVER as CS, CARDDAV as C, children as elements, DAV as D, type DavAnswer, parseXml as parse } from './dav-test-support.js';

/**
 * The CardDAV protocol as a client sees it, over raw HTTP with Basic credentials:
 * discovery, PROPFIND, the card methods with their ETags and preconditions, the error
 * bodies, and that a DAV write is a contact mutation like any other (its version says
 * who and through which door). tsdav, vdirsyncer and the client fixtures have their own
 * suites; this one pins the wire format.
 */

interface PropStat {
  status: string;
  props: Map<string, Element>;
}

interface DavResponse {
  href: string;
  status: string | null;
  propstats: PropStat[];
}

const first = (parent: Element, ns: string, name: string): Element | undefined => elements(parent, ns, name)[0];

/** A 207 body as responses with their propstats, properties keyed `{ns}name`. */
function multistatus(text: string): DavResponse[] {
  const root = parse(text);
  expect([root.namespaceURI, root.localName]).toEqual([D, 'multistatus']);
  return elements(root, D, 'response').map((response) => ({
    href: first(response, D, 'href')?.textContent ?? '',
    status: first(response, D, 'status')?.textContent ?? null,
    propstats: elements(response, D, 'propstat').map((propstat) => ({
      status: first(propstat, D, 'status')?.textContent ?? '',
      props: new Map(elements(first(propstat, D, 'prop')!).map((prop) => [`{${prop.namespaceURI ?? ''}}${prop.localName}`, prop])),
    })),
  }));
}

/** The property's element in the response's 200 propstat, or undefined. */
function found(response: DavResponse, key: string): Element | undefined {
  return response.propstats.find((propstat) => propstat.status === 'HTTP/1.1 200 OK')?.props.get(key);
}

function missing(response: DavResponse): string[] {
  return [...(response.propstats.find((propstat) => propstat.status === 'HTTP/1.1 404 Not Found')?.props.keys() ?? [])];
}

const hrefIn = (element: Element | undefined): string => first(element!, D, 'href')?.textContent ?? '';

/** `<d:error>`'s condition elements, as `{ns}name`, and its responsedescription. */
function davError(text: string): { conditions: string[]; description: string } {
  const root = parse(text);
  expect([root.namespaceURI, root.localName]).toEqual([D, 'error']);
  const all = elements(root);
  return {
    conditions: all.filter((e) => e.localName !== 'responsedescription').map((e) => `{${e.namespaceURI}}${e.localName}`),
    description: all.find((e) => e.localName === 'responsedescription')?.textContent ?? '',
  };
}

const propfindBody = (...props: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" xmlns:card="${C}" xmlns:cs="${CS}" xmlns:x="urn:example:unknown"><d:prop>${props.map((p) => `<${p}/>`).join('')}</d:prop></d:propfind>`;

function vcard(uid: string, email: string | null, extra: string[] = [], name = 'Ada Lovelace'): string {
  const [given, family] = name.split(' ');
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${uid}`,
    `FN:${name}`,
    `N:${family};${given};;;`,
    ...(email === null ? [] : [`EMAIL;TYPE=INTERNET:${email}`]),
    'TEL;TYPE=CELL:+44 20 7946 0000',
    ...extra,
    'END:VCARD',
    '',
  ].join('\r\n');
}

describe('CardDAV protocol (AUTH=accounts)', () => {
  let app: TestApp;
  let ada: Session;
  let grace: Session;
  let adaAuth: string;
  let graceAuth: string;
  let adaBook: number;
  let graceBook: number;

  const ADA = { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada Lovelace' };
  const GRACE = { email: 'grace@example.com', password: 'another good one', name: 'Grace Hopper' };

  async function dav(
    method: string,
    path: string,
    options: { auth?: string | null; headers?: Record<string, string>; body?: string } = {},
  ): Promise<DavAnswer> {
    const auth = options.auth === undefined ? adaAuth : options.auth;
    const response = await fetch(`${app.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: { ...(auth ? { Authorization: auth } : {}), ...options.headers },
      body: options.body,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  const propfind = (path: string, depth: '0' | '1' | 'infinity' | null, body?: string, auth?: string) =>
    dav('PROPFIND', path, {
      auth,
      headers: { ...(depth === null ? {} : { Depth: depth }), 'Content-Type': 'application/xml; charset=utf-8' },
      body,
    });

  const put = (path: string, card: string, headers: Record<string, string> = {}, auth?: string) =>
    dav('PUT', path, { auth, headers: { 'Content-Type': 'text/vcard; charset=utf-8', ...headers }, body: card });

  async function contactByEmail(email: string): Promise<Contact> {
    const res = await app
      .http()
      .get(`/api/contacts/?search=${encodeURIComponent(email)}`)
      .set(ada.headers);
    expect(res.status).toBe(200);
    const page = res.body as Page<Contact>;
    expect(page.results).toHaveLength(1);
    return page.results[0];
  }

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    ada = await signUp(app.baseUrl, ADA);
    grace = await createAccount(app.baseUrl, ada, GRACE);
    adaAuth = basic(ADA.email, ADA.password);
    graceAuth = basic(GRACE.email, GRACE.password);
    const books = async (who: Session) => (await app.http().get('/api/address-books/').set(who.headers)).body as AddressBook[];
    [adaBook] = (await books(ada)).map((b) => b.id);
    [graceBook] = (await books(grace)).map((b) => b.id);
    const shared = await app
      .http()
      .post(`/api/address-books/${adaBook}/members/`)
      .set(ada.headers)
      .send({ email: GRACE.email, role: 'viewer' });
    expect(shared.status).toBe(201);
  });

  afterAll(() => app?.close());

  it('/.well-known/carddav redirects to /dav/ for any method, without credentials', async () => {
    for (const [method, body] of [['GET'], ['PROPFIND', propfindBody('d:current-user-principal')]]) {
      const answer = await dav(method, '/.well-known/carddav', { auth: null, body, headers: body ? { 'Content-Type': 'text/xml' } : {} });
      expect(answer.status).toBe(301);
      expect(answer.headers.get('location')).toBe('/dav/');
    }
  });

  it('OPTIONS needs no credentials and announces DAV classes 1, 3 and addressbook', async () => {
    for (const path of ['/dav/', `/dav/books/${adaBook}/`, `/dav/books/${adaBook}/x.vcf`]) {
      const answer = await dav('OPTIONS', path, { auth: null });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('dav')).toBe('1, 3, addressbook');
      expect(answer.headers.get('allow')).toBe('OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT');
    }
  });

  it('asks for Basic credentials (401 with a Basic realm, no body) when they are missing or wrong', async () => {
    for (const auth of [null, basic(ADA.email, 'wrong password!'), basic('nobody@example.com', ADA.password)]) {
      const answer = await propfind('/dav/', '0', undefined, auth as string);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="Contacts"/);
      expect(answer.text).toBe('');
    }
  });

  it('discovery: root → principal → home → books, with the properties clients need', async () => {
    const root = multistatus((await propfind('/dav/', '0', propfindBody('d:current-user-principal'))).text);
    expect(root).toHaveLength(1);
    const principal = hrefIn(found(root[0], `{${D}}current-user-principal`));
    expect(principal).toBe(`/dav/principals/${ada.user.id}/`);

    const principalAnswer = await propfind(
      principal,
      '0',
      propfindBody('d:displayname', 'd:resourcetype', 'card:addressbook-home-set', 'card:principal-address'),
    );
    expect(principalAnswer.status).toBe(207);
    const [me] = multistatus(principalAnswer.text);
    expect(found(me, `{${D}}displayname`)?.textContent).toBe(ADA.name);
    expect(elements(found(me, `{${D}}resourcetype`)!, D, 'principal')).toHaveLength(1);
    expect(missing(me)).toEqual([`{${C}}principal-address`]);
    const home = hrefIn(found(me, `{${C}}addressbook-home-set`));
    expect(home).toBe('/dav/books/');

    const listing = multistatus(
      (
        await propfind(
          home,
          '1',
          propfindBody(
            'd:displayname',
            'd:resourcetype',
            'cs:getctag',
            'd:sync-token',
            'card:supported-address-data',
            'd:supported-report-set',
            'd:current-user-privilege-set',
            'x:not-a-property',
          ),
        )
      ).text,
    );
    expect(listing.map((r) => r.href)).toEqual(['/dav/books/', `/dav/books/${adaBook}/`]);
    const book = listing[1];
    expect(found(book, `{${D}}displayname`)?.textContent).toBe('Contacts');
    const types = elements(found(book, `{${D}}resourcetype`)!).map((e) => `{${e.namespaceURI}}${e.localName}`);
    expect(types.sort()).toEqual([`{${D}}collection`, `{${C}}addressbook`].sort());
    const token = found(book, `{${D}}sync-token`)?.textContent ?? '';
    expect(token).toMatch(/^http:\/\/contacts\.invalid\/ns\/sync\/\d+$/);
    expect(found(book, `{${CS}}getctag`)?.textContent).toBe(token);
    const dataTypes = elements(found(book, `{${C}}supported-address-data`)!, C, 'address-data-type');
    expect(dataTypes.map((e) => [e.getAttribute('content-type'), e.getAttribute('version')])).toEqual([['text/vcard', '3.0']]);
    const reports = Array.from(found(book, `{${D}}supported-report-set`)!.getElementsByTagNameNS('*', 'report')).map(
      (r) => elements(r)[0].localName,
    );
    expect(reports.sort()).toEqual(['addressbook-multiget', 'addressbook-query', 'sync-collection']);
    const privileges = Array.from(found(book, `{${D}}current-user-privilege-set`)!.getElementsByTagNameNS(D, 'privilege')).map(
      (p) => elements(p)[0].localName,
    );
    expect(privileges).toEqual(expect.arrayContaining(['read', 'write', 'write-content', 'bind', 'unbind']));
    // Every response says what it does not have, in a propstat of its own.
    for (const response of listing) expect(missing(response)).toContain('{urn:example:unknown}not-a-property');
  });

  it('a shared book is in the member’s home, read-only for a viewer', async () => {
    const listing = multistatus(
      (await propfind('/dav/books/', '1', propfindBody('d:displayname', 'd:current-user-privilege-set'), graceAuth)).text,
    );
    expect(listing.map((r) => r.href).sort()).toEqual(['/dav/books/', `/dav/books/${graceBook}/`, `/dav/books/${adaBook}/`].sort());
    const shared = listing.find((r) => r.href === `/dav/books/${adaBook}/`)!;
    const privileges = Array.from(found(shared, `{${D}}current-user-privilege-set`)!.getElementsByTagNameNS(D, 'privilege')).map(
      (p) => elements(p)[0].localName,
    );
    expect(privileges.sort()).toEqual(['read', 'read-current-user-privilege-set']);
  });

  it('refuses Depth: infinity (403 propfind-finite-depth); a missing Depth is 1; an empty body is allprop', async () => {
    const infinite = await propfind(`/dav/books/${adaBook}/`, 'infinity');
    expect(infinite.status).toBe(403);
    expect(davError(infinite.text).conditions).toEqual([`{${D}}propfind-finite-depth`]);

    const noDepth = multistatus((await propfind('/dav/books/', null)).text);
    expect(noDepth.map((r) => r.href)).toContain(`/dav/books/${adaBook}/`);
    const allprop = noDepth.find((r) => r.href === `/dav/books/${adaBook}/`)!;
    expect(found(allprop, `{${D}}displayname`)?.textContent).toBe('Contacts');
    expect(found(allprop, `{${D}}sync-token`)).toBeDefined();
  });

  it('PUT stores the card, and its ETag (strong, quoted) is the one GET and PROPFIND give', async () => {
    const path = `/dav/books/${adaBook}/etag-1.vcf`;
    const created = await put(path, vcard('etag-1', 'etag1@example.com'), { 'If-None-Match': '*' });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);

    const got = await dav('GET', path, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(got.headers.get('etag')).toBe(etag);
    expect(got.text).toContain('VERSION:3.0');
    expect(got.text).toContain('UID:etag-1');

    const [listed] = multistatus((await propfind(path, '0', propfindBody('d:getetag', 'd:getcontenttype'))).text);
    expect(listed.href).toBe(path);
    expect(found(listed, `{${D}}getetag`)?.textContent).toBe(etag);

    const updated = await put(path, vcard('etag-1', 'etag1@example.com', [], 'Ada Byron'), { 'If-Match': etag! });
    expect(updated.status).toBe(204);
    expect(updated.headers.get('etag')).not.toBe(etag);
    expect((await dav('GET', path)).headers.get('etag')).toBe(updated.headers.get('etag'));
  });

  it('If-Match and If-None-Match: * fail with 412 and change nothing', async () => {
    const path = `/dav/books/${adaBook}/precondition.vcf`;
    const etag = (await put(path, vcard('precondition', 'pre@example.com'))).headers.get('etag')!;
    const before = await tableCounts(app);
    expect((await put(path, vcard('precondition', 'pre@example.com'), { 'If-None-Match': '*' })).status).toBe(412);
    expect((await put(path, vcard('precondition', 'pre@example.com', [], 'Ada Byron'), { 'If-Match': '"not-the-etag"' })).status).toBe(412);
    expect((await put(`/dav/books/${adaBook}/no-such-card.vcf`, vcard('x', 'x@example.com'), { 'If-Match': etag })).status).toBe(412);
    expect((await dav('DELETE', path, { headers: { 'If-Match': '"not-the-etag"' } })).status).toBe(412);
    expect(await tableCounts(app)).toEqual(before);
    expect((await dav('GET', path)).headers.get('etag')).toBe(etag);

    expect((await dav('DELETE', path, { headers: { 'If-Match': etag } })).status).toBe(204);
    expect((await dav('GET', path)).status).toBe(404);
    expect((await dav('DELETE', path)).status).toBe(404);
  });

  it('keeps every property it does not model, byte for byte, and a big card keeps its strong ETag', async () => {
    const photo = `PHOTO;ENCODING=b;TYPE=JPEG:${Buffer.alloc(3000, 7).toString('base64')}`;
    const extras = ['X-CUSTOM;X-PARAM=one:some value\\, with a comma', 'NICKNAME:Countess', 'URL:https://example.com/ada', photo];
    const path = `/dav/books/${adaBook}/extras.vcf`;
    expect((await put(path, vcard('extras', 'extras@example.com', extras))).status).toBe(201);
    const got = await dav('GET', path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-encoding')).toBeNull();
    expect(got.headers.get('etag')).toMatch(/^"/);
    const unfolded = got.text.replace(/\r\n[ \t]/g, '');
    for (const line of extras) expect(unfolded).toContain(line);
  });

  it('a card without an email is 403 valid-address-data, and nothing is written', async () => {
    const before = await tableCounts(app);
    const answer = await put(`/dav/books/${adaBook}/no-email.vcf`, vcard('no-email', null));
    expect(answer.status).toBe(403);
    const error = davError(answer.text);
    expect(error.conditions).toEqual([`{${C}}valid-address-data`]);
    expect(error.description).toMatch(/^email: /);
    expect(await tableCounts(app)).toEqual(before);
  });

  it('an email another card of the book has is 403 valid-address-data with the reason', async () => {
    expect((await put(`/dav/books/${adaBook}/first-owner.vcf`, vcard('first-owner', 'taken@example.com'))).status).toBe(201);
    const before = await tableCounts(app);
    const answer = await put(`/dav/books/${adaBook}/second-owner.vcf`, vcard('second-owner', 'TAKEN@example.com'));
    expect(answer.status).toBe(403);
    const error = davError(answer.text);
    expect(error.conditions).toEqual([`{${C}}valid-address-data`]);
    expect(error.description).toBe(`email: ${EMAIL_TAKEN_MESSAGE}`);
    expect(await tableCounts(app)).toEqual(before);
  });

  it('text that is not a vCard is 403 valid-address-data', async () => {
    const answer = await put(`/dav/books/${adaBook}/garbage.vcf`, 'this is not a card');
    expect(answer.status).toBe(403);
    expect(davError(answer.text).conditions).toEqual([`{${C}}valid-address-data`]);
  });

  it('a viewer can read the shared book but not write it (403 need-privileges)', async () => {
    const path = `/dav/books/${adaBook}/shared-card.vcf`;
    expect((await put(path, vcard('shared-card', 'shared@example.com'))).status).toBe(201);
    expect((await dav('GET', path, { auth: graceAuth })).status).toBe(200);
    const before = await tableCounts(app);
    for (const answer of [
      await put(path, vcard('shared-card', 'shared@example.com', [], 'Grace Hopper'), {}, graceAuth),
      await put(`/dav/books/${adaBook}/new-by-viewer.vcf`, vcard('new-by-viewer', 'viewer@example.com'), {}, graceAuth),
      await dav('DELETE', path, { auth: graceAuth }),
    ]) {
      expect(answer.status).toBe(403);
      expect(davError(answer.text).conditions).toEqual([`{${D}}need-privileges`]);
    }
    expect(await tableCounts(app)).toEqual(before);
  });

  it('a DAV write is a version edited via carddav by the user', async () => {
    expect((await put(`/dav/books/${adaBook}/history.vcf`, vcard('history', 'history@example.com'))).status).toBe(201);
    const contact = await contactByEmail('history@example.com');
    expect(contact.uid).toBe('history');
    const res = await app.http().get(`/api/contacts/${contact.id}/history/`).set(ada.headers);
    expect(res.status).toBe(200);
    const [version] = res.body as Version[];
    expect(version).toMatchObject({ edited_via: 'carddav', edited_reason: 'created', edited_by: { id: ada.user.id, name: ADA.name } });
  });

  it('the path names the card: a UID that differs is stored under the path’s name', async () => {
    expect((await put(`/dav/books/${adaBook}/path-name.vcf`, vcard('body-uid', 'pathname@example.com'))).status).toBe(201);
    const got = await dav('GET', `/dav/books/${adaBook}/path-name.vcf`);
    expect(got.text).toContain('UID:path-name');
    expect((await dav('GET', `/dav/books/${adaBook}/body-uid.vcf`)).status).toBe(404);
  });

  it('a uid with reserved characters travels percent-encoded in hrefs', async () => {
    const uid = 'urn:uuid:a/b c@d';
    const path = `/dav/books/${adaBook}/${encodeURIComponent(uid)}.vcf`;
    expect((await put(path, vcard(uid, 'encoded@example.com'))).status).toBe(201);
    const listing = multistatus((await propfind(`/dav/books/${adaBook}/`, '1', propfindBody('d:getetag'))).text);
    expect(listing.map((r) => r.href)).toContain(path);
    expect((await dav('GET', path)).text).toContain(`UID:${uid}`);
  });

  it('PROPPATCH changes nothing: every property is 403 in a 207', async () => {
    const answer = await dav('PROPPATCH', `/dav/books/${adaBook}/`, {
      headers: { 'Content-Type': 'application/xml' },
      body: '<d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:displayname>Renamed</d:displayname></d:prop></d:set></d:propertyupdate>',
    });
    expect(answer.status).toBe(207);
    const [response] = multistatus(answer.text);
    expect(response.propstats.map((p) => [p.status, [...p.props.keys()]])).toEqual([['HTTP/1.1 403 Forbidden', [`{${D}}displayname`]]]);
    const books = (await app.http().get('/api/address-books/').set(ada.headers)).body as AddressBook[];
    expect(books.find((b) => b.id === adaBook)?.name).toBe('Contacts');
  });

  it('a sync after one change returns that change only; a deletion comes back as 404; a foreign token is 403 valid-sync-token', async () => {
    const sync = async (token: string) => {
      const answer = await dav('REPORT', `/dav/books/${adaBook}/`, {
        headers: { 'Content-Type': 'application/xml' },
        body: `<d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`,
      });
      expect(answer.status).toBe(207);
      const root = parse(answer.text);
      return { responses: multistatus(answer.text), token: first(root, D, 'sync-token')?.textContent ?? '' };
    };
    const initial = await sync('');
    expect(initial.responses.length).toBeGreaterThan(0);
    const path = `/dav/books/${adaBook}/sync-one.vcf`;
    expect((await put(path, vcard('sync-one', 'sync-one@example.com'))).status).toBe(201);
    const afterPut = await sync(initial.token);
    expect(afterPut.responses.map((r) => [r.href, r.status])).toEqual([[path, null]]);
    expect((await dav('DELETE', path)).status).toBe(204);
    const afterDelete = await sync(afterPut.token);
    expect(afterDelete.responses.map((r) => [r.href, r.status])).toEqual([[path, 'HTTP/1.1 404 Not Found']]);

    const foreign = await dav('REPORT', `/dav/books/${adaBook}/`, {
      headers: { 'Content-Type': 'application/xml' },
      body: '<d:sync-collection xmlns:d="DAV:"><d:sync-token>data:,12345</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>',
    });
    expect(foreign.status).toBe(403);
    expect(davError(foreign.text).conditions).toEqual([`{${D}}valid-sync-token`]);
  });

  const report = (body: string) => dav('REPORT', `/dav/books/${adaBook}/`, { headers: { 'Content-Type': 'application/xml; charset=utf-8', Depth: '1' }, body });

  it('a sync with a limit answers that many, a 507 for the book, and a token that picks up the rest', async () => {
    const start = first(parse((await report(`<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`)).text), D, 'sync-token')!.textContent!;
    for (const uid of ['limit-1', 'limit-2']) expect((await put(`/dav/books/${adaBook}/${uid}.vcf`, vcard(uid, `${uid}@example.com`))).status).toBe(201);
    const limited = (token: string) =>
      report(`<d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:limit><d:nresults>1</d:nresults></d:limit><d:prop><d:getetag/></d:prop></d:sync-collection>`);
    const firstPage = await limited(start);
    expect(multistatus(firstPage.text).map((r) => [r.href, r.status])).toEqual([
      [`/dav/books/${adaBook}/limit-1.vcf`, null],
      [`/dav/books/${adaBook}/`, 'HTTP/1.1 507 Insufficient Storage'],
    ]);
    const secondPage = await limited(first(parse(firstPage.text), D, 'sync-token')!.textContent!);
    expect(multistatus(secondPage.text).map((r) => [r.href, r.status])).toEqual([[`/dav/books/${adaBook}/limit-2.vcf`, null]]);

    const future = await report(`<d:sync-collection xmlns:d="DAV:"><d:sync-token>http://contacts.invalid/ns/sync/999999999</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`);
    expect(future.status).toBe(403);
    expect(davError(future.text).conditions).toEqual([`{${D}}valid-sync-token`]);
  });

  it('multiget answers each href asked for, with the card or a 404; query filters the book', async () => {
    const path = `/dav/books/${adaBook}/multi.vcf`;
    const etag = (await put(path, vcard('multi', 'multi-get@example.com'))).headers.get('etag');
    const gone = `/dav/books/${adaBook}/never-was.vcf`;
    const foreign = `/dav/books/${graceBook}/x.vcf`;
    const answer = await report(
      `<card:addressbook-multiget xmlns:d="DAV:" xmlns:card="${C}"><d:prop><d:getetag/><card:address-data/></d:prop><d:href>${path}</d:href><d:href>${gone}</d:href><d:href>${foreign}</d:href></card:addressbook-multiget>`,
    );
    expect(answer.status).toBe(207);
    const responses = multistatus(answer.text);
    expect(responses.map((r) => [r.href, r.status])).toEqual([
      [path, null],
      [gone, 'HTTP/1.1 404 Not Found'],
      [foreign, 'HTTP/1.1 404 Not Found'],
    ]);
    expect(found(responses[0], `{${D}}getetag`)?.textContent).toBe(etag);
    expect(found(responses[0], `{${C}}address-data`)?.textContent).toBe((await dav('GET', path)).text.replace(/\r\n/g, '\n'));

    const query = await report(
      `<card:addressbook-query xmlns:d="DAV:" xmlns:card="${C}"><d:prop><d:getetag/></d:prop><card:filter><card:prop-filter name="EMAIL"><card:text-match collation="i;unicode-casemap" match-type="starts-with">MULTI-GET@</card:text-match></card:prop-filter></card:filter></card:addressbook-query>`,
    );
    expect(multistatus(query.text).map((r) => r.href)).toEqual([path]);
  });

  it('answers malformed requests with a 4xx in XML or empty, never JSON', async () => {
    const book = `/dav/books/${adaBook}/`;
    const cases: Array<[DavAnswer, number]> = [
      [await propfind(book, '0', '<d:propfind xmlns:d="DAV:"><d:prop>'), 400],
      [
        await propfind(
          book,
          '0',
          '<!DOCTYPE x [<!ENTITY e "boom">]><d:propfind xmlns:d="DAV:"><d:prop><d:displayname/></d:prop></d:propfind>',
        ),
        400,
      ],
      [await dav('REPORT', book, { headers: { 'Content-Type': 'text/xml' }, body: 'not xml at all' }), 400],
      [await dav('REPORT', book, { headers: { 'Content-Type': 'text/xml' }, body: '<d:expand-property xmlns:d="DAV:"/>' }), 403],
      [await propfind(book, '0', `<d:propfind xmlns:d="DAV:"><d:prop>${'<d:displayname/>'.repeat(80_000)}</d:prop></d:propfind>`), 413],
      [await dav('GET', book), 405],
      [await dav('DELETE', book), 403],
      [await dav('MKCOL', '/dav/books/new/'), 403],
      [await dav('MOVE', `${book}x.vcf`), 405],
      [await propfind('/dav/books/999999/', '0'), 404],
      [await propfind(`/dav/principals/${grace.user.id}/`, '0'), 404],
      [await propfind('/dav/elsewhere/', '0'), 404],
      [await propfind(`/dav/books/${graceBook}/`, '0'), 404],
    ];
    for (const [answer, status] of cases) {
      expect(answer.status).toBe(status);
      const type = answer.headers.get('content-type');
      if (answer.text !== '') expect(type).toBe('application/xml; charset=utf-8');
      expect(answer.text.startsWith('{')).toBe(false);
    }
    expect(cases.find(([answer]) => answer.status === 405)![0].headers.get('allow')).toContain('PROPFIND');
    expect(davError(cases[3][0].text).conditions).toEqual([`{${D}}supported-report`]);
  });
});

describe('CardDAV protocol (AUTH=none)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app?.close());

  it('takes any credentials (or none), with one shared principal, and writes through the same path', async () => {
    const anyAuth = basic('whoever', 'whatever');
    const root = await fetch(`${app.baseUrl}/dav/`, { method: 'PROPFIND', headers: { Depth: '0' } });
    expect(root.status).toBe(207);
    const principal = hrefIn(found(multistatus(await root.text())[0], `{${D}}current-user-principal`));
    expect(principal).toBe('/dav/principals/shared/');

    const home = await fetch(`${app.baseUrl}/dav/books/`, { method: 'PROPFIND', headers: { Depth: '1', Authorization: anyAuth } });
    const books = multistatus(await home.text()).filter((r) => r.href !== '/dav/books/');
    expect(books).toHaveLength(1);
    const card = `${books[0].href}open-card.vcf`;
    const created = await fetch(`${app.baseUrl}${card}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'text/vcard' },
      body: vcard('open-card', 'open@example.com'),
    });
    expect(created.status).toBe(201);
    const got = await fetch(`${app.baseUrl}${card}`, { headers: { Authorization: anyAuth } });
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe(created.headers.get('etag'));

    const contact = ((await app.http().get('/api/contacts/?search=open%40example.com')).body as Page<Contact>).results[0];
    const [version] = (await app.http().get(`/api/contacts/${contact.id}/history/`)).body as Version[];
    expect(version).toMatchObject({ edited_via: 'carddav', edited_by: null });
  });

  it('a book that does not exist is 404 even where every book is open, and nothing is written', async () => {
    const before = await tableCounts(app);
    const nowhere = await fetch(`${app.baseUrl}/dav/books/999999/lost.vcf`, { method: 'PUT', headers: { 'Content-Type': 'text/vcard' }, body: vcard('lost', 'lost@example.com') });
    expect(nowhere.status).toBe(404);
    const report = await fetch(`${app.baseUrl}/dav/books/999999/`, { method: 'REPORT', body: '<d:sync-collection xmlns:d="DAV:"><d:sync-token/></d:sync-collection>' });
    expect(report.status).toBe(404);
    expect(await tableCounts(app)).toEqual(before);
  });
});
