import type { AddressBook, Contact, Page, Version } from '@contacts/wire-types';
import { generatedUid, generateVCards } from '../../apps/api/src/vcard/fixtures/generate-vcards.js';
import { createToken, newAccount, type Session, signUp } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { importFile } from '../imports/import-support.js';
import { propertyLines, propertyValue, requireVdirsyncer, VdirsyncerPair, type VdirsyncerRun, withProperty } from './vdirsyncer-support.js';

const SERVER_CARDS = 1000;
const LOCAL_CARDS = 50;
/** Local cards are numbered from here, apart from the server's. */
const LOCAL_FROM = 5000;
const NOTHING = { created: [], updated: [], deleted: [] };

const ACCOUNT = newAccount();

const fileOf = (uid: string) => `${uid}.vcf`;
const sorted = (values: string[]) => [...values].sort();

/**
 * vdirsyncer, a real CardDAV client, keeps a folder of .vcf files and one book of an
 * AUTH=accounts server in step both ways (HTTP Basic: the account's email and an app token;
 * the book found by discovery from /.well-known/carddav). Every sync's outcome is checked on
 * both sides: the REST API for the server, the files for the folder; and a second sync right
 * after each one must find nothing to do (the ETags the server gave on PUT are the ones it
 * lists next, and nothing it lists changes by itself).
 */
