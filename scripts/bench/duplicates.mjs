// `make bench`'s duplicate-suggestion figures: one book of 100,000 contacts (10,000 with
// --quick) of which 1% are planted duplicates of another contact, each alike in one of the
// ways the matching handles (accents dropped, first and last name swapped, the phone with
// its country code, the email among the other's other emails, the same email user name at
// another provider with a similar name). Written straight into a migrated SQLite file with
// better-sqlite3 (the database's triggers record each as a `database` version and mark its
// duplicate keys stale, as for any direct write), then against the BUILT server (AUTH=none,
// the one book):
// - the first GET /api/contacts/duplicates/ after seeding: it computes the keys of every
//   contact first (all of them are stale), so it is the one-off cost of a fresh import;
// - the first answer after a restart (keys kept in the file, nothing stale);
// - warm answers, p50/p99 over 20 sequential requests, beside the target (< 1 s);
// - groups found vs planted (and any found that were not planted);
// Floor: the grouping query alone on the same file with raw better-sqlite3.
// Used by run-all.mjs; on its own: `node scripts/bench/duplicates.mjs [--quick]`
// (needs npm run build:lib && npm run build:api).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { API_ENTRY, percentile, rssMb, runToEnd, startBuiltApi } from './bench-utils.mjs';

const MIGRATE = join(dirname(API_ENTRY), 'migrate.js');
const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
/** The book every contact is in (AUTH=none: the one shared book). */
const BOOK = 1;
/** The share of contacts that are planted duplicates of another. */
const DUPLICATE_SHARE = 0.01;
const WARM_REQUESTS = 20;
const FLOOR_RUNS = 20;
/** The promise: a 100,000-contact book answers in under a second. */
export const TARGET_MS = 1000;
const VARIANTS = ['accents dropped', 'name order swapped', 'phone with country code', 'email among other emails', 'same email user name elsewhere'];

// Names made of syllables: first and last names from two disjoint sets, every pair distinct.
const FIRST_HEADS = ['Al', 'Be', 'Ca', 'Da', 'El', 'Fa', 'Ga', 'He', 'Is', 'Jo', 'Ka', 'Le', 'Ma', 'Ni', 'Ol', 'Pa', 'Ro', 'Sa', 'Te', 'Vi', 'Wi', 'Ya'];
const FIRST_TAILS = ['na', 'ra', 'lia', 'bert', 'win', 'mon', 'dric', 'sa', 'ric', 'lo', 'rin', 'vin', 'mir', 'dan', 'lix'];
const LAST_HEADS = ['Ash', 'Brad', 'Carl', 'Dal', 'Eld', 'Fair', 'Gold', 'Hart', 'Ir', 'Kings', 'Lang', 'Mar', 'Nor', 'Old', 'Pem', 'Quin', 'Rad', 'Stan', 'Thorn', 'Up', 'Ward', 'York', 'Zel', 'Bell', 'Crom'];
const LAST_TAILS = ['ford', 'ley', 'wood', 'ton', 'field', 'worth', 'by', 'more', 'well', 'son', 'dale', 'ham'];
const FIRST = FIRST_HEADS.flatMap((h) => FIRST_TAILS.map((t) => h + t));
const LAST = LAST_HEADS.flatMap((h) => LAST_TAILS.map((t) => h + t));
const AREAS = ['202', '312', '415', '617', '713'];
const ACCENTED = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', A: 'Á', E: 'É', I: 'Í', O: 'Ö', U: 'Ü' };
const accent = (name) => name.replace(/[aeiouAEIOU]/, (v) => ACCENTED[v]);
const seven = (n) => String(n).padStart(7, '0');

/**
 * The contacts to write: `count` in all, ids 1…count; the last 1% each a duplicate of one
 * earlier contact (spread over the book), alike in one way per VARIANTS, in turn. Every
 * other pair is alike in nothing the matching looks at (distinct names, email user names
 * and the last seven digits of every phone). Returns the rows and the planted pairs.
 */
