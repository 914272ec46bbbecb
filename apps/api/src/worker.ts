import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from './config/app-config.js';
import { EXTERNAL_UPDATES_QUEUE } from './external/external-update.job.js';
import { WorkerModule } from './worker.module.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** `npm run worker`: processes the external-update queue without serving HTTP. Needs REDIS_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redisUrl) throw new ConfigError('the worker needs REDIS_URL (without Redis, updates are applied by the API itself)');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  app.enableShutdownHooks();
  await app.init();
  new Logger('Worker').log(`Processing queue ${EXTERNAL_UPDATES_QUEUE} (database: ${config.database.kind})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
