import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { INVALID_TOKEN_MESSAGE, NOT_AUTHENTICATED_MESSAGE, PERMISSION_DENIED_MESSAGE } from '@contacts/wire-types';
import { ApiError } from '../common/api-errors.js';
import type { AppConfig } from '../config/app-config.js';
import { AccountsOnly, BasicAuthRealm, Public } from './access.decorators.js';
import { AccessGuard } from './access.guard.js';
import type { AccessResolver, Resolved } from './access-resolver.js';
import { BookAccess } from './book-access.js';

const HOST = 'contacts.local:8000';
const OWN_ORIGIN = `http://${HOST}`;
const ALLOWED_ORIGIN = 'https://app.example.com';
const FOREIGN_ORIGIN = 'https://evil.example';
const USER = { id: 3, email: 'lin@example.com', name: 'Lin', is_admin: false };

const SESSION_ACCESS = BookAccess.forUser({ kind: 'user', user: USER, credential: { type: 'session', id: 'h' } }, new Map([[1, 'owner']]), 1);
const TOKEN_ACCESS = BookAccess.forUser({ kind: 'user', user: USER, credential: { type: 'token', id: 4 } }, new Map([[1, 'owner']]), 1);

/** Stands in for AccessResolver: `Bearer good` is a token, `contacts_session=good` a session; any other token is invalid. */
function fakeResolver(accountsOn: boolean) {
  const calls: Array<Record<string, unknown>> = [];
  const resolver = {
    accountsOn,
    async resolve(headers: Record<string, string | undefined>, _explicit?: string, basic?: { basic: true; address: string }): Promise<Resolved> {
      calls.push(basic ? { ...headers, basic: basic.address } : headers);
      if (!accountsOn) return { access: BookAccess.everything({ kind: 'open' }, 1) };
      if (basic && headers.authorization === 'Basic throttled') return { access: BookAccess.nothing(), failure: 'throttled', retryAfterSeconds: 7 };
      if (basic && headers.authorization === 'Basic good') return { access: TOKEN_ACCESS };
      if (basic && headers.authorization?.startsWith('Basic')) return { access: BookAccess.nothing(), failure: 'invalid_credentials' };
      if (headers.authorization === 'Bearer good') return { access: TOKEN_ACCESS };
      if (headers.authorization) return { access: BookAccess.nothing(), failure: 'invalid_token' };
      if (headers.cookie === 'contacts_session=good') return { access: SESSION_ACCESS };
      return { access: BookAccess.nothing(), failure: 'missing' };
    },
  };
  return { resolver: resolver as unknown as AccessResolver, calls };
}

class Routes {
  @Public()
  health() {}

  @Public()
  login() {}

  contacts() {}

  @AccountsOnly()
  tokens() {}
}

@AccountsOnly()
class AccountsRoutes {
  me() {}
}

@Public()
class PublicRoutes {
  docs() {}
}

@BasicAuthRealm()
class DavRoutes {
  dav() {}
}

type Handler = keyof Routes | 'me' | 'docs' | 'dav';
const owners: Record<Handler, [object, () => void]> = {
  health: [Routes, Routes.prototype.health],
  login: [Routes, Routes.prototype.login],
  contacts: [Routes, Routes.prototype.contacts],
  tokens: [Routes, Routes.prototype.tokens],
  me: [AccountsRoutes, AccountsRoutes.prototype.me],
  docs: [PublicRoutes, PublicRoutes.prototype.docs],
  dav: [DavRoutes, DavRoutes.prototype.dav],
};

function setup(accountsOn = true) {
  const { resolver, calls } = fakeResolver(accountsOn);
  // The client address the guard hands to the password throttle.
  const ip = '10.1.2.3';
  const guard = new AccessGuard(resolver, new Reflector(), { corsOrigins: [ALLOWED_ORIGIN] } as AppConfig);

  /** Runs the guard for `method` on `handler` with these headers (Host is the server's unless given). */
  async function call(handler: Handler, method: string, headers: Record<string, string> = {}) {
    const all: Record<string, string> = { host: HOST, ...headers };
    const request: { method: string; ip: string; headers: Record<string, string>; raw: { headers: Record<string, string> }; access?: BookAccess } = {
      method,
      ip,
      headers: all,
      raw: { headers: all },
    };
    const sent: Record<string, string> = {};
    const response = {
      header(name: string, value: string) {
        sent[name] = value;
        return response;
      },
    };
    const [cls, fn] = owners[handler];
    const context = {
      getType: () => 'http',
      getHandler: () => fn,
      getClass: () => cls,
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ExecutionContext;
    const outcome = await guard.canActivate(context).then(
      (passed) => (passed ? ('passes' as const) : ('refused' as const)),
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        return { status: error.getStatus(), body: error.getResponse() };
      },
    );
    return { outcome, sent, access: request.access };
  }
  return { guard, call, calls };
}

