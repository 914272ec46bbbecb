import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { AppConfig } from '../config/app-config.js';
import type { OriginPolicy } from '../security/origin-policy.js';
import { socketIoAdapterKey } from '../redis/event-channel.js';
import type { RedisConnections } from '../redis/redis-connections.js';

/** The most a client may send in one message (the plain WebSocket's maxPayload too). */
const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

type IoServer = ReturnType<IoAdapter['createIOServer']>;
type IoServerOptions = Parameters<IoAdapter['createIOServer']>[1];

/**
 * Socket.IO on the HTTP server's port, with the classic Redis pub/sub adapter when Redis
 * is configured so room state, server-side emits and fetchSockets span every replica.
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly originPolicy?: OriginPolicy,
  ) {
    super(app);
  }

  // Types come from IoAdapter itself: @nestjs/platform-socket.io bundles its own socket.io copy.
  override createIOServer(port: number, options?: IoServerOptions): IoServer {
    const server = super.createIOServer(port, {
      ...options,
      // Events are small JSON written once per event to thousands of sockets (SocketIoFanout):
      // compressing per socket would cost more than it saves. Clients send only CONNECT and pongs.
      perMessageDeflate: false,
      httpCompression: false,
      maxHttpBufferSize: MAX_CLIENT_MESSAGE_BYTES,
      cors: { origin: this.config.corsOrigins, credentials: true },
      // CORS does not cover WebSocket handshakes: check the Origin ourselves (same origin + allowlist).
      allowRequest: (req, callback) => callback(null, this.originPolicy?.allowsRequest(req) ?? true),
    } as IoServerOptions);
    if (this.redis.pub && this.redis.sub) {
      server.adapter(createAdapter(this.redis.pub, this.redis.sub, { key: socketIoAdapterKey(this.config.redisPrefix) }));
    }
    return server;
  }

  /**
   * Our namespace only pushes: with no message handlers, skip the per-socket observables
   * Nest would build anyway (they cost memory on every one of thousands of sockets).
   */
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    const [, handlers] = args;
    if (handlers.length > 0) super.bindMessageHandlers(...args);
  }
}
