// Terms of three characters or more that match most of a book: the page is read by walking
// the list's date order and checking each row's own values (SQLite), and the exact count is
// reused until the database changes. Both must agree with the trigram index row for row —
// case folding, the other emails and phones, never a JSON key nor two fields glued — and
// the count must move with every write, the API's and the sqlite3 / psql shell's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Contact, ContactFields, Page } from '@contacts/wire-types';
import { type DatabaseTarget, sql } from '../database-changes/sql-shell.js';
import { createContact } from '../support/contacts-fixtures.js';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';

describe(`search by broad terms on ${TEST_DATABASE}`, () => {
  let app: TestApp;
  let db: DatabaseTarget;
  const people: Array<{ contact: Contact; values: string[] }> = [];
  const add = async (fields: Partial<ContactFields>) => {
    const contact = await createContact(app, fields);
    const values = [
      `${contact.first_name} ${contact.last_name}`, contact.email, contact.phone, contact.organization,
      contact.other_emails.map((entry) => entry.value).join('\n'), contact.other_phones.map((entry) => entry.value).join('\n'),
    ];
    people.push({ contact, values });
  };

  beforeAll(async () => {
    app = await startTestApp({}, { CREATE_DELAY_MS: '0' });
    const { database } = app.config;
    db = database.kind === 'sqlite' ? { kind: 'sqlite', path: database.path } : { kind: 'postgres', url: database.url };
    // Most of them share `+1-2` and `example`: the walk, not the index's id list, reads their pages.
    for (let k = 0; k < 40; k++) {
      await add({ first_name: `Person${k}`, last_name: k % 4 === 3 ? '\u212Aent' : k % 2 ? 'SMITH' : 'Jones', email: `p${k}@EXAMPLE.com`, phone: k % 5 ? `+1-2${k}-555-0100` : `+44 20 ${k}` });
    }
    // A fourth of them have a last name with the KELVIN SIGN, which the index folds to k.
    await add({ first_name: '\u212Aelvin', last_name: 'Sign', email: 'ks@elsewhere.org', phone: '+33 1 00' });
    await add({ first_name: 'Label', last_name: 'Holder', email: 'lh@elsewhere.org', phone: '+33 1 01', other_emails: [{ label: 'work', value: 'holder@Example.net' }] });
    await add({ first_name: 'Other', last_name: 'Phone', email: 'op@elsewhere.org', phone: '+33 1 02', other_phones: [{ label: 'mobile', value: '+1-212-555-0199' }] });
    await add({ first_name: 'Ada', last_name: 'Smithson', email: 'ada@elsewhere.org', phone: '+33 1 03', organization: 'Smith & Sons' });
  });
  afterAll(() => app?.close());

  const walk = async (term: string, pageSize = 7) => {
    const ids: number[] = [];
    const counts = new Set<number>();
    let url: string | null = `/api/contacts/?cursor=&page_size=${pageSize}&search=${encodeURIComponent(term)}`;
    for (let n = 0; url && n < 100; n++) {
      const res = await app.http().get(url.replace(app.baseUrl, ''));
      expect({ term, status: res.status }).toEqual({ term, status: 200 });
      const page = res.body as Page<Contact>;
      ids.push(...page.results.map((contact) => contact.id));
      counts.add(page.count);
      url = page.next;
    }
    return { ids, counts: [...counts] };
  };
  const byPage = async (term: string) => {
    const res = await app.http().get(`/api/contacts/?page_size=100&search=${encodeURIComponent(term)}`).expect(200);
    return res.body as Page<Contact>;
  };
  /** What a case-insensitive substring of one field means, in list order (newest first). */
  const expected = (term: string) =>
    people
      .filter(({ values }) => values.some((value) => value.toLowerCase().includes(term.toLowerCase())))
      .map(({ contact }) => contact)
      .sort((a, b) => (a.updated_at === b.updated_at ? b.id - a.id : a.updated_at < b.updated_at ? 1 : -1))
      .map((contact) => contact.id);

  it.each(['+1-2', 'example', 'EXAMPLE.COM', 'smith', 'Jones', '555-0100', 'kelvin', 'example.net', '212-555', 'kent', 'KENT'])(
    '%s: every page by cursor and by number holds exactly the matches, once each, in list order, with their exact count',
    async (term) => {
      const want = expected(term);
      expect(want.length).toBeGreaterThan(0);
      const walked = await walk(term);
      expect(walked).toEqual({ ids: want, counts: [want.length] });
      const numbered = await byPage(term);
      expect({ count: numbered.count, ids: numbered.results.map((contact) => contact.id) }).toEqual({ count: want.length, ids: want });
    },
  );

  it('never matches a JSON key, a label, or text across two fields', async () => {
    expect((await byPage('label')).results.map((contact) => contact.first_name)).toEqual(['Label']);
    expect((await byPage('"value"')).count).toBe(0);
    expect((await byPage('mobile')).count).toBe(0);
    expect((await byPage('jones p0')).count).toBe(0);
  });

  it('counts again after every write: through the API and through the database shell', async () => {
    const before = (await byPage('+1-2')).count;
    expect((await byPage('+1-2')).count).toBe(before);
    const first = people[1].contact; // matches: its phone is +1-21-…
    await app.http().patch(`/api/contacts/${first.id}/`).send({ phone: '+44 1 2345' }).expect(200);
    expect((await byPage('+1-2')).count).toBe(before - 1);
    await sql(db, `UPDATE contacts SET phone = '+1-299-000' WHERE id = ${people[0].contact.id}`); // +44 20 0 before
    expect((await byPage('+1-2')).count).toBe(before);
    await sql(db, `DELETE FROM contacts WHERE id = ${people[2].contact.id}`);
    expect((await byPage('+1-2')).count).toBe(before - 1);
  });
});
