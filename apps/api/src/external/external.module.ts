import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { createRedisClient } from '../realtime/redis-client.js';
import { AppliedJobsRepository } from './applied-jobs.repository.js';
import { bullPrefix, EXTERNAL_UPDATES_QUEUE } from './external-update.job.js';
import { ExternalUpdateProcessor } from './external-update.processor.js';
import { ExternalUpdateQueue } from './external-update.queue.js';
import { ExternalController } from './external.controller.js';
import { ExternalUpdateService } from './external-update.service.js';

/** Bull's connections: retry forever, never reject on a timer (Bull requires it for its blocking clients). */
function bullQueueModules(redisUrl: string, redisPrefix: string): DynamicModule[] {
  return [
    BullModule.forRoot({
      prefix: bullPrefix(redisPrefix),
      createClient: (type) => createRedisClient(redisUrl, `bull-${type}`, { maxRetriesPerRequest: null, enableReadyCheck: false }),
    }),
    BullModule.registerQueue({ name: EXTERNAL_UPDATES_QUEUE }),
  ];
}

@Module({})
export class ExternalModule {
  /** `http: false` for the worker: the processor without the endpoint. */
  static forRoot(config: AppConfig, options: { http?: boolean } = {}): DynamicModule {
    const http = options.http ?? true;
    const queued = config.redisUrl !== null;
    return {
      module: ExternalModule,
      imports: [ContactsModule, ...(queued ? bullQueueModules(config.redisUrl!, config.redisPrefix) : [])],
      controllers: http ? [ExternalController] : [],
      providers: [
        ExternalUpdateService,
        AppliedJobsRepository,
        ...(queued ? [ExternalUpdateQueue, ExternalUpdateProcessor] : []),
      ],
    };
  }
}
