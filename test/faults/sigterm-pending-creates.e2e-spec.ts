import Database from 'better-sqlite3';
import { connect, type Socket } from 'node:net';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { api, sleep } from '../realtime/realtime-clients.js';

const PENDING = 20;
const DELAY_MS = 2000;

/**
 * A request whose head is still being sent: its connection is busy, so the shutdown's
 * closeIdleConnections() leaves it open, and the request reaches the server only when
 * `finish()` completes it — after the signal, while the server drains.
 */
async function halfSentRequest(port: number, path: string): Promise<{ finish(): Promise<{ status: number; body: unknown }> }> {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let raw = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
  const ended = new Promise<void>((resolve, reject) => socket.once('end', resolve).once('close', () => resolve()).once('error', reject));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
  return {
    async finish() {
      socket.write('\r\n');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer; got ${JSON.stringify(raw)}`)), 5000)));
      await Promise.race([ended, timeout]).finally(() => {
        clearTimeout(timer);
        socket.destroy();
      });
      const [head, body = ''] = raw.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      return { status, body: body ? JSON.parse(body) : null };
    },
  };
}

/** SIGTERM while creates wait out their delay: they all finish and are answered, then exit 0. */
describe('SIGTERM during pending creates', () => {
  let server: ApiProcess;

  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('stores and answers all 20 (201), refuses new work while draining, exits 0 with a clean database', async () => {
    server = await startApi({ env: { CREATE_DELAY_MS: String(DELAY_MS), SHUTDOWN_GRACE_MS: '15000' } });
    const creates = Array.from({ length: PENDING }, (_, i) =>
      api(server.baseUrl, 'POST', '/api/contacts/', { first_name: 'Term', last_name: `N${i}`, email: `term.${i}@example.com`, phone: '+1 555 0100' }),
    );
    const late = await halfSentRequest(server.port, '/api/health');
    await sleep(400); // all 20 validated and waiting out their delay
    const sentAt = Date.now();
    const exited = server.stop('SIGTERM');

    await sleep(200);
    // A request arriving while draining is refused in the contract's shape.
    expect(await late.finish()).toEqual({ status: 503, body: { detail: 'Server is shutting down.' } });

    const results = await Promise.all(creates);
    expect(results.map((r) => r.status)).toEqual(Array(PENDING).fill(201));
    expect(await exited).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(DELAY_MS + 8000);

    // Closed cleanly: the WAL was checkpointed into the main file and it is intact.
    const db = new Database(server.sqlitePath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = results.map((r) => r.body.id as number);
      const rows = db.prepare(`SELECT COUNT(*) AS n FROM contacts WHERE id IN (${ids.join(',')})`).get() as { n: number };
      expect(rows.n).toBe(PENDING);
      const versions = db.prepare(`SELECT COUNT(*) AS n FROM contact_versions WHERE edited_reason = 'created' AND contact_id IN (${ids.join(',')})`).get() as { n: number };
      expect(versions.n).toBe(PENDING);
    } finally {
      db.close();
    }
    expect(server.output()).not.toMatch(/shutdown failed/);
  }, 45_000);
});
