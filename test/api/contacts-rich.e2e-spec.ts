// Richer contacts end to end (contract Part 2, "Richer contacts"), on the database
// TEST_DATABASE selects: the details through create, read, PUT, PATCH, history, revert,
// restore, search, the change feed; field-keyed validation; and ContactMutations.writeCard,
// the one way imports (and CardDAV) write a card.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Contact, type ContactDetails, emptyContactDetails, type Version } from '@contacts/wire-types';
import { DataSource } from 'typeorm';
import { BookAccess } from '../../apps/api/src/access/book-access.js';
import { ApiError } from '../../apps/api/src/common/api-errors.js';
import { ContactMutations } from '../../apps/api/src/contacts/contact-mutations.js';
import { ContactsService } from '../../apps/api/src/contacts/contacts.service.js';
import type { StoredContact } from '../../apps/api/src/contacts/stored-contact.js';
import { signUp } from '../support/accounts.js';
import { contactFields, createContact } from '../support/contacts-fixtures.js';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const DETAILS: ContactDetails = {
  organization: 'Analytical Engines Ltd',
  job_title: 'Countess',
  notes: 'First programmer.\nPoet’s daughter.',
  birthday: '1815-12-10',
  other_emails: [{ label: 'work', value: 'ada@engines.example' }],
  other_phones: [
    { label: 'mobile', value: '+44 20 7946 0000' },
    { label: 'Apple custom', value: '+44 20 7946 0001' },
  ],
  addresses: [{ label: 'home', street: '12 St James’s Square', city: 'London', region: '', postal_code: 'SW1Y 4JH', country: 'United Kingdom' }],
};

