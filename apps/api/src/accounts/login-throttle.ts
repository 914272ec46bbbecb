import { createHash } from 'node:crypto';
import { type FailureLog, MemoryFailureLog, RedisFailureLog, SharedFailureLog } from './login-failures.js';

/** Who is trying to sign in: the email typed, and the client's address (X-Forwarded-For behind a local proxy). */
export interface LoginAttempt {
  email: string;
  address: string;
}

/**
 * The contract's brake on password guessing: more than LOGIN_MAX_FAILURES failed sign-ins
 * for one email, or from one client address, within LOGIN_WINDOW_MINUTES → 429 until the
 * window has let enough of them go. Blocked attempts are not checked, so they are not
 * counted either. Counted in Redis (every replica together) when there is one.
 */
export class LoginThrottle {
  constructor(
    private readonly log: FailureLog,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Milliseconds until this attempt may be checked; 0: now. */
  waitBefore(attempt: LoginAttempt): Promise<number> {
    return this.log.hit(keysOf(attempt), this.clock(), false);
  }

  /** Records a failed attempt; answers how long the next one has to wait (0: none). */
  failed(attempt: LoginAttempt): Promise<number> {
    return this.log.hit(keysOf(attempt), this.clock(), true);
  }
}

/** Emails are hashed: the keys (in Redis too) never hold an address book of who tried. */
function keysOf({ email, address }: LoginAttempt): string[] {
  const normalised = email.trim().toLowerCase();
  return [`login-failures:email:${createHash('sha256').update(normalised).digest('hex')}`, `login-failures:address:${address}`];
}

export interface ThrottleSettings {
  loginMaxFailures: number;
  loginWindowMs: number;
  redisPrefix: string;
}

/** Redis (with memory behind it) when the process has a Redis link, memory otherwise. */
export function loginThrottleFor(settings: ThrottleSettings, redis: RedisFailureLogClient | null): LoginThrottle {
  const limits = { max: settings.loginMaxFailures, windowMs: settings.loginWindowMs };
  const memory = new MemoryFailureLog(limits);
  if (!redis) return new LoginThrottle(memory);
  return new LoginThrottle(new SharedFailureLog(new RedisFailureLog(redis, settings.redisPrefix, limits), memory));
}

type RedisFailureLogClient = ConstructorParameters<typeof RedisFailureLog>[0];
