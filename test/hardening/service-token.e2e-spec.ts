import Queue from 'bull';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createContact, uniqueRedisPrefix } from '../realtime/realtime-clients.js';

const TOKEN = 's3cret-service-token';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE = 'contacts-external-updates';

describe('external updates with EXTERNAL_API_TOKEN set', () => {
  describe('over HTTP', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({}, { EXTERNAL_API_TOKEN: TOKEN })));
    afterAll(() => t?.close());

    it('401 {"detail"} without a token or with a wrong one; 200 with Bearer or X-Service-Token', async () => {
      const { id } = await createContact(t.baseUrl);
      const none = await t.http().post('/api/external-update/').send({ id, last_name: 'NoToken' });
      expect([none.status, none.body]).toEqual([401, { detail: 'Authentication credentials were not provided.' }]);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await t.http().post('/api/external-update/').set('Authorization', 'Bearer nope').send({ id, last_name: 'Wrong' });
      expect([wrong.status, wrong.body]).toEqual([401, { detail: 'Invalid service token.' }]);
      const bearer = await t.http().post('/api/external-update/').set('Authorization', `Bearer ${TOKEN}`).send({ id, last_name: 'Bearer' });
      expect([bearer.status, bearer.body.last_name]).toEqual([200, 'Bearer']);
      const header = await t.http().post('/api/external-update/').set('X-Service-Token', TOKEN).send({ id, last_name: 'Header' });
      expect([header.status, header.body.last_name]).toEqual([200, 'Header']);
      // Nothing else needs it.
      expect((await t.http().get(`/api/contacts/${id}/`)).body.last_name).toBe('Header');
    });

    it('is open without EXTERNAL_API_TOKEN (the default)', async () => {
      const open = await startTestApp();
      try {
        const { id } = await createContact(open.baseUrl);
        expect((await open.http().post('/api/external-update/').send({ id, last_name: 'Open' })).status).toBe(200);
      } finally {
        await open.close();
      }
    });
  });

  describe('through the Bull queue', () => {
    const prefix = uniqueRedisPrefix();
    let t: TestApp;
    let queue: Queue.Queue;
    beforeAll(async () => {
      t = await startTestApp({}, { EXTERNAL_API_TOKEN: TOKEN, REDIS_URL, REDIS_PREFIX: prefix });
      queue = new Queue(QUEUE, REDIS_URL, { prefix: `${prefix}bull` });
    });
    afterAll(async () => {
      await queue?.obliterate({ force: true }).catch(() => undefined);
      await queue?.close();
      await t?.close();
    });

    it('fails a job without the token (reason recorded, no retry) and applies one with it', async () => {
      const { id } = await createContact(t.baseUrl);
      const rejected = await queue.add({ id, last_name: 'Sneaky' }, { attempts: 3 });
      await expect(rejected.finished()).rejects.toThrow(/"status":401/);
      const failed = await queue.getJob(rejected.id);
      expect(JSON.parse(failed!.failedReason!)).toEqual({ status: 401, body: { detail: 'Job data has no service token.' } });
      expect(failed!.attemptsMade).toBe(1);
      const wrong = await queue.add({ id, last_name: 'Wrong', token: 'nope' });
      await expect(wrong.finished()).rejects.toThrow(/Invalid service token/);

      const accepted = await queue.add({ id, last_name: 'Queued', token: TOKEN });
      expect(await accepted.finished()).toMatchObject({ id, last_name: 'Queued' });
      // The HTTP path enqueues with the token itself.
      const viaHttp = await t.http().post('/api/external-update/').set('X-Service-Token', TOKEN).send({ id, phone: '+1 555 7777' });
      expect([viaHttp.status, viaHttp.body.phone]).toEqual([200, '+1 555 7777']);
      expect((await t.http().get(`/api/contacts/${id}/`)).body.last_name).toBe('Queued');
    });
  });
});