describe(`richer contacts on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  const get = async (id: number): Promise<Contact> => (await app.http().get(`/api/contacts/${id}/`).expect(200)).body as Contact;
  const history = async (id: number): Promise<Version[]> => (await app.http().get(`/api/contacts/${id}/history/`).expect(200)).body as Version[];
  const search = async (term: string): Promise<number[]> =>
    ((await app.http().get('/api/contacts/').query({ search: term, page_size: 100 }).expect(200)).body.results as Contact[]).map((c) => c.id);

  it('POST takes the details and answers the full contact with a generated uid; absent details are empty', async () => {
    const fields = contactFields();
    const rich = (await app.http().post('/api/contacts/').send({ ...fields, ...DETAILS, uid: 'not-mine' }).expect(201)).body as Contact;
    expect(rich).toEqual({
      id: expect.any(Number),
      ...fields,
      ...DETAILS,
      address_book: 1,
      uid: expect.stringMatching(UUID),
      created_at: expect.any(String),
      updated_at: rich.created_at,
    });
    expect(await get(rich.id)).toEqual(rich);

    const plain = await createContact(app);
    expect(plain).toMatchObject(emptyContactDetails());
    expect(plain.uid).toMatch(UUID);
    expect(plain.uid).not.toBe(rich.uid);
  });

  it('PUT of the four fields keeps the details (a Part 1 client wipes nothing); PATCH changes only what it names', async () => {
    const created = (await app.http().post('/api/contacts/').send({ ...contactFields(), ...DETAILS }).expect(201)).body as Contact;
    const four = contactFields();
    const put = (await app.http().put(`/api/contacts/${created.id}/`).send(four).expect(200)).body as Contact;
    expect(put).toEqual({ ...created, ...four, updated_at: put.updated_at });

    const patched = (await app.http().patch(`/api/contacts/${created.id}/`).send({ other_phones: [], birthday: '--02-29', notes: '  trimmed ' }).expect(200))
      .body as Contact;
    expect(patched).toEqual({ ...put, other_phones: [], birthday: '--02-29', notes: 'trimmed', updated_at: patched.updated_at });
    expect(patched.uid).toBe(created.uid);

    const replaced = (await app.http().put(`/api/contacts/${created.id}/`).send({ ...four, organization: '', addresses: [] }).expect(200)).body as Contact;
    expect(replaced).toMatchObject({ organization: '', addresses: [], job_title: DETAILS.job_title, other_emails: DETAILS.other_emails });
  });

  it('validation errors are keyed by field, entry and part, with DRF messages; nothing is written', async () => {
    const before = await app.http().get('/api/contacts/').expect(200);
    const res = await app
      .http()
      .post('/api/contacts/')
      .send({
        ...contactFields(),
        other_phones: [{ value: '1' }, { value: '2' }, { label: 'x', value: 'not a phone' }],
        other_emails: 'ada@example.com',
        addresses: [{ city: 'c'.repeat(201) }],
        birthday: '2023-02-30',
        organization: 'o'.repeat(201),
      });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      'other_phones[2].value': ['Enter a valid phone number.'],
      other_emails: ['Expected a list of items but got type "str".'],
      'addresses[0].city': ['Ensure this field has no more than 200 characters.'],
      birthday: ['Enter a valid date.'],
      organization: ['Ensure this field has no more than 200 characters.'],
    });
    expect((await app.http().get('/api/contacts/').expect(200)).body.count).toBe(before.body.count);

    const contact = await createContact(app);
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ label: '', value: `a${i}@example.com` }));
    expect((await app.http().patch(`/api/contacts/${contact.id}/`).send({ other_emails: tooMany })).body).toEqual({
      other_emails: ['Ensure this field has no more than 10 elements.'],
    });
    expect((await app.http().patch(`/api/contacts/${contact.id}/`).send({ birthday: '12/10/1815' })).body).toEqual({
      birthday: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD, --MM-DD.'],
    });
    expect(await get(contact.id)).toEqual(contact);
  });

  it('a birthday with or without its year; null clears it', async () => {
    const contact = await createContact(app, { birthday: '--12-10' });
    expect(contact.birthday).toBe('--12-10');
    expect((await app.http().patch(`/api/contacts/${contact.id}/`).send({ birthday: '2000-02-29' }).expect(200)).body.birthday).toBe('2000-02-29');
    expect((await app.http().patch(`/api/contacts/${contact.id}/`).send({ birthday: null }).expect(200)).body.birthday).toBeNull();
  });

  it('history snapshots every field; revert brings back every field; restore brings back every field and the uid', async () => {
    const created = (await app.http().post('/api/contacts/').send({ ...contactFields(), ...DETAILS }).expect(201)).body as Contact;
    await app
      .http()
      .patch(`/api/contacts/${created.id}/`)
      .send({ organization: 'Elsewhere', job_title: '', notes: '', birthday: null, other_emails: [], other_phones: [{ label: '', value: '1' }], addresses: [] })
      .expect(200);
    const versions = await history(created.id);
    expect(versions.map((v) => v.edited_reason)).toEqual(['updated', 'created']);
    const { id: _id, uid: _uid, address_book: _book, created_at: _c, updated_at: _u, ...snapshot } = created;
    expect(versions[1]).toMatchObject(snapshot);
    expect(versions[0]).toMatchObject({ organization: 'Elsewhere', other_phones: [{ label: '', value: '1' }], birthday: null });

    const reverted = (await app.http().post(`/api/contacts/${created.id}/revert/`).send({ version: versions[1].id }).expect(200)).body as Contact;
    expect(reverted).toEqual({ ...created, updated_at: reverted.updated_at });

    await app.http().delete(`/api/contacts/${created.id}/`).expect(204);
    const deleted = (await app.http().get('/api/contacts/deleted/').expect(200)).body.results as Contact[];
    expect(deleted.find((c) => c.id === created.id)).toEqual({ ...created, updated_at: expect.any(String) });
    const restored = (await app.http().post(`/api/contacts/${created.id}/restore/`).expect(201)).body as Contact;
    expect(restored).toEqual({ ...created, updated_at: restored.updated_at });
    expect((await history(created.id)).map((v) => v.edited_reason)).toEqual(['restored', 'deleted', 'reverted', 'updated', 'created']);
  });

  it('search matches organization, the other emails and the other phones (long and short terms), never a JSON key', async () => {
    const tag = `z${process.pid}q`;
    const a = await createContact(app, { organization: `Orbital ${tag} Works` });
    const b = await createContact(app, { other_emails: [{ label: 'work', value: `${tag}@mail.example` }] });
    const c = await createContact(app, { other_phones: [{ label: 'mobile', value: '+44 7700 900123' }] });
    expect(await search(`${tag} works`)).toEqual([a.id]);
    expect(await search(`${tag}@mail`)).toEqual([b.id]);
    expect(await search('7700 900123')).toEqual([c.id]);
    expect(await search(tag)).toEqual([b.id, a.id]);
    // The values are searched, never the JSON around them: short terms by word prefix, longer ones by substring.
    const short = await createContact(app, { first_name: 'Ng', last_name: 'Ng', other_phones: [{ label: 'Qx', value: '99' }] });
    expect(await search('99')).toContain(short.id);
    expect(await search('qx')).not.toContain(short.id);
    expect(await search('"la')).toEqual([]);
    expect(await search('value')).not.toContain(b.id);
  });

  it('a move into a book that already has its uid gives it a fresh one', async () => {
    const accounts = await startTestApp({}, { AUTH: 'accounts' });
    try {
      const owner = await signUp(accounts.baseUrl);
      const as = <T extends { set(headers: Record<string, string>): T }>(req: T) => req.set(owner.headers);
      const [first] = (await as(accounts.http().get('/api/address-books/')).expect(200)).body as Array<{ id: number }>;
      const second = (await as(accounts.http().post('/api/address-books/')).send({ name: 'Second' }).expect(201)).body as { id: number };
      const a = (await as(accounts.http().post('/api/contacts/')).send({ ...contactFields(), address_book: first.id }).expect(201)).body as Contact;
      const b = (await as(accounts.http().post('/api/contacts/')).send({ ...contactFields(), address_book: second.id }).expect(201)).body as Contact;
      // b takes a's uid, as a card imported into the second book could have it.
      await accounts.app.get(DataSource).query(`UPDATE contacts SET uid = ${TEST_DATABASE === 'postgres' ? '$1' : '?'} WHERE id = ${b.id}`, [a.uid]);
      const moved = (await as(accounts.http().patch(`/api/contacts/${a.id}/`)).send({ address_book: second.id }).expect(200)).body as Contact;
      expect(moved.address_book).toBe(second.id);
      expect(moved.uid).toMatch(UUID);
      expect(moved.uid).not.toBe(a.uid);
      const back = (await as(accounts.http().patch(`/api/contacts/${a.id}/`)).send({ address_book: first.id }).expect(200)).body as Contact;
      expect(back.uid).toBe(moved.uid);
    } finally {
      await accounts.close();
    }
  });

  it('events and the change feed carry the full contact', async () => {
    const before = (await app.http().get('/api/changes/').query({ since: 0, limit: 1000 }).expect(200)).body.last_seq as number;
    const created = (await app.http().post('/api/contacts/').send({ ...contactFields(), ...DETAILS }).expect(201)).body as Contact;
    const feed = (await app.http().get('/api/changes/').query({ since: before }).expect(200)).body.results;
    expect(feed).toEqual([expect.objectContaining({ type: 'contact.created', contact: created })]);
  });

  describe('ContactMutations.writeCard and ContactsService.walk / findStored', () => {
    const open = () => BookAccess.everything({ kind: 'open' }, 1);
    const card = (overrides: Partial<Parameters<ContactMutations['writeCard']>[0]> = {}) => ({
      book: 1,
      fields: { ...contactFields(), ...emptyContactDetails(), organization: 'Imported Ltd' },
      uid: `card-${Math.random().toString(36).slice(2)}`,
      vcard_extra: 'item1.URL:https://example.com\r\nitem1.X-ABLabel:_$!<HomePage>!$_\r\nX-SOCIAL;TYPE=x:@ada\r\n',
      via: 'import' as const,
      onExisting: 'update' as const,
      ...overrides,
    });

    it('creates (the uid kept, one `created` version via import), updates by uid, skips on request; the hook runs in the transaction', async () => {
      const mutations = app.app.get(ContactMutations);
      const seen: string[] = [];
      const request = card({ within: async (_manager, result) => void seen.push(result) });
      const created = await mutations.writeCard(request, open());
      expect(created.result).toBe('created');
      expect(created.contact).toMatchObject({ ...request.fields, uid: request.uid, address_book: 1 });
      expect(await history(created.contact.id)).toEqual([expect.objectContaining({ edited_reason: 'created', edited_via: 'import', edited_by: null })]);

      const changed = { ...request.fields, notes: 'updated by the card', email: request.fields.email.toUpperCase() };
      const updated = await mutations.writeCard({ ...request, fields: changed, vcard_extra: 'X-ONE:1\r\n' }, open());
      expect(updated.result).toBe('updated');
      expect(updated.contact).toMatchObject({ id: created.contact.id, notes: 'updated by the card', uid: request.uid });
      const skipped = await mutations.writeCard({ ...request, onExisting: 'skip', fields: { ...changed, notes: 'ignored' } }, open());
      expect(skipped).toEqual({ result: 'skipped', contact: await get(created.contact.id) });
      expect(seen).toEqual(['created', 'updated', 'skipped']);
      expect((await history(created.contact.id)).map((v) => [v.edited_reason, v.edited_via])).toEqual([
        ['updated', 'import'],
        ['created', 'import'],
      ]);

      const stored = await app.app.get(ContactsService).findStored(created.contact.id, open());
      expect(stored).toEqual({ ...(await get(created.contact.id)), vcard_extra: 'X-ONE:1\r\n' });
    });

    it('an email another contact of the book has is 409 keyed by email, and nothing is written', async () => {
      const mutations = app.app.get(ContactMutations);
      const other = await createContact(app);
      const first = await mutations.writeCard(card(), open());
      const versionsBefore = (await history(first.contact.id)).length;
      const clash = mutations.writeCard({ ...card(), uid: first.contact.uid, fields: { ...first.contact, email: other.email } }, open());
      const error = await clash.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect([(error as ApiError).getStatus(), (error as ApiError).getResponse()]).toEqual([409, { email: ['Email must be unique.'] }]);
      expect(await history(first.contact.id)).toHaveLength(versionsBefore);
    });

    it('walk reads every contact in id order, in batches, with its vCard properties; by book and by search', async () => {
      const contacts = app.app.get(ContactsService);
      const mutations = app.app.get(ContactMutations);
      const tag = `walk${process.pid}x`;
      const written = [];
      for (let i = 0; i < 5; i++) written.push((await mutations.writeCard(card({ fields: { ...card().fields, organization: `${tag} ${i}` } }), open())).contact);
      const all: StoredContact[] = [];
      for await (const batch of contacts.walk(open(), {}, 2)) {
        expect(batch.length).toBeLessThanOrEqual(2);
        all.push(...batch);
      }
      const ids = all.map((c) => c.id);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(ids).size).toBe(ids.length);
      expect((await app.http().get('/api/contacts/').query({ page_size: 1 }).expect(200)).body.count).toBe(all.length);
      expect(all.find((c) => c.id === written[0].id)?.vcard_extra).toBe(card().vcard_extra);

      const matched: number[] = [];
      for await (const batch of contacts.walk(open(), { search: tag, addressBook: 1 }, 2)) matched.push(...batch.map((c) => c.id));
      expect(matched).toEqual(written.map((c) => c.id));
      const short: number[] = [];
      for await (const batch of contacts.walk(open(), { search: `${tag} 3`.slice(-2) }, 100)) short.push(...batch.map((c) => c.id));
      expect(short).toContain(written[3].id);
      expect(() => contacts.walk(BookAccess.nothing(), { addressBook: 1 })).toThrow(ApiError);
    });
  });
});
