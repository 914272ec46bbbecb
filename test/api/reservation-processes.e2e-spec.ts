import { startApi, type ApiProcess } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';
import { join } from 'node:path';

const json = (body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('two API processes on one SQLite file', () => {
  const dir = tempDir();
  let a: ApiProcess;
  let b: ApiProcess;
  const DELAY = 1500;

  beforeAll(async () => {
    const sqlitePath = join(dir.path, 'shared.sqlite3');
    a = await startApi({ sqlitePath, env: { CREATE_DELAY_MS: String(DELAY) } });
    b = await startApi({ sqlitePath, env: { CREATE_DELAY_MS: String(DELAY) } });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    dir.remove();
  });

  it('a pending create on A reserves its email for B too, and B sees the contact A made', async () => {
    const email = `shared.${Date.now()}@example.com`;
    const fields = { first_name: 'Ada', last_name: 'Lovelace', phone: '+1 555 0100' };
    const pending = fetch(`${a.baseUrl}/api/contacts/`, json({ ...fields, email }));
    await new Promise((r) => setTimeout(r, 300));

    const started = Date.now();
    const onB = await fetch(`${b.baseUrl}/api/contacts/`, json({ ...fields, email: email.toUpperCase() }));
    expect(onB.status).toBe(409);
    expect(Object.keys(await onB.json())).toEqual(['email']);
    expect(Date.now() - started).toBeLessThan(DELAY / 2);

    const created = await pending;
    expect(created.status).toBe(201);
    const contact = await created.json();
    const seenByB = await fetch(`${b.baseUrl}/api/contacts/${contact.id}/`);
    expect(await seenByB.json()).toEqual(contact);
  });

  it('one Idempotency-Key across both processes creates once', async () => {
    const body = { first_name: 'Grace', last_name: 'Hopper', email: `idem.${Date.now()}@example.com`, phone: '+1 555 0200' };
    const withKey = { ...json(body), headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `k-${Date.now()}` } };
    const [ra, rb] = await Promise.all([fetch(`${a.baseUrl}/api/contacts/`, withKey), fetch(`${b.baseUrl}/api/contacts/`, withKey)]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    const [ca, cb] = [await ra.json(), await rb.json()];
    expect(cb).toEqual(ca);
    const list = await (await fetch(`${a.baseUrl}/api/contacts/?search=${encodeURIComponent(body.email)}`)).json();
    expect(list.count).toBe(1);
  });
});
