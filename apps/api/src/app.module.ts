import { type DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AddressBooksModule } from './address-books/address-books.module.js';
import { AddressBooksService } from './address-books/address-books.service.js';
import { CarddavModule } from './carddav/carddav.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { FeatureSeamsModule } from './feature-seams.module.js';
import { ExternalModule } from './external/external.module.js';
import { HealthModule } from './health/health.module.js';
import { HistoryModule } from './history/history.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { MergeModule } from './merge/merge.module.js';
import { RevisionsModule } from './history/revisions.module.js';
import { LifecycleModule } from './lifecycle/lifecycle.module.js';
import { SecurityModule } from './security/security.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { RedisModule } from './redis/redis.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LifecycleModule,
        SecurityModule,
        DatabaseModule,
        EventsModule,
        RedisModule,
        // After SecurityModule: the rate limit runs before authentication.
        AccessModule,
        AccountsModule,
        AddressBooksModule,
        FeatureSeamsModule,
        // History's revert/restore routes, writing through the contacts module's mutations. First,
        // as when they lived in contacts/: the document lists their paths first.
        RevisionsModule.register(ContactsModule),
        ContactsModule,
        HistoryModule,
        ImportsModule,
        MergeModule,
        CarddavModule.register({ module: AddressBooksModule, directory: AddressBooksService }),
        ExternalModule.forRoot(config),
        RealtimeModule,
        HealthModule,
      ],
    };
  }
}
