import { Global, Module } from '@nestjs/common';
import { RedisConnections } from './redis-connections.js';
import { RedisEventPublisher } from './redis-event-publisher.js';
import { redisStateProvider, RedisState } from './redis-state.js';

/** The process's Redis link, its event publisher and its health view: infrastructure every feature may use. */
@Global()
@Module({
  providers: [RedisConnections, RedisEventPublisher, redisStateProvider],
  exports: [RedisConnections, RedisEventPublisher, RedisState],
})
export class RedisModule {}
