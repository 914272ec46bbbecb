import { RedisConnections } from './redis-connections.js';

/** How the server's Redis link is doing, for /api/health. */
export abstract class RedisState {
  abstract current(): 'up' | 'down' | 'disabled';
}

export class NoRedis extends RedisState {
  current(): 'disabled' {
    return 'disabled';
  }
}

/** "up" only while both connections are ready. */
export class LiveRedisState extends RedisState {
  constructor(private readonly redis: RedisConnections) {
    super();
  }

  current(): 'up' | 'down' {
    return this.redis.isUp() ? 'up' : 'down';
  }
}

/** Live RedisState with REDIS_URL, "disabled" without. */
export const redisStateProvider = {
  provide: RedisState,
  inject: [RedisConnections],
  useFactory: (redis: RedisConnections): RedisState => (redis.enabled ? new LiveRedisState(redis) : new NoRedis()),
};
