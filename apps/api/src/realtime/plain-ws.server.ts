import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import {
  type AddressBookEvent, type ContactEvent, type ImportProgressEvent, INVALID_TOKEN_MESSAGE, NOT_AUTHENTICATED_MESSAGE, PLAIN_WS_PATH,
} from '@contacts/wire-types';
import type { AccessFailure } from '../access/access-resolver.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AccessChange } from '../events/access-change-bus.js';
import { OriginPolicy } from '../security/origin-policy.js';
import { type AccessSink, AccessChangeRelay } from './access-change-relay.js';
import { type Admission, bookIdsIn, ConnectionAuthenticator, explicitToken, type OpenConnection } from './connection-authenticator.js';
import { deliveriesOf, revokedRooms, Rooms, roomsOf } from './connection-scope.js';
import { type ImportProgressSink, ImportProgressRelay } from './import-progress-relay.js';
import { type EventSink, RealtimeHub } from './realtime-hub.js';
import { RoomIndex } from './room-index.js';
import { type FrameSocket, MAX_BUFFERED_BYTES, textFrame, writeFrameOrDrop } from './text-frame.js';

const HEARTBEAT_MS = 30_000;
/** Close code for a connection whose session ended or token was revoked (4000–4999: the application's own). */
export const CREDENTIALS_REVOKED_CLOSE = 4001;

