import { SESSION_COOKIE, type User } from '@contacts/wire-types';

/** A signed-in browser, as tests drive it: the session cookie plus the Origin a browser sends. */
export interface Session {
  user: User;
  /** `contacts_session=<secret>` */
  cookie: string;
  /** Headers for any request on this session (Origin: the server's own, so unsafe requests pass the CSRF check). */
  headers: Record<string, string>;
}

export interface AccountInput {
  email: string;
  password: string;
  name: string;
}

let counter = 0;
/** A fresh account's details (unique email per call). */
export function newAccount(name = 'Ada Lovelace'): AccountInput {
  counter += 1;
  return { email: `user${counter}-${process.pid}@example.com`, password: 'correct horse battery', name };
}

function sessionFrom(baseUrl: string, response: Response, user: User): Session {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!setCookie) throw new Error(`no ${SESSION_COOKIE} cookie in the answer (${response.status})`);
  const cookie = setCookie.split(';')[0];
  return { user, cookie, headers: { Cookie: cookie, Origin: new URL(baseUrl).origin } };
}

async function post(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: new URL(baseUrl).origin, ...headers },
    body: JSON.stringify(body),
  });
}

/** POST /api/auth/signup/ → the session it opened. Throws unless 201. */
export async function signUp(baseUrl: string, account: AccountInput = newAccount()): Promise<Session> {
  const response = await post(baseUrl, '/api/auth/signup/', account);
  if (response.status !== 201) throw new Error(`signup ${account.email}: ${response.status} ${await response.text()}`);
  return sessionFrom(baseUrl, response, ((await response.json()) as { user: User }).user);
}

/** POST /api/auth/login/ → a new session. Throws unless 200. */
export async function logIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await post(baseUrl, '/api/auth/login/', { email, password });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return sessionFrom(baseUrl, response, ((await response.json()) as { user: User }).user);
}

/** The admin creates an account (POST /api/users/) and it signs in. */
export async function createAccount(baseUrl: string, admin: Session, account: AccountInput = newAccount('Grace Hopper')): Promise<Session> {
  const response = await post(baseUrl, '/api/users/', account, admin.headers);
  if (response.status !== 201) throw new Error(`create user ${account.email}: ${response.status} ${await response.text()}`);
  return logIn(baseUrl, account.email, account.password);
}

/** POST /api/auth/tokens/ on a session → the secret. */
export async function createToken(baseUrl: string, session: Session, name = 'tests'): Promise<{ id: number; token: string }> {
  const response = await post(baseUrl, '/api/auth/tokens/', { name }, session.headers);
  if (response.status !== 201) throw new Error(`create token: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { id: number; token: string };
  return { id: body.id, token: body.token };
}

/** Headers for a token request (no cookie, no Origin: scripts send neither). */
export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
