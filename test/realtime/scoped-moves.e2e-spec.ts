import type { AddressBook, Contact, ContactDeletedEvent, ContactUpdatedEvent, RealtimeEvent } from '@contacts/wire-types';
import { createAccount, newAccount, type Session, signUp } from '../support/accounts.js';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { addContact, bothTransports, call, ownBook, type ScopedClient, SETTLE_MS, share, sleep } from './scoped-clients.js';

const updatesOf = (id: number) => (events: RealtimeEvent[]) =>
  events.filter((e): e is ContactUpdatedEvent => e.type === 'contact.updated' && e.contact.id === id);
const deletionsOf = (id: number) => (events: RealtimeEvent[]) =>
  events.filter((e): e is ContactDeletedEvent => e.type === 'contact.deleted' && e.contact_id === id);

/**
 * AUTH=accounts: a contact moved out of a book its reader can no longer follow it into.
 * The move's one event (its version names only the new book) reaches the new book's
 * readers as contact.updated; readers of the old book who cannot read the new one get a
 * contact.deleted under the same seq instead, so their list drops the row.
 */
describe('realtime: a contact moved between address books', () => {
  let server: TestApp;
  let base: string;
  let ada: Session;
  let grace: Session;
  let bookA: AddressBook;
  let family: AddressBook;
  let clients: ScopedClient[] = [];

  const open = async (session: Session, label: string): Promise<ScopedClient[]> => {
    const list = await bothTransports(base, { cookie: session.cookie }, label);
    clients.push(...list);
    return list;
  };

  beforeAll(async () => {
    server = await startTestApp({}, { AUTH: 'accounts' });
    base = server.baseUrl;
    ada = await signUp(base, newAccount('Ada Lovelace'));
    grace = await createAccount(base, ada, newAccount('Grace Hopper'));
    bookA = await ownBook(base, ada);
    const created = await call(base, ada, 'POST', '/api/address-books/', { name: 'Family' });
    expect(created.status).toBe(201);
    family = created.body as AddressBook;
    await share(base, ada, family.id, grace.user.email, 'viewer');
  }, 60_000);

  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  afterAll(async () => {
    await server?.close();
  }, 30_000);

  it("readers of the old book only get contact.deleted (same seq, old book); the mover's get contact.updated without moved_from", async () => {
    const contact = await addContact(base, ada, family.id);
    const graceClients = await open(grace, 'Grace (Family viewer)');
    const adaClients = await open(ada, 'Ada (owner of both)');

    const res = await call(base, ada, 'PATCH', `/api/contacts/${contact.id}/`, { address_book: bookA.id });
    expect(res.status).toBe(200);
    expect((res.body as Contact).address_book).toBe(bookA.id);

    await Promise.all([
      ...graceClients.map((c) => c.waitFor((e) => deletionsOf(contact.id)(e).length > 0, `contact.deleted ${contact.id}`)),
      ...adaClients.map((c) => c.waitFor((e) => updatesOf(contact.id)(e).length > 0, `contact.updated ${contact.id}`)),
    ]);
    await sleep(SETTLE_MS);

    const update = updatesOf(contact.id)(adaClients[0].events)[0];
    expect(update).toEqual({
      type: 'contact.updated',
      contact: expect.objectContaining({ id: contact.id, address_book: bookA.id }),
      seq: expect.any(Number),
      edited_by: { id: ada.user.id, name: ada.user.name },
      address_book: bookA.id,
    });
    for (const c of adaClients) {
      expect({ client: c.label, updates: updatesOf(contact.id)(c.events) }).toEqual({ client: c.label, updates: [update] });
      expect({ client: c.label, hasMovedFrom: updatesOf(contact.id)(c.events).some((e) => 'moved_from' in e) }).toEqual({ client: c.label, hasMovedFrom: false });
      expect({ client: c.label, deletions: deletionsOf(contact.id)(c.events) }).toEqual({ client: c.label, deletions: [] });
    }
    for (const c of graceClients) {
      expect({ client: c.label, deletions: deletionsOf(contact.id)(c.events) }).toEqual({
        client: c.label,
        deletions: [{ type: 'contact.deleted', contact_id: contact.id, seq: update.seq, edited_by: { id: ada.user.id, name: ada.user.name }, address_book: family.id }],
      });
      expect({ client: c.label, updates: updatesOf(contact.id)(c.events) }).toEqual({ client: c.label, updates: [] });
    }
  });

  it('an update that stays in the book still reaches its viewer as contact.updated', async () => {
    const contact = await addContact(base, ada, family.id);
    const graceClients = await open(grace, 'Grace (Family viewer)');

    const res = await call(base, ada, 'PATCH', `/api/contacts/${contact.id}/`, { first_name: 'Renamed' });
    expect(res.status).toBe(200);
    await Promise.all(graceClients.map((c) => c.waitFor((e) => updatesOf(contact.id)(e).length > 0, `contact.updated ${contact.id}`)));
    await sleep(SETTLE_MS);
    for (const c of graceClients) {
      const updates = updatesOf(contact.id)(c.events);
      expect({ client: c.label, updates }).toEqual({
        client: c.label,
        updates: [expect.objectContaining({ address_book: family.id, contact: expect.objectContaining({ first_name: 'Renamed' }) })],
      });
      expect({ client: c.label, hasMovedFrom: 'moved_from' in updates[0] }).toEqual({ client: c.label, hasMovedFrom: false });
      expect({ client: c.label, deletions: deletionsOf(contact.id)(c.events) }).toEqual({ client: c.label, deletions: [] });
    }
  });
});
