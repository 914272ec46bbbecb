import { createContact, contactFields, tableCounts } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('bad input: field-keyed 4xx, never a 500, nothing written', () => {
  let app: TestApp;
  // A long delay, so "at once" is measurable; only two creates in this suite succeed.
  beforeAll(async () => (app = await startTestApp({ createDelayMs: 1500 })));
  afterAll(() => app.close());

  it('rejects invalid fields at once (before the delay) with DRF-style messages', async () => {
    const before = await tableCounts(app);
    const started = Date.now();
    const res = await app.http().post('/api/contacts/').send({
      first_name: '',
      last_name: 12,
      email: 'not-an-email',
      phone: 'abc',
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      first_name: ['This field may not be blank.'],
      last_name: ['Not a valid string.'],
      email: ['Enter a valid email address.'],
      phone: ['Enter a valid phone number.'],
    });
    expect(Date.now() - started).toBeLessThan(app.config.createDelayMs);
    expect(await tableCounts(app)).toEqual(before);
  });

  it.each([
    ['a number', 5],
    ['a boolean', true],
    ['null', null],
    ['an object', { a: 1 }],
    ['an array', ['x']],
  ])('a field that is %s is rejected keyed by that field', async (_what, value) => {
    const res = await app.http().post('/api/contacts/').send({ ...contactFields(), first_name: value });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['first_name']);
  });

  it('enforces lengths 100/100/254/30', async () => {
    const res = await app.http().post('/api/contacts/').send({
      first_name: 'a'.repeat(101),
      last_name: 'b'.repeat(101),
      email: `${'c'.repeat(250)}@x.io`,
      phone: '1'.repeat(31),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).sort()).toEqual(['email', 'first_name', 'last_name', 'phone']);
    expect(res.body.phone).toEqual(['Ensure this field has no more than 30 characters.']);
  });

  it('an email already taken is a 400 at validation, case-insensitively, for create and update', async () => {
    const existing = await createContact(app, { email: 'taken@example.com' });
    const create = await app.http().post('/api/contacts/').send(contactFields({ email: 'TAKEN@Example.com' }));
    expect(create.status).toBe(400);
    expect(create.body).toEqual({ email: ['Email must be unique.'] });
    const other = await createContact(app);
    const patch = await app.http().patch(`/api/contacts/${other.id}/`).send({ email: 'Taken@example.COM' });
    expect(patch.status).toBe(400);
    expect(patch.body).toEqual({ email: ['Email must be unique.'] });
    // Changing the case of one's own email is fine.
    const own = await app.http().patch(`/api/contacts/${existing.id}/`).send({ email: 'Taken@Example.com' });
    expect(own.status).toBe(200);
  });

  it('malformed JSON is a 400 and a body over 1 MiB is a 413, both with {"detail"}', async () => {
    const malformed = await app.http().post('/api/contacts/').set('Content-Type', 'application/json').send('{"first_name": ');
    expect(malformed.status).toBe(400);
    expect(typeof malformed.body.detail).toBe('string');
    const huge = await app.http().post('/api/contacts/').set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...contactFields(), notes: 'x'.repeat(1024 * 1024 + 10) }));
    expect(huge.status).toBe(413);
    expect(typeof huge.body.detail).toBe('string');
  });

  it('a body that is not an object is a 400', async () => {
    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      const res = await app.http().post('/api/contacts/').set('Content-Type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.body.detail).toMatch(/^Invalid data. Expected a dictionary, but got (list|str|int|NoneType)\.$/);
    }
  });

  it('an empty body lists every required field', async () => {
    const res = await app.http().post('/api/contacts/');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body).sort()).toEqual(['email', 'first_name', 'last_name', 'phone']);
  });

  it('unknown routes and methods answer in the contract shape', async () => {
    const res = await app.http().get('/api/nothing-here/');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Not found.' });
  });
});
