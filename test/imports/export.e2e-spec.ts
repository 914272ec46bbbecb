import type { AddressBook, Contact, Page } from '@contacts/wire-types';
import { createAccount, type Session, signUp } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { cardsOf, get, importFile, numberedCards, unfolded } from './import-support.js';

const emailsIn = (vcf: string) => cardsOf(vcf).map((c) => unfolded(c).find((l) => /^EMAIL[;:]/i.test(l))!.replace(/^.*:/, '')).sort();

/**
 * GET /api/contacts/export/ (vCard or CSV, every readable book or one, a search) and
 * GET /api/contacts/{id}/vcard/: attachments with our names, only what the caller can
 * read, and the routes are not taken for a contact id.
 */
describe('export', () => {
  let app: TestApp;
  let ada: Session;
  let grace: Session;
  let adaBook: number;
  let otherBook: number;
  let graceBook: number;

  const ownBook = async (who: Session) => ((await get(app.baseUrl, '/api/address-books/', who.headers)).body as AddressBook[]).find((b) => b.role === 'owner')!.id;

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    ada = await signUp(app.baseUrl, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada Lovelace' });
    grace = await createAccount(app.baseUrl, ada, { email: 'grace@example.com', password: 'another good one', name: 'Grace Hopper' });
    adaBook = await ownBook(ada);
    graceBook = await ownBook(grace);
    const created = await fetch(`${app.baseUrl}/api/address-books/`, { method: 'POST', headers: { ...ada.headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Work' }) });
    otherBook = ((await created.json()) as AddressBook).id;
    for (const [who, book, prefix, n] of [[ada, adaBook, 'home', 1200], [ada, otherBook, 'work', 30], [grace, graceBook, 'grace', 20]] as const) {
      const job = await importFile(app.baseUrl, numberedCards(n, prefix), { query: `address_book=${book}`, headers: who.headers });
      expect(job).toMatchObject({ status: 'done', created: n });
    }
  }, 60_000);

  afterAll(() => app?.close());

  it('vCard of every readable book, of one book, of a search: attachments named contacts.vcf', async () => {
    const all = await get(app.baseUrl, '/api/contacts/export/?format=vcard', ada.headers);
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(all.headers.get('content-disposition')).toBe('attachment; filename="contacts.vcf"');
    const cards = cardsOf(all.text);
    expect(cards.length).toBe(1230); // more than one batch of the walk
    expect(cards.every((c) => c.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n') && c.endsWith('END:VCARD\r\n'))).toBe(true);
    expect(emailsIn(all.text).some((e) => e.startsWith('grace.'))).toBe(false);

    const one = await get(app.baseUrl, `/api/contacts/export/?address_book=${otherBook}`, ada.headers);
    expect(one.status).toBe(200);
    expect(emailsIn(one.text)).toEqual(Array.from({ length: 30 }, (_, i) => `work.${i}@example.com`).sort());

    const search = await get(app.baseUrl, `/api/contacts/export/?search=${encodeURIComponent('home.11')}`, ada.headers);
    expect(emailsIn(search.text)).toEqual(['home.11@example.com', ...Array.from({ length: 100 }, (_, i) => `home.11${String(i).padStart(2, '0')}@example.com`), ...Array.from({ length: 10 }, (_, i) => `home.11${i}@example.com`)].sort());
    const list = (await get(app.baseUrl, `/api/contacts/?search=${encodeURIComponent('home.11')}&page_size=1`, ada.headers)).body as Page<Contact>;
    expect(cardsOf(search.text).length).toBe(list.count); // the same matches as the list's search
  });

  it('CSV: a header row of our field names, one row per contact', async () => {
    const res = await get(app.baseUrl, `/api/contacts/export/?format=csv&address_book=${otherBook}`, ada.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="contacts.csv"');
    const lines = res.text.split(/\r?\n/).filter(Boolean);
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['first_name', 'last_name', 'email', 'phone', 'organization', 'other_emails', 'uid']));
    expect(lines.length).toBe(31);
    expect(lines.filter((l) => /work\.\d+@example\.com/.test(l)).length).toBe(30);
  });

  it('a book the caller cannot read → 404; a bad format → 400; another account’s books are not in its export', async () => {
    expect((await get(app.baseUrl, `/api/contacts/export/?address_book=${adaBook}`, grace.headers)).status).toBe(404);
    const bad = await get(app.baseUrl, '/api/contacts/export/?format=xml', ada.headers);
    expect([bad.status, bad.body]).toEqual([400, { format: ['"xml" is not a valid choice.'] }]);
    const graces = await get(app.baseUrl, '/api/contacts/export/', grace.headers);
    expect(emailsIn(graces.text)).toEqual(Array.from({ length: 20 }, (_, i) => `grace.${i}@example.com`).sort());
    expect((await get(app.baseUrl, '/api/contacts/export/')).status).toBe(401);
  });

  it('GET /api/contacts/{id}/vcard/: one card as text/vcard; 404 for a contact the caller cannot read', async () => {
    const page = (await get(app.baseUrl, `/api/contacts/?address_book=${otherBook}&search=work.7%40`, ada.headers)).body as Page<Contact>;
    const contact = page.results[0];
    const res = await get(app.baseUrl, `/api/contacts/${contact.id}/vcard/`, ada.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    const [only] = cardsOf(res.text);
    expect(cardsOf(res.text).length).toBe(1);
    const lines = unfolded(only);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCARD', 'VERSION:3.0']);
    expect(lines).toEqual(expect.arrayContaining([`UID:${contact.uid}`, 'X-IMPORT-SEQ:7', 'NOTE:card 7 of work']));
    expect(lines.some((l) => /^EMAIL[;:].*work\.7@example\.com$/.test(l))).toBe(true);
    expect((await get(app.baseUrl, `/api/contacts/${contact.id}/vcard/`, grace.headers)).status).toBe(404);
    expect((await get(app.baseUrl, '/api/contacts/999999/vcard/', ada.headers)).status).toBe(404);
    // Beside them, /api/contacts/{id}/ is still the contact.
    const plain = await get(app.baseUrl, `/api/contacts/${contact.id}/`, ada.headers);
    expect([plain.status, (plain.body as Contact).email]).toEqual([200, 'work.7@example.com']);
  });
});
