import { type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type {
  ApiToken,
  AuthConfig,
  AuthResponse,
  CreatedApiToken,
  CreateUserRequest,
  LoginRequest,
  SignupRequest,
  User,
} from '@contacts/wire-types';
import { ApiClient } from '../api/api-client';

/** The paths that sign in and out; a 401 from these is an answer, not a session that ended. */
export const AUTH_PATHS = ['/api/auth/config/', '/api/auth/me/', '/api/auth/login/', '/api/auth/signup/', '/api/auth/logout/'] as const;

/** The answer as its wire type: a schema that stopped matching it does not compile. */
const bodyOf = <T>(res: HttpResponse<T>): T => res.body as T;

/**
 * Accounts (CONTRACT.md Part 2 "Accounts"), through ApiClient like every call. The session is
 * the HttpOnly cookie, sent by the browser on this same origin without any help.
 */
@Injectable({ providedIn: 'root' })
export class AuthApiService {
  private readonly api = inject(ApiClient);

  config(): Observable<AuthConfig> {
    return this.api.request('get', '/api/auth/config/', {}).pipe(map(bodyOf<AuthConfig>));
  }

  me(): Observable<User> {
    return this.api.request('get', '/api/auth/me/', {}).pipe(map(bodyOf<User>));
  }

  login(body: LoginRequest): Observable<User> {
    return this.api.request('post', '/api/auth/login/', { body }).pipe(map((res) => bodyOf<AuthResponse>(res).user));
  }

  signup(body: SignupRequest): Observable<User> {
    return this.api.request('post', '/api/auth/signup/', { body }).pipe(map((res) => bodyOf<AuthResponse>(res).user));
  }

  logout(): Observable<void> {
    return this.api.request('post', '/api/auth/logout/', {}).pipe(map(() => undefined));
  }

  tokens(): Observable<ApiToken[]> {
    return this.api.request('get', '/api/auth/tokens/', {}).pipe(map(bodyOf<ApiToken[]>));
  }

  createToken(name: string): Observable<CreatedApiToken> {
    return this.api.request('post', '/api/auth/tokens/', { body: { name } }).pipe(map(bodyOf<CreatedApiToken>));
  }

  deleteToken(id: number): Observable<void> {
    return this.api.request('delete', '/api/auth/tokens/{id}/', { path: { id } }).pipe(map(() => undefined));
  }

  /** Admin only. */
  users(): Observable<User[]> {
    return this.api.request('get', '/api/users/', {}).pipe(map(bodyOf<User[]>));
  }

  /** Admin only. */
  createUser(body: CreateUserRequest): Observable<User> {
    return this.api.request('post', '/api/users/', { body }).pipe(map(bodyOf<User>));
  }
}
