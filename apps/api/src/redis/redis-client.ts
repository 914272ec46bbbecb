import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';

/** Reconnect forever, backing off to 1 s: a Redis outage must never end the process. */
export function retryForever(attempt: number): number {
  return Math.min(100 * attempt, 1000);
}

/**
 * An ioredis client that survives Redis being down: it keeps retrying, and errors are
 * logged once per outage instead of being thrown (an unhandled 'error' would crash).
 */
export function createRedisClient(url: string, name: string, options: RedisOptions = {}): Redis {
  const logger = new Logger(`Redis:${name}`);
  const client = new Redis(url, { retryStrategy: retryForever, connectionName: name, lazyConnect: false, ...options });
  let reported = false;
  client.on('error', (error: Error) => {
    if (!reported) logger.warn(`Redis unavailable (${error.message}); retrying`);
    reported = true;
  });
  client.on('ready', () => {
    if (reported) logger.log('Redis connection restored');
    reported = false;
  });
  return client;
}

/** Resolves true once the client is ready, false after `timeoutMs` (the caller carries on degraded). */
export function whenReady(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    const onReady = () => done(true);
    const done = (ready: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ready);
    };
    client.once('ready', onReady);
  });
}

/** QUIT when connected (flushes), DISCONNECT otherwise (QUIT would wait for a server that is gone). */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}
