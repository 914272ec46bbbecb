import { ApiResponse } from '@nestjs/swagger';
import type { HeaderObject, SchemaObject } from '@nestjs/swagger';
import {
  INVALID_TOKEN_MESSAGE,
  LOGIN_FAILED_MESSAGE,
  NOT_AUTHENTICATED_MESSAGE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERMISSION_DENIED_MESSAGE,
  SESSION_COOKIE,
  SIGNUP_MODES,
  AUTH_MODES,
  TOKEN_NAME_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
} from '@contacts/wire-types';
import { ref } from '../openapi/schemas.js';
import { EMAIL_MAX_LENGTH } from './account-input.js';

/**
 * The accounts routes in the OpenAPI document (the wire types are libs/wire-types/src/accounts.ts):
 * the answers are the document's components, the request bodies and AuthConfig are written here.
 */
export const USER_SCHEMA = ref('User');
export const API_TOKEN_SCHEMA = ref('ApiToken');
export const CREATED_API_TOKEN_SCHEMA = ref('CreatedApiToken');

export const AUTH_CONFIG_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    auth: { type: 'string', enum: [...AUTH_MODES], description: '`accounts`: people sign in; `none`: no sign-in (AUTH=none)' },
    signup: {
      type: 'string',
      enum: [...SIGNUP_MODES],
      description:
        '`first_user`: no account yet, sign-up makes the admin; `open`: anyone may sign up; `closed`: only the admin creates accounts (always with AUTH=none)',
    },
  },
  required: ['auth', 'signup'],
};

const email = { type: 'string', example: 'ada@example.com', maxLength: EMAIL_MAX_LENGTH } satisfies SchemaObject;
const password = {
  type: 'string',
  example: 'correct horse battery',
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  description: 'Taken exactly as typed (not trimmed)',
} satisfies SchemaObject;
const userName = {
  type: 'string',
  example: 'Ada Lovelace',
  maxLength: USER_NAME_MAX_LENGTH,
  description: 'Trimmed; not blank',
} satisfies SchemaObject;

export const SIGNUP_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { email: { ...email, description: 'Unique, case-insensitively; trimmed' }, password, name: userName },
  required: ['email', 'password', 'name'],
};

export const LOGIN_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    email: { ...email, description: 'Compared case-insensitively' },
    password: { type: 'string', example: 'correct horse battery' },
  },
  required: ['email', 'password'],
};

export const CREATE_USER_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: { ...SIGNUP_REQUEST_SCHEMA.properties, is_admin: { type: 'boolean', default: false } },
  required: ['email', 'password', 'name'],
};

export const CREATE_TOKEN_REQUEST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string', example: 'backup script', minLength: 1, maxLength: TOKEN_NAME_MAX_LENGTH, description: 'Trimmed; not blank' },
  },
  required: ['name'],
};

const SET_COOKIE: HeaderObject = {
  description: `\`${SESSION_COOKIE}=<secret>; Max-Age=<SESSION_IDLE_DAYS in seconds>; Path=/; HttpOnly; SameSite=Lax\` (and \`Secure\` over https)`,
  required: true,
  schema: { type: 'string' },
};

const CLEAR_COOKIE: HeaderObject = {
  description: `\`${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax\`: the browser drops the cookie`,
  required: true,
  schema: { type: 'string' },
};

/** A success that opens a session: the body and its cookie. */
export const ApiSessionOpened = (status: 200 | 201, description: string): MethodDecorator =>
  ApiResponse({ status, description, schema: ref('AuthResponse'), headers: { 'Set-Cookie': SET_COOKIE } });

export const ApiSessionClosed = (): MethodDecorator =>
  ApiResponse({
    status: 204,
    description: 'Signed out: the session is ended on every replica and the cookie cleared',
    headers: { 'Set-Cookie': CLEAR_COOKIE },
  });

export const ApiFieldErrors = (description: string): MethodDecorator =>
  ApiResponse({ status: 400, description, schema: ref('FieldOrDetailError') });

export const ApiLoginFailed = (): MethodDecorator =>
  ApiResponse({
    status: 400,
    description: `Wrong email or password (the same answer for both: {"detail": "${LOGIN_FAILED_MESSAGE}"}), a missing or non-string field (keyed by field), or malformed JSON`,
    schema: ref('FieldOrDetailError'),
  });

/** The AccessGuard's answer without credentials, or with a token that does not check out. */
export const ApiNotSignedIn = (): MethodDecorator =>
  ApiResponse({
    status: 401,
    description: `No credentials ("${NOT_AUTHENTICATED_MESSAGE}") or a token that does not check out ("${INVALID_TOKEN_MESSAGE}")`,
    schema: ref('Detail'),
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="contacts"', required: true, schema: { type: 'string' } } },
  });

export const ApiForbidden = (why: string): MethodDecorator =>
  ApiResponse({ status: 403, description: `${why} ({"detail": "${PERMISSION_DENIED_MESSAGE}"})`, schema: ref('Detail') });

/** @AccountsOnly routes do not exist with AUTH=none. */
export const ApiAccountsOnly = (extra = ''): MethodDecorator =>
  ApiResponse({ status: 404, description: `AUTH=none: there are no accounts${extra}`, schema: ref('Detail') });

/** A cookie request's CSRF refusal: an unsafe method needs an allowed Origin (or Referer). */
export const CSRF =
  'an unsafe request on the session cookie (or a sign-up/sign-in) whose Origin — or, without one, Referer — is neither the server’s own nor in CORS_ORIGINS';

export const ApiThrottledLogin = (): MethodDecorator =>
  ApiResponse({
    status: 429,
    description:
      'More than LOGIN_MAX_FAILURES (10) failed sign-ins for this email or from this client address within LOGIN_WINDOW_MINUTES (15), or the general rate limit',
    schema: ref('Detail'),
    headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
  });
