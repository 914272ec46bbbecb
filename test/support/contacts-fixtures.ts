import type { Contact, ContactFields } from '@contacts/wire-types';
import type { TestApp } from './test-app.js';

let counter = 0;

/** Distinct valid fields; overrides win. */
export function contactFields(overrides: Partial<ContactFields> = {}): ContactFields {
  counter += 1;
  return {
    first_name: `First${counter}`,
    last_name: `Last${counter}`,
    email: `person${counter}.${process.pid}@example.com`,
    phone: `+1-555-${String(1000 + counter).slice(-4)}`,
    ...overrides,
  };
}

/** POST and expect 201. */
export async function createContact(app: TestApp, overrides: Partial<ContactFields> = {}): Promise<Contact> {
  const res = await app.http().post('/api/contacts/').send(contactFields(overrides));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Contact;
}

/** Raw row counts straight from the database file, independent of the API. */
export async function tableCounts(app: TestApp): Promise<{ contacts: number; versions: number }> {
  const { DataSource } = await import('typeorm');
  const ds = app.app.get(DataSource);
  const [{ n: contacts }] = await ds.query('SELECT COUNT(*) AS n FROM contacts');
  const [{ n: versions }] = await ds.query('SELECT COUNT(*) AS n FROM contact_versions');
  return { contacts: Number(contacts), versions: Number(versions) };
}
