import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { type ContactEvent, PLAIN_WS_PATH } from '@contacts/wire-types';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { OriginPolicy } from '../security/origin-policy.js';
import { type EventSink, RealtimeHub } from './realtime-hub.js';

const HEARTBEAT_MS = 30_000;
/** A client this far behind is dropped; it reconnects and catches up through /api/changes/. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** `/ws/contacts/` and `/ws/contacts`, whatever the query string. */
export function isPlainWsPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return path === PLAIN_WS_PATH || path === PLAIN_WS_PATH.slice(0, -1);
}

/**
 * Plain WebSocket endpoint on the HTTP server's port, next to Socket.IO: `noServer` plus
 * our own 'upgrade' listener that takes only our path (engine.io handles /socket.io/).
 * One JSON text frame per event; anything the client sends is ignored.
 */
@Injectable()
export class PlainWsServer implements EventSink, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly name = 'plain-ws';
  private readonly logger = new Logger(PlainWsServer.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly alive = new WeakSet<WebSocket>();
  private heartbeat?: NodeJS.Timeout;
  private httpServer?: Server;
  private readonly originPolicy: OriginPolicy;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly hub: RealtimeHub,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.originPolicy = new OriginPolicy(config.corsOrigins);
  }

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!this.httpServer) return;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.wss.on('connection', (socket) => this.track(socket));
    this.heartbeat = setInterval(() => this.sweepDead(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.hub.addSink(this);
  }

  get clientCount(): number {
    return this.wss.clients.size;
  }

  sendLocal(event: ContactEvent): void {
    const frame = JSON.stringify(event);
    for (const client of this.wss.clients) {
      if (client.readyState !== WebSocket.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
        client.terminate();
        continue;
      }
      client.send(frame);
    }
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
    if (!this.originPolicy.allowsRequest(req)) {
      // Browsers do not apply CORS to WebSockets: a foreign page's Origin is refused here.
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (client) => this.wss.emit('connection', client, req));
  };

  private track(socket: WebSocket): void {
    this.alive.add(socket);
    socket.on('pong', () => this.alive.add(socket));
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
