import { type Contact, emptyContactDetails, type Version } from '@contacts/wire-types';
import { contactFields, createContact, tableCounts } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('contacts CRUD (contract rows)', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it('POST creates after the delay: 201, the contract fields, one `created` version', async () => {
    const fields = contactFields({ first_name: '  Ada ', last_name: 'Lovelace' });
    const started = Date.now();
    const res = await app.http().post('/api/contacts/').send({ ...fields, id: 999, created_at: 'x', unknown: 1 });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(app.config.createDelayMs - 5);
    const contact = res.body as Contact;
    expect(Object.keys(contact).sort()).toEqual([
      'address_book', 'addresses', 'birthday', 'created_at', 'email', 'first_name', 'id', 'job_title', 'last_name', 'notes', 'organization',
      'other_emails', 'other_phones', 'phone', 'uid', 'updated_at',
    ]);
    expect(contact).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', email: fields.email, phone: fields.phone, address_book: 1, ...emptyContactDetails() });
    expect(contact.id).not.toBe(999);
    expect(contact.created_at).toMatch(ISO);
    expect(contact.updated_at).toBe(contact.created_at);
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);

    const history = await app.http().get(`/api/contacts/${contact.id}/history/`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      {
        id: expect.any(Number),
        contact: contact.id,
        address_book: 1,
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: fields.email,
        phone: fields.phone,
        ...emptyContactDetails(),
        edited_at: contact.updated_at,
        edited_reason: 'created',
        edited_by: null,
        edited_via: 'api',
      },
    ]);
  });

  it('GET one, with and without the trailing slash; unknown and non-numeric ids are 404', async () => {
    const contact = await createContact(app);
    for (const path of [`/api/contacts/${contact.id}/`, `/api/contacts/${contact.id}`]) {
      const res = await app.http().get(path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(contact);
    }
    for (const path of ['/api/contacts/987654/', '/api/contacts/abc/', '/api/contacts/-1/', '/api/contacts/1.5']) {
      const res = await app.http().get(path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Not found.' });
    }
  });

  it('PUT needs every field and writes an `updated` version', async () => {
    const contact = await createContact(app);
    const partial = await app.http().put(`/api/contacts/${contact.id}/`).send({ first_name: 'Only' });
    expect(partial.status).toBe(400);
    expect(partial.body).toEqual({
      last_name: ['This field is required.'],
      email: ['This field is required.'],
      phone: ['This field is required.'],
    });
    const fields = contactFields({ first_name: 'Grace', last_name: 'Hopper' });
    const res = await app.http().put(`/api/contacts/${contact.id}`).send(fields);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: contact.id, ...fields, created_at: contact.created_at });
    expect(res.body.updated_at > contact.updated_at || res.body.updated_at === contact.updated_at).toBe(true);
    const history = (await app.http().get(`/api/contacts/${contact.id}/history`)).body as Version[];
    expect(history.map((v) => v.edited_reason)).toEqual(['updated', 'created']);
    expect(history[0]).toMatchObject(fields);
  });

  it('PATCH changes only what it is given', async () => {
    const contact = await createContact(app);
    const res = await app.http().patch(`/api/contacts/${contact.id}/`).send({ phone: ' (555) 123.4567 ' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...contact, phone: '(555) 123.4567', updated_at: expect.any(String) });
    const unknown = await app.http().patch('/api/contacts/987654/').send({ phone: '123' });
    expect(unknown.status).toBe(404);
  });

  it('DELETE answers 204; the contact is gone, its history stays with a `deleted` version', async () => {
    const contact = await createContact(app);
    const before = await tableCounts(app);
    const res = await app.http().delete(`/api/contacts/${contact.id}/`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await app.http().get(`/api/contacts/${contact.id}/`)).status).toBe(404);
    expect((await app.http().delete(`/api/contacts/${contact.id}/`)).status).toBe(404);
    const history = (await app.http().get(`/api/contacts/${contact.id}/history/`)).body as Version[];
    expect(history.map((v) => v.edited_reason)).toEqual(['deleted', 'created']);
    expect(history[0]).toMatchObject({ email: contact.email, contact: contact.id });
    expect(await tableCounts(app)).toEqual({ contacts: before.contacts - 1, versions: before.versions + 1 });
  });

  it('history is latest first and 404 for a contact that never existed', async () => {
    const contact = await createContact(app);
    await app.http().patch(`/api/contacts/${contact.id}/`).send({ first_name: 'Second' });
    await app.http().patch(`/api/contacts/${contact.id}/`).send({ first_name: 'Third' });
    const history = (await app.http().get(`/api/contacts/${contact.id}/history/`)).body as Version[];
    expect(history.map((v) => v.first_name)).toEqual(['Third', 'Second', contact.first_name]);
    expect(history[0].id).toBeGreaterThan(history[1].id);
    const missing = await app.http().get('/api/contacts/987654/history/');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Not found.' });
  });

  it('external update: validated like PATCH, recorded as `external_update`, 404 for an unknown id', async () => {
    const contact = await createContact(app);
    const res = await app.http().post('/api/external-update/').send({ id: contact.id, last_name: 'Byron' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: contact.id, last_name: 'Byron', first_name: contact.first_name });
    const history = (await app.http().get(`/api/contacts/${contact.id}/history/`)).body as Version[];
    expect(history[0].edited_reason).toBe('external_update');

    expect((await app.http().post('/api/external-update').send({ id: 987654, last_name: 'X' })).status).toBe(404);
    const bad = await app.http().post('/api/external-update/').send({ id: contact.id, email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ email: ['Enter a valid email address.'] });
    const noId = await app.http().post('/api/external-update/').send({ last_name: 'X' });
    expect(noId.status).toBe(400);
    expect(noId.body).toEqual({ id: ['This field is required.'] });
    const badId = await app.http().post('/api/external-update/').send({ id: 'abc' });
    expect(badId.body).toEqual({ id: ['A valid integer is required.'] });
  });

  it('health reports the database and Redis state', async () => {
    const res = await app.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up', redis: 'disabled' });
  });
});
