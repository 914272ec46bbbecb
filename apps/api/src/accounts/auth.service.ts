import { Inject, Injectable } from '@nestjs/common';
import { type AuthConfig, type AuthResponse, LOGIN_FAILED_MESSAGE, NOT_AUTHENTICATED_MESSAGE, type User } from '@contacts/wire-types';
import { type BookAccess, forbidden } from '../access/book-access.js';
import { ApiError, detailError } from '../common/api-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { callerOf } from './account-caller.js';
import { AccountCreator } from './account-creator.js';
import { parseLogin, parseNewAccount } from './account-input.js';
import type { AuthClient } from './auth-client.js';
import { SessionCookie } from './session-cookie.js';
import { Sessions } from './sessions.js';
import { SignInCheck } from './sign-in-check.js';
import { toUser } from './user.mapper.js';
import { UsersRepository } from './users.repository.js';

/** Sign-up, sign-in, sign-out, who am I, and what the sign-in page should offer. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountCreator,
    private readonly users: UsersRepository,
    private readonly signIn: SignInCheck,
    private readonly sessions: Sessions,
    private readonly cookie: SessionCookie,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async authConfig(): Promise<AuthConfig> {
    if (this.config.auth === 'none') return { auth: 'none', signup: 'closed' };
    if (!(await this.users.anyExists())) return { auth: 'accounts', signup: 'first_user' };
    return { auth: 'accounts', signup: this.config.signup };
  }

  /** Allowed while no account exists (that one is the admin) or with SIGNUP=open. */
  async signup(body: unknown, client: AuthClient): Promise<AuthResponse> {
    // Refused before the body is looked at, as DRF checks permissions before validation;
    // decided again inside the transaction, which is what counts.
    if (this.config.signup !== 'open' && (await this.users.anyExists())) throw forbidden();
    const account = parseNewAccount(body, { allowAdminFlag: false });
    let secret = '';
    const user = await this.accounts.create(
      account,
      (first) => {
        if (!first && this.config.signup !== 'open') throw forbidden();
        return { is_admin: first };
      },
      async (manager, created) => {
        secret = await this.sessions.openIn(manager, created.id);
      },
    );
    this.cookie.open(client, secret);
    return { user: toUser(user) };
  }

  async login(body: unknown, client: AuthClient): Promise<AuthResponse> {
    const { email, password } = parseLogin(body);
    const result = await this.signIn.check({ email, password, address: client.address });
    if (result.kind === 'throttled') {
      client.header('Retry-After', String(result.retryAfterSeconds));
      throw detailError(
        429,
        `Request was throttled. Expected available in ${result.retryAfterSeconds} second${result.retryAfterSeconds === 1 ? '' : 's'}.`,
      );
    }
    if (result.kind === 'wrong') throw detailError(400, LOGIN_FAILED_MESSAGE);
    this.cookie.open(client, await this.sessions.open(result.user.id));
    return { user: toUser(result.user) };
  }

  /** Ends the cookie's session; on a token there is no session to end (revoke the token instead). */
  async logout(access: BookAccess, client: AuthClient): Promise<void> {
    const caller = callerOf(access);
    if (caller.credential.type === 'session') await this.sessions.end(caller.user.id, caller.credential.id);
    this.cookie.clear(client);
  }

  async me(access: BookAccess): Promise<User> {
    const user = await this.users.byId(callerOf(access).user.id);
    // Only if the account went away between the credential check and here.
    if (!user) throw new ApiError(401, { detail: NOT_AUTHENTICATED_MESSAGE });
    return toUser(user);
  }
}