describe('vdirsyncer ↔ CardDAV', () => {
  let app: TestApp;
  let ada: Session;
  let book: AddressBook;
  let pair: VdirsyncerPair;

  const rest = (path: string, init: RequestInit = {}) =>
    fetch(`${app.baseUrl}${path}`, {
      ...init,
      headers: {
        ...ada.headers,
        'Accept-Encoding': 'identity',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });

  async function contactsByUid(): Promise<Map<string, Contact>> {
    const all = new Map<string, Contact>();
    for (let page = 1; ; page++) {
      const res = await rest(`/api/contacts/?address_book=${book.id}&page_size=100&page=${page}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Page<Contact>;
      for (const contact of body.results) all.set(contact.uid, contact);
      if (!body.next) return all;
    }
  }

  async function contactOf(uid: string): Promise<Contact> {
    const contact = (await contactsByUid()).get(uid);
    if (!contact) throw new Error(`no contact with uid ${uid} in book ${book.id}`);
    return contact;
  }

  async function patch(contact: Contact, fields: Partial<Contact>): Promise<Contact> {
    const res = await rest(`/api/contacts/${contact.id}/`, { method: 'PATCH', body: JSON.stringify(fields) });
    expect(res.status).toBe(200);
    return (await res.json()) as Contact;
  }

  async function latestVersion(contact: Contact): Promise<Version> {
    const res = await rest(`/api/contacts/${contact.id}/history/`);
    expect(res.status).toBe(200);
    return ((await res.json()) as Version[])[0];
  }

  /** The card as the REST API writes it (GET /api/contacts/{id}/vcard/), as property lines. */
  async function restCard(contact: Contact): Promise<string[]> {
    const res = await rest(`/api/contacts/${contact.id}/vcard/`);
    expect(res.status).toBe(200);
    return propertyLines(await res.text());
  }

  /** A sync that must succeed; returns what it did on each side. */
  async function sync(options: Parameters<VdirsyncerPair['sync']>[0] = {}): Promise<Pick<VdirsyncerRun, 'folder' | 'server'>> {
    const run = await pair.sync(options);
    if (run.code !== 0) throw new Error(`vdirsyncer sync exited ${run.code}:\n${run.output}`);
    return { folder: run.folder, server: run.server };
  }

  /** A second sync right after: nothing moves either way. */
  async function expectInStep(): Promise<void> {
    expect(await sync()).toEqual({ folder: NOTHING, server: NOTHING });
  }

  beforeAll(async () => {
    requireVdirsyncer();
    app = await startTestApp({}, { AUTH: 'accounts' });
    ada = await signUp(app.baseUrl, ACCOUNT);
    const books = (await (await rest('/api/address-books/')).json()) as AddressBook[];
    book = books.find((b) => b.role === 'owner')!;
    const job = await importFile(app.baseUrl, [...generateVCards(SERVER_CARDS)].join(''), {
      query: `address_book=${book.id}`,
      headers: ada.headers,
    });
    expect(job).toMatchObject({ status: 'done', created: SERVER_CARDS });
    const { token } = await createToken(app.baseUrl, ada, 'vdirsyncer');
    pair = new VdirsyncerPair({
      url: `${app.baseUrl}/.well-known/carddav`,
      username: ada.user.email,
      password: token,
      collection: String(book.id),
    });
  });

  afterAll(async () => {
    pair?.remove();
    await app?.close();
  });

  test(`initial sync: the book's ${SERVER_CARDS} cards arrive as files, the folder's ${LOCAL_CARDS} as contacts`, async () => {
    const local = [...generateVCards(LOCAL_CARDS, LOCAL_FROM)];
    const localUids = local.map((card) => propertyValue(card, 'UID')!);
    local.forEach((card, k) => pair.write(fileOf(localUids[k]), card));
    const discovered = await pair.discover();
    if (discovered.code !== 0) throw new Error(`vdirsyncer discover exited ${discovered.code}:\n${discovered.output}`);
    expect(discovered.output).toContain(`- "${book.id}" ("${book.name}")`);

    const serverUids = Array.from({ length: SERVER_CARDS }, (_, i) => generatedUid(i));
    const run = await sync();
    expect({ folder: sorted(run.folder.created), server: sorted(run.server.created) }).toEqual({
      folder: sorted(serverUids),
      server: sorted(localUids),
    });
    expect([...pair.files().keys()]).toEqual(sorted([...serverUids, ...localUids].map(fileOf)));

    const contacts = await contactsByUid();
    expect(contacts.size).toBe(SERVER_CARDS + LOCAL_CARDS);
    for (const [k, uid] of localUids.entries()) {
      expect(contacts.get(uid)).toMatchObject({
        email: propertyValue(local[k], 'EMAIL'),
        phone: propertyValue(local[k], 'TEL'),
        address_book: book.id,
      });
    }
    expect(await latestVersion(contacts.get(localUids[0])!)).toMatchObject({
      edited_via: 'carddav',
      edited_reason: 'created',
      edited_by: { id: ada.user.id },
    });
    // Every property survives the trip: grouped labels (3), URLs (10), a photo (50), X- properties (6).
    for (const i of [0, 3, 6, 10, 50, SERVER_CARDS - 1]) {
      expect(propertyLines(pair.read(fileOf(generatedUid(i))))).toEqual(await restCard(contacts.get(generatedUid(i))!));
    }
    await expectInStep();
  });

  test('a change on each side reaches the other: an edit, and a new card', async () => {
    const [onServer, inFolder] = [generatedUid(1), generatedUid(2)];
    await patch(await contactOf(onServer), { first_name: 'Changed', phone: '+1 555 0101010' });
    pair.write(fileOf(inFolder), withProperty(pair.read(fileOf(inFolder)), 'TEL', '+1 555 0202020'));
    const created = await rest('/api/contacts/', {
      method: 'POST',
      body: JSON.stringify({
        address_book: book.id,
        first_name: 'Made',
        last_name: 'OnServer',
        email: 'made.on.server@example.com',
        phone: '+1 555 0303030',
      }),
    });
    expect(created.status).toBe(201);
    const newOnServer = ((await created.json()) as Contact).uid;
    const newInFolder = [...generateVCards(1, LOCAL_FROM + LOCAL_CARDS)][0];
    pair.write(fileOf(generatedUid(LOCAL_FROM + LOCAL_CARDS)), newInFolder);

    expect(await sync()).toEqual({
      folder: { created: [newOnServer], updated: [onServer], deleted: [] },
      server: { created: [generatedUid(LOCAL_FROM + LOCAL_CARDS)], updated: [inFolder], deleted: [] },
    });
    const changedFile = pair.read(fileOf(onServer));
    expect([propertyValue(changedFile, 'TEL'), propertyValue(changedFile, 'FN')]).toEqual([
      '+1 555 0101010',
      expect.stringMatching(/^Changed /),
    ]);
    expect(propertyValue(pair.read(fileOf(newOnServer)), 'EMAIL')).toBe('made.on.server@example.com');
    const changed = await contactOf(inFolder);
    expect(changed.phone).toBe('+1 555 0202020');
    expect(await latestVersion(changed)).toMatchObject({ edited_via: 'carddav', edited_reason: 'updated', edited_by: { id: ada.user.id } });
    expect(await contactOf(generatedUid(LOCAL_FROM + LOCAL_CARDS))).toMatchObject({ email: propertyValue(newInFolder, 'EMAIL') });
    await expectInStep();
  });

  test('a deletion on each side reaches the other', async () => {
    const [onServer, inFolder] = [generatedUid(3), generatedUid(4)];
    const gone = await contactOf(inFolder);
    expect((await rest(`/api/contacts/${(await contactOf(onServer)).id}/`, { method: 'DELETE' })).status).toBe(204);
    pair.delete(fileOf(inFolder));

    expect(await sync()).toEqual({ folder: { ...NOTHING, deleted: [onServer] }, server: { ...NOTHING, deleted: [inFolder] } });
    expect([pair.has(fileOf(onServer)), pair.has(fileOf(inFolder))]).toEqual([false, false]);
    expect((await rest(`/api/contacts/${gone.id}/`)).status).toBe(404);
    expect(await latestVersion(gone)).toMatchObject({ edited_via: 'carddav', edited_reason: 'deleted' });
    const contacts = await contactsByUid();
    expect(contacts.size).toBe(pair.files().size);
    expect([contacts.has(onServer), contacts.has(inFolder)]).toEqual([false, false]);
    await expectInStep();
  });

  test('a conflict: without a rule vdirsyncer reports it and changes nothing; with "a wins" the folder wins', async () => {
    const uid = generatedUid(5);
    await patch(await contactOf(uid), { phone: '+1 555 0505050' });
    const mine = withProperty(pair.read(fileOf(uid)), 'TEL', '+1 555 0606060');
    pair.write(fileOf(uid), mine);

    const refused = await pair.sync({ conflictResolution: null });
    expect({ code: refused.code, conflicts: refused.conflicts, folder: refused.folder, server: refused.server }).toEqual({
      code: 1,
      conflicts: [uid],
      folder: NOTHING,
      server: NOTHING,
    });
    expect(refused.output).toContain('One item changed on both sides');
    expect((await contactOf(uid)).phone).toBe('+1 555 0505050');
    expect(pair.read(fileOf(uid))).toBe(mine);

    expect(await sync({ conflictResolution: 'a wins' })).toEqual({ folder: NOTHING, server: { ...NOTHING, updated: [uid] } });
    const resolved = await contactOf(uid);
    expect(resolved.phone).toBe('+1 555 0606060');
    expect(await latestVersion(resolved)).toMatchObject({ edited_via: 'carddav', edited_reason: 'updated' });
    expect(pair.read(fileOf(uid))).toBe(mine);
    await expectInStep();
  });

  test('the account password signs in as well as a token: discovery finds the same book', async () => {
    const withPassword = new VdirsyncerPair({
      url: `${app.baseUrl}/.well-known/carddav`,
      username: ada.user.email,
      password: ACCOUNT.password,
      collection: String(book.id),
    });
    try {
      const discovered = await withPassword.discover();
      expect({ code: discovered.code, output: discovered.output }).toEqual({
        code: 0,
        output: expect.stringContaining(`- "${book.id}" ("${book.name}")`),
      });
      const wrong = new VdirsyncerPair({
        url: `${app.baseUrl}/.well-known/carddav`,
        username: ada.user.email,
        password: 'not the password',
        collection: String(book.id),
      });
      try {
        const refused = await wrong.discover();
        expect({ code: refused.code, output: refused.output }).toEqual({ code: 1, output: expect.stringContaining('401') });
      } finally {
        wrong.remove();
      }
    } finally {
      withPassword.remove();
    }
  });
});
