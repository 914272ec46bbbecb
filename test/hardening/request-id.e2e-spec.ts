import { startTestApp, type TestApp } from '../support/test-app.js';

describe('request ids', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('echoes a caller X-Request-Id, makes one when absent or unusable', async () => {
    expect((await t.http().get('/api/health').set('X-Request-Id', 'abc-123.x:y')).headers['x-request-id']).toBe('abc-123.x:y');
    const made = (await t.http().get('/api/contacts/')).headers['x-request-id'];
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = (await t.http().get('/api/contacts/').set('X-Request-Id', 'bad id <script>')).headers['x-request-id'];
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    const onError = await t.http().post('/api/contacts/').set('content-type', 'application/json').set('X-Request-Id', 'err-1').send('{');
    expect([onError.status, onError.headers['x-request-id']]).toEqual([400, 'err-1']);
  });
});
