// `make bench`'s import and export figures, each beside a floor measured in the same run:
// - import of N generated vCard cards (cards/s, the server's peak RSS) at 10,000 and 100,000;
//   floors: the codec alone reading the same file (split + parse, no database), and raw
//   better-sqlite3 writing each card in its own transaction as the server does (context row,
//   insert with the triggers, read-back of the version, the job's counter);
// - export of those contacts as vCard and CSV (MB/s, peak RSS) at 10,000 and 100,000, to
//   show memory flat with size; floor: a bare node:http server streaming the same bytes from
//   a file.
// Against the BUILT server (dist/api), AUTH=none, its own SQLite files. Used by run-all.mjs;
// on its own: `node scripts/bench/imports.mjs [--quick]` (needs npm run build:lib && npm run build:api).
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished as streamFinished } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { freePort, postVCardFile, rssMb, rssSampler, runToEnd, sleep, startBuiltApi } from './bench-utils.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const DIST = join(ROOT, 'dist/api/apps/api/src');
const MIGRATE = join(DIST, 'migrate.js');
const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const MB = 1024 * 1024;
/** The heap limit of the export run that shows what it keeps alive is flat. */
const HEAP_CAP_MB = 96;

/** The built codec and its card generator (plain JS in dist: imported by path, not type-checked here). */
async function codec() {
  const [vcard, generator] = await Promise.all([
    import(pathToFileURL(join(DIST, 'vcard/index.js')).href),
    import(pathToFileURL(join(DIST, 'vcard/fixtures/generate-vcards.js')).href),
  ]);
  return { splitVCards: vcard.splitVCards, parseVCard: vcard.parseVCard, writeVCard: vcard.writeVCard, toCsvLine: vcard.toCsvLine, generateVCards: generator.generateVCards };
}

/** `count` generated cards in a file, written as they are made. */
async function cardFile(path, count, generateVCards) {
  const out = createWriteStream(path);
  for (const card of generateVCards(count)) if (!out.write(card)) await new Promise((r) => out.once('drain', () => r(undefined)));
  out.end();
  await streamFinished(out);
  return statSync(path).size;
}

/** POST the file (streamed from disk), then poll the job until it ends. */
async function importThrough(baseUrl, path) {
  const started = performance.now();
  const res = await postVCardFile(`${baseUrl}/api/contacts/import/`, path);
  if (res.status !== 202) throw new Error(`import upload: ${res.status} ${res.body}`);
  const accepted_ms = Math.round(performance.now() - started);
  const { id } = JSON.parse(res.body);
  for (;;) {
    const job = await (await fetch(`${baseUrl}/api/imports/${id}/`)).json();
    if (job.status !== 'running') {
      const seconds = (performance.now() - started) / 1000;
      return { status: job.status, total: job.total, created: job.created, skipped: job.skipped.length, accepted_ms, seconds: round(seconds), cards_per_s: Math.round(job.processed / seconds) };
    }
    await sleep(200);
  }
}

/** GET a URL to its end, counting bytes (identity encoding: the bytes the server made). */
function download(url) {
  return new Promise((res, rej) => {
    const started = performance.now();
    http
      .get(url, { headers: { 'accept-encoding': 'identity' } }, (response) => {
        let bytes = 0;
        response.on('data', (c) => (bytes += c.length));
        response.on('end', () => {
          const seconds = (performance.now() - started) / 1000;
          res({ status: response.statusCode, bytes, seconds, mb_per_s: round(bytes / MB / seconds) });
        });
      })
      .on('error', rej);
  });
}

