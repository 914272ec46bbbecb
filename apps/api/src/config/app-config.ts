import { resolve } from 'node:path';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

/** Everything the server reads from the environment, parsed and checked once at start. */
export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  redisUrl: string | null;
  /** Prepended to every Redis key and channel (Bull queue, Socket.IO adapter, event channel); '' by default. */
  redisPrefix: string;
  createDelayMs: number;
  webDistPath: string;
  corsOrigins: string[];
  externalApiToken: string | null;
  throttleLimit: number;
  throttleTtlMs: number;
  shutdownGraceMs: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

function databaseFrom(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = optional(env, 'DATABASE_URL');
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new ConfigError('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
    }
    return { kind: 'postgres', url };
  }
  return { kind: 'sqlite', path: resolve(optional(env, 'SQLITE_PATH') ?? 'data/contacts.sqlite3') };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const redisUrl = optional(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  }
  const logLevel = (optional(env, 'LOG_LEVEL') ?? 'log') as AppConfig['logLevel'];
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL must be one of error, warn, log, debug');
  }
  const createDelayMs = integer(env, 'CREATE_DELAY_MS', 20_000, 0, 600_000);
  return {
    port: integer(env, 'PORT', 8000, 0, 65_535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    database: databaseFrom(env),
    redisUrl,
    redisPrefix: optional(env, 'REDIS_PREFIX') ?? '',
    createDelayMs,
    webDistPath: resolve(optional(env, 'WEB_DIST') ?? 'dist/web/browser'),
    corsOrigins: (optional(env, 'CORS_ORIGINS') ?? 'http://localhost:5173')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    externalApiToken: optional(env, 'EXTERNAL_API_TOKEN'),
    throttleLimit: integer(env, 'THROTTLE_LIMIT', 6000, 1, 10_000_000),
    throttleTtlMs: integer(env, 'THROTTLE_TTL_MS', 60_000, 1000, 86_400_000),
    // Pending creates get the whole delay plus a margin to finish on SIGTERM.
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', createDelayMs + 10_000, 0, 3_600_000),
    logLevel,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
