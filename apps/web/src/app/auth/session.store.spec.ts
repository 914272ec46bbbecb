import { provideHttpClient, withInterceptors, HttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import type { User } from '@contacts/wire-types';
import { ADA, GRACE } from '../testing/account-fixtures';
import { sessionInterceptor } from './session.interceptor';
import { APP_RESTART, SessionStore } from './session.store';

describe('SessionStore and the session interceptor', () => {
  let session: SessionStore;
  let http: HttpTestingController;
  let restarts: number;

  beforeEach(() => {
    restarts = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([sessionInterceptor])),
        provideHttpClientTesting(),
        { provide: APP_RESTART, useValue: () => restarts++ },
      ],
    });
    session = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const flushConfig = (auth: 'accounts' | 'none', signup: 'first_user' | 'open' | 'closed' = 'closed') =>
    http.expectOne('/api/auth/config/').flush({ auth, signup });

  async function signedIn(user: User = ADA): Promise<void> {
    const started = session.start();
    flushConfig('accounts');
    (await vi.waitFor(() => http.expectOne('/api/auth/me/'))).flush(user);
    await started;
  }

  it('AUTH=none: open at once, no /me, no sign-in', async () => {
    const started = session.start();
    flushConfig('none');
    await started;
    expect(session.status()).toBe('open');
    expect(session.accounts()).toBe(false);
    expect(session.appVisible()).toBe(true);
  });

  it('a Part 1 server without /api/auth/config/ counts as AUTH=none', async () => {
    const started = session.start();
    http.expectOne('/api/auth/config/').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
    await started;
    expect(session.status()).toBe('open');
  });

  it('AUTH=accounts: /me answers who is signed in, or 401 for the sign-in page', async () => {
    await signedIn();
    expect(session.status()).toBe('signed-in');
    expect(session.user()?.name).toBe('Ada Lovelace');

  });

  it('AUTH=accounts and /me says 401: the sign-in (here first-run sign-up) page', async () => {
    const started = session.start();
    flushConfig('accounts', 'first_user');
    (await vi.waitFor(() => http.expectOne('/api/auth/me/'))).flush(
      { detail: 'Authentication credentials were not provided.' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await started;
    expect(session.status()).toBe('signed-out');
    expect(session.config()?.signup).toBe('first_user');
    expect(session.appVisible()).toBe(false);
  });

  it('cannot start (server down): says so, and Retry starts again', async () => {
    const started = session.start();
    http.expectOne('/api/auth/config/').error(new ProgressEvent('error'), { status: 0 });
    await started;
    expect(session.status()).toBe('unavailable');
    expect(session.startError()).toContain('Cannot reach the server');
    const again = session.retry();
    flushConfig('none');
    await again;
    expect(session.status()).toBe('open');
  });

  it('a 401 while signed in holds the request, shows "session ended", and sends it again after the same account signs in', async () => {
    await signedIn();
    const client = TestBed.inject(HttpClient);
    const answers: unknown[] = [];
    const errors: unknown[] = [];
    client.patch('/api/contacts/7/', { phone: '1' }).subscribe({ next: (v) => answers.push(v), error: (e) => errors.push(e) });
    http.expectOne('/api/contacts/7/').flush({ detail: 'Authentication credentials were not provided.' }, { status: 401, statusText: 'Unauthorized' });
    expect(session.status()).toBe('expired');
    expect(errors).toEqual([]);
    // Nothing is re-sent before the sign-in.
    http.expectNone('/api/contacts/7/');

    const signingIn = session.signIn({ email: ADA.email, password: 'pw' });
    const login = http.expectOne('/api/auth/login/');
    expect(login.request.body).toEqual({ email: ADA.email, password: 'pw' });
    login.flush({ user: ADA });
    await signingIn;
    expect(session.status()).toBe('signed-in');
    const retried = http.expectOne('/api/contacts/7/');
    expect(retried.request.method).toBe('PATCH');
    expect(retried.request.body).toEqual({ phone: '1' });
    retried.flush({ id: 7 });
    expect(answers).toEqual([{ id: 7 }]);
    expect(errors).toEqual([]);
    expect(restarts).toBe(0);
  });

  it('signing in as someone else after the session ended restarts the app (held requests are never sent)', async () => {
    await signedIn(ADA);
    TestBed.inject(HttpClient).get('/api/contacts/').subscribe();
    http.expectOne('/api/contacts/').flush({}, { status: 401, statusText: 'Unauthorized' });
    const signingIn = session.signIn({ email: GRACE.email, password: 'pw' });
    http.expectOne('/api/auth/login/').flush({ user: GRACE });
    await signingIn;
    expect(restarts).toBe(1);
    http.expectNone('/api/contacts/');
  });

  it('401s of the sign-in calls themselves, and any 401 with AUTH=none, are passed on as errors', async () => {
    const started = session.start();
    flushConfig('none');
    await started;
    const failed = firstValueFrom(TestBed.inject(HttpClient).get('/api/contacts/')).catch((e: { status: number }) => e.status);
    http.expectOne('/api/contacts/').flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(await failed).toBe(401);
    expect(session.status()).toBe('open');
  });

  it('a wrong password leaves the session signed out and throws for the form', async () => {
    const started = session.start();
    flushConfig('accounts');
    (await vi.waitFor(() => http.expectOne('/api/auth/me/'))).flush({}, { status: 401, statusText: 'Unauthorized' });
    await started;
    const attempt = session.signIn({ email: 'x@example.com', password: 'nope' }).catch((e: { status: number }) => e.status);
    http.expectOne('/api/auth/login/').flush({ detail: 'Unable to log in with provided credentials.' }, { status: 400, statusText: 'Bad Request' });
    expect(await attempt).toBe(400);
    expect(session.status()).toBe('signed-out');
  });

  it('sign-out ends the session on the server, then restarts the app', async () => {
    await signedIn();
    const out = session.signOut();
    const logout = http.expectOne('/api/auth/logout/');
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await out;
    expect(restarts).toBe(1);
  });
});
