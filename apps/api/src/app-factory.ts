import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { applyHttpSetup, serveWebApp } from './common/http-setup.js';
import { RealtimeIoAdapter } from './realtime/redis-io.adapter.js';
import { RealtimeRedis } from './realtime/realtime-redis.js';
import { setupSwagger } from './openapi/swagger-setup.js';

const REDIS_CONNECT_TIMEOUT_MS = 3000;
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The whole server, configured but not listening: main.ts and the end-to-end tests share it. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  applyHttpSetup(app);
  app.useGlobalFilters(new ApiExceptionFilter());
  setupSwagger(app);
  serveWebApp(app, config.webDistPath);
  app.enableShutdownHooks();
  // Redis first, so replicas share Socket.IO state from the first connection; a Redis
  // that is down does not stop the server (it reconnects, /api/health says "down").
  const redis = app.get(RealtimeRedis);
  if (!(await redis.connect(REDIS_CONNECT_TIMEOUT_MS))) {
    bootLogger.warn('Redis is not reachable: serving without it for now, reconnecting in the background');
  }
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, config, redis));
  return app;
}

export const bootLogger = new Logger('Bootstrap');
