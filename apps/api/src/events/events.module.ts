import { Global, Module } from '@nestjs/common';
import { AccessChangeBus } from './access-change-bus.js';
import { ContactEventBus } from './contact-event-bus.js';

@Global()
@Module({
  providers: [ContactEventBus, AccessChangeBus],
  exports: [ContactEventBus, AccessChangeBus],
})
export class EventsModule {}
