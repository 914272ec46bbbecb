import Queue from 'bull';
import { Redis } from 'ioredis';
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startApi } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';
import { changesSince, createContact, uniqueRedisPrefix } from './realtime-clients.js';

const ROOT = resolve(import.meta.dirname, '../..');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The standalone worker: processes the queue without HTTP and announces through Redis. */
describe('queue worker (npm run worker)', () => {
  const dir = tempDir();
  const prefix = uniqueRedisPrefix();
  let worker: ChildProcess | undefined;
  let output = '';
  let queue: Queue.Queue;
  let listener: Redis;

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once('exit', r));
      worker.kill('SIGTERM');
      await exited;
    }
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    listener?.disconnect();
    dir.remove();
  }, 30_000);

  it('applies a job pushed into Redis and publishes its event once on the event channel', async () => {
    const sqlitePath = join(dir.path, 'contacts.sqlite3');
    // An API process migrates and creates a contact, then goes away: only the worker is left.
    const api = await startApi({ sqlitePath, env: { REDIS_URL, REDIS_PREFIX: prefix } });
    const contact = await createContact(api.baseUrl);
    await api.stop();

    worker = spawn(process.execPath, [join(ROOT, 'dist/api/apps/api/src/worker.js')], {
      cwd: ROOT, env: { ...process.env, AUTH: 'none', REDIS_URL, REDIS_PREFIX: prefix, SQLITE_PATH: sqlitePath, LOG_LEVEL: 'log' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (c) => (output += c));
    worker.stderr?.on('data', (c) => (output += c));

    listener = new Redis(REDIS_URL);
    const messages: string[] = [];
    listener.on('message', (_channel, message: string) => messages.push(message));
    await listener.subscribe(`${prefix}contacts:events`);

    queue = new Queue('contacts-external-updates', REDIS_URL, { prefix: `${prefix}bull` });
    const job = await queue.add({ id: contact.id, first_name: 'Worker' });
    const result = await job.finished();
    expect(result).toMatchObject({ id: contact.id, first_name: 'Worker' });
    for (let i = 0; i < 50 && messages.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    expect(messages.map((m) => JSON.parse(m))).toEqual([
      { type: 'contact.updated', contact: result, seq: expect.any(Number), address_book: 1, edited_by: null },
    ]);
    expect(output).toContain('Processing queue contacts-external-updates');

    // Served again, the feed has it: the worker wrote to the same database.
    const again = await startApi({ sqlitePath, env: { REDIS_URL, REDIS_PREFIX: prefix } });
    try {
      const feed = await changesSince(again.baseUrl, 0);
      expect(feed.results.at(-1)).toEqual(JSON.parse(messages[0]));
    } finally {
      await again.stop();
    }
  }, 60_000);
});
