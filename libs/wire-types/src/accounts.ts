/** Part 2: accounts, sessions and personal API tokens (AUTH=accounts). */

/** `AUTH`: `accounts` (default) — people sign in; `none` — Part 1 behaviour, one shared book. */
export const AUTH_MODES = ['accounts', 'none'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  is_admin: boolean;
  created_at: string;
}

/** Body of POST /api/auth/signup/. */
export interface SignupRequest {
  email: string;
  password: string;
  name: string;
}

/** Body of POST /api/auth/login/. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** Body of POST /api/users/ (admin only). */
export interface CreateUserRequest extends SignupRequest {
  is_admin?: boolean;
}

/** Answer of signup and login (the session cookie comes with it). */
export interface AuthResponse {
  user: User;
}

/** A personal API token as listed: never the secret. */
export interface ApiToken {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** The answer of POST /api/auth/tokens/: the secret, shown this once. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

/** Body of POST /api/auth/tokens/. */
export interface CreateTokenRequest {
  name: string;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const USER_NAME_MAX_LENGTH = 200;
export const TOKEN_NAME_MAX_LENGTH = 100;

/** The session cookie's name. */
export const SESSION_COOKIE = 'contacts_session';

export const LOGIN_FAILED_MESSAGE = 'Unable to log in with provided credentials.';
export const NOT_AUTHENTICATED_MESSAGE = 'Authentication credentials were not provided.';
export const INVALID_TOKEN_MESSAGE = 'Invalid token.';
export const PERMISSION_DENIED_MESSAGE = 'You do not have permission to perform this action.';

/**
 * Answer of GET /api/auth/config/ (public, both modes): what the web app shows first.
 * `signup`: `first_user` while no account exists (sign-up makes the admin), `open` when
 * anyone may sign up (SIGNUP=open), `closed` otherwise (the admin creates accounts; also
 * with AUTH=none, where there is no sign-up).
 */
export interface AuthConfig {
  auth: AuthMode;
  signup: SignupMode;
}

export const SIGNUP_MODES = ['first_user', 'open', 'closed'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];
