import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { Subject, firstValueFrom, type Observable } from 'rxjs';
import type { AuthConfig, LoginRequest, SignupRequest, User } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { AuthApiService } from './auth-api.service';

/**
 * - `starting`: reading /api/auth/config/ (and /api/auth/me/).
 * - `unavailable`: the server could not be reached or answered with an error; retry.
 * - `open`: AUTH=none, no sign-in (Part 1 behaviour).
 * - `signed-out`: accounts, not signed in: the sign-in (or first-run sign-up) page.
 * - `signed-in`: accounts, signed in.
 * - `expired`: the session ended while the app was open; the app stays as it was behind a
 *   sign-in dialog, and requests that met the 401 wait to be sent again.
 */
export type SessionStatus = 'starting' | 'unavailable' | 'open' | 'signed-out' | 'signed-in' | 'expired';

/** Loads the app afresh at `/` (a real page load, so no state of the last account survives). */
export const APP_RESTART = new InjectionToken<() => void>('APP_RESTART', {
  providedIn: 'root',
  factory: () => {
    const doc = inject(DOCUMENT);
    return () => doc.location.assign('/');
  },
});

/** Part 1 servers have no /api/auth/config/: they behave as AUTH=none. */
const NO_ACCOUNTS: AuthConfig = { auth: 'none', signup: 'closed' };

@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApiService);
  private readonly restartApp = inject(APP_RESTART);

  private readonly _status = signal<SessionStatus>('starting');
  private readonly _config = signal<AuthConfig | null>(null);
  private readonly _user = signal<User | null>(null);
  readonly status = this._status.asReadonly();
  readonly config = this._config.asReadonly();
  readonly user = this._user.asReadonly();
  readonly startError = signal('');

  /** AUTH=accounts: sign-in, books with roles, the account menu. */
  readonly accounts = computed(() => this._config()?.auth === 'accounts');
  /** The app's pages may show (signed in, AUTH=none, or behind the "session ended" dialog). */
  readonly appVisible = computed(() => ['open', 'signed-in', 'expired'].includes(this._status()));

  private readonly resumedSubject = new Subject<User>();
  /** The same user signed in again after the session ended: held requests go out again. */
  readonly resumed$: Observable<User> = this.resumedSubject.asObservable();
  private readonly endedSubject = new Subject<void>();
  /** The session ended while the app was open. */
  readonly ended$: Observable<void> = this.endedSubject.asObservable();

  private started: Promise<void> | null = null;

  /** Reads the mode and who is signed in, once; later calls wait for that same start. */
  start(): Promise<void> {
    this.started ??= this.load();
    return this.started;
  }

  /** After `unavailable`: try again. */
  retry(): Promise<void> {
    this.started = this.load();
    return this.started;
  }

  /** Whether a 401 on an ordinary request means "the session ended" (and the request should wait). */
  holdsRequests(): boolean {
    const s = this._status();
    return s === 'signed-in' || s === 'expired';
  }

  /** Any 401 while signed in, or the socket refused as unauthorized. */
  sessionEnded(): void {
    if (this._status() !== 'signed-in') return;
    this._status.set('expired');
    this.endedSubject.next();
  }

  /** Throws the HttpErrorResponse for the form to show. */
  async signIn(body: LoginRequest): Promise<User> {
    const user = await firstValueFrom(this.api.login(body));
    this.adopt(user);
    return user;
  }

  async signUp(body: SignupRequest): Promise<User> {
    const user = await firstValueFrom(this.api.signup(body));
    this.adopt(user);
    return user;
  }

  /**
   * Ends the session on the server, then starts the app afresh on the sign-in page, so nothing
   * of this account stays in memory for whoever signs in next.
   */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } catch {
      // Already ended (401) or the server is away: the cookie is useless either way.
    }
    this.restart();
  }

  /** A fresh start of the whole app (new account, signed out): drops every in-memory state. */
  restart(): void {
    this.restartApp();
  }

  private adopt(user: User): void {
    const previous = this._user();
    if (this._status() === 'expired' && previous && previous.id !== user.id) {
      // Someone else signed in where the last account's data is still on screen.
      this.restart();
      return;
    }
    this._user.set(user);
    const resumed = this._status() === 'expired';
    this._status.set('signed-in');
    if (resumed) this.resumedSubject.next(user);
  }

  private async load(): Promise<void> {
    this._status.set('starting');
    this.startError.set('');
    try {
      const config = await this.readConfig();
      this._config.set(config);
      if (config.auth === 'none') {
        this._status.set('open');
        return;
      }
      try {
        this._user.set(await firstValueFrom(this.api.me()));
        this._status.set('signed-in');
      } catch (err) {
        if (err instanceof HttpErrorResponse && err.status === 401) this._status.set('signed-out');
        else throw err;
      }
    } catch (err) {
      this.startError.set(parseApiError(err).message);
      this._status.set('unavailable');
    }
  }

  private async readConfig(): Promise<AuthConfig> {
    try {
      return await firstValueFrom(this.api.config());
    } catch (err) {
      if (err instanceof HttpErrorResponse && err.status === 404) return NO_ACCOUNTS;
      throw err;
    }
  }

  /** Reads the sign-up mode again (e.g. sign-up was refused: someone else made the first account meanwhile). */
  async refreshConfig(): Promise<void> {
    try {
      this._config.set(await this.readConfig());
    } catch {
      // Keep what we had; the form already shows the error.
    }
  }
}
