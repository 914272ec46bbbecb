import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { OPENAPI_ACCOUNTS_ONLY, OPENAPI_PUBLIC } from '../openapi/route-extensions.js';
import type { BookAccess } from './book-access.js';

export const PUBLIC_ROUTE = 'contacts:public';
export const ACCOUNTS_ONLY = 'contacts:accounts-only';


/** Open without credentials (health, sign-up, sign-in). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(OPENAPI_PUBLIC, true));

/** Exists only with AUTH=accounts; answered 404 while AUTH=none. */
export const AccountsOnly = () => applyDecorators(SetMetadata(ACCOUNTS_ONLY, true), ApiExtension(OPENAPI_ACCOUNTS_ONLY, true));

/** The request's access policy, as AccessGuard resolved it. */
export const CurrentAccess = createParamDecorator((_: unknown, context: ExecutionContext): BookAccess => {
  return context.switchToHttp().getRequest<{ access: BookAccess }>().access;
});

export interface WithAccess {
  access: BookAccess;
}

export const BASIC_AUTH_REALM = 'contacts:basic-auth-realm';

/**
 * Routes that clients reach with HTTP Basic (CardDAV): a 401 there challenges with
 * `Basic realm=…`, which phones and mail programs answer with the account's credentials.
 */
export const BasicAuthRealm = () => SetMetadata(BASIC_AUTH_REALM, true);
