import Database from 'better-sqlite3';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { api, sleep } from '../realtime/realtime-clients.js';

const PENDING = 20;
const DELAY_MS = 2000;

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
    await sleep(400); // all 20 validated and waiting out their delay
    const sentAt = Date.now();
    const exited = server.stop('SIGTERM');

    await sleep(200);
    // A new request while draining: 503 in the contract's shape, or no connection at all.
    const late = await api(server.baseUrl, 'GET', '/api/health').catch((error: Error) => ({ status: 0, body: error.message }));
    if (late.status !== 0) expect(late).toEqual({ status: 503, body: { detail: 'Server is shutting down.' } });

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
