import { Injectable } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export interface PasswordAttempt {
  email: string;
  password: string;
  /** The client's address: failures are counted per address as well as per email. */
  address: string;
}

export type SignInResult = { kind: 'ok'; user: UserEntity } | { kind: 'wrong' } | { kind: 'throttled'; retryAfterSeconds: number };

/**
 * Email and password against the accounts, behind the login throttle: sign-in uses it, and
 * so can any other door that takes a password (HTTP Basic). An unknown email costs a hash
 * like a known one, so neither the answer nor its time tells them apart.
 */
@Injectable()
export class SignInCheck {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {}

  async check({ email, password, address }: PasswordAttempt): Promise<SignInResult> {
    const attempt = { email, address };
    const wait = await this.throttle.waitBefore(attempt);
    if (wait > 0) return throttled(wait);
    const user = await this.users.byEmail(email);
    const matches = user ? await this.hasher.verify(password, user.password_hash) : await this.hasher.verifyNothing(password);
    if (user && matches) return { kind: 'ok', user };
    const next = await this.throttle.failed(attempt);
    // The failure that goes over the limit is answered 429 already.
    return next > 0 ? throttled(next) : { kind: 'wrong' };
  }
}

const throttled = (ms: number): SignInResult => ({ kind: 'throttled', retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });
