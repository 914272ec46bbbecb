import {
  type AuthConfig,
  INVALID_TOKEN_MESSAGE,
  LOGIN_FAILED_MESSAGE,
  NOT_AUTHENTICATED_MESSAGE,
  PERMISSION_DENIED_MESSAGE,
  SESSION_COOKIE,
  type User,
} from '@contacts/wire-types';
import { createHash } from 'node:crypto';
import { ConfigError, loadConfig } from '../../apps/api/src/config/app-config.js';
import { type AccessChange, AccessChangeBus } from '../../apps/api/src/events/access-change-bus.js';
import { bearer, createAccount, createToken, logIn, newAccount, type Session, signUp } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** One request with fetch: nothing added (no Origin, no cookie) unless given. */
async function call(
  app: TestApp,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<Answer> {
  const hasBody = options.body !== undefined || options.raw !== undefined;
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** What a browser page of this server sends with a JSON request. */
const sameOrigin = (app: TestApp) => ({ Origin: new URL(app.baseUrl).origin });

const sessionCookie = (answer: Answer) => answer.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));

const USER_KEYS = ['created_at', 'email', 'id', 'is_admin', 'name'];

/** The access changes this app raises from now on (what realtime closes connections on). */
function watchAccessChanges(app: TestApp): { seen: AccessChange[]; stop(): void } {
  const seen: AccessChange[] = [];
  const subscription = app.app.get(AccessChangeBus).changes$.subscribe((change) => seen.push(change));
  return { seen, stop: () => subscription.unsubscribe() };
}