export function plantedBook(count) {
  const duplicates = Math.round(count * DUPLICATE_SHARE);
  const originals = count - duplicates;
  if (originals > FIRST.length * LAST.length) throw new Error(`at most ${FIRST.length * LAST.length} distinct names`);
  if (FIRST.some((f) => LAST.includes(f))) throw new Error('first and last names must not overlap');
  const start = Date.now() - count * 1000;
  const rows = [];
  for (let i = 1; i <= originals; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const digits = seven(i);
    rows.push({
      id: i,
      first_name: first,
      last_name: last,
      email: `${first}.${last}${i}@example.com`.toLowerCase(),
      phone: `+1 ${AREAS[i % AREAS.length]} ${digits.slice(0, 3)}-${digits.slice(3)}`,
      other_emails: '[]',
    });
  }
  const planted = [];
  const step = Math.floor(originals / duplicates);
  for (let j = 0; j < duplicates; j++) {
    const original = rows[j * step];
    const id = originals + j + 1;
    const variant = VARIANTS[j % VARIANTS.length];
    // Alike in nothing by default: its own email user name and phone ending.
    const dup = {
      id,
      first_name: original.first_name,
      last_name: `${original.last_name} ${variant === 'phone with country code' ? '(mobile)' : '(work)'}`,
      email: `dup${j}.entry@dups.example`,
      phone: `+1 900 ${seven(5_000_000 + j)}`,
      other_emails: '[]',
    };
    const digits = seven(original.id);
    switch (variant) {
      case 'accents dropped':
        original.first_name = accent(original.first_name);
        original.last_name = accent(original.last_name);
        dup.last_name = original.last_name.normalize('NFKD').replace(/\p{M}/gu, '');
        dup.first_name = original.first_name.normalize('NFKD').replace(/\p{M}/gu, '');
        break;
      case 'name order swapped':
        dup.first_name = original.last_name;
        dup.last_name = original.first_name;
        break;
      case 'phone with country code':
        // Half national with the trunk 0 (+44), half without the +1.
        if (j % 2 === 0) {
          original.phone = `020 ${digits.slice(0, 3)} ${digits.slice(3)}`;
          dup.phone = `+44 20 ${digits.slice(0, 3)} ${digits.slice(3)}`;
        } else {
          original.phone = `(${AREAS[original.id % AREAS.length]}) ${digits.slice(0, 3)}-${digits.slice(3)}`;
          dup.phone = `+1 ${AREAS[original.id % AREAS.length]} ${digits.slice(0, 3)} ${digits.slice(3)}`;
        }
        break;
      case 'email among other emails':
        dup.other_emails = JSON.stringify([{ label: 'home', value: original.email.toUpperCase() }]);
        break;
      case 'same email user name elsewhere':
        dup.email = original.email.replace('@example.com', '@mail.example');
        break;
    }
    rows.push(dup);
    planted.push({ ids: [original.id, id], variant });
  }
  return { rows, planted, start };
}

