// What the duplicates, merge and undo suites share: an AUTH=accounts app on the database
// TEST_DATABASE selects, requests on a session, contacts in fresh books, histories, the feed.
import { expect } from '@jest/globals';
import type { AddressBook, ChangesPage, Contact, ContactFields, DuplicateGroup, Merge, MergeRequest, MergeResult, Version } from '@contacts/wire-types';
import type { Response } from 'supertest';
import { type Session } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { DatabaseTarget } from '../database-changes/sql-shell.js';

export const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
export const NOT_FOUND = { detail: 'Not found.' };

/** The real server in this process with accounts on, creates without the simulated delay. */
export async function startMergeApp(): Promise<{ app: TestApp; db: DatabaseTarget }> {
  const app = await startTestApp({}, { AUTH: 'accounts', CREATE_DELAY_MS: '0' });
  const { database } = app.config;
  const db: DatabaseTarget = database.kind === 'sqlite' ? { kind: 'sqlite', path: database.path } : { kind: 'postgres', url: database.url };
  return { app, db };
}

let counter = 0;
/** A unique email (the book's unique constraint is case-insensitive; the pid keeps parallel runs apart). */
export function uniqueEmail(local = 'person'): string {
  counter += 1;
  return `${local}.${counter}.${process.pid}@example.com`;
}

/** Fields no other contact of a test matches on: a name, an email user name and a phone of its own. */
export function distinctFields(overrides: Partial<ContactFields> = {}): ContactFields {
  counter += 1;
  const word = tokenOf(counter);
  return {
    first_name: `Quorra${word}`,
    last_name: `Zedd${word}`,
    email: `u${word}${process.pid}x${counter}@distinct.example`,
    // Unique last 7 digits (the phone bucket), and no other test number ends like it.
    phone: `+1 617 ${String(3_000_000 + counter).padStart(7, '0')}`,
    ...overrides,
  };
}

/** Letters only, different per n (name tokens with digits would fold to the same words). */
function tokenOf(n: number): string {
  let out = '';
  let x = n;
  do {
    out += String.fromCharCode(97 + (x % 26));
    x = Math.floor(x / 26);
  } while (x > 0);
  return out;
}

/** Requests on one account's session. */
export function client(app: TestApp, session: Session) {
  const withHeaders = (r: ReturnType<ReturnType<TestApp['http']>['get']>, headers: Record<string, string>) => r.set({ ...session.headers, ...headers });
  return {
    session,
    get: (path: string) => withHeaders(app.http().get(path), {}),
    post: (path: string, body?: unknown, headers: Record<string, string> = {}) => withHeaders(app.http().post(path), headers).send(body as object),
    patch: (path: string, body: unknown) => withHeaders(app.http().patch(path), {}).send(body as object),
    delete: (path: string) => withHeaders(app.http().delete(path), {}),
  };
}
export type Client = ReturnType<typeof client>;

/** Throws with the answer unless it has this status (a setup step, not the thing under test). */
export function expectOk(res: Response, status: number, what: string): Response {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export async function newBook(c: Client, name: string): Promise<AddressBook> {
  return expectOk(await c.post('/api/address-books/', { name }), 201, `create book ${name}`).body as AddressBook;
}

export async function ownBook(c: Client): Promise<AddressBook> {
  const books = expectOk(await c.get('/api/address-books/'), 200, 'list books').body as AddressBook[];
  const own = books.find((b) => b.role === 'owner');
  if (!own) throw new Error(`no own book in ${JSON.stringify(books)}`);
  return own;
}

export async function shareBook(owner: Client, book: number, email: string, role: 'viewer' | 'editor'): Promise<void> {
  expectOk(await owner.post(`/api/address-books/${book}/members/`, { email, role }), 201, `share ${book} with ${email}`);
}

/** POST a contact into `book` → 201. */
export async function addContact(c: Client, book: number, fields: Partial<ContactFields> = {}): Promise<Contact> {
  const res = await c.post('/api/contacts/', { ...distinctFields(), ...fields, address_book: book });
  return expectOk(res, 201, `create in book ${book}`).body as Contact;
}

export async function getContact(c: Client, id: number): Promise<Contact> {
  return expectOk(await c.get(`/api/contacts/${id}/`), 200, `get ${id}`).body as Contact;
}

export async function historyOf(c: Client, id: number): Promise<Version[]> {
  return expectOk(await c.get(`/api/contacts/${id}/history/`), 200, `history of ${id}`).body as Version[];
}

/** GET /api/contacts/duplicates/?address_book=book → 200. */
export async function suggestions(c: Client, book?: number): Promise<DuplicateGroup[]> {
  const res = await c.get(`/api/contacts/duplicates/${book === undefined ? '' : `?address_book=${book}`}`);
  return expectOk(res, 200, `duplicates of book ${book}`).body as DuplicateGroup[];
}

/** Each group as its contacts' ids and its reasons: what a failure should show first. */
export const shapeOf = (groups: DuplicateGroup[]) => groups.map((g) => ({ ids: g.contacts.map((c) => c.id), reasons: g.reasons }));

export function merge(c: Client, survivor: number, body: MergeRequest | Record<string, unknown>, ifMatch?: string) {
  return c.post(`/api/contacts/${survivor}/merge/`, body, ifMatch ? { 'If-Match': ifMatch } : {});
}

export function undo(c: Client, mergeId: number) {
  return c.post(`/api/merges/${mergeId}/undo/`);
}

export async function mergeRecord(c: Client, mergeId: number): Promise<Merge> {
  return expectOk(await c.get(`/api/merges/${mergeId}/`), 200, `merge ${mergeId}`).body as Merge;
}

/** The caller's change feed from `since`, all pages. */
export async function feed(c: Client, since: number): Promise<ChangesPage> {
  const results: ChangesPage['results'] = [];
  let cursor = since;
  for (;;) {
    const page = expectOk(await c.get(`/api/changes/?since=${cursor}&limit=1000`), 200, 'changes').body as ChangesPage;
    results.push(...page.results);
    if (page.results.length < 1000) return { results, last_seq: page.last_seq };
    cursor = page.last_seq;
  }
}

export const lastSeq = async (c: Client): Promise<number> => (await feed(c, 0)).last_seq;

/**
 * Everything a refused request must have left alone: the contacts as they were (or still
 * missing), and no new version anywhere the caller can read.
 */
export async function expectUnchanged(c: Client, seqBefore: number, live: Contact[], gone: number[] = []): Promise<void> {
  for (const contact of live) expect(await getContact(c, contact.id)).toEqual(contact);
  for (const id of gone) expect((await c.get(`/api/contacts/${id}/`)).status).toBe(404);
  expect((await feed(c, seqBefore)).results).toEqual([]);
}

/** A merge by `c` that must succeed: its answer (else the test fails with the server's). */
export async function mergeOk(c: Client, survivor: number, others: number[], values?: Record<string, unknown>): Promise<MergeResult> {
  const res = await merge(c, survivor, { others, ...(values && { values }) });
  if (res.status !== 200) throw new Error(`merge ${survivor} ← ${others}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MergeResult;
}

/** The `edited_by` a change by `c` records. */
export const editorOf = (c: Client) => ({ id: c.session.user.id, name: c.session.user.name });