const UNAUTHENTICATED = { status: 401, body: { detail: NOT_AUTHENTICATED_MESSAGE } };
const INVALID = { status: 401, body: { detail: INVALID_TOKEN_MESSAGE } };
const FORBIDDEN = { status: 403, body: { detail: PERMISSION_DENIED_MESSAGE } };
const NOT_FOUND = { status: 404, body: { detail: 'Not found.' } };
const COOKIE = { cookie: 'contacts_session=good' };
const TOKEN = { authorization: 'Bearer good' };

describe('AccessGuard', () => {
  describe('who may in (AUTH=accounts)', () => {
    it('a @Public route lets a caller without credentials through, with no access (method or class marked)', async () => {
      const { call } = setup();
      const health = await call('health', 'GET');
      expect(health.outcome).toBe('passes');
      expect(health.access?.caller).toEqual({ kind: 'anonymous' });
      expect(health.sent).toEqual({});
      expect((await call('docs', 'GET')).outcome).toBe('passes');
      // A bad token does not lock anyone out of a public route either.
      expect((await call('health', 'GET', { authorization: 'Bearer nope' })).outcome).toBe('passes');
    });

    it('a protected route without credentials → 401 "not provided" with WWW-Authenticate: Bearer realm="contacts"', async () => {
      const { call } = setup();
      for (const method of ['GET', 'POST']) {
        const { outcome, sent } = await call('contacts', method);
        expect(outcome).toEqual(UNAUTHENTICATED);
        expect(sent).toEqual({ 'WWW-Authenticate': 'Bearer realm="contacts"' });
      }
    });

    it('a protected route with a bad token → 401 "Invalid token." with WWW-Authenticate', async () => {
      const { call } = setup();
      const { outcome, sent } = await call('contacts', 'GET', { authorization: 'Bearer nope' });
      expect(outcome).toEqual(INVALID);
      expect(sent).toEqual({ 'WWW-Authenticate': 'Bearer realm="contacts"' });
    });

    it('with credentials it passes and leaves the resolved access on the request', async () => {
      const { call, calls } = setup();
      const byToken = await call('contacts', 'GET', TOKEN);
      expect(byToken.outcome).toBe('passes');
      expect(byToken.access).toBe(TOKEN_ACCESS);
      const byCookie = await call('contacts', 'GET', COOKIE);
      expect(byCookie.access).toBe(SESSION_ACCESS);
      expect(calls.at(-1)).toMatchObject(COOKIE); // the request's own headers are what is resolved
    });

    it('@AccountsOnly routes work like any other while accounts are on', async () => {
      const { call } = setup();
      expect((await call('tokens', 'GET', TOKEN)).outcome).toBe('passes');
      expect((await call('me', 'GET', COOKIE)).outcome).toBe('passes');
      expect((await call('me', 'GET')).outcome).toEqual(UNAUTHENTICATED);
    });

    it('lets non-HTTP contexts (sockets authenticate on their own) through untouched', async () => {
      const { guard, calls } = setup();
      const context = { getType: () => 'ws' } as unknown as ExecutionContext;
      expect(await guard.canActivate(context)).toBe(true);
      expect(calls).toEqual([]);
    });
  });

  describe('AUTH=none', () => {
    it('@AccountsOnly routes (method or class marked) are 404, without resolving anything', async () => {
      const { call, calls } = setup(false);
      expect((await call('tokens', 'GET')).outcome).toEqual(NOT_FOUND);
      expect((await call('me', 'GET', TOKEN)).outcome).toEqual(NOT_FOUND);
      expect((await call('me', 'POST', { origin: OWN_ORIGIN })).outcome).toEqual(NOT_FOUND);
      expect(calls).toEqual([]);
    });

    it('everything else is open, unsafe requests without Origin included (no cookie, no CSRF)', async () => {
      const { call } = setup(false);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const { outcome, access } = await call('contacts', method);
        expect(outcome).toBe('passes');
        expect(access?.caller).toEqual({ kind: 'open' });
      }
      expect((await call('login', 'POST', { origin: FOREIGN_ORIGIN })).outcome).toBe('passes');
    });
  });

  describe('CSRF: unsafe requests on the session cookie', () => {
    it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s with a foreign Origin → 403', async (method) => {
      const { call } = setup();
      expect((await call('contacts', method, { ...COOKIE, origin: FOREIGN_ORIGIN })).outcome).toEqual(FORBIDDEN);
    });

    it('with neither Origin nor Referer → 403', async () => {
      const { call } = setup();
      expect((await call('contacts', 'POST', COOKIE)).outcome).toEqual(FORBIDDEN);
      expect((await call('contacts', 'DELETE', { ...COOKIE, origin: 'null' })).outcome).toEqual(FORBIDDEN);
    });

    it('with the server\'s own Origin (matching Host) or one in CORS_ORIGINS → passes', async () => {
      const { call } = setup();
      expect((await call('contacts', 'POST', { ...COOKIE, origin: OWN_ORIGIN })).outcome).toBe('passes');
      expect((await call('contacts', 'PATCH', { ...COOKIE, origin: ALLOWED_ORIGIN })).outcome).toBe('passes');
      // Own means this Host: the same origin sent to another host is foreign.
      expect((await call('contacts', 'POST', { ...COOKIE, origin: OWN_ORIGIN, host: 'other.local:8000' })).outcome).toEqual(FORBIDDEN);
    });

    it('without Origin the Referer\'s origin decides', async () => {
      const { call } = setup();
      expect((await call('contacts', 'POST', { ...COOKIE, referer: `${OWN_ORIGIN}/contacts?page=2` })).outcome).toBe('passes');
      expect((await call('contacts', 'POST', { ...COOKIE, origin: 'null', referer: `${OWN_ORIGIN}/` })).outcome).toBe('passes');
      expect((await call('contacts', 'POST', { ...COOKIE, referer: `${FOREIGN_ORIGIN}/attack.html` })).outcome).toEqual(FORBIDDEN);
      expect((await call('contacts', 'POST', { ...COOKIE, referer: 'not a url' })).outcome).toEqual(FORBIDDEN);
      // An Origin, when there is one, is what counts.
      expect((await call('contacts', 'POST', { ...COOKIE, origin: FOREIGN_ORIGIN, referer: `${OWN_ORIGIN}/` })).outcome).toEqual(FORBIDDEN);
    });

    it('safe methods on the cookie need no Origin', async () => {
      const { call } = setup();
      for (const method of ['GET', 'HEAD', 'OPTIONS']) expect((await call('contacts', method, COOKIE)).outcome).toBe('passes');
    });

    it('a token request is exempt: POST without Origin, or from anywhere, passes', async () => {
      const { call } = setup();
      expect((await call('contacts', 'POST', TOKEN)).outcome).toBe('passes');
      expect((await call('contacts', 'DELETE', { ...TOKEN, origin: FOREIGN_ORIGIN })).outcome).toBe('passes');
    });

    it('public unsafe routes (sign-up, sign-in) refuse a foreign Origin: a foreign page must not sign a browser in', async () => {
      const { call } = setup();
      expect((await call('login', 'POST', { origin: FOREIGN_ORIGIN })).outcome).toEqual(FORBIDDEN);
      expect((await call('login', 'POST', { origin: OWN_ORIGIN })).outcome).toBe('passes');
      expect((await call('login', 'POST', { origin: ALLOWED_ORIGIN })).outcome).toBe('passes');
      // Without any Origin it is a script (curl), which no browser can be tricked into.
      expect((await call('login', 'POST')).outcome).toBe('passes');
      expect((await call('health', 'GET', { origin: FOREIGN_ORIGIN })).outcome).toBe('passes');
    });
  });
  describe('HTTP Basic routes (CardDAV)', () => {
    it('a 401 there challenges with Basic realm (what phones answer), elsewhere with Bearer', async () => {
      const { call } = setup();
      const missing = await call('dav', 'PROPFIND');
      expect(missing.outcome).toEqual(UNAUTHENTICATED);
      expect(missing.sent).toEqual({ 'WWW-Authenticate': 'Basic realm="Contacts", charset="UTF-8"' });
      const wrong = await call('dav', 'PROPFIND', { authorization: 'Basic wrong' });
      expect(wrong.outcome).toEqual({ status: 401, body: { detail: 'Invalid username/password.' } });
      expect(wrong.sent['WWW-Authenticate']).toMatch(/^Basic realm=/);
    });

    it('Basic is offered to the resolver only there, with the client address; good Basic passes, a PUT needs no Origin', async () => {
      const { call, calls } = setup();
      const ok = await call('dav', 'PUT', { authorization: 'Basic good', origin: FOREIGN_ORIGIN });
      expect(ok.outcome).toBe('passes');
      expect(calls.at(-1)).toMatchObject({ basic: '10.1.2.3' });
      await call('contacts', 'GET', { authorization: 'Basic good' });
      expect(calls.at(-1)).not.toHaveProperty('basic');
    });

    it('too many wrong passwords → 429 with Retry-After', async () => {
      const { call } = setup();
      const { outcome, sent } = await call('dav', 'REPORT', { authorization: 'Basic throttled' });
      expect(outcome).toEqual({ status: 429, body: { detail: 'Request was throttled. Expected available in 7 seconds.' } });
      expect(sent).toEqual({ 'Retry-After': '7' });
    });
  });
});
