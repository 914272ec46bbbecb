import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { INVALID_TOKEN_MESSAGE, LOGIN_FAILED_MESSAGE, NOT_AUTHENTICATED_MESSAGE } from '@contacts/wire-types';
import { bearer, createToken, logIn, signUp } from '../support/accounts.js';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * Two built server processes on one database and one Redis (`npm run build:lib && npm run
 * build:api` first): what one replica ends, the other refuses at once; failed sign-ins
 * are counted together.
 */
describe('accounts across two replicas', () => {
  const REDIS_URL = 'redis://127.0.0.1:6379';
  const prefix = `test:accounts:${randomUUID()}:`;
  const dir = tempDir();
  let a: ApiProcess;
  let b: ApiProcess;
  beforeAll(async () => {
    const env = { AUTH: 'accounts', SIGNUP: 'open', REDIS_URL, REDIS_PREFIX: prefix };
    const sqlitePath = join(dir.path, 'contacts.sqlite3');
    a = await startApi({ env, sqlitePath });
    b = await startApi({ env, sqlitePath }); // after A ran the migrations
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    dir.remove();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  const me = (baseUrl: string, headers: Record<string, string>) => fetch(`${baseUrl}/api/auth/me/`, { headers });

  it('a session ended on A is refused on B at once', async () => {
    const session = await signUp(a.baseUrl);
    expect((await me(b.baseUrl, { Cookie: session.cookie })).status).toBe(200);
    const out = await fetch(`${a.baseUrl}/api/auth/logout/`, { method: 'POST', headers: session.headers });
    expect(out.status).toBe(204);
    const after = await me(b.baseUrl, { Cookie: session.cookie });
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ detail: NOT_AUTHENTICATED_MESSAGE });
  });

  it('a token revoked on A is refused on B at once', async () => {
    const session = await signUp(b.baseUrl);
    const { id, token } = await createToken(b.baseUrl, session, 'replicated');
    expect((await me(b.baseUrl, bearer(token))).status).toBe(200);
    expect((await me(a.baseUrl, bearer(token))).status).toBe(200);
    const revoked = await fetch(`${a.baseUrl}/api/auth/tokens/${id}/`, { method: 'DELETE', headers: bearer(token) });
    expect(revoked.status).toBe(204);
    const after = await me(b.baseUrl, bearer(token));
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ detail: INVALID_TOKEN_MESSAGE });
  });

  it('failed sign-ins split across A and B count together: the 11th is 429', async () => {
    const account = await signUp(a.baseUrl);
    const fail = (baseUrl: string, i: number) =>
      fetch(`${baseUrl}/api/auth/login/`, {
        method: 'POST',
        // A different client address each time: only the per-email count can add up to 11.
        headers: { 'Content-Type': 'application/json', Origin: new URL(baseUrl).origin, 'X-Forwarded-For': `10.30.0.${i}` },
        body: JSON.stringify({ email: account.user.email, password: `wrong guess ${i}` }),
      });
    for (let i = 1; i <= 10; i += 1) {
      const answer = await fail(i % 2 ? a.baseUrl : b.baseUrl, i);
      expect({ i, status: answer.status, body: await answer.json() }).toEqual({ i, status: 400, body: { detail: LOGIN_FAILED_MESSAGE } });
    }
    const eleventh = await fail(a.baseUrl, 11);
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    // B knows too, even for the right password.
    const onB = await fetch(`${b.baseUrl}/api/auth/login/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: new URL(b.baseUrl).origin, 'X-Forwarded-For': '10.30.0.12' },
      body: JSON.stringify({ email: account.user.email, password: 'correct horse battery' }),
    });
    expect(onB.status).toBe(429);
    // Another account signs in on either replica.
    const other = await signUp(b.baseUrl);
    await logIn(a.baseUrl, other.user.email, 'correct horse battery');
  });
});
