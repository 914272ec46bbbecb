import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CSP = 'content-security-policy';

/** Helmet on every answer, with a CSP the Angular app and Swagger UI work under. */
describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  function expectHelmet(headers: Record<string, string>) {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers[CSP]).toContain("default-src 'self'");
    expect(headers[CSP]).toContain("script-src 'self'");
    expect(headers[CSP]).toContain("frame-ancestors 'none'");
  }

  it('the Angular app loads: 200, helmet headers, and its one inline handler is allowed by hash', async () => {
    const index = join(t.config.webDistPath, 'index.html');
    if (!existsSync(index)) throw new Error(`${index} is missing: run npm run build:web first`);
    const res = await t.http().get('/');
    expect(res.status).toBe(200);
    expectHelmet(res.headers);
    // Angular's critical-CSS loader; every other inline script stays forbidden.
    const handlers = [...res.text.matchAll(/\son\w+="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(handlers)).toEqual(new Set(handlers.length ? ["this.media='all'"] : []));
    expect(res.headers[CSP]).toContain("'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='");
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline <script> blocks
  });

  it('Swagger UI loads: 200 with helmet headers, scripts external only', async () => {
    const res = await t.http().get('/api/docs');
    expect(res.status).toBe(200);
    expectHelmet(res.headers);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const init = await t.http().get('/api/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
  });

  it('API answers carry them too, errors included', async () => {
    const res = await t.http().get('/api/contacts/999999/');
    expect(res.status).toBe(404);
    expectHelmet(res.headers);
  });
});
