import { Inject, Injectable, Optional } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import { createHash } from 'node:crypto';
import { SESSION_COOKIE } from '@contacts/wire-types';
import { Authenticator } from '../accounts/authenticator.js';
import { SignInCheck } from '../accounts/sign-in-check.js';
import { BookRoles } from '../address-books/book-roles.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DataVersion } from '../database/data-version.js';
import { tokenMatches } from '../security/service-token.js';
import { BookAccess } from './book-access.js';
import type { Caller, CallerRef } from './caller.js';
import { ResolvedAccessCache } from './resolved-access-cache.js';

type Headers = Record<string, string | string[] | undefined>;

/** How long a checked Basic password is taken without hashing it again (accounts have no password change yet). */
const PASSWORD_REMEMBERED_MS = 10 * 60_000;
const MAX_REMEMBERED_PASSWORDS = 5_000;

/**
 * `missing`: no credentials at all; `invalid_token`: a token that does not check out;
 * `invalid_credentials`: HTTP Basic with a wrong email, password or token; `throttled`: too many
 * wrong passwords for that email or address (the login throttle), retry after `retryAfterSeconds`.
 */
export type AccessFailure = 'missing' | 'invalid_token' | 'invalid_credentials' | 'throttled';
export type Resolved =
  | { access: BookAccess; failure?: undefined }
  | { access: BookAccess; failure: AccessFailure; retryAfterSeconds?: number };

/** Where HTTP Basic is taken (CardDAV routes), and the client's address for the password throttle. */
export interface BasicOptions {
  basic: true;
  address: string;
}

/**
 * Turns a request's credentials into its BookAccess: HTTP requests (AccessGuard), Socket.IO
 * handshakes and plain WebSocket upgrades all come through here, so they authenticate
 * alike. Precedence: the service token, then a token in `Authorization` (Bearer or DRF's
 * Token) or given explicitly (`?token=`, Socket.IO `auth.token`), then the session cookie.
 */
