import type { BookRole } from '@contacts/wire-types';
import type { Authenticated, Authenticator } from '../accounts/authenticator.js';
import type { SignInCheck, SignInResult } from '../accounts/sign-in-check.js';
import type { UserEntity } from '../accounts/user.entity.js';
import type { BookRoles } from '../address-books/book-roles.js';
import type { AppConfig } from '../config/app-config.js';
import { AccessResolver, basicCredentials, sessionSecret, tokenFromAuthorization } from './access-resolver.js';

const SERVICE_TOKEN = 'service-secret-0123456789';
const GOOD_TOKEN = 'ctk_good0123456789';
const GOOD_SESSION = 'session-secret-abc';
const ADA_PASSWORD = 'correct horse battery';

const ADA = { id: 1, email: 'ada@example.com', name: 'Ada Lovelace', password_hash: 'x', is_admin: true, created_at: 'then' } as UserEntity;
/** As a driver may hand them over: a bigint id as a string, SQLite's boolean as 0/1. */
const ALAN = { id: '2', email: 'alan@example.com', name: 'Alan Turing', password_hash: 'x', is_admin: 0, created_at: 'then' } as unknown as UserEntity;

/** Fakes that know one token (Alan's) and one session (Ada's) and log what they are asked. */
function fakes(config: Partial<AppConfig> = {}) {
  const log: string[] = [];
  const authenticator = {
    async token(secret: string): Promise<Authenticated | null> {
      log.push(`token ${secret}`);
      // As the real one: anything but a live ctk_ token is nobody.
      return secret === GOOD_TOKEN ? { user: ALAN, credential: { type: 'token', id: 9 } } : null;
    },
    async session(secret: string): Promise<Authenticated | null> {
      log.push(`session ${secret}`);
      return secret === GOOD_SESSION ? { user: ADA, credential: { type: 'session', id: 'hash-of-session' } } : null;
    },
    async user(id: number): Promise<UserEntity | null> {
      log.push(`user ${id}`);
      return id === 1 ? ADA : id === 2 ? ALAN : null;
    },
  } as unknown as Authenticator;
  const signIn = {
    async check({ email, password, address }: { email: string; password: string; address: string }): Promise<SignInResult> {
      log.push(`password ${email} from ${address}`);
      if (address === 'throttled') return { kind: 'throttled', retryAfterSeconds: 42 };
      return email.toLowerCase() === ADA.email && password === ADA_PASSWORD ? { kind: 'ok', user: ADA } : { kind: 'wrong' };
    },
  } as unknown as SignInCheck;
  const roles: Record<number, Map<number, BookRole>> = {
    1: new Map([[1, 'owner'], [3, 'viewer']]),
    2: new Map([[4, 'owner'], [3, 'editor']]),
  };
  const bookRoles = {
    async rolesOf(userId: number) {
      log.push(`roles of ${typeof userId} ${userId}`);
      return roles[userId] ?? new Map();
    },
    async firstBook() {
      return 1;
    },
  } as unknown as BookRoles;
  const resolver = new AccessResolver(authenticator, bookRoles, { auth: 'accounts', externalApiToken: SERVICE_TOKEN, ...config } as AppConfig, signIn);
  return { resolver, log };
}