describe('accounts: sign-up, sign-in, sessions (SIGNUP closed)', () => {
  let app: TestApp;
  let admin: Session;
  const adaAccount = newAccount('Ada Lovelace');
  beforeAll(async () => (app = await startTestApp({}, { AUTH: 'accounts', EXTERNAL_API_TOKEN: 'service-secret-for-tests' })));
  afterAll(() => app.close());

  it('the first sign-up is the admin and gets a session cookie; then sign-up is closed', async () => {
    expect((await call(app, 'GET', '/api/auth/config/')).body).toEqual<AuthConfig>({ auth: 'accounts', signup: 'first_user' });
    const answer = await call(app, 'POST', '/api/auth/signup/', {
      headers: sameOrigin(app),
      body: { ...adaAccount, name: '  Ada Lovelace  ' },
    });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body)).toEqual(['user']);
    const user: User = answer.body.user;
    expect(Object.keys(user).sort()).toEqual(USER_KEYS);
    expect(user).toMatchObject({ email: adaAccount.email, name: 'Ada Lovelace', is_admin: true });
    expect(Number.isInteger(user.id)).toBe(true);
    expect(new Date(user.created_at).toISOString()).toBe(user.created_at);
    const cookie = sessionCookie(answer)!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toContain('Max-Age=2592000'); // 30 days unused
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // plain http here
    admin = { user, cookie: cookie.split(';')[0], headers: { Cookie: cookie.split(';')[0], ...sameOrigin(app) } };
    expect((await call(app, 'GET', '/api/auth/me/', { headers: { Cookie: admin.cookie } })).body).toEqual(user);

    expect((await call(app, 'GET', '/api/auth/config/')).body).toEqual<AuthConfig>({ auth: 'accounts', signup: 'closed' });
    const second = await call(app, 'POST', '/api/auth/signup/', { headers: sameOrigin(app), body: newAccount() });
    expect(second.status).toBe(403);
    expect(second.body).toEqual({ detail: PERMISSION_DENIED_MESSAGE });
    expect(sessionCookie(second)).toBeUndefined();
    // Closed is closed before the body is looked at.
    expect((await call(app, 'POST', '/api/auth/signup/', { headers: sameOrigin(app), body: {} })).status).toBe(403);
    const users = await call(app, 'GET', '/api/users/', { headers: admin.headers });
    expect(users.body.map((u: User) => u.email)).toEqual([adaAccount.email]);
  });

  it('the first account owns an address book from the start (made in the sign-up transaction)', async () => {
    const books = await call(app, 'GET', '/api/address-books/', { headers: { Cookie: admin.cookie } });
    expect(books.status).toBe(200);
    expect(books.body.some((book: { owner: { id: number } | null }) => book.owner?.id === admin.user.id)).toBe(true);
  });

  it('signs in with the email in any case; a wrong password and an unknown email get the same answer', async () => {
    const session = await logIn(app.baseUrl, adaAccount.email.toUpperCase(), adaAccount.password);
    expect(session.user).toEqual(admin.user);
    expect(session.cookie).not.toBe(admin.cookie);

    const wrong = await call(app, 'POST', '/api/auth/login/', {
      headers: sameOrigin(app),
      body: { email: adaAccount.email, password: 'not the password' },
    });
    const unknown = await call(app, 'POST', '/api/auth/login/', {
      headers: sameOrigin(app),
      body: { email: 'nobody@example.com', password: 'not the password' },
    });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ detail: LOGIN_FAILED_MESSAGE });
      expect(sessionCookie(answer)).toBeUndefined();
    }
    // A password is taken exactly as typed: not trimmed.
    const padded = await call(app, 'POST', '/api/auth/login/', {
      headers: sameOrigin(app),
      body: { email: adaAccount.email, password: ` ${adaAccount.password}` },
    });
    expect(padded.status).toBe(400);
  });

  it('sign-in needs both fields as strings (field-keyed), and a JSON object', async () => {
    const missing = await call(app, 'POST', '/api/auth/login/', { headers: sameOrigin(app), body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ email: ['This field is required.'], password: ['This field is required.'] });
    const typed = await call(app, 'POST', '/api/auth/login/', { headers: sameOrigin(app), body: { email: 5, password: ['x'] } });
    expect(typed.body).toEqual({ email: ['Not a valid string.'], password: ['Not a valid string.'] });
    const malformed = await call(app, 'POST', '/api/auth/login/', { headers: sameOrigin(app), raw: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(typeof malformed.body.detail).toBe('string');
    const list = await call(app, 'POST', '/api/auth/login/', { headers: sameOrigin(app), body: [] });
    expect(list.status).toBe(400);
    expect(list.body).toEqual({ detail: 'Invalid data. Expected a dictionary, but got list.' });
  });

  it('without credentials: 401 with WWW-Authenticate; a bad token: 401 "Invalid token."', async () => {
    const none = await call(app, 'GET', '/api/auth/me/');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ detail: NOT_AUTHENTICATED_MESSAGE });
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="contacts"');
    const stale = await call(app, 'GET', '/api/auth/me/', { headers: { Cookie: `${SESSION_COOKIE}=made-up` } });
    expect(stale.status).toBe(401);
    expect(stale.body).toEqual({ detail: NOT_AUTHENTICATED_MESSAGE });
    const bad = await call(app, 'GET', '/api/auth/me/', { headers: bearer('ctk_made-up') });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ detail: INVALID_TOKEN_MESSAGE });
    expect(bad.headers.get('www-authenticate')).toBe('Bearer realm="contacts"');
    // Sign-out needs a session too.
    expect((await call(app, 'POST', '/api/auth/logout/', { headers: sameOrigin(app) })).status).toBe(401);
  });

  it('the service token is no account: 403 on the account routes', async () => {
    const me = await call(app, 'GET', '/api/auth/me/', { headers: bearer('service-secret-for-tests') });
    expect(me.status).toBe(403);
    expect(me.body).toEqual({ detail: PERMISSION_DENIED_MESSAGE });
    expect(
      (await call(app, 'POST', '/api/auth/tokens/', { headers: bearer('service-secret-for-tests'), body: { name: 'x' } })).status,
    ).toBe(403);
    expect((await call(app, 'GET', '/api/users/', { headers: bearer('service-secret-for-tests') })).status).toBe(403);
  });

  it('sign-out ends that session (its cookie is refused at once) and clears the cookie; other sessions go on', async () => {
    const first = await logIn(app.baseUrl, adaAccount.email, adaAccount.password);
    const second = await logIn(app.baseUrl, adaAccount.email, adaAccount.password);
    const changes = watchAccessChanges(app);
    const out = await call(app, 'POST', '/api/auth/logout/', { headers: first.headers });
    changes.stop();
    expect(out.status).toBe(204);
    // The session's realtime connections are told to close: its id is the hash of the cookie's secret.
    const sessionId = createHash('sha256').update(first.cookie.split('=')[1]).digest('hex');
    expect(changes.seen).toEqual([{ type: 'credential_revoked', user_id: admin.user.id, session_id: sessionId }]);
    expect(out.body).toBeUndefined();
    const cleared = sessionCookie(out)!;
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(cleared).toContain('Max-Age=0');
    const after = await call(app, 'GET', '/api/auth/me/', { headers: { Cookie: first.cookie } });
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ detail: NOT_AUTHENTICATED_MESSAGE });
    expect((await call(app, 'POST', '/api/auth/logout/', { headers: first.headers })).status).toBe(401);
    expect((await call(app, 'GET', '/api/auth/me/', { headers: { Cookie: second.cookie } })).status).toBe(200);
  });

  it('over https (behind a local proxy) the cookie is Secure', async () => {
    const answer = await call(app, 'POST', '/api/auth/login/', {
      headers: { ...sameOrigin(app), 'X-Forwarded-Proto': 'https' },
      body: { email: adaAccount.email, password: adaAccount.password },
    });
    expect(answer.status).toBe(200);
    expect(sessionCookie(answer)).toMatch(/; Secure/);
  });

  it('CSRF: an unsafe request on the cookie needs the server’s Origin (or Referer); tokens need none', async () => {
    const cookieOnly = { Cookie: admin.cookie };
    const foreign = await call(app, 'POST', '/api/auth/tokens/', {
      headers: { ...cookieOnly, Origin: 'https://evil.example' },
      body: { name: 'csrf' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toEqual({ detail: PERMISSION_DENIED_MESSAGE });
    const bare = await call(app, 'POST', '/api/auth/tokens/', { headers: cookieOnly, body: { name: 'csrf' } });
    expect(bare.status).toBe(403);
    const foreignReferer = await call(app, 'POST', '/api/auth/tokens/', {
      headers: { ...cookieOnly, Referer: 'https://evil.example/page' },
      body: { name: 'csrf' },
    });
    expect(foreignReferer.status).toBe(403);
    expect((await call(app, 'GET', '/api/auth/tokens/', { headers: cookieOnly })).body.map((t: { name: string }) => t.name)).not.toContain(
      'csrf',
    );

    const own = await call(app, 'POST', '/api/auth/tokens/', { headers: admin.headers, body: { name: 'from the page' } });
    expect(own.status).toBe(201);
    const referer = await call(app, 'POST', '/api/auth/tokens/', {
      headers: { ...cookieOnly, Referer: `${app.baseUrl}/settings` },
      body: { name: 'via referer' },
    });
    expect(referer.status).toBe(201);
    const script = await call(app, 'POST', '/api/auth/tokens/', { headers: bearer(own.body.token), body: { name: 'from a script' } });
    expect(script.status).toBe(201);
    // Signing a browser in from a foreign page is refused too.
    const login = await call(app, 'POST', '/api/auth/login/', {
      headers: { Origin: 'https://evil.example' },
      body: { email: adaAccount.email, password: adaAccount.password },
    });
    expect(login.status).toBe(403);
    expect(sessionCookie(login)).toBeUndefined();
    const logout = await call(app, 'POST', '/api/auth/logout/', { headers: { ...cookieOnly, Origin: 'https://evil.example' } });
    expect(logout.status).toBe(403);
    expect((await call(app, 'GET', '/api/auth/me/', { headers: cookieOnly })).status).toBe(200);
  });

  describe('personal API tokens', () => {
    it('create → the secret once; list → never the secret; both Bearer and Token schemes work; last_used_at is recorded', async () => {
      const created = await call(app, 'POST', '/api/auth/tokens/', { headers: admin.headers, body: { name: '  backup script ' } });
      expect(created.status).toBe(201);
      expect(Object.keys(created.body)).toEqual(['id', 'name', 'token', 'created_at', 'last_used_at']);
      expect(created.body).toMatchObject({ name: 'backup script', last_used_at: null });
      expect(created.body.token).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);

      const listed = await call(app, 'GET', '/api/auth/tokens/', { headers: { Cookie: admin.cookie } });
      expect(listed.status).toBe(200);
      const entry = listed.body.find((t: { id: number }) => t.id === created.body.id);
      expect(entry).toEqual({ id: created.body.id, name: 'backup script', created_at: created.body.created_at, last_used_at: null });
      expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

      const viaBearer = await call(app, 'GET', '/api/auth/me/', { headers: bearer(created.body.token) });
      expect(viaBearer.status).toBe(200);
      expect(viaBearer.body).toEqual(admin.user);
      const viaToken = await call(app, 'GET', '/api/auth/me/', { headers: { Authorization: `Token ${created.body.token}` } });
      expect(viaToken.status).toBe(200);
      expect(viaToken.body.id).toBe(admin.user.id);

      // Recorded in the background, just after the request.
      let lastUsed: string | null = null;
      for (let i = 0; i < 50 && !lastUsed; i += 1) {
        const again = await call(app, 'GET', '/api/auth/tokens/', { headers: { Cookie: admin.cookie } });
        lastUsed = again.body.find((t: { id: number }) => t.id === created.body.id).last_used_at;
        if (!lastUsed) await new Promise((r) => setTimeout(r, 50));
      }
      expect(lastUsed).not.toBeNull();
      expect(Date.parse(lastUsed!)).toBeGreaterThanOrEqual(Date.parse(created.body.created_at));
    });

    it('revoking a token makes it "Invalid token." at once; sign-out on a token leaves the token alone', async () => {
      const { id, token } = await createToken(app.baseUrl, admin, 'to revoke');
      const logout = await call(app, 'POST', '/api/auth/logout/', { headers: bearer(token) });
      expect(logout.status).toBe(204);
      expect((await call(app, 'GET', '/api/auth/me/', { headers: bearer(token) })).status).toBe(200);

      const changes = watchAccessChanges(app);
      const revoked = await call(app, 'DELETE', `/api/auth/tokens/${id}/`, { headers: bearer(token) });
      changes.stop();
      expect(revoked.status).toBe(204);
      expect(changes.seen).toEqual([{ type: 'credential_revoked', user_id: admin.user.id, token_id: id }]);
      const after = await call(app, 'GET', '/api/auth/me/', { headers: bearer(token) });
      expect(after.status).toBe(401);
      expect(after.body).toEqual({ detail: INVALID_TOKEN_MESSAGE });
      const listed = await call(app, 'GET', '/api/auth/tokens/', { headers: { Cookie: admin.cookie } });
      expect(listed.body.map((t: { id: number }) => t.id)).not.toContain(id);
      expect((await call(app, 'DELETE', `/api/auth/tokens/${id}/`, { headers: admin.headers })).status).toBe(404);
    });

    it('another account’s token is not found (404) and keeps working; so is an unknown or malformed id', async () => {
      const grace = await createAccount(app.baseUrl, admin, newAccount('Grace Hopper'));
      const graces = await createToken(app.baseUrl, grace, 'grace’s');
      const attempt = await call(app, 'DELETE', `/api/auth/tokens/${graces.id}/`, { headers: admin.headers });
      expect(attempt.status).toBe(404);
      expect(attempt.body).toEqual({ detail: 'Not found.' });
      expect((await call(app, 'GET', '/api/auth/me/', { headers: bearer(graces.token) })).body.id).toBe(grace.user.id);
      const adminList = await call(app, 'GET', '/api/auth/tokens/', { headers: { Cookie: admin.cookie } });
      expect(adminList.body.map((t: { id: number }) => t.id)).not.toContain(graces.id);
      const graceList = await call(app, 'GET', '/api/auth/tokens/', { headers: bearer(graces.token) });
      expect(graceList.body.map((t: { id: number }) => t.id)).toEqual([graces.id]);
      expect((await call(app, 'DELETE', '/api/auth/tokens/999999/', { headers: admin.headers })).status).toBe(404);
      expect((await call(app, 'DELETE', '/api/auth/tokens/abc/', { headers: admin.headers })).status).toBe(404);
    });

    it('a token name must be a non-blank string of at most 100 characters', async () => {
      const cases: [unknown, string][] = [
        [{}, 'This field is required.'],
        [{ name: '   ' }, 'This field may not be blank.'],
        [{ name: 7 }, 'Not a valid string.'],
        [{ name: 'x'.repeat(101) }, 'Ensure this field has no more than 100 characters.'],
      ];
      for (const [body, message] of cases) {
        const answer = await call(app, 'POST', '/api/auth/tokens/', { headers: admin.headers, body });
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ name: [message] });
      }
      expect((await call(app, 'POST', '/api/auth/tokens/', { headers: admin.headers, body: { name: 'y'.repeat(100) } })).status).toBe(201);
    });
  });

  describe('users (admins only)', () => {
    it('the admin lists and creates accounts; a non-admin gets 403 for both', async () => {
      const created = await call(app, 'POST', '/api/users/', { headers: admin.headers, body: { ...newAccount('Katherine Johnson') } });
      expect(created.status).toBe(201);
      expect(Object.keys(created.body).sort()).toEqual(USER_KEYS);
      expect(created.body.is_admin).toBe(false);
      expect(sessionCookie(created)).toBeUndefined(); // the admin stays who they are
      const second = newAccount('Dorothy Vaughan');
      const promoted = await call(app, 'POST', '/api/users/', { headers: admin.headers, body: { ...second, is_admin: true } });
      expect(promoted.status).toBe(201);
      expect(promoted.body.is_admin).toBe(true);
      const dorothy = await logIn(app.baseUrl, second.email, second.password);
      expect((await call(app, 'GET', '/api/users/', { headers: { Cookie: dorothy.cookie } })).status).toBe(200);

      const list = await call(app, 'GET', '/api/users/', { headers: { Cookie: admin.cookie } });
      expect(list.status).toBe(200);
      const ids = list.body.map((u: User) => u.id);
      expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
      expect(ids).toEqual(expect.arrayContaining([admin.user.id, created.body.id, promoted.body.id]));
      expect(JSON.stringify(list.body)).not.toContain('scrypt');

      const member = await logIn(app.baseUrl, created.body.email, 'correct horse battery');
      const denied = await call(app, 'GET', '/api/users/', { headers: { Cookie: member.cookie } });
      expect(denied.status).toBe(403);
      expect(denied.body).toEqual({ detail: PERMISSION_DENIED_MESSAGE });
      const denyCreate = await call(app, 'POST', '/api/users/', { headers: member.headers, body: newAccount() });
      expect(denyCreate.status).toBe(403);
      expect((await call(app, 'GET', '/api/users/')).status).toBe(401);
    });

    it('the admin’s create is validated like sign-up, plus is_admin as a boolean; nothing half-written', async () => {
      const before = (await call(app, 'GET', '/api/users/', { headers: { Cookie: admin.cookie } })).body.length;
      const bad = await call(app, 'POST', '/api/users/', { headers: admin.headers, body: { ...newAccount(), is_admin: 'yes' } });
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({ is_admin: ['Must be a valid boolean.'] });
      const taken = await call(app, 'POST', '/api/users/', {
        headers: admin.headers,
        body: { ...newAccount(), email: adaAccount.email.toUpperCase() },
      });
      expect(taken.status).toBe(400);
      expect(Object.keys(taken.body)).toEqual(['email']);
      expect((await call(app, 'GET', '/api/users/', { headers: { Cookie: admin.cookie } })).body.length).toBe(before);
    });
  });
});