/** The upgrade's answer to missing or bad credentials: what HTTP would answer, with its challenge. */
export function unauthorizedUpgrade(failure: AccessFailure): string {
  const body = JSON.stringify({ detail: failure === 'invalid_token' ? INVALID_TOKEN_MESSAGE : NOT_AUTHENTICATED_MESSAGE });
  return [
    'HTTP/1.1 401 Unauthorized',
    'WWW-Authenticate: Bearer realm="contacts"',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

const UNAVAILABLE_UPGRADE = 'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n';

/** `/ws/contacts/` and `/ws/contacts`, whatever the query string. */
export function isPlainWsPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return path === PLAIN_WS_PATH || path === PLAIN_WS_PATH.slice(0, -1);
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}

/** `?token=` of an upgrade's URL. */
function tokenParam(url: string | undefined): string | undefined {
  const query = (url ?? '').split('?')[1];
  return query ? explicitToken(new URLSearchParams(query).getAll('token')) : undefined;
}

/**
 * Plain WebSocket endpoint on the HTTP server's port, next to Socket.IO: `noServer` plus
 * our own 'upgrade' listener that takes only our path (engine.io handles /socket.io/).
 * One JSON text frame per event; anything the client sends is ignored.
 *
 * The upgrade authenticates like HTTP (cookie, `Authorization`, or `?token=`) and the
 * client is filed under the same rooms as a Socket.IO socket (connection-scope.ts), so an
 * event goes to the readers of its book and an access change to its user's or
 * credential's connections.
 */
@Injectable()
export class PlainWsServer implements EventSink, AccessSink, ImportProgressSink, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly name = 'plain-ws';
  private readonly logger = new Logger(PlainWsServer.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly alive = new WeakSet<WebSocket>();
  private readonly rooms = new RoomIndex<WebSocket>();
  /** What each user's client authenticated with, to re-check it (unrestricted clients have nothing to lose). */
  private readonly credentials = new Map<WebSocket, OpenConnection<WebSocket>>();
  private heartbeat?: NodeJS.Timeout;
  private httpServer?: Server;
  private readonly originPolicy: OriginPolicy;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly hub: RealtimeHub,
    private readonly relay: AccessChangeRelay,
    private readonly auth: ConnectionAuthenticator,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly imports: ImportProgressRelay,
  ) {
    this.originPolicy = new OriginPolicy(config.corsOrigins);
  }

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!this.httpServer) return;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.heartbeat = setInterval(() => this.sweepDead(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.hub.addSink(this);
    this.relay.addSink(this);
    this.imports.addSink(this);
  }

  get clientCount(): number {
    return this.wss.clients.size;
  }

  sendLocal(event: ContactEvent): void {
    for (const delivery of deliveriesOf(event)) this.sendTo(delivery.to, delivery.event, delivery.except);
  }

  sendImportProgress(rooms: string[], event: ImportProgressEvent): void {
    this.sendTo(rooms, event);
  }

  applyAccessChange(change: AccessChange): void {
    const user = Rooms.user(change.user_id);
    switch (change.type) {
      // Re-sent on a role change so the UI shows the new role (and name): see ContactsGateway.
      case 'book_gained':
      case 'role_changed': {
        const book = Rooms.book(change.address_book.id);
        for (const client of this.rooms.in(user)) this.rooms.join(client, [book]);
        this.sendTo([user], { type: 'address_book.shared', address_book: change.address_book });
        return;
      }
      case 'book_lost': {
        const book = Rooms.book(change.address_book_id);
        for (const client of this.rooms.in(user)) this.rooms.leave(client, book);
        this.sendTo([user], { type: 'address_book.unshared', address_book_id: change.address_book_id });
        return;
      }
      case 'credential_revoked':
        for (const room of revokedRooms(change)) for (const client of this.rooms.in(room)) this.revoke(client);
        return;
    }
  }

  async recheckAll(): Promise<void> {
    await this.auth.recheck([...this.credentials.values()], (clients, admission) => {
      const readable = new Set(admission.scope?.kind === 'user' ? admission.scope.books : []);
      for (const client of clients) {
        if (client.readyState !== WebSocket.OPEN) continue;
        if (admission.refused) {
          this.revoke(client);
          continue;
        }
        for (const book of bookIdsIn(this.rooms.roomsOf(client))) {
          if (readable.has(book)) continue;
          this.rooms.leave(client, Rooms.book(book));
          client.send(JSON.stringify({ type: 'address_book.unshared', address_book_id: book } satisfies AddressBookEvent));
        }
      }
    });
  }

  private revoke(client: WebSocket): void {
    // Out of every room now: nothing more is sent while the close handshake runs.
    this.rooms.leaveAll(client);
    this.credentials.delete(client);
    client.close(CREDENTIALS_REVOKED_CLOSE, 'credentials revoked');
  }

  /**
   * One JSON text frame, serialised and framed once, written as is to every open client in
   * any of `rooms` (and none of `except`); a client further behind than MAX_BUFFERED_BYTES is dropped.
   */
  private sendTo(rooms: string[], event: ContactEvent | AddressBookEvent | ImportProgressEvent, except: string[] = []): void {
    const frame = textFrame(JSON.stringify(event));
    for (const client of this.rooms.inAny(rooms, except)) writeFrameOrDrop(client as unknown as FrameSocket, frame, MAX_BUFFERED_BYTES);
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    this.httpServer?.off('upgrade', this.onUpgrade);
    // 1001 "going away": clients reconnect elsewhere and catch up.
    for (const client of this.wss.clients) client.close(1001, 'server shutting down');
    this.wss.close();
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!isPlainWsPath(req.url)) return; // Socket.IO's own listener answers its path
    // Node leaves an upgraded socket without an error listener: until ws takes it over, a
    // reset (while we answer, or while the credentials are read) must not crash the process.
    socket.on('error', destroyOnError);
    if (!this.originPolicy.allowsRequest(req)) {
      // Browsers do not apply CORS to WebSockets: a foreign page's Origin is refused here.
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    void this.admit(req, socket, head);
  };

  private async admit(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let admission: Admission;
    try {
      admission = await this.auth.admit(req.headers, tokenParam(req.url));
    } catch (error) {
      this.logger.warn(`plain WebSocket upgrade could not be authenticated: ${String(error)}`);
      socket.end(UNAVAILABLE_UPGRADE);
      return;
    }
    if (socket.destroyed) return;
    if (admission.refused) {
      socket.end(unauthorizedUpgrade(admission.refused));
      return;
    }
    const scope = admission.scope;
    socket.off('error', destroyOnError); // ws listens from here on
    // The callback runs synchronously here (no verifyClient), so the rooms are joined right
    // after the read: see ConnectionAuthenticator.admit.
    this.wss.handleUpgrade(req, socket, head, (client) => {
      this.rooms.join(client, roomsOf(scope));
      if (scope.kind === 'user') {
        const { cookie, authorization } = req.headers;
        this.credentials.set(client, { connection: client, credentialRoom: scope.credentialRoom, headers: { cookie, authorization }, token: tokenParam(req.url) });
      }
      this.track(client);
      this.wss.emit('connection', client, req);
    });
  }

  private track(socket: WebSocket): void {
    this.alive.add(socket);
    socket.on('pong', () => this.alive.add(socket));
    socket.on('close', () => {
      this.rooms.leaveAll(socket);
      this.credentials.delete(socket);
    });
    socket.on('error', (error) => this.logger.debug(`plain WebSocket error: ${error.message}`));
  }

  /** Terminates clients that did not answer the previous ping (half-open TCP). */
  private sweepDead(): void {
    for (const client of this.wss.clients) {
      if (!this.alive.has(client)) {
        client.terminate();
        continue;
      }
      this.alive.delete(client);
      client.ping();
    }
  }
}
