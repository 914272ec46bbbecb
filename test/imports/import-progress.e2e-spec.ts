import type { ImportJob, ImportProgressEvent, RealtimeEvent } from '@contacts/wire-types';
import { createAccount, type Session, signUp } from '../support/accounts.js';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { tempDir } from '../support/temp-dir.js';
import { scopedPlainWs, type ScopedClient } from '../realtime/scoped-clients.js';
import { uniqueRedisPrefix } from '../realtime/realtime-clients.js';
import { finished, get, numberedCards, progressListener, upload } from './import-support.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const progressOf = (events: RealtimeEvent[]) => events.filter((e): e is ImportProgressEvent => e.type === 'import.progress');

/** What any progress sequence must look like: one job, counters that only grow and add up, one final event. */
function expectWellFormed(events: ImportProgressEvent[], id: string, final: ImportJob): void {
  expect(events.length).toBeGreaterThan(0);
  expect(new Set(events.map((e) => e.import.id))).toEqual(new Set([id]));
  for (let i = 1; i < events.length; i++) expect(events[i].import.processed).toBeGreaterThanOrEqual(events[i - 1].import.processed);
  for (const { import: job } of events) {
    expect(job.created + job.updated + job.skipped.length).toBe(job.processed);
    expect(job.processed).toBeLessThanOrEqual(job.total || Infinity);
  }
  expect(events.filter((e) => e.import.status !== 'running')).toEqual([{ type: 'import.progress', import: final }]);
  expect(events[events.length - 1].import).toEqual(final);
}

/**
 * GET /api/imports/{id}/ and the `import.progress` events: the importing user's connections
 * (Socket.IO and plain WebSocket) see the job move, a few times a second at most, and end
 * with exactly what the endpoint says; nobody else hears of it.
 */
describe('import progress', () => {
  let app: TestApp;
  let ada: Session;
  let grace: Session;
  const open: Array<{ close(): void }> = [];

  beforeAll(async () => {
    app = await startTestApp({}, { AUTH: 'accounts' });
    ada = await signUp(app.baseUrl, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada Lovelace' });
    grace = await createAccount(app.baseUrl, ada, { email: 'grace@example.com', password: 'another good one', name: 'Grace Hopper' });
  });

  afterAll(async () => {
    for (const client of open) client.close();
    await app?.close();
  });

  it('reaches the importing user’s connections only, a few times a second, ending as the endpoint says', async () => {
    const adaSocket = await progressListener(app.baseUrl, { Cookie: ada.cookie });
    const adaWs: ScopedClient = await scopedPlainWs(app.baseUrl, { cookie: ada.cookie }, 'ada ws');
    const graceSocket = await progressListener(app.baseUrl, { Cookie: grace.cookie });
    const graceWs = await scopedPlainWs(app.baseUrl, { cookie: grace.cookie }, 'grace ws');
    open.push(adaSocket, adaWs, graceSocket, graceWs);

    const file = numberedCards(999, `progress${process.pid}`) + 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No Email\r\nN:Email;No;;;\r\nTEL:+1 555\r\nEND:VCARD\r\n';
    const startedAt = Date.now();
    const started = await upload(app.baseUrl, file, { headers: ada.headers });
    expect(started.status).toBe(202);
    const id = (started.body as { id: string }).id;
    const seenRunning = (await get(app.baseUrl, `/api/imports/${id}/`, ada.headers)).body as ImportJob;
    expect(seenRunning.id).toBe(id);

    const last = await adaSocket.waitFor((e) => e.import.id === id && e.import.status === 'done', 60_000);
    const seconds = (Date.now() - startedAt) / 1000;
    const final = await finished(app.baseUrl, id, ada.headers);
    expect(final).toMatchObject({ status: 'done', total: 1000, processed: 1000, created: 999, updated: 0 });
    expect(final.skipped).toEqual([{ index: 999, name: 'No Email', errors: { email: [expect.any(String)] } }]);
    expect(last.import).toEqual(final);
    await adaWs.waitFor((events) => progressOf(events).some((e) => e.import.status === 'done'), 'the final import.progress');

    expectWellFormed(adaSocket.events, id, final);
    expectWellFormed(progressOf(adaWs.events), id, final);
    // A few a second at most (plus the first and the last).
    expect(adaSocket.events.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
    // Ada's contact events came too (one per card written); Grace got nothing of it.
    expect(adaWs.events.filter((e) => e.type === 'contact.created').length).toBe(999);
    expect(graceSocket.events).toEqual([]);
    expect(graceWs.events).toEqual([]);
  });
});

/** Two server processes on one database and one Redis: a job running on one reaches the user's connections on the other. */
describe('import progress across replicas', () => {
  const dir = tempDir();
  const env = { AUTH: 'accounts', REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix(), THROTTLE_LIMIT: '1000000' };
  let r1: ApiProcess;
  let r2: ApiProcess;
  const open: Array<{ close(): void }> = [];

  beforeAll(async () => {
    r1 = await startApi({ env, sqlitePath: `${dir.path}/contacts.sqlite3` });
    r2 = await startApi({ env, sqlitePath: r1.sqlitePath });
  }, 60_000);

  afterAll(async () => {
    for (const client of open) client.close();
    await Promise.all([r1?.stop(), r2?.stop()]);
    dir.remove();
  }, 30_000);

  it('the importing user’s connection on the other replica gets the progress, ending as the endpoint says', async () => {
    const ada = await signUp(r1.baseUrl, { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada Lovelace' });
    const grace = await createAccount(r1.baseUrl, ada, { email: 'grace@example.com', password: 'another good one', name: 'Grace Hopper' });
    const onR2 = await progressListener(r2.baseUrl, { Cookie: ada.cookie });
    const graceOnR2 = await progressListener(r2.baseUrl, { Cookie: grace.cookie });
    open.push(onR2, graceOnR2);
    const started = await upload(r1.baseUrl, numberedCards(300, `replicas${process.pid}`), { headers: ada.headers });
    expect(started.status).toBe(202);
    const id = (started.body as { id: string }).id;
    await onR2.waitFor((e) => e.import.id === id && e.import.status === 'done', 45_000);
    const final = await finished(r2.baseUrl, id, ada.headers); // any replica answers for the job
    expect(final).toMatchObject({ status: 'done', total: 300, processed: 300, created: 300 });
    expectWellFormed(onR2.events, id, final);
    expect(graceOnR2.events).toEqual([]);
  }, 60_000);
});