describe('accounts: SIGNUP=open', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({}, { AUTH: 'accounts', SIGNUP: 'open' })));
  afterAll(() => app.close());

  it('concurrent first sign-ups: all get in, exactly one is the admin', async () => {
    expect((await call(app, 'GET', '/api/auth/config/')).body).toEqual({ auth: 'accounts', signup: 'first_user' });
    const sessions = await Promise.all([1, 2, 3, 4].map(() => signUp(app.baseUrl, newAccount())));
    expect(sessions.filter((s) => s.user.is_admin)).toHaveLength(1);
    expect((await call(app, 'GET', '/api/auth/config/')).body).toEqual({ auth: 'accounts', signup: 'open' });
    const later = await signUp(app.baseUrl, newAccount());
    expect(later.user.is_admin).toBe(false);
    // Nobody signs themselves up as an admin.
    const ambitious = await call(app, 'POST', '/api/auth/signup/', { headers: sameOrigin(app), body: { ...newAccount(), is_admin: true } });
    expect(ambitious.status).toBe(201);
    expect(ambitious.body.user.is_admin).toBe(false);
  });

  it('validates every field, keyed by field, with DRF’s messages', async () => {
    const post = (body: unknown) => call(app, 'POST', '/api/auth/signup/', { headers: sameOrigin(app), body });
    const everything = await post({});
    expect(everything.status).toBe(400);
    expect(everything.body).toEqual({
      email: ['This field is required.'],
      password: ['This field is required.'],
      name: ['This field is required.'],
    });

    const ok = newAccount();
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ email: 'not-an-email' }, { email: ['Enter a valid email address.'] }],
      [{ email: `${'a'.repeat(243)}@example.com` }, { email: ['Ensure this field has no more than 254 characters.'] }],
      [{ email: 42 }, { email: ['Not a valid string.'] }],
      [{ email: null }, { email: ['This field may not be null.'] }],
      [{ password: 'seven77' }, { password: ['Ensure this field has at least 8 characters.'] }],
      [{ password: 'p'.repeat(257) }, { password: ['Ensure this field has no more than 256 characters.'] }],
      [{ password: 12345678 }, { password: ['Not a valid string.'] }],
      [{ name: '   ' }, { name: ['This field may not be blank.'] }],
      [{ name: 'n'.repeat(201) }, { name: ['Ensure this field has no more than 200 characters.'] }],
      [{ name: { first: 'Ada' } }, { name: ['Not a valid string.'] }],
    ];
    for (const [change, errors] of cases) {
      const answer = await post({ ...ok, ...change });
      expect({ change, status: answer.status, body: answer.body }).toEqual({ change, status: 400, body: errors });
      expect(sessionCookie(answer)).toBeUndefined();
    }
    // The limits themselves are allowed.
    const edge = await post({ email: `${'b'.repeat(242)}@example.com`, password: 'p'.repeat(8), name: 'n'.repeat(200) });
    expect(edge.status).toBe(201);
    expect((await post({ ...newAccount(), password: 'p'.repeat(256) })).status).toBe(201);
    const malformed = await call(app, 'POST', '/api/auth/signup/', { headers: sameOrigin(app), raw: '{"email"' });
    expect(malformed.status).toBe(400);
    expect(typeof malformed.body.detail).toBe('string');
  });

  it('an email is unique case-insensitively (400 keyed by email), and nothing is half-written', async () => {
    const first = await signUp(app.baseUrl, newAccount());
    const again = await call(app, 'POST', '/api/auth/signup/', {
      headers: sameOrigin(app),
      body: { email: `  ${first.user.email.toUpperCase()} `, password: 'another password', name: 'Impostor' },
    });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ email: ['A user with this email already exists.'] });
    expect(sessionCookie(again)).toBeUndefined();
    // The original password still signs in; the impostor's does not.
    await logIn(app.baseUrl, first.user.email, 'correct horse battery');
    const impostor = await call(app, 'POST', '/api/auth/login/', {
      headers: sameOrigin(app),
      body: { email: first.user.email, password: 'another password' },
    });
    expect(impostor.status).toBe(400);
  });

  it('concurrent sign-ups with one email: exactly one account', async () => {
    const account = newAccount();
    const answers = await Promise.all(
      [0, 1, 2].map((i) =>
        call(app, 'POST', '/api/auth/signup/', {
          headers: sameOrigin(app),
          body: { ...account, email: i ? account.email.toUpperCase() : account.email },
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400]);
  });
});

