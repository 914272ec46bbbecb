import { Global, Module } from '@nestjs/common';
import { RedisConnections } from './redis-connections.js';
import { RedisEventPublisher } from './redis-event-publisher.js';
import { ReplicaChannels } from './replica-channels.js';
import { redisStateProvider, RedisState } from './redis-state.js';

/**
 * The process's Redis link, its event publisher, channels between replicas and its health
 * view: infrastructure every feature may use.
 */
@Global()
@Module({
  providers: [RedisConnections, RedisEventPublisher, ReplicaChannels, redisStateProvider],
  exports: [RedisConnections, RedisEventPublisher, ReplicaChannels, RedisState],
})
export class RedisModule {}
