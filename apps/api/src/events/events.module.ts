import { Global, Module } from '@nestjs/common';
import { ContactEventBus } from './contact-event-bus.js';

@Global()
@Module({
  providers: [ContactEventBus],
  exports: [ContactEventBus],
})
export class EventsModule {}
