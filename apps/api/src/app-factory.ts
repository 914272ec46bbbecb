import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { applyHttpSetup, serveWebApp } from './common/http-setup.js';
import { setupSwagger } from './openapi/swagger-setup.js';

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
  return app;
}

export const bootLogger = new Logger('Bootstrap');
