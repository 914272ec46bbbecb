import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/app-config.js';
import { socketIoAdapterKey } from './event-channel.js';
import type { RealtimeRedis } from './realtime-redis.js';

/**
 * Socket.IO on the HTTP server's port, with the classic Redis pub/sub adapter when Redis
 * is configured so room state, server-side emits and fetchSockets span every replica.
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RealtimeRedis,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.corsOrigins, credentials: true },
      // Long-polling clients across replicas would need sticky sessions; WebSocket does not.
      transports: ['websocket', 'polling'],
    } as ServerOptions);
    if (this.redis.pub && this.redis.sub) {
      server.adapter(createAdapter(this.redis.pub, this.redis.sub, { key: socketIoAdapterKey(this.config.redisPrefix) }));
    }
    return server;
  }
}