@Injectable()
export class AccessResolver {
  private sharedBookId?: Promise<number | null>;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly roles: BookRoles,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signIn: SignInCheck,
    @Optional() dataVersion?: DataVersion,
  ) {
    this.cache = new ResolvedAccessCache(() => dataVersion?.current() ?? null);
  }

  private readonly cache: ResolvedAccessCache;
  /**
   * Basic email+password pairs that checked out, by digest: a phone sends its password with
   * every request, and hashing it each time would cost more than the request. The roles
   * behind it are still read as for any credential; only the hash is spared.
   */
  private readonly passwords = new Map<string, { userId: number; at: number }>();

  get accountsOn(): boolean {
    return this.config.auth === 'accounts';
  }

  async resolve(headers: Headers, explicitToken?: string, basic?: BasicOptions): Promise<Resolved> {
    if (!this.accountsOn) return { access: BookAccess.everything({ kind: 'open' }, await this.sharedBook()) };
    const credentials = basic ? basicCredentials(headers) : undefined;
    if (credentials) return this.resolveBasic(credentials, basic!.address);
    const token = explicitToken?.trim() || tokenFromAuthorization(headers);
    const service = this.config.externalApiToken;
    const serviceHeader = single(headers['x-service-token']);
    if (service && (tokenMatches(service, token) || tokenMatches(service, serviceHeader?.trim()))) {
      return { access: BookAccess.everything({ kind: 'service' }, null) };
    }
    if (serviceHeader !== undefined && token === undefined) return { access: BookAccess.nothing(), failure: 'invalid_token' };
    const secret = token === undefined ? sessionSecret(headers) : undefined;
    const key = token !== undefined ? `t:${token}` : secret ? `s:${secret}` : null;
    if (key === null) return { access: BookAccess.nothing(), failure: 'missing' };
    const cached = this.cache.get(key);
    if (cached) return { access: cached };
    const version = this.cache.currentVersion();
    const found = token !== undefined ? await this.authenticator.token(token) : await this.authenticator.session(secret!);
    if (!found) return { access: BookAccess.nothing(), failure: token !== undefined ? 'invalid_token' : 'missing' };
    const access = await this.forUser({ kind: 'user', user: found.user, credential: found.credential });
    this.cache.set(key, version, access);
    return { access };
  }

  /**
   * HTTP Basic: the account's email with a token of that account (cheap: one indexed read)
   * or its password (a hash, behind the login throttle like sign-in). Clients send it on
   * every request, so a resolved pair is reused as a cookie or token is; only a digest of
   * the pair is kept as the key.
   */
  private async resolveBasic({ email, secret }: { email: string; secret: string }, address: string): Promise<Resolved> {
    const key = `b:${createHash('sha256').update(`${email.toLowerCase()}\u0000${secret}`).digest('base64url')}`;
    const cached = this.cache.get(key);
    if (cached) return { access: cached };
    const version = this.cache.currentVersion();
    const found = await this.basicCaller(key, email, secret, address);
    if (found.kind === 'failure') return { access: BookAccess.nothing(), failure: found.failure, retryAfterSeconds: found.retryAfterSeconds };
    const access = await this.forUser(found);
    this.cache.set(key, version, access);
    return { access };
  }

  private async basicCaller(
    key: string,
    email: string,
    secret: string,
    address: string,
  ): Promise<Extract<Caller, { kind: 'user' }> | { kind: 'failure'; failure: AccessFailure; retryAfterSeconds?: number }> {
    const sameEmail = (user: { email: string }) => user.email.toLowerCase() === email.toLowerCase();
    const byToken = await this.authenticator.token(secret);
    if (byToken) return sameEmail(byToken.user) ? { kind: 'user', ...byToken } : { kind: 'failure', failure: 'invalid_credentials' };
    const remembered = this.passwords.get(key);
    if (remembered && Date.now() - remembered.at < PASSWORD_REMEMBERED_MS) {
      const user = await this.authenticator.user(remembered.userId);
      if (user && sameEmail(user)) return { kind: 'user', user, credential: { type: 'password' } };
    }
    this.passwords.delete(key);
    const checked = await this.signIn.check({ email, password: secret, address });
    if (checked.kind === 'throttled') return { kind: 'failure', failure: 'throttled', retryAfterSeconds: checked.retryAfterSeconds };
    if (checked.kind !== 'ok') return { kind: 'failure', failure: 'invalid_credentials' };
    if (this.passwords.size >= MAX_REMEMBERED_PASSWORDS) this.passwords.clear();
    this.passwords.set(key, { userId: Number(checked.user.id), at: Date.now() });
    return { kind: 'user', user: checked.user, credential: { type: 'password' } };
  }

  /**
   * A caller's access as it is now, outside any request: for work a request started that
   * goes on without it (an import resuming after a restart). The account and its roles are
   * read again; null when the account is gone.
   */
  async again(ref: CallerRef): Promise<BookAccess | null> {
    if (ref.kind === 'open') return BookAccess.everything({ kind: 'open' }, await this.sharedBook());
    if (ref.kind === 'service') return BookAccess.everything({ kind: 'service' }, null);
    const user = await this.authenticator.user(ref.userId);
    return user ? this.forUser({ kind: 'user', user, credential: ref.credential }) : null;
  }

  /**
   * One read per request: the roles. The owner of a book has its `owner` member row, so
   * the first own book (where a create without `address_book` goes) is the lowest of those.
   */
  private async forUser(caller: Extract<Caller, { kind: 'user' }>): Promise<BookAccess> {
    const user = { id: Number(caller.user.id), email: caller.user.email, name: caller.user.name, is_admin: Boolean(caller.user.is_admin) };
    const roles = await this.roles.rolesOf(user.id);
    let defaultBook: number | null = null;
    for (const [book, role] of roles) if (role === 'owner' && (defaultBook === null || book < defaultBook)) defaultBook = book;
    return BookAccess.forUser({ ...caller, user }, roles, defaultBook);
  }

  /**
   * AUTH=none's one book, read once: without accounts no book is created or deleted (those
   * routes do not exist then), so it does not change while this process runs.
   */
  private sharedBook(): Promise<number | null> {
    this.sharedBookId ??= this.roles.firstBook().then(
      (id) => {
        if (id === null) this.sharedBookId = undefined; // nothing to remember yet
        return id;
      },
      (error: unknown) => {
        this.sharedBookId = undefined; // ask again next time
        throw error;
      },
    );
    return this.sharedBookId;
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `Authorization: Bearer <token>` or DRF's `Authorization: Token <token>`. */
export function tokenFromAuthorization(headers: Headers): string | undefined {
  const auth = single(headers.authorization)?.trim();
  const match = auth ? /^(?:Bearer|Token)\s+(\S+)$/i.exec(auth) : null;
  return match?.[1];
}

/** `Authorization: Basic base64(email:secret)`; undefined when absent or not Basic (a bad one is then "missing"). */
export function basicCredentials(headers: Headers): { email: string; secret: string } | undefined {
  const auth = single(headers.authorization)?.trim();
  const match = auth ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(auth) : null;
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { email: decoded.slice(0, colon).trim(), secret: decoded.slice(colon + 1) };
}

export function sessionSecret(headers: Headers): string | undefined {
  const cookie = single(headers.cookie);
  if (!cookie) return undefined;
  return parseCookies(cookie)[SESSION_COOKIE] || undefined;
}