describe('accounts: two first sign-ups at once with SIGNUP closed', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({}, { AUTH: 'accounts' })));
  afterAll(() => app.close());

  it('exactly one gets in (as the admin); the others are refused', async () => {
    const answers = await Promise.all(
      [1, 2, 3].map(() => call(app, 'POST', '/api/auth/signup/', { headers: sameOrigin(app), body: newAccount() })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 403, 403]);
    expect(answers.find((a) => a.status === 201)!.body.user.is_admin).toBe(true);
  });
});

describe('accounts: login throttling', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp({}, { AUTH: 'accounts', SIGNUP: 'open' })));
  afterAll(() => app.close());

  const login = (email: string, password: string, address: string) =>
    call(app, 'POST', '/api/auth/login/', { headers: { ...sameOrigin(app), 'X-Forwarded-For': address }, body: { email, password } });

  it('the 11th failure for one email (from any addresses) is answered 429 with Retry-After; then even the right password waits', async () => {
    const victim = await signUp(app.baseUrl, newAccount());
    for (let i = 1; i <= 10; i += 1) {
      const answer = await login(victim.user.email, `wrong guess ${i}`, `10.10.0.${i}`);
      expect({ i, status: answer.status, body: answer.body }).toEqual({ i, status: 400, body: { detail: LOGIN_FAILED_MESSAGE } });
    }
    const eleventh = await login(victim.user.email.toUpperCase(), 'wrong guess 11', '10.10.0.11');
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds?\.$/);
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const right = await login(victim.user.email, 'correct horse battery', '10.10.0.12');
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(sessionCookie(right)).toBeUndefined();
    // The session the victim already has is not affected, nor is another account.
    expect((await call(app, 'GET', '/api/auth/me/', { headers: { Cookie: victim.cookie } })).status).toBe(200);
    const other = await signUp(app.baseUrl, newAccount());
    expect((await login(other.user.email, 'correct horse battery', '10.10.0.13')).status).toBe(200);
  });

  it('10 failures are not yet too many: the right password still signs in', async () => {
    const account = await signUp(app.baseUrl, newAccount());
    for (let i = 1; i <= 10; i += 1) expect((await login(account.user.email, 'nope nope', `10.20.0.${i}`)).status).toBe(400);
    expect((await login(account.user.email, 'correct horse battery', '10.20.0.11')).status).toBe(200);
  });

  it('the 11th failure from one client address is 429, whatever emails it tries; other addresses go on', async () => {
    for (let i = 1; i <= 10; i += 1) expect((await login(`sprayed${i}@example.com`, 'password1', '192.0.2.50')).status).toBe(400);
    const eleventh = await login('sprayed11@example.com', 'password1', '192.0.2.50');
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    const account = await signUp(app.baseUrl, newAccount());
    expect((await login(account.user.email, 'correct horse battery', '192.0.2.50')).status).toBe(429);
    expect((await login(account.user.email, 'correct horse battery', '192.0.2.51')).status).toBe(200);
  });
});