const basic = (user: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}` });
const BASIC = { basic: true, address: '127.0.0.1' } as const;

const cookie = (secret: string) => `theme=dark; contacts_session=${secret}; other=1`;

describe('AccessResolver', () => {
  describe('AUTH=none', () => {
    it('everyone gets open access to every book, default book the first one; no credential is even looked at', async () => {
      const f = fakes({ auth: 'none' });
      expect(f.resolver.accountsOn).toBe(false);
      for (const headers of [{}, { authorization: 'Bearer ctk_bad' }, { cookie: cookie('nobody') }, { authorization: `Bearer ${SERVICE_TOKEN}` }]) {
        const { access, failure } = await f.resolver.resolve(headers);
        expect(failure).toBeUndefined();
        expect(access.caller).toEqual({ kind: 'open' });
        expect(access.unrestricted).toBe(true);
        expect(access.defaultBook).toBe(1);
        expect(access.via).toBe('api');
        expect(access.editor).toBeNull();
      }
      expect(f.log).toEqual([]);
    });
  });

  describe('AUTH=accounts', () => {
    it('the service token (Authorization: Bearer, X-Service-Token, or given explicitly) → the service, on every book', async () => {
      const f = fakes();
      expect(f.resolver.accountsOn).toBe(true);
      for (const [headers, explicit] of [
        [{ authorization: `Bearer ${SERVICE_TOKEN}` }, undefined],
        [{ 'x-service-token': SERVICE_TOKEN }, undefined],
        [{ 'x-service-token': ` ${SERVICE_TOKEN} ` }, undefined],
        [{}, SERVICE_TOKEN],
        // The service token wins over a cookie sent along.
        [{ authorization: `Bearer ${SERVICE_TOKEN}`, cookie: cookie(GOOD_SESSION) }, undefined],
      ] as const) {
        const { access, failure } = await f.resolver.resolve(headers, explicit);
        expect(failure).toBeUndefined();
        expect(access.caller).toEqual({ kind: 'service' });
        expect(access.unrestricted).toBe(true);
        expect(access.defaultBook).toBeNull();
        expect(access.via).toBe('external');
        expect(access.editor).toBeNull();
      }
      expect(f.log).toEqual([]); // never mistaken for an account's credential
    });

    it('without EXTERNAL_API_TOKEN no token is the service: a non-ctk Bearer is an invalid token', async () => {
      const f = fakes({ externalApiToken: undefined });
      const { access, failure } = await f.resolver.resolve({ authorization: `Bearer ${SERVICE_TOKEN}` });
      expect(failure).toBe('invalid_token');
      expect(access.caller).toEqual({ kind: 'anonymous' });
      const byHeader = await f.resolver.resolve({ 'x-service-token': SERVICE_TOKEN });
      expect(byHeader.access.caller.kind).toBe('anonymous');
      expect(byHeader.failure).toBeDefined();
    });

    it('a wrong X-Service-Token is not the service', async () => {
      const f = fakes();
      const { access, failure } = await f.resolver.resolve({ 'x-service-token': 'wrong' });
      expect(access.caller.kind).toBe('anonymous');
      expect(failure).toBeDefined();
    });

    it.each([
      ['Authorization: Bearer', { authorization: `Bearer ${GOOD_TOKEN}` }, undefined],
      ['Authorization: Token (DRF)', { authorization: `Token ${GOOD_TOKEN}` }, undefined],
      ['a lower-case scheme', { authorization: `bearer ${GOOD_TOKEN}` }, undefined],
      ['an explicit token (?token=, auth.token)', {}, GOOD_TOKEN],
    ] as const)('a personal token in %s → that user, with the roles of their books', async (_, headers, explicit) => {
      const f = fakes();
      const { access, failure } = await f.resolver.resolve(headers, explicit);
      expect(failure).toBeUndefined();
      expect(access.caller).toEqual({
        kind: 'user',
        user: { id: 2, email: 'alan@example.com', name: 'Alan Turing', is_admin: false },
        credential: { type: 'token', id: 9 },
      });
      expect(access.userId).toBe(2);
      expect(access.isAdmin).toBe(false);
      expect(access.readableBooks()).toEqual([3, 4]);
      expect(access.role(3)).toBe('editor');
      expect(access.canWrite(4)).toBe(true);
      expect(access.canRead(1)).toBe(false);
      expect(access.defaultBook).toBe(4);
      expect(access.via).toBe('api');
      expect(access.editor).toEqual({ id: 2, name: 'Alan Turing' });
      expect(f.log).toEqual([`token ${GOOD_TOKEN}`, 'roles of number 2']);
    });

    it('a bad token → invalid_token with no access, and the session cookie is NOT used instead', async () => {
      const f = fakes();
      for (const [headers, explicit] of [
        [{ authorization: 'Bearer ctk_revoked', cookie: cookie(GOOD_SESSION) }, undefined],
        [{ authorization: 'Token not-a-ctk-token', cookie: cookie(GOOD_SESSION) }, undefined],
        [{ cookie: cookie(GOOD_SESSION) }, 'ctk_revoked'],
        [{ authorization: 'Bearer ctk_revoked' }, undefined],
      ] as const) {
        const { access, failure } = await f.resolver.resolve(headers, explicit);
        expect(failure).toBe('invalid_token');
        expect(access.caller).toEqual({ kind: 'anonymous' });
        expect(access.readableBooks()).toEqual([]);
      }
      expect(f.log.filter((line) => line.startsWith('session'))).toEqual([]);
    });

    it('the session cookie → that user, via web', async () => {
      const f = fakes();
      const { access, failure } = await f.resolver.resolve({ cookie: cookie(GOOD_SESSION) });
      expect(failure).toBeUndefined();
      expect(access.caller).toEqual({
        kind: 'user',
        user: { id: 1, email: 'ada@example.com', name: 'Ada Lovelace', is_admin: true },
        credential: { type: 'session', id: 'hash-of-session' },
      });
      expect(access.isAdmin).toBe(true);
      expect(access.readableBooks()).toEqual([1, 3]);
      expect(access.role(3)).toBe('viewer');
      expect(access.defaultBook).toBe(1);
      expect(access.via).toBe('web');
      expect(access.editor).toEqual({ id: 1, name: 'Ada Lovelace' });
      expect(f.log).toEqual([`session ${GOOD_SESSION}`, 'roles of number 1']);
    });

    it('nothing at all, an unknown or ended session, an empty cookie → missing, with no access', async () => {
      const f = fakes();
      for (const headers of [{}, { cookie: cookie('ended') }, { cookie: 'contacts_session=' }, { cookie: 'theme=dark' }, { authorization: 'Bearer' }]) {
        const { access, failure } = await f.resolver.resolve(headers);
        expect(failure).toBe('missing');
        expect(access.caller).toEqual({ kind: 'anonymous' });
        expect(access.canRead(1)).toBe(false);
      }
    });
  });

  describe('header helpers', () => {
    it('tokenFromAuthorization: Bearer or Token with one word; anything else is no token', () => {
      expect(tokenFromAuthorization({ authorization: 'Bearer abc' })).toBe('abc');
      expect(tokenFromAuthorization({ authorization: '  Token abc  ' })).toBe('abc');
      expect(tokenFromAuthorization({ authorization: ['Bearer first', 'Bearer second'] })).toBe('first');
      expect(tokenFromAuthorization({ authorization: 'Basic YTpi' })).toBeUndefined();
      expect(tokenFromAuthorization({ authorization: 'Bearer' })).toBeUndefined();
      expect(tokenFromAuthorization({})).toBeUndefined();
    });

    it('sessionSecret: the contacts_session cookie among others; empty is none', () => {
      expect(sessionSecret({ cookie: cookie('s3cret') })).toBe('s3cret');
      expect(sessionSecret({ cookie: 'contacts_session=' })).toBeUndefined();
      expect(sessionSecret({ cookie: 'contacts_sessionx=1' })).toBeUndefined();
      expect(sessionSecret({})).toBeUndefined();
    });
  });
  describe('HTTP Basic (CardDAV routes)', () => {
    it("the account's email with its password → that user, credential 'password'; the hash is spared next time", async () => {
      const f = fakes();
      for (const email of ['ada@example.com', 'ADA@example.com']) {
        const { access, failure } = await f.resolver.resolve(basic(email, ADA_PASSWORD), undefined, BASIC);
        expect(failure).toBeUndefined();
        expect(access.caller).toMatchObject({ kind: 'user', user: { id: 1 }, credential: { type: 'password' } });
        expect(access.role(3)).toBe('viewer');
      }
      expect(f.log.filter((line) => line.startsWith('password'))).toEqual(['password ada@example.com from 127.0.0.1']);
    });

    it('the email with a token of that account → the token; with a token of another account → refused', async () => {
      const f = fakes();
      const mine = await f.resolver.resolve(basic('alan@example.com', GOOD_TOKEN), undefined, BASIC);
      expect(mine.failure).toBeUndefined();
      expect(mine.access.caller).toMatchObject({ kind: 'user', user: { id: 2 }, credential: { type: 'token', id: 9 } });
      const theirs = await f.resolver.resolve(basic('ada@example.com', GOOD_TOKEN), undefined, BASIC);
      expect(theirs.failure).toBe('invalid_credentials');
      expect(theirs.access.readableBooks()).toEqual([]);
    });

    it('a wrong password or unknown email → invalid_credentials; the throttle → throttled with its wait', async () => {
      const f = fakes();
      expect((await f.resolver.resolve(basic('ada@example.com', 'wrong'), undefined, BASIC)).failure).toBe('invalid_credentials');
      expect((await f.resolver.resolve(basic('nobody@example.com', ADA_PASSWORD), undefined, BASIC)).failure).toBe('invalid_credentials');
      const throttled = await f.resolver.resolve(basic('ada@example.com', ADA_PASSWORD), undefined, { basic: true, address: 'throttled' });
      expect(throttled).toMatchObject({ failure: 'throttled', retryAfterSeconds: 42 });
    });

    it('Basic is only read where the route takes it: elsewhere it counts as no credentials', async () => {
      const f = fakes();
      expect((await f.resolver.resolve(basic('ada@example.com', ADA_PASSWORD))).failure).toBe('missing');
      expect(f.log.some((line) => line.startsWith('password'))).toBe(false);
    });

    it('basicCredentials splits at the first colon (a password may hold colons) and ignores what is not Basic', () => {
      expect(basicCredentials(basic('ada@example.com', 'a:b:c'))).toEqual({ email: 'ada@example.com', secret: 'a:b:c' });
      expect(basicCredentials({ authorization: 'Basic !!!' })).toBeUndefined();
      expect(basicCredentials({ authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` })).toBeUndefined();
      expect(basicCredentials({ authorization: 'Bearer x' })).toBeUndefined();
    });
  });
});
