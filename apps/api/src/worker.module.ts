import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config.js';
import { AccessModule } from './access/access.module.js';
import { ConfigModule } from './config/config.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { FeatureSeamsModule } from './feature-seams.module.js';
import { ExternalModule } from './external/external.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { BusToRedis } from './redis/bus-to-redis.js';
import { RedisModule } from './redis/redis.module.js';

/** The queue processor without HTTP: its writes are announced through Redis. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config), LifecycleModule, DatabaseModule, EventsModule, RedisModule, AccessModule, FeatureSeamsModule, ContactsModule,
        ExternalModule.forRoot(config, { http: false }),
      ],
      providers: [BusToRedis],
    };
  }
}
