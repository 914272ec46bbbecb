import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { ExternalModule } from './external/external.module.js';
import { RedisEventPublisher } from './realtime/redis-event-publisher.js';

/** The queue processor without HTTP: its writes are announced through Redis. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, EventsModule, ContactsModule, ExternalModule.forRoot(config, { http: false })],
      providers: [RedisEventPublisher],
    };
  }
}
