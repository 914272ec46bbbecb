import { Injectable } from '@nestjs/common';
import { RedisState } from '../health/redis-state.js';
import { RealtimeRedis } from './realtime-redis.js';

/** /api/health's view of Redis: "up" only while both realtime connections are ready. */
@Injectable()
export class LiveRedisState extends RedisState {
  constructor(private readonly redis: RealtimeRedis) {
    super();
  }

  current(): 'up' | 'down' {
    return this.redis.isUp() ? 'up' : 'down';
  }
}
