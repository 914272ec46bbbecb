import type { Version } from '@contacts/wire-types';
import { contactFields, createContact, tableCounts } from '../support/contacts-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('concurrency on one SQLite file', () => {
  let app: TestApp;
  const DELAY = 500;
  beforeAll(async () => (app = await startTestApp({ createDelayMs: DELAY })));
  afterAll(() => app.close());

  it('20 concurrent creates of one new email: exactly one 201, the rest 400/409; one row, one version', async () => {
    const before = await tableCounts(app);
    const email = `race.${Date.now()}@example.com`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => app.http().post('/api/contacts/').send(contactFields({ email }))),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => [201, 400, 409].includes(s))).toBe(true);
    for (const loser of answers.filter((r) => r.status !== 201)) expect(Object.keys(loser.body)).toEqual(['email']);
    expect(await tableCounts(app)).toEqual({ contacts: before.contacts + 1, versions: before.versions + 1 });
  });

  it('20 concurrent creates with distinct emails finish in about one delay, not twenty', async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.http().post('/api/contacts/').send(contactFields())));
    const elapsed = Date.now() - started;
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    // Serialised delays would take 20 × 500 ms; pending creates must overlap.
    expect(elapsed).toBeLessThan(DELAY * 4);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(20);
  });

  it('a GET is not slowed by pending creates', async () => {
    // supertest only sends once then()-ed.
    const pending = Array.from({ length: 10 }, () => app.http().post('/api/contacts/').send(contactFields()).then((r) => r));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const list = await app.http().get('/api/contacts/');
    expect(list.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(DELAY / 2);
    await Promise.all(pending);
  });

  it('200 concurrent mutations, some failing on purpose: exact row and version counts, no orphan', async () => {
    const targets = await Promise.all(Array.from({ length: 10 }, () => createContact(app)));
    const before = await tableCounts(app);
    const ops: Array<{ expect: number[]; run: () => Promise<{ status: number }> }> = [];
    for (let i = 0; i < 200; i++) {
      const target = targets[i % targets.length];
      switch (i % 5) {
        case 0: // valid patch
          ops.push({ expect: [200], run: () => app.http().patch(`/api/contacts/${target.id}/`).send({ phone: `+1 555 ${1000 + i}` }) });
          break;
        case 1: // invalid on purpose
          ops.push({ expect: [400], run: () => app.http().patch(`/api/contacts/${target.id}/`).send({ email: 'broken' }) });
          break;
        case 2: // unknown contact on purpose
          ops.push({ expect: [404], run: () => app.http().patch(`/api/contacts/${900_000 + i}/`).send({ phone: '123' }) });
          break;
        case 3: // external update
          ops.push({ expect: [200], run: () => app.http().post('/api/external-update/').send({ id: target.id, first_name: `Ext${i}` }) });
          break;
        default: // email collision with another target on purpose
          ops.push({
            expect: [400, 409],
            run: () => app.http().patch(`/api/contacts/${target.id}/`).send({ email: targets[(i + 1) % targets.length].email }),
          });
      }
    }
    const results = await Promise.all(ops.map((op) => op.run()));
    results.forEach((res, i) => expect(ops[i].expect).toContain(res.status));
    const succeeded = results.filter((r) => r.status === 200).length;
    expect(succeeded).toBe(80);
    expect(await tableCounts(app)).toEqual({ contacts: before.contacts, versions: before.versions + succeeded });

    // Every contact's newest version equals the contact: no orphan, no half-write.
    for (const target of targets) {
      const contact = (await app.http().get(`/api/contacts/${target.id}/`)).body;
      const [latest] = (await app.http().get(`/api/contacts/${target.id}/history/`)).body as Version[];
      expect({ ...latest, id: contact.id }).toMatchObject({
        first_name: contact.first_name,
        last_name: contact.last_name,
        email: contact.email,
        phone: contact.phone,
        edited_at: contact.updated_at,
      });
    }
    const { DataSource } = await import('typeorm');
    const [{ orphans }] = await app.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS orphans FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM contact_versions v WHERE v.contact_id = c.id)');
    expect(Number(orphans)).toBe(0);
  });
});
