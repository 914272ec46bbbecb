// Accounts for the AUTH=accounts benchmarks, made through the API as a person or a script
// would (contract Part 2): the first account signs up, the admin creates the others, each
// signs in and makes a token; books are created and shared through their routes.

/** The session cookie's name (libs/wire-types SESSION_COOKIE). */
const SESSION_COOKIE = 'contacts_session';
/** Long enough for the server's password rule (8–256). */
export const BENCH_PASSWORD = 'bench correct horse battery';

/** Headers for a request on a token (scripts send no cookie and no Origin). */
export const bearer = (token) => ({ authorization: `Bearer ${token}` });

/**
 * A request that throws unless it answers `expect`; returns the parsed body (or null).
 * @param {string} baseUrl
 * @param {string} method
 * @param {string} path
 * @param {{ body?: unknown, headers?: Record<string, string>, expect?: number }} [options]
 */
export async function call(baseUrl, method, path, { body, headers = {}, expect = method === 'POST' ? 201 : 200 } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expect) throw new Error(`${method} ${path}: ${response.status} (expected ${expect}) ${text.slice(0, 300)}`);
  return { body: text ? JSON.parse(text) : null, response };
}

/** Cookie + Origin (the server's own): what a browser sends, so unsafe cookie requests pass the origin check. */
function sessionOf(baseUrl, response, user) {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!setCookie) throw new Error(`no ${SESSION_COOKIE} cookie in the answer (${response.status})`);
  const cookie = setCookie.split(';')[0];
  return { user, cookie, headers: { cookie, origin: new URL(baseUrl).origin } };
}

/** POST /api/auth/signup/ → { user, cookie, headers }. */
export async function signUp(baseUrl, account) {
  const { body, response } = await call(baseUrl, 'POST', '/api/auth/signup/', { body: account, headers: { origin: new URL(baseUrl).origin } });
  return sessionOf(baseUrl, response, body.user);
}

/** POST /api/auth/login/ → { user, cookie, headers }. */
export async function logIn(baseUrl, email, password) {
  const { body, response } = await call(baseUrl, 'POST', '/api/auth/login/', { body: { email, password }, headers: { origin: new URL(baseUrl).origin }, expect: 200 });
  return sessionOf(baseUrl, response, body.user);
}

/** POST /api/auth/tokens/ on a session → the secret (shown once). */
export async function createToken(baseUrl, session, name = 'bench') {
  return (await call(baseUrl, 'POST', '/api/auth/tokens/', { body: { name }, headers: session.headers })).body.token;
}

/**
 * `names.length` accounts: the first signs up (the admin, who also takes every book made
 * before accounts were on), the admin creates the rest; each signs in and makes a token.
 * Returns [{ email, name, user, session, token, books }] where `books` is GET
 * /api/address-books/ as that account sees it (every new account has its own "Contacts").
 */
export async function makeAccounts(baseUrl, names, tag = `${process.pid}`) {
  const accounts = [];
  for (const [k, name] of names.entries()) {
    const input = { email: `bench-${tag}-${k}@example.com`, password: BENCH_PASSWORD, name };
    let session;
    if (k === 0) session = await signUp(baseUrl, input);
    else {
      await call(baseUrl, 'POST', '/api/users/', { body: input, headers: accounts[0].session.headers });
      session = await logIn(baseUrl, input.email, input.password);
    }
    const token = await createToken(baseUrl, session);
    accounts.push({ email: input.email, name, user: session.user, session, token, books: await booksOf(baseUrl, token) });
  }
  return accounts;
}

/** GET /api/address-books/ on a token. */
export async function booksOf(baseUrl, token) {
  return (await call(baseUrl, 'GET', '/api/address-books/', { headers: bearer(token) })).body;
}

/** POST /api/address-books/ → the new book. */
export async function createBook(baseUrl, token, name) {
  return (await call(baseUrl, 'POST', '/api/address-books/', { body: { name }, headers: bearer(token) })).body;
}

/** The owner shares `bookId` with `email` (POST /api/address-books/{id}/members/). */
export async function share(baseUrl, ownerToken, bookId, email, role = 'viewer') {
  await call(baseUrl, 'POST', `/api/address-books/${bookId}/members/`, { body: { email, role }, headers: bearer(ownerToken) });
}
