import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { PLAIN_WS_PATH, SOCKET_IO_NAMESPACE } from '@contacts/wire-types';
import { ContactsGateway } from '../../apps/api/src/realtime/contacts.gateway.js';
import { PlainWsServer } from '../../apps/api/src/realtime/plain-ws.server.js';
import { MAX_BUFFERED_BYTES } from '../../apps/api/src/realtime/text-frame.js';
import { type TestApp, startTestApp } from '../support/test-app.js';
import { api, createContact } from './realtime-clients.js';

/**
 * A client on a raw TCP socket that speaks just enough WebSocket (and, on /socket.io/,
 * Engine.IO + Socket.IO) to connect and record each event's seq, so the test can stop
 * reading at the socket itself, as a stalled browser tab or a dead network would.
 */
interface RawClient {
  readonly seqs: number[];
  /** Frame bytes received since `mark()`. */
  readonly bytesSincePause: number;
  /** Starts counting bytes; with `stall`, stops reading from the socket (the kernel buffers fill up). */
  mark(stall: boolean): void;
  /** Reads again; resolves with whether the server had closed the connection, once all is read. */
  drain(): Promise<boolean>;
  close(): void;
}

function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  if (payload.length > 125) throw new Error('only short client frames');
  const mask = randomBytes(4);
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, payload.map((b, i) => b ^ mask[i % 4])]);
}

async function rawClient(baseUrl: string, transport: 'socket.io' | 'plain-ws'): Promise<RawClient> {
  const { hostname, port } = new URL(baseUrl);
  const path = transport === 'plain-ws' ? PLAIN_WS_PATH : '/socket.io/?EIO=4&transport=websocket';
  const socket: Socket = connect(Number(port), hostname);
  const seqs: number[] = [];
  let pending = Buffer.alloc(0);
  let upgraded = false;
  let counting = false;
  let bytesSincePause = 0;
  let ended = false;
  const endedPromise = new Promise<void>((resolve) => socket.once('close', () => ((ended = true), resolve())));
  const ready = new Promise<void>((resolve, reject) => {
    socket.on('error', reject); // later errors (a reset) show as the close
    const onText = (text: string) => {
      if (transport === 'plain-ws') return void seqs.push((JSON.parse(text) as { seq: number }).seq);
      if (text.startsWith('0')) socket.write(maskedTextFrame(`40${SOCKET_IO_NAMESPACE},`)); // Engine.IO open → namespace CONNECT
      else if (text === '2') socket.write(maskedTextFrame('3')); // ping → pong
      else if (text.startsWith(`40${SOCKET_IO_NAMESPACE},`)) resolve();
      else if (text.startsWith(`42${SOCKET_IO_NAMESPACE},`)) seqs.push((JSON.parse(text.slice(`42${SOCKET_IO_NAMESPACE},`.length)) as [string, { seq: number }])[1].seq);
      else reject(new Error(`unexpected packet ${text.slice(0, 80)}`));
    };
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      if (!upgraded) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = pending.subarray(0, end).toString();
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
        upgraded = true;
        pending = pending.subarray(end + 4);
        if (transport === 'plain-ws') resolve();
      }
      for (;;) {
        if (pending.length < 2) return;
        let length = pending[1] & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (pending.length < 4) return;
          length = pending.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (pending.length < 10) return;
          length = Number(pending.readBigUInt64BE(2));
          offset = 10;
        }
        if (pending.length < offset + length) return;
        const opcode = pending[0] & 0x0f;
        const text = pending.subarray(offset, offset + length).toString();
        if (counting) bytesSincePause += offset + length;
        pending = pending.subarray(offset + length);
        if (opcode === 1) onText(text);
      }
    });
  });
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await ready;
  return {
    seqs,
    get bytesSincePause() {
      return bytesSincePause;
    },
    mark(stall) {
      counting = true;
      if (stall) socket.pause();
    },
    async drain() {
      socket.resume();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([endedPromise, new Promise((r) => (timer = setTimeout(r, 3000)))]);
      clearTimeout(timer);
      return ended;
    },
    close: () => socket.destroy(),
  };
}

/**
 * A client that stops reading is dropped once the server holds more than MAX_BUFFERED_BYTES
 * for it, on Socket.IO as on the plain WebSocket, while clients that read get every event.
 */
