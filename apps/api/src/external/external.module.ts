import { BullModule, getQueueToken } from '@nestjs/bull';
import { type DynamicModule, Module, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Queue } from 'bull';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { ContactsModule } from '../contacts/contacts.module.js';
import { closeRedisClient, createRedisClient } from '../redis/redis-client.js';
import { AppliedJobsRepository } from './applied-jobs.repository.js';
import { bullPrefix, EXTERNAL_UPDATES_QUEUE } from './external-update.job.js';
import { ExternalUpdateProcessor } from './external-update.processor.js';
import { ExternalUpdateQueue } from './external-update.queue.js';
import { ExternalController } from './external.controller.js';
import { ExternalUpdateService } from './external-update.service.js';

/**
 * Bull closes only connections it made itself: those from our `createClient` stay open
 * after queue.close() (they kept in-process servers, e.g. Jest's, from ever exiting).
 * Closes the queue (the same memoised close @nestjs/bull starts), then its connections.
 */
class BullConnections implements OnApplicationShutdown {
  constructor(
    private readonly queue: Queue,
    private readonly clients: ReadonlyArray<{ type: string; client: Redis }>,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    // The blocking client may sit in BRPOPLPUSH, where a QUIT would wait its turn: drop it.
    await Promise.all(this.clients.map(({ type, client }) => (type === 'bclient' ? client.disconnect() : closeRedisClient(client))));
  }
}

/** Bull's connections: retry forever, never reject on a timer (Bull requires it for its blocking clients). */
function bullQueueModules(redisUrl: string, redisPrefix: string): { imports: DynamicModule[]; providers: Provider[] } {
  const clients: { type: string; client: Redis }[] = [];
  return {
    imports: [
      BullModule.forRoot({
        prefix: bullPrefix(redisPrefix),
        createClient: (type) => {
          const client = createRedisClient(redisUrl, `bull-${type}`, { maxRetriesPerRequest: null, enableReadyCheck: false });
          clients.push({ type, client });
          return client;
        },
      }),
      BullModule.registerQueue({ name: EXTERNAL_UPDATES_QUEUE }),
    ],
    providers: [
      { provide: BullConnections, inject: [getQueueToken(EXTERNAL_UPDATES_QUEUE)], useFactory: (queue: Queue) => new BullConnections(queue, clients) },
    ],
  };
}

@Module({})
export class ExternalModule {
  /** `http: false` for the worker: the processor without the endpoint. */
  static forRoot(config: AppConfig, options: { http?: boolean } = {}): DynamicModule {
    const http = options.http ?? true;
    const bull = config.redisUrl !== null ? bullQueueModules(config.redisUrl, config.redisPrefix) : null;
    return {
      module: ExternalModule,
      imports: [ContactsModule, ...(bull?.imports ?? [])],
      controllers: http ? [ExternalController] : [],
      providers: [
        ExternalUpdateService,
        AppliedJobsRepository,
        ...(bull ? [ExternalUpdateQueue, ExternalUpdateProcessor, ...bull.providers] : []),
      ],
    };
  }
}