/** The codec alone on the same file: split and parse every card (what the server does per card before any write). */
async function parseFloor(path, { splitVCards, parseVCard }) {
  const started = performance.now();
  let cards = 0;
  for await (const text of splitVCards(createReadStream(path))) {
    parseVCard(text);
    cards += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return { cards, seconds: round(seconds), cards_per_s: Math.round(cards / seconds) };
}

/**
 * Raw better-sqlite3 on a migrated file: each card in its own IMMEDIATE transaction with
 * the statements the server's write makes (the lock, the look-ups by uid and email, the
 * mutation context, the insert the triggers turn into a version and a search entry, the
 * version read back, the job's counter), prepared once.
 */
async function rawSqliteFloor(dir, path, count, { splitVCards, parseVCard }) {
  const db = join(dir, 'raw-floor.sqlite3');
  await runToEnd(process.execPath, [MIGRATE], { SQLITE_PATH: db, DATABASE_URL: '', REDIS_URL: '' });
  const cards = [];
  for await (const text of splitVCards(createReadStream(path))) {
    if (cards.length === count) break;
    cards.push(parseVCard(text));
  }
  const sqlite = new Database(db);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const now = new Date().toISOString();
  sqlite.prepare(`INSERT INTO imports (id, caller, address_book_id, format, on_duplicate, status, total, file_path, runner, created_at)
    VALUES ('floor', 'open', 1, 'vcard', 'skip', 'running', ?, '', 'floor', ?)`).run(count, now);
  const context = sqlite.prepare(`INSERT INTO mutation_context (id, edited_reason, edited_via, edited_by_id, edited_by_name, edited_at) VALUES (1, 'created', 'import', NULL, NULL, ?)`);
  const clear = sqlite.prepare('DELETE FROM mutation_context');
  const insert = sqlite.prepare(`INSERT INTO contacts (address_book_id, first_name, last_name, email, phone, organization, job_title, notes, birthday,
    other_emails, other_phones, addresses, uid, vcard_extra, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const version = sqlite.prepare('SELECT * FROM contact_versions WHERE contact_id = ? ORDER BY id DESC LIMIT 1');
  // The reads the write path makes before it writes: the lock statement, the card by uid, the email's owner, a pending create's hold.
  const lock = sqlite.prepare('DELETE FROM email_reservations WHERE 0');
  const byUid = sqlite.prepare('SELECT * FROM contacts WHERE address_book_id = 1 AND uid = ?');
  const emailOwner = sqlite.prepare('SELECT id FROM contacts WHERE address_book_id = 1 AND lower(email) = lower(?)');
  const held = sqlite.prepare('SELECT owner FROM email_reservations WHERE email_key = ? AND expires_at >= ?');
  const counted = sqlite.prepare(`UPDATE imports SET processed = processed + 1, created = created + 1 WHERE id = 'floor' AND runner = 'floor' AND processed = ?`);
  const write = sqlite.transaction((card, index) => {
    const at = new Date().toISOString();
    const f = card.fields;
    lock.run();
    byUid.get(card.uid);
    emailOwner.get(f.email);
    emailOwner.get(f.email);
    held.get(`1:${f.email.toLowerCase()}`, Date.now());
    context.run(at);
    const { lastInsertRowid } = insert.run(f.first_name, f.last_name, f.email, f.phone, f.organization, f.job_title, f.notes, f.birthday,
      JSON.stringify(f.other_emails), JSON.stringify(f.other_phones), JSON.stringify(f.addresses), card.uid, card.vcard_extra, at, at);
    clear.run();
    version.get(lastInsertRowid);
    counted.run(index);
  });
  const started = performance.now();
  cards.forEach((card, index) => write.immediate(card, index));
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return { cards: count, seconds: round(seconds), cards_per_s: Math.round(count / seconds) };
}

/**
 * The codec alone writing `count` of the same contacts (parsed from the file, as stored):
 * vCard and CSV, MB/s of output. What the export's per-contact work is bounded by.
 */
async function renderFloor(path, count, { splitVCards, parseVCard, writeVCard, toCsvLine }) {
  const contacts = [];
  const at = new Date().toISOString();
  for await (const text of splitVCards(createReadStream(path))) {
    if (contacts.length === count) break;
    const card = parseVCard(text);
    contacts.push({ ...card.fields, id: contacts.length + 1, address_book: 1, uid: card.uid, created_at: at, updated_at: at, vcard_extra: card.vcard_extra });
  }
  const measure = (render) => {
    const started = performance.now();
    let bytes = 0;
    for (const contact of contacts) bytes += Buffer.byteLength(render(contact));
    const seconds = (performance.now() - started) / 1000;
    return { contacts: contacts.length, mb_per_s: round(bytes / MB / seconds), contacts_per_s: Math.round(contacts.length / seconds) };
  };
  return { vcard: measure((c) => writeVCard(c, c.vcard_extra)), csv: measure((c) => toCsvLine(c)) };
}

/** A bare node:http server in its own process streaming one file: what any server's export is bounded by. */
async function bareStreamFloor(path, children) {
  const port = await freePort();
  const source = `
    const fs = require('node:fs');
    require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/vcard; charset=utf-8' }); fs.createReadStream(${JSON.stringify(path)}).pipe(res); })
      .listen(${port}, '127.0.0.1', () => process.send('ready'));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.add(child);
  await new Promise((r) => child.once('message', r));
  try {
    await download(`http://127.0.0.1:${port}/`); // warm the page cache
    const run = await download(`http://127.0.0.1:${port}/`);
    return { bytes: run.bytes, mb_per_s: run.mb_per_s, rss_mb: rssMb(child.pid) };
  } finally {
    children.delete(child);
    child.kill();
  }
}

/**
 * `startApi(sqlitePath, env)` → { baseUrl, pid, stop } (run-all.mjs's; standalone, our own).
 * For each size: a fresh server imports the file (peak RSS sampled), then a freshly started
 * one on the same file exports it as vCard and CSV (peak RSS of the export alone).
 */
export async function runImportsBench({ startApi, sizes = [10_000, 100_000], log = (/** @type {string} */ _m) => {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'contacts-bench-imports-'));
  const children = new Set();
  const lib = await codec();
  const result = { floors: {}, import: {}, export: {} };
  try {
    const largest = Math.max(...sizes);
    const files = {};
    for (const size of sizes) {
      files[size] = join(dir, `cards-${size}.vcf`);
      const bytes = await cardFile(files[size], size, lib.generateVCards);
      result.import[size] = { file_mb: round(bytes / MB) };
    }
    log(`floor: the codec alone, split + parse ${largest} cards`);
    result.floors.parse = await parseFloor(files[largest], lib);
    const rawCount = Math.min(10_000, largest);
    log(`floor: raw better-sqlite3, ${rawCount} cards, one transaction each as the server writes them`);
    result.floors.raw_sqlite = await rawSqliteFloor(dir, files[largest], rawCount, lib);

    for (const size of sizes) {
      const db = join(dir, `import-${size}.sqlite3`);
      log(`import of ${size} cards (${result.import[size].file_mb} MB)`);
      let api = await startApi(db, { CREATE_DELAY_MS: '0' });
      const idle = rssMb(api.pid);
      let rss = rssSampler(api.pid);
      const run = await importThrough(api.baseUrl, files[size]);
      Object.assign(result.import[size], run, { rss_mb_idle: idle, rss_mb_peak: rss.stop() });
      result.import[size].pct_of_raw_sqlite = round((100 * run.cards_per_s) / result.floors.raw_sqlite.cards_per_s);
      await api.stop();

      log(`export of ${size} contacts (vCard, then CSV)`);
      api = await startApi(db);
      result.export[size] = { rss_mb_idle: rssMb(api.pid) };
      for (const format of ['vcard', 'csv']) {
        rss = rssSampler(api.pid);
        const out = await download(`${api.baseUrl}/api/contacts/export/?format=${format}`);
        if (out.status !== 200) throw new Error(`export ${format}: ${out.status}`);
        result.export[size][format] = { mb: round(out.bytes / MB), seconds: round(out.seconds, 2), mb_per_s: out.mb_per_s, rss_mb_peak: rss.stop() };
      }
      await api.stop();
    }
    // V8 lets the heap grow while it can (RSS follows); capped, the same export must still
    // finish: what the export keeps alive does not grow with the number of contacts.
    log(`export of ${largest} contacts again, the server's heap capped at ${HEAP_CAP_MB} MB`);
    const capped = await startApi(join(dir, `import-${largest}.sqlite3`), { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` });
    const rss = rssSampler(capped.pid);
    const out = await download(`${capped.baseUrl}/api/contacts/export/?format=vcard`);
    result.export[largest].vcard_heap_capped = { heap_cap_mb: HEAP_CAP_MB, status: out.status, mb: round(out.bytes / MB), mb_per_s: out.mb_per_s, rss_mb_peak: rss.stop() };
    await capped.stop();
    log(`floor: the codec alone writing ${rawCount} contacts as vCard and CSV`);
    result.floors.render = await renderFloor(files[largest], rawCount, lib);
    log('floor: bare node:http streaming the largest export file');
    result.floors.bare_stream = await bareStreamFloor(files[largest], children);
    for (const size of sizes) {
      for (const format of ['vcard', 'csv']) {
        const x = result.export[size][format];
        x.pct_of_codec = round((100 * x.mb_per_s) / result.floors.render[format].mb_per_s);
        x.pct_of_bare_stream = round((100 * x.mb_per_s) / result.floors.bare_stream.mb_per_s);
      }
    }
    return result;
  } finally {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  runImportsBench({ startApi: startBuiltApi, sizes: quick ? [1000, 10_000] : [10_000, 100_000], log: (m) => process.stderr.write(`[bench:imports] ${m}\n`) })
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
