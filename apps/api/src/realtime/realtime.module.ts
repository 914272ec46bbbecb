import { Global, Module } from '@nestjs/common';
import { NoRedis, RedisState } from '../health/redis-state.js';
import { HistoryModule } from '../history/history.module.js';
import { ContactsGateway } from './contacts.gateway.js';
import { DatabaseChangeWatcher } from './database-change-watcher.js';
import { EventRelay } from './event-relay.js';
import { LiveRedisState } from './live-redis-state.js';
import { PlainWsServer } from './plain-ws.server.js';
import { RealtimeHub } from './realtime-hub.js';
import { RealtimeRedis } from './realtime-redis.js';
import { VersionNotificationsRepository } from './version-notifications.repository.js';

/** Live RedisState with REDIS_URL, "disabled" without. */
export const redisStateProvider = {
  provide: RedisState,
  inject: [RealtimeRedis],
  useFactory: (redis: RealtimeRedis): RedisState => (redis.enabled ? new LiveRedisState(redis) : new NoRedis()),
};

/** Socket.IO + plain WebSocket push of every contact event, on every replica. */
@Global()
@Module({
  imports: [HistoryModule],
  providers: [
    RealtimeRedis, redisStateProvider, RealtimeHub, EventRelay, ContactsGateway, PlainWsServer,
    // Changes made outside the server (sqlite3, psql, another program): see the watcher.
    DatabaseChangeWatcher, VersionNotificationsRepository,
  ],
  exports: [RealtimeRedis, RedisState],
})
export class RealtimeModule {}