/** A migrated SQLite file holding the planted book, each row inserted as a script would (the triggers record it). */
async function seededFile(path, count) {
  await runToEnd(process.execPath, [MIGRATE], { SQLITE_PATH: path, DATABASE_URL: '', REDIS_URL: '' });
  const { rows, planted, start } = plantedBook(count);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(`INSERT INTO contacts (id, address_book_id, first_name, last_name, email, phone, other_emails, created_at, updated_at)
    VALUES (@id, ${BOOK}, @first_name, @last_name, @email, @phone, @other_emails, @at, @at)`);
  const started = performance.now();
  db.transaction(() => {
    for (const row of rows) insert.run({ ...row, at: new Date(start + row.id * 1000).toISOString() });
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { planted, seed: { contacts: rows.length, seconds: round(seconds), rows_per_s: Math.round(rows.length / seconds), stale_contacts: staleCount(path) } };
}

function staleCount(path) {
  const db = new Database(path, { readonly: true });
  try {
    return Number(db.prepare('SELECT count(*) FROM contact_match_stale').pluck().get());
  } finally {
    db.close();
  }
}

/** One timed GET of the suggestions: ms, the groups, the answer's size. */
async function suggestions(baseUrl) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/contacts/duplicates/?address_book=${BOOK}`, { headers: { 'accept-encoding': 'identity' } });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`GET /api/contacts/duplicates/: ${res.status} ${text.slice(0, 300)}`);
  return { ms, groups: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/** Which planted pairs came back as a group of their own, and what came back that was not planted. */
function compare(groups, planted) {
  const key = (ids) => [...ids].sort((a, b) => a - b).join(',');
  const found = new Map(groups.map((g) => [key(g.contacts.map((c) => c.id)), g.reasons]));
  const byVariant = Object.fromEntries(VARIANTS.map((v) => [v, { planted: 0, found: 0 }]));
  const reasons = {};
  for (const p of planted) {
    byVariant[p.variant].planted += 1;
    const r = found.get(key(p.ids));
    if (!r) continue;
    byVariant[p.variant].found += 1;
    reasons[r.join(' + ')] = (reasons[r.join(' + ')] ?? 0) + 1;
  }
  const plantedKeys = new Set(planted.map((p) => key(p.ids)));
  const unplanted = [...found.keys()].filter((k) => !plantedKeys.has(k));
  return {
    planted: planted.length,
    groups_found: groups.length,
    planted_found: Object.values(byVariant).reduce((n, v) => n + v.found, 0),
    not_planted: unplanted.length,
    not_planted_examples: unplanted.slice(0, 5),
    by_variant: byVariant,
    reasons,
  };
}

/** The grouping query alone, raw better-sqlite3, read-only on the same file (the keys the server built). */
function rawFloor(path) {
  const db = new Database(path, { readonly: true });
  const query = db.prepare('SELECT kind, match_key, count(*) AS n FROM contact_match_keys WHERE address_book_id = ? GROUP BY kind, match_key HAVING count(*) > 1');
  const keys = Number(db.prepare('SELECT count(*) FROM contact_match_keys WHERE address_book_id = ?').pluck().get(BOOK));
  let buckets = 0;
  const times = [];
  for (let k = 0; k < FLOOR_RUNS + 1; k++) {
    const started = performance.now();
    buckets = query.all(BOOK).length;
    if (k > 0) times.push(performance.now() - started); // the first prepares the pages
  }
  db.close();
  times.sort((a, b) => a - b);
  return { runs: FLOOR_RUNS, p50_ms: round(percentile(times, 50), 2), p99_ms: round(percentile(times, 99), 2), keys, buckets_over_one: buckets };
}

/**
 * `startApi(sqlitePath, env)` → { baseUrl, pid, stop } (run-all.mjs's; standalone, bench-utils'
 * startBuiltApi). Seeds, measures, returns the figures (JSON-ready).
 */
export async function runDuplicatesBench({ startApi = startBuiltApi, contacts = 100_000, log = (/** @type {string} */ _m) => {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-bench-duplicates-'));
  const path = join(dir, 'duplicates.sqlite3');
  try {
    log(`seeding ${contacts} contacts (1% planted duplicates) with better-sqlite3`);
    const { planted, seed } = await seededFile(path, contacts);
    const result = { contacts, seed, target_ms: TARGET_MS };

    let api = await startApi(path);
    // What is still stale when the request goes out (the server may have started on it by itself).
    const stale = staleCount(path);
    log(`first request after seeding (keys to build for ${stale} stale contacts)`);
    const first = await suggestions(api.baseUrl);
    result.first_after_seed = { ms: Math.round(first.ms), stale_contacts: stale, bytes: first.bytes };
    log(`${WARM_REQUESTS} warm requests`);
    const times = [];
    let last = first;
    for (let k = 0; k < WARM_REQUESTS; k++) {
      last = await suggestions(api.baseUrl);
      times.push(last.ms);
    }
    times.sort((a, b) => a - b);
    result.warm = { n: WARM_REQUESTS, p50_ms: round(percentile(times, 50)), p99_ms: round(percentile(times, 99)), bytes: last.bytes };
    result.api_rss_mb = rssMb(api.pid);
    result.groups = compare(last.groups, planted);
    await api.stop();

    log('first request after a restart (keys kept in the file)');
    api = await startApi(path);
    result.first_after_restart = { ms: Math.round((await suggestions(api.baseUrl)).ms) };
    await api.stop();

    log('floor: the grouping query alone, raw better-sqlite3');
    result.floor_raw_sqlite = rawFloor(path);
    result.warm.x_floor = round(result.warm.p50_ms / Math.max(result.floor_raw_sqlite.p50_ms, 0.01));
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table rows ([name, figure]) run-all.mjs prints. */
export function duplicatesRows(x) {
  if (!x?.warm) return [['duplicate suggestions', x?.skipped ? `skipped: ${x.skipped}` : `error: ${x?.error ?? 'not run'}`]];
  const n = Number(x.contacts).toLocaleString('en');
  const g = x.groups;
  const ok = x.warm.p99_ms < x.target_ms ? 'ok' : 'MISS';
  return [
    [`duplicates: seed ${n} contacts, raw better-sqlite3 + triggers`, `${x.seed.seconds} s (${x.seed.rows_per_s} rows/s)`],
    [`duplicates: first GET after seeding, ${n} (builds all keys)`, `${x.first_after_seed.ms} ms for ${x.first_after_seed.stale_contacts} stale contacts (one-off, like after an import)`],
    [`duplicates: first GET after a restart, ${n}`, `${x.first_after_restart.ms} ms`],
    [`duplicates: warm GET, ${n} contacts`, `p50 ${x.warm.p50_ms} / p99 ${x.warm.p99_ms} ms (n=${x.warm.n}, ${round(x.warm.bytes / 1024 / 1024, 2)} MB) = ${x.warm.x_floor}× floor; target < ${x.target_ms} ms: ${ok}`],
    ['duplicates: groups found / planted', `${g.groups_found} found, ${g.planted_found} of ${g.planted} planted, ${g.not_planted} not planted`],
    ['floor: grouping query alone, raw better-sqlite3', `p50 ${x.floor_raw_sqlite.p50_ms} / p99 ${x.floor_raw_sqlite.p99_ms} ms (${x.floor_raw_sqlite.keys} keys, ${x.floor_raw_sqlite.buckets_over_one} buckets > 1)`],
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  runDuplicatesBench({ contacts: quick ? 10_000 : 100_000, log: (m) => process.stderr.write(`[bench:duplicates] ${m}\n`) })
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      const rows = duplicatesRows(result);
      const width = Math.max(...rows.map(([name]) => name.length));
      console.log(rows.map(([name, figure]) => `${name.padEnd(width)}  ${figure}`).join('\n'));
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
