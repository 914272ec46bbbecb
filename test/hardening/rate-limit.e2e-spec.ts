import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** THROTTLE_LIMIT per THROTTLE_TTL_MS per client: 429 {"detail"} with Retry-After. */
describe('rate limit', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({}, { THROTTLE_LIMIT: '5', THROTTLE_TTL_MS: '60000' })));
  afterAll(() => t?.close());

  it('answers 429 in the contract shape with Retry-After once the limit is used up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.http().get('/api/contacts/')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const res = await t.http().get('/api/contacts/');
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ detail: expect.stringMatching(/^Request was throttled\. Expected available in \d+ seconds?\.$/) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await t.http().post('/api/contacts/').send({})).status).toBe(429);
  });

  it('has generous, configurable defaults', () => {
    expect(loadConfig({}).throttleLimit).toBeGreaterThanOrEqual(6000);
    expect(loadConfig({ THROTTLE_LIMIT: '10', THROTTLE_TTL_MS: '2000' })).toMatchObject({ throttleLimit: 10, throttleTtlMs: 2000 });
  });
});
