import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app-factory.js';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/app-config.js';
import { tempDir } from './temp-dir.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** supertest bound to the running server */
  http: () => ReturnType<typeof request>;
  baseUrl: string;
  dir: string;
  close(): Promise<void>;
}

/**
 * The real server in this process, on a real SQLite file in a temp folder, listening on
 * an ephemeral port (so sockets can connect too). Short create delay unless overridden.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const dir = tempDir();
  const config: AppConfig = {
    ...loadConfig({ CREATE_DELAY_MS: '50', LOG_LEVEL: 'error', ...env }),
    database: { kind: 'sqlite', path: join(dir.path, 'contacts.sqlite3') },
    port: 0,
    host: '127.0.0.1',
    ...overrides,
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    config,
    baseUrl,
    dir: dir.path,
    http: () => request(baseUrl),
    close: async () => {
      await app.close();
      dir.remove();
    },
  };
}
