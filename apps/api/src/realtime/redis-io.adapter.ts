import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { AppConfig } from '../config/app-config.js';
import type { OriginPolicy } from '../security/origin-policy.js';
import { socketIoAdapterKey } from '../redis/event-channel.js';
import type { RedisConnections } from '../redis/redis-connections.js';

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
      cors: { origin: this.config.corsOrigins, credentials: true },
      // CORS does not cover WebSocket handshakes: check the Origin ourselves (same origin + allowlist).
      allowRequest: (req, callback) => callback(null, this.originPolicy?.allowsRequest(req) ?? true),
    } as IoServerOptions);
    if (this.redis.pub && this.redis.sub) {
      server.adapter(createAdapter(this.redis.pub, this.redis.sub, { key: socketIoAdapterKey(this.config.redisPrefix) }));
    }
    return server;
  }
}
