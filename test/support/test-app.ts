import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app-factory.js';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/app-config.js';
import { ResponseWatch, violationReport } from './response-watch.js';
import { tempDir } from './temp-dir.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** supertest bound to the running server */
  http: () => ReturnType<typeof request>;
  baseUrl: string;
  dir: string;
  close(): Promise<void>;
}

/**
 * Every answer of every app started here is checked against the OpenAPI document that app
 * serves; the test during which a wrong answer went out fails with what is wrong.
 */
const watches = new Set<ResponseWatch>();
const failOnViolations = (list: ResponseWatch[]) => {
  const violations = list.flatMap((watch) => watch.takeViolations());
  if (violations.length) throw new Error(violationReport(violations));
};
afterEach(() => failOnViolations([...watches]));

/** `TEST_DATABASE=postgres` runs the same suites on PostgreSQL (`npm run test:e2e:postgres`). */
export const TEST_DATABASE: 'sqlite' | 'postgres' = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** The server used to create and drop the per-app databases (trust auth on the dev machine). */
const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A new, empty PostgreSQL database; `drop()` removes it (and ends any connection left to it). */
export async function createTestPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `contacts_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The real server in this process, on a real SQLite file in a temp folder (or, with
 * TEST_DATABASE=postgres, a fresh PostgreSQL database), listening on an ephemeral port
 * (so sockets can connect too). Short create delay unless overridden.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const dir = tempDir();
  const postgres = TEST_DATABASE === 'postgres' && !overrides.database ? await createTestPostgresDatabase() : null;
  const config: AppConfig = {
    // Part 1's suites run as its clients do: AUTH=none. Part 2's pass AUTH: 'accounts'.
    ...loadConfig({ AUTH: 'none', CREATE_DELAY_MS: '50', LOG_LEVEL: 'error', ...env }),
    database: postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'sqlite', path: join(dir.path, 'contacts.sqlite3') },
    port: 0,
    host: '127.0.0.1',
    ...overrides,
  };
  let app: NestFastifyApplication;
  try {
    app = await createApp(config);
  } catch (error) {
    await postgres?.drop();
    dir.remove();
    throw error;
  }
  const watch = new ResponseWatch(app.getHttpAdapter().getInstance());
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${address.port}`;
  try {
    await watch.start(baseUrl);
  } catch (error) {
    await app.close();
    await postgres?.drop();
    dir.remove();
    throw error;
  }
  watches.add(watch);
  return {
    app,
    config,
    baseUrl,
    dir: dir.path,
    http: () => request(baseUrl),
    close: async () => {
      try {
        await app.close();
      } finally {
        watches.delete(watch);
        await postgres?.drop();
        dir.remove();
      }
      failOnViolations([watch]); // answers sent after the last test (e.g. while closing)
    },
  };
}
