import type { Contact, Page, Version } from '@contacts/wire-types';
import { contactFields, createContact, tableCounts } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('safe retries: Idempotency-Key, email reservation, ETag / If-Match', () => {
  let app: TestApp;
  const DELAY = 400;
  beforeAll(async () => (app = await startTestApp({ createDelayMs: DELAY })));
  afterAll(() => app.close());

  describe('Idempotency-Key', () => {
    it('two concurrent POSTs with one key: one contact, one version, identical answers', async () => {
      const before = await tableCounts(app);
      const fields = contactFields();
      const [a, b] = await Promise.all([
        app.http().post('/api/contacts/').set('Idempotency-Key', 'key-concurrent').send(fields),
        app.http().post('/api/contacts/').set('Idempotency-Key', 'key-concurrent').send(fields),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body).toEqual(a.body);
      expect(await tableCounts(app)).toEqual({ contacts: before.contacts + 1, versions: before.versions + 1 });
    });

    it('a later retry returns the first result without waiting, and never creates twice', async () => {
      const fields = contactFields();
      const first = await app.http().post('/api/contacts/').set('Idempotency-Key', 'key-later').send(fields);
      const before = await tableCounts(app);
      const started = Date.now();
      const retry = await app.http().post('/api/contacts/').set('Idempotency-Key', 'key-later').send(fields);
      expect(Date.now() - started).toBeLessThan(DELAY);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await tableCounts(app)).toEqual(before);
    });

    it('a key reused with a different body is a 422 with a clear message', async () => {
      await app.http().post('/api/contacts/').set('Idempotency-Key', 'key-reused').send(contactFields());
      const res = await app.http().post('/api/contacts/').set('Idempotency-Key', 'key-reused').send(contactFields());
      expect(res.status).toBe(422);
      expect(res.body.detail).toMatch(/Idempotency-Key/);
    });

    it('a validation failure is replayed too, so the retry sees the same answer', async () => {
      const body = contactFields({ phone: 'abc' });
      const first = await app.http().post('/api/contacts/').set('Idempotency-Key', 'key-invalid').send(body);
      const again = await app.http().post('/api/contacts/').set('Idempotency-Key', 'key-invalid').send(body);
      expect(first.status).toBe(400);
      expect(again.status).toBe(400);
      expect(again.body).toEqual(first.body);
    });
  });

  describe('email reservation while a create is pending', () => {
    it('another create or an update to that email is a 409 keyed email at once', async () => {
      const email = `pending.${Date.now()}@example.com`;
      const other = await createContact(app);
      // supertest only sends once awaited or then()-ed.
      const pending = app.http().post('/api/contacts/').send(contactFields({ email })).then((r) => r);
      await new Promise((r) => setTimeout(r, DELAY / 4));

      const started = Date.now();
      const second = await app.http().post('/api/contacts/').send(contactFields({ email: email.toUpperCase() }));
      expect(second.status).toBe(409);
      expect(Object.keys(second.body)).toEqual(['email']);
      expect(Date.now() - started).toBeLessThan(DELAY / 2);

      const update = await app.http().patch(`/api/contacts/${other.id}/`).send({ email });
      expect(update.status).toBe(409);
      expect(Object.keys(update.body)).toEqual(['email']);

      expect((await pending).status).toBe(201);
    });

    it('is released when the create ends, also when it failed', async () => {
      const email = `released.${Date.now()}@example.com`;
      const first = await app.http().post('/api/contacts/').send(contactFields({ email }));
      expect(first.status).toBe(201);
      // Deleting frees the email; the reservation must not linger either.
      await app.http().delete(`/api/contacts/${first.body.id}/`);
      const again = await app.http().post('/api/contacts/').send(contactFields({ email }));
      expect(again.status).toBe(201);

      // A create that fails at save time (email taken meanwhile by a direct update) releases its hold.
      const contested = `contested.${Date.now()}@example.com`;
      const doomed = app.http().post('/api/contacts/').send(contactFields({ email: contested })).then((r) => r);
      await new Promise((r) => setTimeout(r, DELAY / 4));
      const { DataSource } = await import('typeorm');
      const ds = app.app.get(DataSource);
      await ds.query('DELETE FROM email_reservations'); // simulate an expired hold, then a competing writer
      const competitor = await createContactDirect(app, contested);
      const failed = await doomed;
      expect(failed.status).toBe(409);
      expect(failed.body).toEqual({ email: ['Email must be unique.'] });
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM email_reservations');
      expect(Number(n)).toBe(0);
      expect(competitor.email).toBe(contested);
    });
  });

  describe('ETag and If-Match', () => {
    it('GET and writes carry an ETag; a stale If-Match is a 412 with the current contact', async () => {
      const contact = await createContact(app);
      const read = await app.http().get(`/api/contacts/${contact.id}/`);
      const etag = read.headers.etag;
      expect(etag).toMatch(/^"[^"]+"$/);

      const ok = await app.http().patch(`/api/contacts/${contact.id}/`).set('If-Match', etag).send({ first_name: 'Mine' });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).not.toBe(etag);

      const stale = await app.http().patch(`/api/contacts/${contact.id}/`).set('If-Match', etag).send({ first_name: 'Late' });
      expect(stale.status).toBe(412);
      expect(stale.body).toEqual(ok.body);

      const put = await app.http().put(`/api/contacts/${contact.id}/`).set('If-Match', etag).send(contactFields());
      expect(put.status).toBe(412);

      const fresh = await app.http().patch(`/api/contacts/${contact.id}/`).set('If-Match', ok.headers.etag).send({ first_name: 'Again' });
      expect(fresh.status).toBe(200);
      // Without If-Match, last write wins.
      expect((await app.http().patch(`/api/contacts/${contact.id}/`).send({ first_name: 'Free' })).status).toBe(200);
      const versions = (await app.http().get(`/api/contacts/${contact.id}/history/`)).body as Version[];
      expect(versions.map((v) => v.first_name)).toEqual(['Free', 'Again', 'Mine', contact.first_name]);
    });
  });

  describe('revert and restore', () => {
    it('revert gives the contact a version’s fields and writes a `reverted` version', async () => {
      const contact = await createContact(app);
      await app.http().patch(`/api/contacts/${contact.id}/`).send({ first_name: 'Changed', phone: '+1 999 0000' });
      const [, original] = (await app.http().get(`/api/contacts/${contact.id}/history/`)).body as Version[];
      const res = await app.http().post(`/api/contacts/${contact.id}/revert/`).send({ version: original.id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ first_name: contact.first_name, phone: contact.phone, email: contact.email });
      const history = (await app.http().get(`/api/contacts/${contact.id}/history/`)).body as Version[];
      expect(history.map((v) => v.edited_reason)).toEqual(['reverted', 'updated', 'created']);
    });

    it('revert: 404 for another contact’s version, 400 without a version, 409 when the email is now someone else’s', async () => {
      const a = await createContact(app);
      const b = await createContact(app);
      const [bVersion] = (await app.http().get(`/api/contacts/${b.id}/history/`)).body as Version[];
      const foreign = await app.http().post(`/api/contacts/${a.id}/revert/`).send({ version: bVersion.id });
      expect(foreign.status).toBe(404);
      expect((await app.http().post(`/api/contacts/${a.id}/revert/`).send({})).body).toEqual({ version: ['This field is required.'] });
      expect((await app.http().post(`/api/contacts/${a.id}/revert/`).send({ version: 'x' })).status).toBe(400);

      const [aCreated] = (await app.http().get(`/api/contacts/${a.id}/history/`)).body as Version[];
      await app.http().patch(`/api/contacts/${a.id}/`).send({ email: `moved.${Date.now()}@example.com` });
      await app.http().patch(`/api/contacts/${b.id}/`).send({ email: a.email });
      const conflict = await app.http().post(`/api/contacts/${a.id}/revert/`).send({ version: aCreated.id });
      expect(conflict.status).toBe(409);
      expect(conflict.body).toEqual({ email: ['Email must be unique.'] });
    });

    it('restore brings a deleted contact back with the same id and a `restored` version; it is listed as deleted until then', async () => {
      const contact = await createContact(app);
      await app.http().delete(`/api/contacts/${contact.id}/`);
      const deleted = (await app.http().get('/api/contacts/deleted/')).body as Page<Contact>;
      expect(deleted.results[0]).toMatchObject({ id: contact.id, email: contact.email });
      expect(deleted.count).toBeGreaterThanOrEqual(1);

      const res = await app.http().post(`/api/contacts/${contact.id}/restore/`);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: contact.id, email: contact.email, created_at: contact.created_at });
      expect((await app.http().get(`/api/contacts/${contact.id}/`)).status).toBe(200);
      const history = (await app.http().get(`/api/contacts/${contact.id}/history/`)).body as Version[];
      expect(history.map((v) => v.edited_reason)).toEqual(['restored', 'deleted', 'created']);
      const after = (await app.http().get('/api/contacts/deleted/')).body as Page<Contact>;
      expect(after.results.map((c) => c.id)).not.toContain(contact.id);

      const again = await app.http().post(`/api/contacts/${contact.id}/restore/`);
      expect(again.status).toBe(409);
      expect((await app.http().post('/api/contacts/987654/restore/')).status).toBe(404);
    });

    it('restore after the email was taken meanwhile is a 409 keyed email', async () => {
      const contact = await createContact(app);
      await app.http().delete(`/api/contacts/${contact.id}/`);
      await createContact(app, { email: contact.email.toUpperCase() });
      const res = await app.http().post(`/api/contacts/${contact.id}/restore/`);
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ email: ['Email must be unique.'] });
    });
  });
});

/** A competing writer that skips the API's delay, straight into the table. */
async function createContactDirect(app: TestApp, email: string): Promise<Contact> {
  const { DataSource } = await import('typeorm');
  const ds = app.app.get(DataSource);
  const now = new Date().toISOString();
  // AUTH=none has the one shared book (id 1); the column has no default on TypeORM's side.
  const row = { address_book_id: 1, first_name: 'Direct', last_name: 'Writer', email, phone: '+1 555 0000', created_at: now, updated_at: now };
  await ds.createQueryBuilder().insert().into('contacts').values(row).execute();
  return row as unknown as Contact;
}
