// `make bench`'s cost of the scoping (AUTH=accounts): GET /api/contacts/?page=1 req/s for a
// token user who reads one book and one who reads five, against AUTH=none, on the same
// SQLite file at the same time; cached (one URL) and uncached (distinct pages); plus the
// sign-in latency (login.mjs) on the accounts server. Used by run-all.mjs.
import { bearer, BENCH_PASSWORD, booksOf, call, createBook, makeAccounts, share } from './bench-accounts.mjs';
import { distinctPages, load } from './list-and-writes.mjs';
import { loginLatency } from './login.mjs';

/** The page's contact ids and count, as `headers` see them: the three callers must get the same answer. */
async function firstPage(baseUrl, headers) {
  const { body } = await call(baseUrl, 'GET', '/api/contacts/?page=1', { headers });
  return `${body.count}:${body.results.map((c) => c.id).join(',')}`;
}

/**
 * `startApi(path, env)` starts the built server on `sqlitePath` (a filled database whose
 * contacts are all in book 1, as after Part 1). The accounts server starts first: Ada signs
 * up and so takes book 1 (every contact): one book. Grace, made by Ada, has her own empty
 * "Contacts" and makes three more empty books, and Ada shares book 1 with her as viewer:
 * five books, the same contacts. Then an AUTH=none server opens the same file. The list is
 * measured on each caller in turn, cached then uncached (the order reversed, so drift on the
 * shared cores hits each alike). Returns { setup, none, one_book, five_books, login }.
 */
export async function scopingCost({ startApi, sqlitePath, seconds, login, log = (/** @type {string} */ _message) => {} }) {
  const accounts = await startApi(sqlitePath, { AUTH: 'accounts', SIGNUP: 'closed', LOGIN_MAX_FAILURES: '1000000' });
  let open;
  try {
    const [ada, grace] = await makeAccounts(accounts.baseUrl, ['Ada Lovelace', 'Grace Hopper']);
    const adaBook = ada.books.find((b) => b.role === 'owner');
    for (const name of ['Work', 'Family', 'Club']) await createBook(accounts.baseUrl, grace.token, name);
    await share(accounts.baseUrl, ada.token, adaBook.id, grace.email, 'viewer');
    const setup = {
      contacts: adaBook.contact_count,
      one_book_reads: (await booksOf(accounts.baseUrl, ada.token)).length,
      five_books_reads: (await booksOf(accounts.baseUrl, grace.token)).length,
    };
    open = await startApi(sqlitePath, { AUTH: 'none' });
    const callers = [
      ['none', open.baseUrl, undefined],
      ['one_book', accounts.baseUrl, bearer(ada.token)],
      ['five_books', accounts.baseUrl, bearer(grace.token)],
    ];
    const answers = await Promise.all(callers.map(([, baseUrl, headers]) => firstPage(baseUrl, headers)));
    setup.same_first_page = answers.every((a) => a === answers[0]);
    if (!setup.same_first_page) throw new Error(`the three callers see different first pages: ${answers.map((a) => a.slice(0, 40)).join(' | ')}`);
    const result = { setup };
    for (const [key, baseUrl, headers] of callers) {
      log(`list ?page=1, cache hit: ${key}`);
      result[key] = { cached: await load({ url: `${baseUrl}/api/contacts/?page=1`, seconds, headers }) };
    }
    for (const [key, baseUrl, headers] of [...callers].reverse()) {
      log(`list, uncached distinct pages: ${key}`);
      result[key].uncached = await distinctPages({ baseUrl }, seconds, 500, headers);
    }
    log('sign-in latency: POST /api/auth/login/, sequential and concurrent');
    result.login = await loginLatency(accounts.baseUrl, { email: ada.email, password: BENCH_PASSWORD }, login);
    return result;
  } finally {
    await open?.stop();
    await accounts.stop();
  }
}
