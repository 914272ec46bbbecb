import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { CONTACT_EVENT_TYPES, type ContactEvent, type ChangesPage, SOCKET_IO_NAMESPACE, PLAIN_WS_PATH } from '@contacts/wire-types';
import { freePort } from '../support/free-port.js';

/** A realtime client that records every event it receives, in arrival order. */
export interface EventClient {
  readonly events: ContactEvent[];
  readonly kind: 'socket.io' | 'plain-ws';
  /** Resolves when `predicate(events)` holds; rejects with what was seen after `timeoutMs`. */
  waitFor(predicate: (events: ContactEvent[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): void;
}

function recorder(kind: EventClient['kind'], close: () => void): EventClient & { push(e: ContactEvent): void } {
  const events: ContactEvent[] = [];
  const waiters = new Set<() => void>();
  return {
    events,
    kind,
    push(event) {
      events.push(event);
      for (const wake of waiters) wake();
    },
    waitFor(predicate, timeoutMs = 10_000, what = 'events') {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(events)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${kind}: timed out waiting for ${what}; got seqs [${events.map((e) => e.seq).join(',')}]`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close,
  };
}

export async function socketIoClient(baseUrl: string): Promise<EventClient> {
  const socket: Socket = io(`${baseUrl}${SOCKET_IO_NAMESPACE}`, { transports: ['websocket'], reconnection: false, forceNew: true });
  const client = recorder('socket.io', () => socket.disconnect());
  for (const type of CONTACT_EVENT_TYPES) socket.on(type, (event: ContactEvent) => client.push(event));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return client;
}

export async function plainWsClient(baseUrl: string): Promise<EventClient> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${PLAIN_WS_PATH}`);
  const client = recorder('plain-ws', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    if (isBinary) throw new Error('plain WebSocket frames must be text');
    client.push(JSON.parse(String(data)) as ContactEvent);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return client;
}

export const seqs = (events: ContactEvent[]) => events.map((e) => e.seq);
export const hasSeqs = (wanted: number[]) => (events: ContactEvent[]) => wanted.every((s) => events.some((e) => e.seq === s));

/** The catch-up feed, all pages. */
export async function changesSince(baseUrl: string, since: number): Promise<ChangesPage> {
  const results: ContactEvent[] = [];
  let cursor = since;
  for (;;) {
    const res = await fetch(`${baseUrl}/api/changes/?since=${cursor}&limit=1000`);
    if (!res.ok) throw new Error(`changes: ${res.status}`);
    const page = (await res.json()) as ChangesPage;
    results.push(...page.results);
    if (page.results.length < 1000) return { results, last_seq: page.last_seq };
    cursor = page.last_seq;
  }
}

export async function api(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

let counter = 0;
export async function createContact(baseUrl: string, tag = randomUUID().slice(0, 8)): Promise<{ id: number; email: string }> {
  counter += 1;
  const res = await api(baseUrl, 'POST', '/api/contacts/', {
    first_name: 'Ada', last_name: `L${counter}`, email: `ada.${tag}.${counter}@example.com`, phone: '+1-555-1000',
  });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A key prefix of our own, so parallel test files never see each other's queue or channels. */
export function uniqueRedisPrefix(): string {
  return `t${randomUUID().slice(0, 8)}:`;
}

/** A throwaway redis-server on a free port (no persistence); `stop()` kills it. */
export interface OwnRedis {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const self: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('redis-server did not start in 5 s')), 5000);
        proc.stdout?.on('data', (chunk: Buffer) => {
          if (String(chunk).includes('Ready to accept connections')) {
            clearTimeout(timer);
            resolve();
          }
        });
        proc.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
      });
    },
    async stop() {
      const proc = child;
      child = null;
      if (!proc || proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    },
  };
  await self.start();
  return self;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
