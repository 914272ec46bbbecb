import { type TestApp, startTestApp } from '../support/test-app.js';
import {
  api, changesSince, createContact, type EventClient, hasSeqs, plainWsClient, seqs, sleep, socketIoClient,
} from './realtime-clients.js';

/** One process, no REDIS_URL: in-memory fan-out to both transports, in-process external updates. */
describe('realtime without Redis', () => {
  let server: TestApp;
  let clients: EventClient[] = [];

  beforeAll(async () => {
    server = await startTestApp({ redisUrl: null });
  }, 30_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
  }, 30_000);

  it('announces create, update, external update, delete and restore to Socket.IO and plain-WS clients', async () => {
    expect((await api(server.baseUrl, 'GET', '/api/health')).body).toEqual({ status: 'ok', db: 'up', redis: 'disabled' });
    clients = await Promise.all([socketIoClient(server.baseUrl), plainWsClient(server.baseUrl)]);
    const created = await createContact(server.baseUrl);
    const patched = await api(server.baseUrl, 'PATCH', `/api/contacts/${created.id}/`, { first_name: 'Grace' });
    const external = await api(server.baseUrl, 'POST', '/api/external-update/', { id: created.id, phone: '+1 (555) 3000' });
    expect(await api(server.baseUrl, 'DELETE', `/api/contacts/${created.id}/`)).toMatchObject({ status: 204 });
    const restored = await api(server.baseUrl, 'POST', `/api/contacts/${created.id}/restore/`);
    expect([patched.status, external.status, restored.status]).toEqual([200, 200, 201]);

    const feed = await changesSince(server.baseUrl, 0);
    const [s1, s2, s3, s4, s5] = seqs(feed.results);
    expect(feed.results).toEqual([
      { type: 'contact.created', contact: created, seq: s1, edited_by: null, address_book: 1 },
      { type: 'contact.updated', contact: patched.body, seq: s2, edited_by: null, address_book: 1 },
      { type: 'contact.updated', contact: external.body, seq: s3, edited_by: null, address_book: 1 },
      { type: 'contact.deleted', contact_id: created.id, seq: s4, edited_by: null, address_book: 1 },
      { type: 'contact.created', contact: restored.body, seq: s5, edited_by: null, address_book: 1 },
    ]);
    expect(s1 < s2 && s2 < s3 && s3 < s4 && s4 < s5).toBe(true);
    await Promise.all(clients.map((c) => c.waitFor(hasSeqs(seqs(feed.results)))));
    await sleep(300);
    for (const c of clients) expect(c.events).toEqual(feed.results);
  }, 30_000);

  it('announces a revert as contact.updated carrying the reverted fields', async () => {
    const created = await createContact(server.baseUrl);
    await api(server.baseUrl, 'PATCH', `/api/contacts/${created.id}/`, { first_name: 'Changed' });
    const history = (await api(server.baseUrl, 'GET', `/api/contacts/${created.id}/history/`)).body as Array<{ id: number }>;
    const listener = await socketIoClient(server.baseUrl);
    clients.push(listener);
    const reverted = await api(server.baseUrl, 'POST', `/api/contacts/${created.id}/revert/`, { version: history[1].id });
    expect(reverted.status).toBe(200);
    await listener.waitFor((events) => events.length > 0);
    expect(listener.events).toEqual([{ type: 'contact.updated', contact: reverted.body, seq: expect.any(Number), edited_by: null, address_book: 1 }]);
  }, 30_000);

  it('plain WebSocket upgrades on other paths are not taken', async () => {
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`${server.baseUrl.replace('http', 'ws')}/ws/other/`);
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', () => resolve('refused'));
      ws.once('close', () => resolve('refused'));
    });
    ws.terminate();
    expect(outcome).toBe('refused');
  }, 10_000);
});
