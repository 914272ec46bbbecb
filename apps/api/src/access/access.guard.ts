import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { INVALID_TOKEN_MESSAGE, NOT_AUTHENTICATED_MESSAGE } from '@contacts/wire-types';
import { ApiError, notFound } from '../common/api-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { OriginPolicy } from '../security/origin-policy.js';
import { ACCOUNTS_ONLY, BASIC_AUTH_REALM, PUBLIC_ROUTE, type WithAccess } from './access.decorators.js';
import { AccessResolver } from './access-resolver.js';
import { type BookAccess, forbidden } from './book-access.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const INVALID_CREDENTIALS_MESSAGE = 'Invalid username/password.';

/**
 * Every route passes here: who is calling (AccessResolver) becomes `request.access`, the
 * BookAccess that services consult. No credentials → 401 unless the route is @Public();
 * an unsafe request riding on the session cookie must come from an allowed origin (the
 * contract's CSRF rule; tokens are exempt, a browser never sends them on its own).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly origins: OriginPolicy;

  constructor(
    private readonly resolver: AccessResolver,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.origins = new OriginPolicy(config.corsOrigins);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & WithAccess>();
    const targets = [context.getHandler(), context.getClass()];
    if (!this.resolver.accountsOn && this.reflector.getAllAndOverride<boolean>(ACCOUNTS_ONLY, targets)) throw notFound();
    const basic = this.reflector.getAllAndOverride<boolean>(BASIC_AUTH_REALM, targets);
    const resolved = await this.resolver.resolve(request.headers, undefined, basic ? { basic, address: request.ip } : undefined);
    const { access, failure } = resolved;
    request.access = access;
    const open = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets);
    if (failure && !open) {
      const reply = http.getResponse<FastifyReply>();
      if (failure === 'throttled') {
        const seconds = resolved.retryAfterSeconds ?? 1;
        reply.header('Retry-After', String(seconds));
        throw new ApiError(429, { detail: `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.` });
      }
      // Phones and mail programs answer a Basic challenge with the account's credentials; a DAV:unauthenticated body would not prompt them.
      reply.header('WWW-Authenticate', basic ? 'Basic realm="Contacts", charset="UTF-8"' : 'Bearer realm="contacts"');
      throw new ApiError(401, { detail: failure === 'missing' ? NOT_AUTHENTICATED_MESSAGE : failure === 'invalid_token' ? INVALID_TOKEN_MESSAGE : INVALID_CREDENTIALS_MESSAGE });
    }
    if (UNSAFE.has(request.method) && !this.originAllowed(request, access, open)) throw forbidden();
    return true;
  }

  /**
   * On the session cookie an unsafe request needs an allowed Origin (or Referer): browsers
   * send one, a forged form post from another site cannot fake it. Sign-up and sign-in
   * set the cookie, so a foreign page may not call them either; without any Origin they
   * are a script's (curl), which no browser can be tricked into.
   */
  private originAllowed(request: FastifyRequest, access: BookAccess, open: boolean | undefined): boolean {
    const caller = access.caller;
    if (caller.kind === 'user' && caller.credential.type === 'session') return this.origins.allowsCookieRequest(request.raw);
    if (open && this.resolver.accountsOn) return this.origins.allowsRequest(request.raw);
    return true;
  }
}
