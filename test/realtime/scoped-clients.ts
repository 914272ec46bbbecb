import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import {
  ADDRESS_BOOK_EVENT_TYPES, type AddressBook, CONTACT_EVENT_TYPES, type Contact, PLAIN_WS_PATH, type RealtimeEvent, SOCKET_IO_NAMESPACE,
} from '@contacts/wire-types';
import type { Session } from '../support/accounts.js';

/** How a realtime client presents itself (at most one of these is usually given). */
export interface Credentials {
  /** `contacts_session=…`, sent as the Cookie header. */
  cookie?: string;
  /** Socket.IO `auth.token`, or the plain WebSocket's `?token=`. */
  token?: string;
  /** Socket.IO handshake query `?token=` (Socket.IO only). */
  queryToken?: string;
  /** `Authorization: Bearer …` on the handshake / upgrade. */
  bearer?: string;
}

export type Kind = 'socket.io' | 'plain-ws';

/** A realtime client that records everything it receives (contact and address book events) and how it ended. */
export interface ScopedClient {
  readonly kind: Kind;
  readonly label: string;
  readonly events: RealtimeEvent[];
  /** Set once the server ended the connection: Socket.IO's disconnect reason, or the WebSocket close code and reason. */
  readonly ended: { reason: string; code?: number } | null;
  waitFor(predicate: (events: RealtimeEvent[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  waitForEnd(timeoutMs?: number): Promise<{ reason: string; code?: number }>;
  close(): void;
}

function recorder(kind: Kind, label: string, close: () => void) {
  const events: RealtimeEvent[] = [];
  const waiters = new Set<() => void>();
  let ended: { reason: string; code?: number } | null = null;
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const wait = <T>(ready: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${label} (${kind}): timed out waiting for ${what()}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  const client: ScopedClient & { push(e: RealtimeEvent): void; end(reason: string, code?: number): void } = {
    kind,
    label,
    events,
    get ended() {
      return ended;
    },
    push(event) {
      events.push(event);
      wake();
    },
    end(reason, code) {
      ended ??= { reason, ...(code !== undefined && { code }) };
      wake();
    },
    waitFor(predicate, what, timeoutMs = 10_000) {
      return wait(() => (predicate(events) ? true : undefined), timeoutMs, () => `${what}; got ${describe(events)}${ended ? `, ended ${JSON.stringify(ended)}` : ''}`).then(() => undefined);
    },
    waitForEnd(timeoutMs = 10_000) {
      return wait(() => ended ?? undefined, timeoutMs, () => `the server to end the connection; got ${describe(events)}`);
    },
    close,
  };
  return client;
}

function describe(events: RealtimeEvent[]): string {
  return `[${events.map((e) => ('seq' in e ? `${e.type}#${e.seq}` : e.type)).join(', ')}]`;
}

function headersOf(credentials: Credentials): Record<string, string> {
  return {
    ...(credentials.cookie && { Cookie: credentials.cookie }),
    ...(credentials.bearer && { Authorization: `Bearer ${credentials.bearer}` }),
  };
}

function socketIo(baseUrl: string, credentials: Credentials): Socket {
  return io(`${baseUrl}${SOCKET_IO_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: headersOf(credentials),
    ...(credentials.token && { auth: { token: credentials.token } }),
    ...(credentials.queryToken && { query: { token: credentials.queryToken } }),
  });
}

export async function scopedSocketIo(baseUrl: string, credentials: Credentials, label = 'socket'): Promise<ScopedClient> {
  const socket = socketIo(baseUrl, credentials);
  const client = recorder('socket.io', label, () => socket.disconnect());
  for (const type of [...CONTACT_EVENT_TYPES, ...ADDRESS_BOOK_EVENT_TYPES]) socket.on(type, (event: RealtimeEvent) => client.push(event));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(new Error(`${label}: connect_error ${error.message}`)));
  });
  socket.on('disconnect', (reason) => client.end(reason));
  return client;
}

/** The connect_error message of a Socket.IO handshake the server refuses (throws if it connects). */
export async function refusedSocketIo(baseUrl: string, credentials: Credentials): Promise<string> {
  const socket = socketIo(baseUrl, credentials);
  try {
    return await new Promise<string>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected, but should have been refused')));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  } finally {
    socket.disconnect();
  }
}

function plainWsUrl(baseUrl: string, credentials: Credentials): string {
  const query = credentials.token ? `?token=${encodeURIComponent(credentials.token)}` : '';
  return `${baseUrl.replace(/^http/, 'ws')}${PLAIN_WS_PATH}${query}`;
}

export async function scopedPlainWs(baseUrl: string, credentials: Credentials, label = 'ws'): Promise<ScopedClient> {
  const ws = new WebSocket(plainWsUrl(baseUrl, credentials), { headers: headersOf(credentials) });
  const client = recorder('plain-ws', label, () => ws.terminate());
  ws.on('message', (data) => client.push(JSON.parse(String(data)) as RealtimeEvent));
  ws.on('close', (code, reason) => client.end(String(reason), code));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', (error) => reject(new Error(`${label}: ${error.message}`)));
  });
  return client;
}

/** What the server answers a plain WebSocket upgrade it refuses (throws if the upgrade succeeds). */
export async function refusedPlainWs(baseUrl: string, credentials: Credentials): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const ws = new WebSocket(plainWsUrl(baseUrl, credentials), { headers: headersOf(credentials) });
  try {
    return await new Promise((resolve, reject) => {
      ws.once('open', () => reject(new Error('upgraded, but should have been refused')));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      ws.once('error', (error) => reject(error));
    });
  } finally {
    ws.terminate();
  }
}

/** Both transports on one set of credentials. */
export async function bothTransports(baseUrl: string, credentials: Credentials, label: string): Promise<ScopedClient[]> {
  return Promise.all([scopedSocketIo(baseUrl, credentials, `${label} socket.io`), scopedPlainWs(baseUrl, credentials, `${label} ws`)]);
}

// --- HTTP on a session ----------------------------------------------------------------

export async function call(baseUrl: string, session: Session | Record<string, string>, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const headers = 'headers' in session && typeof session.headers === 'object' ? (session as Session).headers : (session as Record<string, string>);
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
}

/** The caller's own book (role owner), as GET /api/address-books/ lists it. */
export async function ownBook(baseUrl: string, session: Session): Promise<AddressBook> {
  const res = await call(baseUrl, session, 'GET', '/api/address-books/');
  expectStatus(res, 200, 'list address books');
  const own = (res.body as AddressBook[]).find((b) => b.role === 'owner');
  if (!own) throw new Error(`no own book in ${JSON.stringify(res.body)}`);
  return own;
}

let counter = 0;
/** A new contact in `book`, made on the session: its event is the one to look for. */
export async function addContact(baseUrl: string, session: Session, book: number): Promise<Contact> {
  counter += 1;
  const res = await call(baseUrl, session, 'POST', '/api/contacts/', {
    first_name: 'Scoped', last_name: `C${counter}`, email: `scoped.${process.pid}.${counter}@example.com`, phone: '+1-555-0100', address_book: book,
  });
  expectStatus(res, 201, `create a contact in book ${book}`);
  return res.body as Contact;
}

export async function share(baseUrl: string, owner: Session, book: number, email: string, role: 'viewer' | 'editor' = 'viewer'): Promise<void> {
  expectStatus(await call(baseUrl, owner, 'POST', `/api/address-books/${book}/members/`, { email, role }), 201, 'share');
}

export async function unshare(baseUrl: string, owner: Session, book: number, userId: number): Promise<void> {
  expectStatus(await call(baseUrl, owner, 'DELETE', `/api/address-books/${book}/members/${userId}/`), 204, 'unshare');
}

export async function logOut(baseUrl: string, session: Session): Promise<void> {
  expectStatus(await call(baseUrl, session, 'POST', '/api/auth/logout/'), 204, 'logout');
}

export async function revokeToken(baseUrl: string, session: Session, id: number): Promise<void> {
  expectStatus(await call(baseUrl, session, 'DELETE', `/api/auth/tokens/${id}/`), 204, 'revoke token');
}

// --- what arrived ----------------------------------------------------------------------

/** The event announcing this contact's creation arrived. */
export const createdEvent = (contact: Contact) => (events: RealtimeEvent[]) =>
  events.some((e) => e.type === 'contact.created' && e.contact.id === contact.id);

export const sharedEvent = (book: number) => (events: RealtimeEvent[]) =>
  events.some((e) => e.type === 'address_book.shared' && e.address_book.id === book);

export const unsharedEvent = (book: number) => (events: RealtimeEvent[]) =>
  events.some((e) => e.type === 'address_book.unshared' && e.address_book_id === book);

/** Contact ids whose events reached the client. */
export function contactIds(events: RealtimeEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'contact.deleted' ? [e.contact_id] : 'contact' in e ? [e.contact.id] : []));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Time for an event that should not arrive to have arrived anyway, after a later marker did. */
export const SETTLE_MS = 300;
