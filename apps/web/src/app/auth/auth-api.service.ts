import { HttpClient } from '@angular/common/http';
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

/** The paths that sign in and out; a 401 from these is an answer, not a session that ended. */
export const AUTH_PATHS = ['/api/auth/config/', '/api/auth/me/', '/api/auth/login/', '/api/auth/signup/', '/api/auth/logout/'] as const;

/**
 * Accounts (CONTRACT.md Part 2 "Accounts"). HttpClient with the wire types: these routes are not
 * in the generated OpenAPI schema yet; once `npm run openapi:generate` has run on them, they move
 * onto ApiClient like ContactsApiService. The session is the HttpOnly cookie, sent by the browser
 * on this same origin without any help.
 */
@Injectable({ providedIn: 'root' })
export class AuthApiService {
  private readonly http = inject(HttpClient);

  config(): Observable<AuthConfig> {
    return this.http.get<AuthConfig>('/api/auth/config/');
  }

  me(): Observable<User> {
    return this.http.get<User>('/api/auth/me/');
  }

  login(body: LoginRequest): Observable<User> {
    return this.http.post<AuthResponse>('/api/auth/login/', body).pipe(map((res) => res.user));
  }

  signup(body: SignupRequest): Observable<User> {
    return this.http.post<AuthResponse>('/api/auth/signup/', body).pipe(map((res) => res.user));
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout/', null);
  }

  tokens(): Observable<ApiToken[]> {
    return this.http.get<ApiToken[]>('/api/auth/tokens/');
  }

  createToken(name: string): Observable<CreatedApiToken> {
    return this.http.post<CreatedApiToken>('/api/auth/tokens/', { name });
  }

  deleteToken(id: number): Observable<void> {
    return this.http.delete<void>(`/api/auth/tokens/${encodeURIComponent(id)}/`);
  }

  /** Admin only. */
  users(): Observable<User[]> {
    return this.http.get<User[]>('/api/users/');
  }

  /** Admin only. */
  createUser(body: CreateUserRequest): Observable<User> {
    return this.http.post<User>('/api/users/', body);
  }
}
