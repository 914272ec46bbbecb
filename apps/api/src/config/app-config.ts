import { resolve } from 'node:path';
import { AUTH_MODES, type AuthMode } from '@contacts/wire-types';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

/** Everything the server reads from the environment, parsed and checked once at start. */
export interface AppConfig {
  /** `accounts` (default): people sign in; `none`: Part 1's open, single-book behaviour. */
  auth: AuthMode;
  /** `open`: anyone may sign up; `closed` (default): only the first account, then the admin creates them. */
  signup: 'open' | 'closed';
  /** A session unused this long ends (SESSION_IDLE_DAYS, default 30). */
  sessionIdleMs: number;
  /** More failed logins than this for one email or one client address within the window → 429. */
  loginMaxFailures: number;
  loginWindowMs: number;
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
  const auth = (optional(env, 'AUTH') ?? 'accounts') as AuthMode;
  if (!AUTH_MODES.includes(auth)) {
    throw new ConfigError(`AUTH must be "accounts" (people sign in) or "none" (no sign-in, one shared address book), got "${env.AUTH}"`);
  }
  const signup = optional(env, 'SIGNUP') ?? 'closed';
  if (signup !== 'open' && signup !== 'closed') {
    throw new ConfigError(`SIGNUP must be "open" or "closed", got "${env.SIGNUP}"`);
  }
  return {
    auth,
    signup,
    sessionIdleMs: integer(env, 'SESSION_IDLE_DAYS', 30, 1, 3650) * 86_400_000,
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 10, 1, 1_000_000),
    loginWindowMs: integer(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 1440) * 60_000,
    port: integer(env, 'PORT', 8000, 0, 65_535),
    // Without sign-in, anyone who can reach the port can do anything: only this machine, unless told.
    host: optional(env, 'HOST') ?? (auth === 'none' ? '127.0.0.1' : '0.0.0.0'),
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
