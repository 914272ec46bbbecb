import { io } from 'socket.io-client';
import { WebSocket } from 'ws';
import { PLAIN_WS_PATH, SOCKET_IO_NAMESPACE } from '@contacts/wire-types';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ALLOWED = 'https://contacts.example.com';
const FOREIGN = 'https://evil.example';

function socketIo(baseUrl: string, origin: string): Promise<'connected' | string> {
  const socket = io(`${baseUrl}${SOCKET_IO_NAMESPACE}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin } });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.disconnect()) as Promise<string>;
}

function plainWs(baseUrl: string, origin: string): Promise<'open' | number> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${PLAIN_WS_PATH}`, { origin });
  return new Promise<'open' | number>((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  }).finally(() => ws.terminate());
}

/** CORS_ORIGINS allowlist for HTTP, Socket.IO and plain WebSocket; same origin always works. */
describe('CORS allowlist', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({}, { CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` })));
  afterAll(() => t?.close());

  it('defaults to the Vite dev server', async () => {
    const { loadConfig } = await import('../../apps/api/src/config/app-config.js');
    expect(loadConfig({}).corsOrigins).toEqual(['http://localhost:5173']);
  });

  it('answers a preflight from an allowed origin, with the headers the app sends', async () => {
    const res = await t.http().options('/api/contacts/1/')
      .set('Origin', ALLOWED).set('Access-Control-Request-Method', 'PATCH').set('Access-Control-Request-Headers', 'content-type, if-match');
    expect(res.status).toBeLessThan(300);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-methods']).toContain('PATCH');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('if-match');
    const get = await t.http().get('/api/contacts/').set('Origin', 'http://localhost:5173');
    expect(get.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(get.headers['access-control-expose-headers']).toContain('ETag');
  });

  it('gives a foreign origin no CORS headers', async () => {
    const res = await t.http().get('/api/contacts/').set('Origin', FOREIGN);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http().options('/api/contacts/').set('Origin', FOREIGN).set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets Socket.IO and plain WebSocket in from allowed origins and the same origin only', async () => {
    expect(await socketIo(t.baseUrl, ALLOWED)).toBe('connected');
    expect(await socketIo(t.baseUrl, t.baseUrl)).toBe('connected');
    expect(await socketIo(t.baseUrl, FOREIGN)).not.toBe('connected');
    expect(await plainWs(t.baseUrl, ALLOWED)).toBe('open');
    expect(await plainWs(t.baseUrl, t.baseUrl)).toBe('open');
    expect(await plainWs(t.baseUrl, FOREIGN)).toBe(403);
  });
});
