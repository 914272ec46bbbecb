import type { Contact } from '@contacts/wire-types';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { api, sleep } from '../realtime/realtime-clients.js';
import { auditDatabase, emptyLedger, type WriteLedger } from './write-ledger.js';

const WORKERS = 12;
const LOAD_MS = 1500;

/** One client's loop: creates (with a short delay), patches and deletes of its own contacts. */
async function writer(baseUrl: string, worker: number, ledger: WriteLedger, stop: () => boolean): Promise<void> {
  const mine: number[] = [];
  for (let i = 0; !stop(); i++) {
    const choice = mine.length < 2 ? 0 : i % 5;
    try {
      if (choice === 0 || choice === 3) {
        const res = await api(baseUrl, 'POST', '/api/contacts/', {
          first_name: `W${worker}`, last_name: `N${i}`, email: `w${worker}.n${i}@kill.example`, phone: `+1 555 ${worker} ${i}`,
        });
        if (res.status === 201) {
          ledger.created.push(res.body as Contact);
          mine.push(res.body.id);
        }
      } else if (choice === 4) {
        const id = mine.shift()!;
        const res = await api(baseUrl, 'DELETE', `/api/contacts/${id}/`);
        if (res.status === 204) ledger.deleted.push(id);
      } else {
        const id = mine[i % mine.length];
        const res = await api(baseUrl, 'PATCH', `/api/contacts/${id}/`, { last_name: `P${i}`, phone: `+44 ${i}` });
        if (res.status === 200) ledger.patched.push(res.body as Contact);
      }
    } catch {
      ledger.unanswered += 1; // the process died under this request
      return;
    }
  }
}

/** SIGKILL in the middle of a write load: no acknowledged write lost, nothing half-written. */
describe('SIGKILL during a write load', () => {
  let api1: ApiProcess;

  afterAll(async () => {
    await api1?.stop('SIGKILL');
  });

  it('keeps every 2xx write with its version, and the file passes integrity_check', async () => {
    api1 = await startApi({ env: { CREATE_DELAY_MS: '150', THROTTLE_LIMIT: '1000000' } });
    const ledger = emptyLedger();
    let killed = false;
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => writer(api1.baseUrl, w, ledger, () => killed)));
    await sleep(LOAD_MS);
    await api1.stop('SIGKILL');
    killed = true;
    await load;

    const answered = ledger.created.length + ledger.patched.length + ledger.deleted.length;
    expect(answered).toBeGreaterThan(50);
    const audit = auditDatabase(api1.sqlitePath, ledger);
    expect(audit.integrity).toBe('ok');
    expect(audit.problems).toEqual([]);

    // The restarted server serves the same state: acknowledged creates not deleted are readable.
    await api1.restart();
    const deleted = new Set(ledger.deleted);
    const lastPatch = new Map(ledger.patched.map((c) => [c.id, c]));
    for (const created of ledger.created.filter((c) => !deleted.has(c.id)).slice(0, 40)) {
      const res = await api(api1.baseUrl, 'GET', `/api/contacts/${created.id}/`);
      // A delete in flight at the kill may have committed: then it is 404 with a deleted version.
      expect([200, 404]).toContain(res.status);
      if (res.status === 200 && !lastPatch.has(created.id)) expect(res.body.email).toBe(created.email);
    }
    console.info(`sigkill: ${ledger.created.length} creates, ${ledger.patched.length} patches, ${ledger.deleted.length} deletes acknowledged; ` +
      `${ledger.unanswered} unanswered; ${audit.contacts} contacts, ${audit.versions} versions after the kill`);
  }, 60_000);
});
