import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/api-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { tokenFromHeaders, tokenMatches } from './service-token.js';

/**
 * Service-to-service endpoints while AUTH=none: open without EXTERNAL_API_TOKEN, token-only
 * with it. With accounts on, AccessGuard has already decided (a user or the service token).
 */
@Injectable()
export class ServiceTokenGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.externalApiToken;
    if (!expected || this.config.auth === 'accounts') return true;
    const http = context.switchToHttp();
    const offered = tokenFromHeaders(http.getRequest<FastifyRequest>().headers);
    if (tokenMatches(expected, offered)) return true;
    http.getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer realm="contacts"');
    throw new ApiError(401, {
      detail: offered === undefined ? 'Authentication credentials were not provided.' : 'Invalid service token.',
    });
  }
}