describe('realtime: a client that stops reading', () => {
  let server: TestApp;
  const clients: RawClient[] = [];

  beforeAll(async () => {
    server = await startTestApp({ redisUrl: null });
  }, 30_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
  }, 30_000);

  it('is disconnected past the buffer limit on both transports; the others keep receiving', async () => {
    const base = server.baseUrl;
    const [readerIo, stalledIo, readerWs, stalledWs] = await Promise.all([
      rawClient(base, 'socket.io'), rawClient(base, 'socket.io'), rawClient(base, 'plain-ws'), rawClient(base, 'plain-ws'),
    ]);
    clients.push(readerIo, stalledIo, readerWs, stalledWs);
    const gateway = server.app.get(ContactsGateway);
    const plainWs = server.app.get(PlainWsServer);
    expect([gateway.clientCount, plainWs.clientCount]).toEqual([2, 2]);
    for (const reader of [readerIo, readerWs]) reader.mark(false);
    for (const stalled of [stalledIo, stalledWs]) stalled.mark(true);

    // Large events (a long note and addresses of 3-byte characters, ~45 KB each), written
    // until both stalled clients are gone: the kernel's socket buffers take the first few
    // MB (on loopback), then the server's own fill up.
    const { id } = await createContact(base);
    const note = '€'.repeat(9_990);
    const part = '€'.repeat(200);
    const addresses = Array.from({ length: 5 }, () => ({ label: 'home', street: part, city: part, region: part, postal_code: part, country: part }));
    // Small batches: a drop is noticed at most one batch (~180 KB) after it happened.
    const BATCH = 4;
    let updates = 0;
    const dropped = { io: -1, ws: -1 };
    const cap = 2 * MAX_BUFFERED_BYTES + 8 * 1024 * 1024;
    while ((dropped.io < 0 || dropped.ws < 0) && Math.max(readerIo.bytesSincePause, readerWs.bytesSincePause) < cap) {
      const batch = Array.from({ length: BATCH }, (_, k) => api(base, 'PATCH', `/api/contacts/${id}/`, { notes: `${note}${updates + k}`, addresses }));
      const results = await Promise.all(batch);
      expect(results.map((r) => r.status)).toEqual(Array(BATCH).fill(200));
      updates += BATCH;
      // What the readers got by the time a stalled client is seen gone: what the server sent it.
      if (dropped.io < 0 && gateway.clientCount === 1) dropped.io = readerIo.bytesSincePause;
      if (dropped.ws < 0 && plainWs.clientCount === 1) dropped.ws = readerWs.bytesSincePause;
    }
    expect(dropped.io).toBeGreaterThan(0);
    expect(dropped.ws).toBeGreaterThan(0);

    // Reading again, each stalled client gets what the kernel still held for it, then the end.
    expect(await stalledIo.drain()).toBe(true);
    expect(await stalledWs.drain()).toBe(true);
    // Dropped only once the server itself held more than the limit beyond what reached it.
    expect(dropped.io - stalledIo.bytesSincePause).toBeGreaterThan(MAX_BUFFERED_BYTES);
    expect(dropped.ws - stalledWs.bytesSincePause).toBeGreaterThan(MAX_BUFFERED_BYTES);

    // The readers are still there and get the next event too; the stalled ones got a gapless prefix.
    const last = await api(base, 'PATCH', `/api/contacts/${id}/`, { notes: 'done' });
    expect(last.status).toBe(200);
    const deadline = Date.now() + 10_000;
    while (Math.min(readerIo.seqs.length, readerWs.seqs.length) < updates + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect([gateway.clientCount, plainWs.clientCount]).toEqual([1, 1]);
    for (const reader of [readerIo, readerWs]) {
      expect(reader.seqs).toHaveLength(updates + 2); // the create, the updates, the last one
      expect(reader.seqs).toEqual([...reader.seqs].sort((a, b) => a - b));
    }
    for (const stalled of [stalledIo, stalledWs]) {
      expect(stalled.seqs.length).toBeLessThan(updates);
      expect(stalled.seqs).toEqual(readerIo.seqs.slice(0, stalled.seqs.length));
    }
  }, 120_000);
});