describe('AUTH=none', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it('has no account routes (404), and /api/auth/config/ says so', async () => {
    expect((await call(app, 'GET', '/api/auth/config/')).body).toEqual<AuthConfig>({ auth: 'none', signup: 'closed' });
    for (const [method, path] of [
      ['GET', '/api/auth/me/'],
      ['POST', '/api/auth/signup/'],
      ['POST', '/api/auth/login/'],
      ['POST', '/api/auth/logout/'],
      ['GET', '/api/auth/tokens/'],
      ['POST', '/api/auth/tokens/'],
      ['DELETE', '/api/auth/tokens/1/'],
      ['GET', '/api/users/'],
      ['POST', '/api/users/'],
    ]) {
      const answer = await call(app, method, path, { headers: sameOrigin(app), body: method === 'POST' ? newAccount() : undefined });
      expect({ method, path, status: answer.status, body: answer.body }).toEqual({
        method,
        path,
        status: 404,
        body: { detail: 'Not found.' },
      });
    }
  });
});

describe('AUTH', () => {
  it('a bad value stops the server at start with a clear message', () => {
    expect(() => loadConfig({ AUTH: 'sometimes' })).toThrow(ConfigError);
    expect(() => loadConfig({ AUTH: 'sometimes' })).toThrow(/AUTH must be "accounts".*"none".*got "sometimes"/);
    expect(loadConfig({}).auth).toBe('accounts');
  });
});
