import { Global, Module } from '@nestjs/common';
import { NoRedis, RedisState } from '../health/redis-state.js';
import { ContactEventBus } from './contact-event-bus.js';

@Global()
@Module({
  providers: [ContactEventBus, { provide: RedisState, useClass: NoRedis }],
  exports: [ContactEventBus, RedisState],
})
export class EventsModule {}
