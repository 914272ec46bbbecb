import { jest } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import { DataSource } from 'typeorm';
import type { Contact, ContactEvent } from '@contacts/wire-types';
import { startTestApp, TEST_DATABASE, type TestApp } from '../support/test-app.js';
import { api, changesSince, createContact, type EventClient, hasSeqs, plainWsClient, seqs, socketIoClient } from '../realtime/realtime-clients.js';

const PATCHED = 30; // contacts taking the plain PATCHes
const PATCHES = 200;
const STALE = 5; // PATCHes with an If-Match that no longer matches: 412
const RACES = 5; // pairs of contacts PATCHed to one new email at once: one 200, one refused

type Answer = { status: number; body: any };

/**
 * A keep-alive connection the server has accepted and answered once (a health check): the
 * server reads a request written on it at once, in the same turn as the others.
 */
async function connected(baseUrl: string): Promise<Socket> {
  const { hostname, port } = new URL(baseUrl);
  const socket = await new Promise<Socket>((resolve, reject) => {
    const opened = connect(Number(port), hostname, () => resolve(opened));
    opened.once('error', reject);
  });
  socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  await new Promise<void>((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? NaN);
      if (end < 0 || text.length < end + 4 + length) return;
      socket.off('data', onData);
      resolve();
    };
    socket.on('data', onData);
  });
  return socket;
}

/** One PATCH on its connection (the last request on it), written at once; its status and JSON body. */
function patchOn(socket: Socket, { id, body, ifMatch }: { id: number; body: unknown; ifMatch?: string }): Promise<Answer> {
  const json = JSON.stringify(body);
  const headers = [`PATCH /api/contacts/${id}/ HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(json)}`];
  if (ifMatch) headers.push(`If-Match: ${ifMatch}`);
  socket.write(`${headers.join('\r\n')}\r\n\r\n${json}`);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({ status: Number(text.slice(9, 12)), body: JSON.parse(text.slice(split + 4)) });
    });
  });
}

/**
 * Writes arriving together share one SQLite transaction (group commit, WriteTransactions),
 * each in its own savepoint. Through the real server: every acknowledged PATCH has exactly
 * one version and one event, the failing ones (412 from If-Match, 409/400 for an email another
 * write of the same moment took) none, and the events reach clients in seq order.
 */
describe('group commit: many concurrent PATCHes', () => {
  let server: TestApp;
  let clients: EventClient[] = [];
  let ids: number[] = [];

  beforeAll(async () => {
    server = await startTestApp({}, { CREATE_DELAY_MS: '0' });
    ids = (await Promise.all(Array.from({ length: PATCHED + 2 * RACES }, () => createContact(server.baseUrl)))).map((c) => c.id);
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
  }, 30_000);

  it('answers all; each success has exactly one version and event, each failure none; events arrive in seq order', async () => {
    clients = await Promise.all([socketIoClient(server.baseUrl), plainWsClient(server.baseUrl)]);
    const start = (await changesSince(server.baseUrl, 0)).last_seq;
    const commits = TEST_DATABASE === 'sqlite' ? jest.spyOn(server.app.get(DataSource).createQueryRunner(), 'commitTransaction') : null;

    // Every request on a connection of its own, opened (and answered once) first; then all are
    // written at once, so that the server reads them together, as under load, and their writes
    // share groups.
    const requests = [
      ...Array.from({ length: PATCHES }, (_, i) => ({ id: ids[i % PATCHED], body: { first_name: `G${i}` } })),
      ...Array.from({ length: STALE }, (_, k) => ({ id: ids[k], body: { first_name: `Stale${k}` }, ifMatch: '"no-longer-current"' })),
      ...Array.from({ length: RACES }, (_, k) => [0, 1].map((j) => ({ id: ids[PATCHED + 2 * k + j], body: { email: `race-${k}@example.com` } }))).flat(),
    ];
    const sockets = await Promise.all(requests.map(() => connected(server.baseUrl)));
    const answers = await Promise.all(requests.map((request, i) => patchOn(sockets[i], request)));
    const plainAnswers = answers.slice(0, PATCHES);
    const staleAnswers = answers.slice(PATCHES, PATCHES + STALE);
    const raceAnswers = Array.from({ length: RACES }, (_, k) => answers.slice(PATCHES + STALE + 2 * k, PATCHES + STALE + 2 * k + 2));

    expect(plainAnswers.map((a) => a.status)).toEqual(Array(PATCHES).fill(200));
    expect(staleAnswers.map((a) => a.status)).toEqual(Array(STALE).fill(412));
    // The loser is refused by validation (400) when the winner had committed before it was read,
    // else inside the transaction, seeing the winner's write of the same group (409).
    for (const pair of raceAnswers) {
      const [won, lost] = pair.map((a) => a.status).sort();
      expect({ won, refused: [400, 409].includes(lost) }).toEqual({ won: 200, refused: true });
    }
    if (commits) expect(commits.mock.calls.length).toBeLessThan(requests.length / 2); // they did share transactions

    const feed = (await changesSince(server.baseUrl, start)).results;
    const updates = feed.filter((e): e is Extract<ContactEvent, { type: 'contact.updated' }> => e.type === 'contact.updated');
    expect(updates).toHaveLength(feed.length);
    // One version per acknowledged PATCH — what it answered — and none for a failed one.
    expect(feed).toHaveLength(PATCHES + RACES);
    for (const [i, answer] of plainAnswers.entries()) {
      expect(updates.filter((e) => e.contact.first_name === `G${i}`).map((e) => e.contact)).toEqual([answer.body as Contact]);
    }
    expect(updates.filter((e) => e.contact.first_name.startsWith('Stale'))).toEqual([]);
    for (const [k, pair] of raceAnswers.entries()) {
      const winner = pair.find((a) => a.status === 200)!.body as Contact;
      expect(updates.filter((e) => e.contact.email === `race-${k}@example.com`).map((e) => e.contact)).toEqual([winner]);
    }
    expect((await api(server.baseUrl, 'GET', `/api/contacts/?search=race-`)).body.count).toBe(RACES);

    // Every client hears every one of them once, in seq order.
    const wanted = seqs(feed);
    expect(wanted).toEqual([...wanted].sort((a, b) => a - b));
    await Promise.all(clients.map((c) => c.waitFor(hasSeqs(wanted), 20_000, `${wanted.length} events`)));
    for (const c of clients) expect({ kind: c.kind, seqs: seqs(c.events) }).toEqual({ kind: c.kind, seqs: wanted });
  }, 60_000);
});
