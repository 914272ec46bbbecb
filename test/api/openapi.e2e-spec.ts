import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'openapi-backend';
import { emptyContactDetails } from '@contacts/wire-types';
import { ROOT } from '../../scripts/openapi/openapi-files.mjs';
import { OpenApiResponseValidator } from '../support/openapi-validator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Doc = Record<string, any>;

/** Every `METHOD /path` that Part 1 of the contract names, with the path exactly as written there. */
function contractRequests(): { method: string; path: string }[] {
  const contract = readFileSync(join(ROOT, 'docs/CONTRACT.md'), 'utf8');
  const part1 = contract.split(/^# Part 2/m)[0];
  const found = [...part1.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api\/[^`?\s]*)/g)].map(([, method, path]) => ({ method, path }));
  return [...new Map(found.map((r) => [`${r.method} ${r.path}`, r])).values()];
}

describe('OpenAPI at /api/docs and /api/docs-json', () => {
  let app: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    app = await startTestApp();
    doc = (await app.http().get('/api/docs-json')).body;
  });
  afterAll(() => app.close());

  it('names every path of the contract exactly as the contract writes it, with its methods', () => {
    const requests = contractRequests();
    expect(requests.length).toBeGreaterThanOrEqual(12);
    expect(requests.filter((r) => !doc.paths[r.path]?.[r.method.toLowerCase()]).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    // and nothing else without the contract's trailing slash
    expect(Object.keys(doc.paths).filter((p) => !p.endsWith('/')).sort()).toEqual(['/api/docs', '/api/docs-json', '/api/health']);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/contacts/deleted/', '/api/contacts/{id}/revert/', '/api/contacts/{id}/restore/']));
  });

  it('documents If-Match and Idempotency-Key once each, as optional', () => {
    const headers = (op: Doc) => (op.parameters as Doc[]).filter((p) => p.in === 'header').map((p) => [p.name, p.required]);
    expect(headers(doc.paths['/api/contacts/'].post)).toEqual([['Idempotency-Key', false]]);
    expect(headers(doc.paths['/api/contacts/{id}/'].put)).toEqual([['If-Match', false]]);
    expect(headers(doc.paths['/api/contacts/{id}/'].patch)).toEqual([['If-Match', false]]);
    expect(doc.components.parameters.RequestId).toMatchObject({ name: 'X-Request-Id', in: 'header', required: false });
  });

  it('documents every status each route can answer, with the contract’s error shapes', () => {
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path][method].responses).sort();
    expect(statuses('/api/contacts/', 'post')).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '422', '429', '503']);
    expect(statuses('/api/contacts/', 'get')).toEqual(['200', '400', '401', '403', '404', '429', '503']);
    expect(statuses('/api/contacts/{id}/', 'patch')).toEqual(['200', '400', '401', '403', '404', '409', '412', '413', '415', '429', '503']);
    expect(statuses('/api/contacts/{id}/', 'delete')).toEqual(['204', '400', '401', '403', '404', '413', '415', '429', '503']);
    expect(statuses('/api/external-update/', 'post')).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '429', '503']);
    expect(statuses('/api/changes/', 'get')).toEqual(['200', '400', '401', '403', '429', '503']);
    const response = (path: string, method: string, status: string) => doc.paths[path][method].responses[status];
    const schemaOf = (path: string, method: string, status: string) => response(path, method, status).content['application/json'].schema.$ref;
    expect(schemaOf('/api/contacts/{id}/', 'put', '412')).toBe('#/components/schemas/Contact');
    expect(schemaOf('/api/contacts/{id}/', 'get', '404')).toBe('#/components/schemas/Detail');
    expect(schemaOf('/api/contacts/', 'post', '400')).toBe('#/components/schemas/FieldOrDetailError');
    expect(schemaOf('/api/contacts/', 'post', '422')).toBe('#/components/schemas/Detail');
    expect(response('/api/contacts/', 'get', '429').headers['Retry-After']).toEqual({ $ref: '#/components/headers/RetryAfter' });
    expect(response('/api/contacts/{id}/', 'get', '200').headers.ETag).toMatchObject({ required: true });
    expect(response('/api/external-update/', 'post', '401').headers['WWW-Authenticate']).toBeDefined();
    // the service token is needed only when the server has one
    expect(doc.paths['/api/external-update/'].post.security).toEqual(expect.arrayContaining([{}, { serviceBearer: [] }, { serviceToken: [] }]));
    expect(doc.components.schemas.FieldErrors).toMatchObject({ additionalProperties: { type: 'array', items: { type: 'string' } } });
  });

  it('describes the realtime events and the change feed, and links the contract inside the repository', () => {
    const { schemas } = doc.components;
    expect(schemas.ContactEvent.discriminator).toEqual({
      propertyName: 'type',
      mapping: {
        'contact.created': '#/components/schemas/ContactCreatedEvent',
        'contact.updated': '#/components/schemas/ContactUpdatedEvent',
        'contact.deleted': '#/components/schemas/ContactDeletedEvent',
      },
    });
    expect(schemas.ContactDeletedEvent.required).toEqual(expect.arrayContaining(['type', 'contact_id', 'seq']));
    expect(schemas.ChangesPage.properties.results.items).toEqual({ $ref: '#/components/schemas/ContactEvent' });
    expect(Object.keys(schemas.Contact.properties).sort()).toEqual([
      'address_book', 'addresses', 'birthday', 'created_at', 'email', 'first_name', 'id', 'job_title', 'last_name', 'notes', 'organization',
      'other_emails', 'other_phones', 'phone', 'uid', 'updated_at',
    ]);
    expect(schemas.Contact.properties.uid.readOnly).toBe(true);
    expect(schemas.Contact.properties.other_phones.items).toEqual({ $ref: '#/components/schemas/LabeledValue' });
    expect(schemas.Version.required).toEqual(expect.arrayContaining(['organization', 'other_emails', 'addresses', 'birthday']));
    expect(schemas.Version.properties.edited_reason.enum).toContain('external_update');
    const description: string = doc.info.description;
    expect(description).toContain('Socket.IO');
    expect(description).toContain('`/contacts`');
    expect(description).toContain('/ws/contacts/');
    expect(description).toContain('[docs/CONTRACT.md](../docs/CONTRACT.md)');
    expect(doc.externalDocs).toEqual({ description: expect.any(String), url: '../docs/CONTRACT.md' });
    expect(JSON.stringify(doc)).not.toMatch(/https?:\/\/[^"]*CONTRACT/);
  });

  it('is a valid OpenAPI 3.0 document, and a contract client sending the contract’s requests matches a route with every one', async () => {
    expect(doc.openapi).toMatch(/^3\.0\./);
    const validator = await OpenApiResponseValidator.load(structuredClone(doc) as Document); // throws on an invalid document
    const unmatched = contractRequests().flatMap(({ method, path }) => {
      const url = path.replace('{id}', '1');
      // only whether a route matches matters here, not the answer
      return validator.violations({ method, url, status: 599, headers: {}, body: null, streamed: false }).filter((v) => v.includes('no documented operation'));
    });
    expect(unmatched).toEqual([]);
  });

  it('serves the interactive docs page', async () => {
    const res = await app.http().get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/swagger/i);
  });
});

describe('the response validator every e2e suite runs (test/support/openapi-validator.ts)', () => {
  let app: TestApp;
  let validator: OpenApiResponseValidator;
  const contact = {
    id: 1, address_book: 1, first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+1 555', ...emptyContactDetails(),
    uid: '0b7c7d0e-3f1b-4c8e-9a51-2d1f0c6b9e4a', created_at: '2026-11-26T10:00:00.000Z', updated_at: '2026-11-26T10:00:00.000Z',
  };
  const json = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'r1' };
  const exchange = (method: string, url: string, status: number, body: unknown, headers: Record<string, unknown> = json) => ({
    method, url, status, headers, body: body === undefined ? null : JSON.stringify(body), streamed: false,
  });
  beforeAll(async () => {
    app = await startTestApp();
    validator = await OpenApiResponseValidator.load((await app.http().get('/api/docs-json')).body);
  });
  afterAll(() => app.close());

  it('accepts a documented answer, with and without the trailing slash', () => {
    expect(validator.violations(exchange('GET', '/api/contacts/1/', 200, contact, { ...json, etag: '"1-x"' }))).toEqual([]);
    expect(validator.violations(exchange('GET', '/api/contacts/1', 200, contact, { ...json, etag: '"1-x"' }))).toEqual([]);
    expect(validator.violations(exchange('GET', '/api/nothing-here/', 404, { detail: 'Not found.' }))).toEqual([]);
  });

  it('flags what a validating proxy flags', () => {
    const flagged = (e: ReturnType<typeof exchange>) => validator.violations(e).join('\n');
    expect(flagged(exchange('GET', '/api/contacts/1/', 200, contact))).toMatch(/header.*etag/i); // the ETag is missing
    expect(flagged(exchange('GET', '/api/contacts/1/', 200, { ...contact, email: 7 }, { ...json, etag: '"x"' }))).toMatch(/email must be string/);
    expect(flagged(exchange('GET', '/api/contacts/1/', 200, { ...contact, other_phones: [{ label: 'x' }] }, { ...json, etag: '"x"' }))).toMatch(/value/);
    expect(flagged(exchange('GET', '/api/contacts/1/', 418, { detail: 'teapot' }))).toMatch(/status 418 is not documented/);
    expect(flagged(exchange('POST', '/api/contacts/', 400, { email: 'not a list' }))).toMatch(/body/);
    expect(flagged(exchange('GET', '/api/changes/', 200, { results: [{ type: 'contact.moved', seq: 1, edited_by: null }], last_seq: 1 }))).toMatch(/body/);
    expect(flagged(exchange('GET', '/api/undocumented/', 200, {}))).toMatch(/no documented operation/);
    expect(flagged(exchange('DELETE', '/api/contacts/1/', 204, { detail: 'unexpected' }))).toMatch(/a body was sent where none is documented/);
    expect(flagged(exchange('GET', '/api/health', 200, 'ok', { 'content-type': 'text/plain', 'x-request-id': 'r' }))).toMatch(/Content-Type text\/plain/);
  });
});
