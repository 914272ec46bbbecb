import { startTestApp, type TestApp } from '../support/test-app.js';

describe('OpenAPI at /api/docs and /api/docs-json', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it('documents every path of the contract with its methods', async () => {
    const res = await app.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const expected: Record<string, string[]> = {
      '/api/contacts': ['get', 'post'],
      '/api/contacts/{id}': ['get', 'put', 'patch', 'delete'],
      '/api/contacts/{id}/history': ['get'],
      '/api/contacts/{id}/revert': ['post'],
      '/api/contacts/{id}/restore': ['post'],
      '/api/contacts/deleted': ['get'],
      '/api/external-update': ['post'],
      '/api/changes': ['get'],
      '/api/health': ['get'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      expect(Object.keys(paths[path] ?? {}).sort()).toEqual(expect.arrayContaining(methods));
    }
  });

  it('documents bodies, responses and error shapes', async () => {
    const doc = (await app.http().get('/api/docs-json')).body;
    const post = doc.paths['/api/contacts'].post;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '413', '422']));
    expect(post.requestBody).toBeDefined();
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.ContactSchema.properties).sort()).toEqual(
      ['created_at', 'email', 'first_name', 'id', 'last_name', 'phone', 'updated_at'],
    );
    expect(schemas.VersionSchema.properties.edited_reason.enum).toContain('external_update');
    expect(schemas.DetailSchema.properties.detail).toBeDefined();
    expect(doc.paths['/api/contacts/{id}'].patch.responses['412']).toBeDefined();
  });

  it('serves the interactive docs page', async () => {
    const res = await app.http().get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/swagger/i);
  });
});
