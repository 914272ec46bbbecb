import { io, type Socket } from 'socket.io-client';
import { type ImportJob, type ImportProgressEvent, type ImportStarted, SOCKET_IO_NAMESPACE } from '@contacts/wire-types';

export type Headers = Record<string, string>;

export interface Answer<T = any> {
  status: number;
  headers: globalThis.Headers;
  body: T;
  text: string;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json') && text) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body, text };
}

/** POST /api/contacts/import/ with the file as the body. */
export async function upload(
  baseUrl: string,
  file: Buffer | string,
  { contentType = 'text/vcard', query = '', headers = {} }: { contentType?: string | null; query?: string; headers?: Headers } = {},
): Promise<Answer> {
  const res = await fetch(`${baseUrl}/api/contacts/import/${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: { ...(contentType !== null && { 'Content-Type': contentType }), ...headers },
    body: file,
  });
  return answer(res);
}

export async function get(baseUrl: string, path: string, headers: Headers = {}): Promise<Answer> {
  return answer(await fetch(`${baseUrl}${path}`, { headers: { 'Accept-Encoding': 'identity', ...headers } }));
}

/** Polls GET /api/imports/{id}/ until the job is no longer running. */
export async function finished(baseUrl: string, id: string, headers: Headers = {}, timeoutMs = 60_000): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await get(baseUrl, `/api/imports/${id}/`, headers);
    if (res.status !== 200) throw new Error(`GET /api/imports/${id}/: ${res.status} ${res.text}`);
    const job = res.body as ImportJob;
    if (job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still running after ${timeoutMs} ms: ${res.text.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Uploads and waits for the job to end; throws unless the upload was accepted. */
export async function importFile(baseUrl: string, file: Buffer | string, options: Parameters<typeof upload>[2] = {}): Promise<ImportJob> {
  const started = await upload(baseUrl, file, options);
  if (started.status !== 202) throw new Error(`import: ${started.status} ${started.text}`);
  expectStarted(started.body);
  return finished(baseUrl, (started.body as ImportStarted).id, options.headers);
}

export function expectStarted(body: unknown): asserts body is ImportStarted {
  expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'running' });
}

/** The cards of a vCard file, each from BEGIN to END with its CRLFs. */
export function cardsOf(text: string): string[] {
  return text.split(/(?<=END:VCARD\r\n)/).filter((card) => card.trim() !== '');
}

/** A card's unfolded property lines (RFC 6350 3.2: a CRLF followed by one space or tab continues the line). */
export function unfolded(card: string): string[] {
  return card.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

/** A card's UID. */
export function uidOf(card: string): string {
  const line = unfolded(card).find((l) => /^UID[:;]/i.test(l));
  if (!line) throw new Error(`no UID in ${card.slice(0, 200)}`);
  return line.slice(line.indexOf(':') + 1);
}

/** A card as another book's copy of it should read: the same but for REV (when it was written). */
export function withoutRev(card: string): string {
  return unfolded(card).filter((l) => !/^REV[:;]/i.test(l)).join('\r\n');
}

/** Cards by UID. */
export function byUid(text: string): Map<string, string> {
  return new Map(cardsOf(text).map((card) => [uidOf(card), card]));
}

/** A Socket.IO client that records the import.progress events it receives. */
export async function progressListener(baseUrl: string, headers: Headers): Promise<{ events: ImportProgressEvent[]; waitFor(predicate: (e: ImportProgressEvent) => boolean, timeoutMs?: number): Promise<ImportProgressEvent>; close(): void }> {
  const socket: Socket = io(`${baseUrl}${SOCKET_IO_NAMESPACE}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
  const events: ImportProgressEvent[] = [];
  const waiters = new Set<() => void>();
  socket.on('import.progress', (event: ImportProgressEvent) => {
    events.push(event);
    for (const wake of [...waiters]) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(new Error(`connect_error ${error.message}`)));
  });
  return {
    events,
    waitFor: (predicate, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such import.progress within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => [e.import.status, e.import.processed]))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => socket.disconnect(),
  };
}

/** A small vCard 3.0 card; a field given as null is left out. */
export function card(fields: { uid?: string | null; first?: string; last?: string; email?: string | null; tel?: string | null; extra?: string[] } = {}): string {
  const first = fields.first ?? 'Ada';
  const last = fields.last ?? 'Lovelace';
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    ...(fields.uid !== null ? [`UID:${fields.uid ?? `urn:uuid:${crypto.randomUUID()}`}`] : []),
    `FN:${first} ${last}`,
    `N:${last};${first};;;`,
    ...(fields.email !== null ? [`EMAIL;TYPE=INTERNET:${fields.email ?? `${first}.${last}.${crypto.randomUUID().slice(0, 8)}@example.com`.toLowerCase()}`] : []),
    ...(fields.tel !== null ? [`TEL;TYPE=CELL:${fields.tel ?? '+1 555 0100'}`] : []),
    ...(fields.extra ?? []),
    'END:VCARD',
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}

/** `count` distinct cards (uid and email numbered from `prefix`), one file. */
export function numberedCards(count: number, prefix: string): string {
  const cards: string[] = [];
  for (let i = 0; i < count; i++) {
    cards.push(card({ uid: `${prefix}-${i}`, first: `Person${i}`, last: prefix, email: `${prefix}.${i}@example.com`, tel: `+1 555 ${String(i).padStart(7, '0')}`, extra: [`NOTE:card ${i} of ${prefix}`, `X-IMPORT-SEQ:${i}`] }));
  }
  return cards.join('');
}
