import { Global, Module } from '@nestjs/common';
import { AccessChangeBus } from './access-change-bus.js';
import { ContactEventBus } from './contact-event-bus.js';
import { ImportProgressBus } from './import-progress-bus.js';

@Global()
@Module({
  providers: [ContactEventBus, AccessChangeBus, ImportProgressBus],
  exports: [ContactEventBus, AccessChangeBus, ImportProgressBus],
})
export class EventsModule {}
