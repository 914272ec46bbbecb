import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { AppModule } from './app.module.js';
import { registerDavHttp } from './carddav/dav-http.js';
import type { AppConfig } from './config/app-config.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { FASTIFY_OPTIONS, registerCompression, serveWebApp } from './common/http-setup.js';
import { RealtimeIoAdapter } from './realtime/redis-io.adapter.js';
import { RedisConnections } from './redis/redis-connections.js';
import { setupSwagger } from './openapi/swagger-setup.js';
import { ShutdownGate } from './lifecycle/shutdown-gate.js';
import { applySecurity } from './security/security-setup.js';
import { RequestAwareLogger, requestIdHook } from './security/request-context.js';

const REDIS_CONNECT_TIMEOUT_MS = 3000;
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The whole server, configured but not listening: main.ts and the end-to-end tests share it. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(FASTIFY_OPTIONS);
  // Before any route exists: the WebDAV methods, and what the DAV routes need of Fastify.
  registerDavHttp(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new RequestAwareLogger({ logLevels: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1) }),
  });
  // Before any route exists: @fastify/compress attaches itself to routes as they are made.
  await registerCompression(app);
  // First: every answer (503 while draining included) carries the request id and helmet's headers.
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onRequest', requestIdHook);
  const originPolicy = applySecurity(app, config);
  fastify.addHook('onRequest', app.get(ShutdownGate).hook);
  app.useGlobalFilters(new ApiExceptionFilter());
  setupSwagger(app);
  await serveWebApp(app, config.webDistPath, config.createDelayMs);
  // No enableShutdownHooks: main.ts installs GracefulShutdown (drain pending creates, then close, exit 0).
  // Redis first, so replicas share Socket.IO state from the first connection; a Redis
  // that is down does not stop the server (it reconnects, /api/health says "down").
  const redis = app.get(RedisConnections);
  if (!(await redis.connect(REDIS_CONNECT_TIMEOUT_MS))) {
    bootLogger.warn('Redis is not reachable: serving without it for now, reconnecting in the background');
  }
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, config, redis, originPolicy));
  return app;
}

export const bootLogger = new Logger('Bootstrap');
