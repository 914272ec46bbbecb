import type { Contact, Page } from '@contacts/wire-types';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ContactPageCache } from '../../apps/api/src/contacts/contact-page-cache.js';
import { createContact } from '../support/contacts-fixtures.js';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes on the wire, not decoded. */
  bytes: Buffer;
}

/** Compressed answers for clients that accept them; the same bytes, decoded, as for those that do not. */
describe('compression', () => {
  let t: TestApp;
  let vendorChunk: string;

  beforeAll(async () => {
    t = await startTestApp();
    const dist = t.config.webDistPath;
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is missing: run npm run build:web first`);
    // The largest script of the build: the vendor chunk.
    vendorChunk = readdirSync(dist)
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => statSync(join(dist, b)).size - statSync(join(dist, a)).size)[0];
    // More than a page of contacts, so a list page is well above the compression threshold.
    await Promise.all(Array.from({ length: 25 }, () => createContact(t)));
  });
  afterAll(() => t?.close());

  /** A request with exactly these headers (supertest would add and undo its own Accept-Encoding). */
  function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${t.baseUrl}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  const decode = (r: Raw) =>
    r.headers['content-encoding'] === 'br'
      ? brotliDecompressSync(r.bytes)
      : r.headers['content-encoding'] === 'gzip'
        ? gunzipSync(r.bytes)
        : r.bytes;

  /** `mayStream`: compressed on the fly, a large answer goes out chunked, without a Content-Length. */
  function expectEncoded(r: Raw, encoding: 'br' | 'gzip', plain: Buffer, mayStream = false) {
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers.vary?.toLowerCase()).toContain('accept-encoding');
    if (mayStream && r.headers['content-length'] === undefined) expect(r.headers['transfer-encoding']).toBe('chunked');
    else expect(r.headers['content-length']).toBe(String(r.bytes.length));
    expect(r.bytes.length).toBeLessThan(plain.length);
    expect(decode(r).equals(plain)).toBe(true);
  }

  function expectIdentity(r: Raw, plain: Buffer) {
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.bytes.equals(plain)).toBe(true);
  }

  describe('the built app', () => {
    it('sends the vendor chunk brotli or gzip to clients that accept it, as is to others, typed as a script', async () => {
      const plain = readFileSync(join(t.config.webDistPath, vendorChunk));
      const br = await raw(`/${vendorChunk}`, { 'accept-encoding': 'gzip, deflate, br' });
      expectEncoded(br, 'br', plain);
      expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(br.headers['cache-control']).toContain('immutable');
      expectEncoded(await raw(`/${vendorChunk}`, { 'accept-encoding': 'gzip' }), 'gzip', plain);
      expectIdentity(await raw(`/${vendorChunk}`), plain);
      expectIdentity(await raw(`/${vendorChunk}`, { 'accept-encoding': 'identity' }), plain);
      expectIdentity(await raw(`/${vendorChunk}`, { 'accept-encoding': 'br;q=0, gzip;q=0' }), plain);
    });

    it('answers HEAD with the headers of the compressed file and no body', async () => {
      const get = await raw(`/${vendorChunk}`, { 'accept-encoding': 'br' });
      const head = await raw(`/${vendorChunk}`, { 'accept-encoding': 'br' }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers['content-encoding']).toBe('br');
      expect(head.headers['content-length']).toBe(String(get.bytes.length));
      expect(head.bytes.length).toBe(0);
    });

    it('does not serve the build’s compressed copies as files of their own', async () => {
      const r = await raw(`/${vendorChunk}.br`);
      expect(r.headers['content-type']).toMatch(/^text\/html/); // the app's own route, not the bytes
    });

    it('compresses the app page (index.html) too', async () => {
      const plain = await raw('/contacts/1');
      expect(plain.headers['content-type']).toMatch(/^text\/html/);
      expectEncoded(await raw('/contacts/1', { 'accept-encoding': 'br' }), 'br', plain.bytes);
    });

    it('has a real robots.txt: plain text, not the app page', async () => {
      const r = await raw('/robots.txt');
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/plain/);
      expect(r.bytes.toString()).toMatch(/^User-agent: \*$/m);
      expect(r.bytes.toString()).not.toContain('<html');
    });
  });

  describe('list pages', () => {
    it('are sent brotli or gzip to clients that accept it, as is to others, each decoding to the same JSON', async () => {
      const plain = await raw('/api/contacts/');
      expectIdentity(plain, plain.bytes);
      expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(plain.headers.vary?.toLowerCase()).toContain('accept-encoding');
      expect(plain.headers.vary?.toLowerCase()).toContain('origin'); // CORS's Vary is kept
      expect((JSON.parse(plain.bytes.toString()) as Page<Contact>).results).toHaveLength(20);
      expectEncoded(await raw('/api/contacts/', { 'accept-encoding': 'br' }), 'br', plain.bytes);
      expectEncoded(await raw('/api/contacts/', { 'accept-encoding': 'gzip;q=1, br;q=0.5' }), 'gzip', plain.bytes);
      expectIdentity(await raw('/api/contacts/', { 'accept-encoding': 'identity' }), plain.bytes);
      const search = await raw('/api/contacts/?search=first', { 'accept-encoding': 'br' });
      expectEncoded(search, 'br', (await raw('/api/contacts/?search=first')).bytes);
    });

    it('answer HEAD with the compressed length and no body', async () => {
      const get = await raw('/api/contacts/', { 'accept-encoding': 'br' });
      const head = await raw('/api/contacts/', { 'accept-encoding': 'br' }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers['content-encoding']).toBe('br');
      expect(head.headers['content-length']).toBe(String(get.bytes.length));
      expect(head.bytes.length).toBe(0);
    });

    it('a cached page is sent from its kept compressed copy, and is still exact after a write', async () => {
      const cache = t.app.get(ContactPageCache);
      const path = '/api/contacts/?page_size=25';
      const before = await raw(path); // rendered and kept
      const kept = cache.held.bytes;
      const first = await raw(path, { 'accept-encoding': 'br' });
      expectEncoded(first, 'br', before.bytes);
      const second = await raw(path, { 'accept-encoding': 'br' });
      expect(second.bytes.equals(first.bytes)).toBe(true);
      if (TEST_DATABASE === 'sqlite') {
        // The copy was made and counted once, by the first hit; the second added nothing (PostgreSQL keeps no pages).
        expect(kept).toBeGreaterThanOrEqual(before.bytes.length);
        expect(cache.held.bytes).toBe(kept + first.bytes.length);
      }

      const listed = JSON.parse(before.bytes.toString()) as Page<Contact>;
      const target = listed.results[listed.results.length - 1];
      const patched = await t.http().patch(`/api/contacts/${target.id}/`).send({ phone: '+1-555-9876' });
      expect(patched.status).toBe(200);
      const after = await raw(path, { 'accept-encoding': 'br' });
      const page = JSON.parse(decode(after).toString()) as Page<Contact>;
      expect(page.results[0]).toEqual(patched.body);
      expectEncoded(after, 'br', (await raw(path)).bytes);
    });
  });

  describe('other API answers', () => {
    it('are compressed above the threshold by @fastify/compress (the OpenAPI document)', async () => {
      const plain = await raw('/api/docs-json');
      expectEncoded(await raw('/api/docs-json', { 'accept-encoding': 'br' }), 'br', plain.bytes, true);
    });

    it('one contact stays below the threshold: sent as is, with its strong ETag', async () => {
      const contact = await createContact(t);
      const r = await raw(`/api/contacts/${contact.id}/`, { 'accept-encoding': 'br, gzip' });
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.headers.etag).toMatch(/^"/);
      expect(JSON.parse(r.bytes.toString())).toEqual(contact);
    });

    it('a contact large enough to be compressed gets a weak ETag, which If-Match still accepts', async () => {
      const wide = '😀'.repeat(100); // 400 bytes each in UTF-8
      const email = `${'a'.repeat(64)}@${'b'.repeat(60)}.example.com`;
      const contact = await createContact(t, { first_name: wide, last_name: wide, email });
      const r = await raw(`/api/contacts/${contact.id}/`, { 'accept-encoding': 'br' });
      expect(r.headers['content-encoding']).toBe('br');
      expect(JSON.parse(decode(r).toString())).toEqual(contact);
      const strong = (await raw(`/api/contacts/${contact.id}/`)).headers.etag;
      expect(strong).toMatch(/^"/);
      expect(r.headers.etag).toBe(`W/${strong}`);
      const edit = await raw(
        `/api/contacts/${contact.id}/`,
        { 'content-type': 'application/json', 'if-match': String(r.headers.etag) },
        'PATCH',
        JSON.stringify({ phone: '+1-555-4321' }),
      );
      expect(edit.status).toBe(200);
    });
  });
});
