#!/usr/bin/env node
// The realtime bench's floor: what this machine gives for the same fan-out with nothing of
// the product in it. A bare node:http server that answers the bench's few calls (health,
// one POST, the PATCHes) from memory and broadcasts each PATCH's event, serialised once,
// to every client of its transport — Socket.IO through the Redis adapter, or `ws` with a
// Redis channel between replicas — with compression off, as the product runs them. No
// database, no validation, no rooms, no per-client buffer checks.
// Run by the bench in place of the API (`runRealtimeBench({ entry })`), FLOOR_TRANSPORT=socket.io|plain-ws.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { WebSocketServer } from 'ws';

const transport = process.env.FLOOR_TRANSPORT ?? 'socket.io';
const prefix = process.env.REDIS_PREFIX ?? `floor${process.pid}:`;
const pub = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const sub = pub.duplicate();
const self = randomUUID();
let contact = null;
let seq = 0;

const readJson = (req) =>
  new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text ? JSON.parse(text) : {}));
  });
const reply = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

let broadcast;
const server = createServer(async (req, res) => {
  if (req.url === '/api/health') return reply(res, 200, { status: 'ok' });
  if (req.method === 'POST' && req.url === '/api/contacts/') {
    const at = new Date().toISOString();
    contact = { id: 1, address_book: null, ...(await readJson(req)), created_at: at, updated_at: at };
    return reply(res, 201, contact);
  }
  if (req.method === 'PATCH' && /^\/api\/contacts\/\d+\/$/.test(req.url ?? '')) {
    contact = { ...contact, id: Number(req.url.split('/')[3]), ...(await readJson(req)), updated_at: new Date().toISOString() };
    broadcast({ type: 'contact.updated', seq: ++seq, contact });
    return reply(res, 200, contact);
  }
  reply(res, 404, { detail: 'Not found.' });
});

if (transport === 'socket.io') {
  const io = new Server(server, { serveClient: false, perMessageDeflate: false, httpCompression: false, transports: ['websocket'] });
  io.adapter(createAdapter(pub, sub, { key: `${prefix}socket.io` }));
  const contacts = io.of('/contacts');
  broadcast = (event) => contacts.emit(event.type, event);
} else {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/ws/contacts/')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });
  const sendAll = (text) => {
    for (const client of wss.clients) client.send(text);
  };
  const channel = `${prefix}floor-events`;
  await sub.subscribe(channel);
  sub.on('message', (_, message) => {
    const split = message.indexOf('|');
    if (message.slice(0, split) !== self) sendAll(message.slice(split + 1));
  });
  broadcast = (event) => {
    const text = JSON.stringify(event);
    sendAll(text);
    void pub.publish(channel, `${self}|${text}`);
  };
}

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
const stop = () => {
  server.close();
  pub.disconnect();
  sub.disconnect();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
