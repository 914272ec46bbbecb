// `make bench`'s CardDAV figures: Radicale (the Debian package) beside this server, both on
// 127.0.0.1, each holding the same generated vCards (apps/api/src/vcard/fixtures), each
// synced by vdirsyncer (the Debian package) into an empty folder of .vcf files:
// - initial sync: the whole book into the empty folder (one `vdirsyncer sync`, wall time);
// - incremental sync: the same after 10 cards changed on the server (PUT over DAV, the same
//   bytes on both servers);
// - the server process's memory: RSS sampled during the syncs, and VmHWM (the process's peak)
//   at the end; each server is restarted after its seeding, so both are the syncs' own;
// - ours once more with its heap capped (the whole book must still go out: bounded memory).
// Floor: vdirsyncer syncing the same cards folder → folder, no server: the client's own share.
// Our server: the BUILT one (dist/api), AUTH=accounts, an account signed up, its cards
// imported through POST /api/contacts/import/, vdirsyncer on an app token (HTTP Basic).
// Radicale: htpasswd (plain) auth, its storage files written directly, then indexed by one
// PROPFIND before anything is timed. Used by run-all.mjs; on its own:
//   node scripts/bench/carddav.mjs [--quick] [--cards N]   (needs npm run build:lib && npm run build:api)
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished as streamFinished } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bearer, call, makeAccounts } from './bench-accounts.mjs';
import { freePort, postVCardFile, rssMb, rssSampler, sleep, startBuiltApi, stopChild } from './bench-utils.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const DIST = join(ROOT, 'dist/api/apps/api/src');
const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
/** How many cards change on the server before the incremental sync. */
const CHANGES = 10;
/** One vdirsyncer run may take this long before the part is abandoned. */
const SYNC_TIMEOUT_MS = 180_000;
const RADICALE_USER = 'bench';
const RADICALE_PASSWORD = 'bench-radicale-secret';
const RADICALE_BOOK = 'contacts';
/** Our server as the benches run it, with accounts (vdirsyncer signs in with an app token). */
const OUR_ENV = { AUTH: 'accounts', SIGNUP: 'closed', CREATE_DELAY_MS: '0' };
/** The heap limit of the extra initial sync that shows a whole book is answered in bounded memory. */
const HEAP_CAP_MB = 96;

/** A process's lifetime peak resident memory (VmHWM) in MB, or null once it has gone. */
function hwmMb(pid) {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return round(kb / 1024);
  } catch {
    return null;
  }
}

/** The built card generator (plain JS in dist). */
async function generator() {
  return import(pathToFileURL(join(DIST, 'vcard/fixtures/generate-vcards.js')).href);
}

const uidOf = (card) => /^UID:(.*)$/m.exec(card)[1].trim();
const basic = (user, password) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

/** The card with its first TEL's value replaced (what each server-side change is). */
function withPhone(card, phone) {
  const unfolded = card.replace(/\r\n[ \t]/g, '');
  const changed = unfolded.replace(/^((?:[A-Za-z0-9-]+\.)?TEL(?:;[^:\r\n]*)?):[^\r\n]*/m, `$1:${phone}`);
  if (changed === unfolded) throw new Error(`no TEL in ${card.slice(0, 200)}`);
  return changed;
}

// ------------------------------------------------------------------ vdirsyncer
/** `vdirsyncer …` to its end (no stdin, so a question ends it); rejects on a non-zero exit or the timeout. */
function vdirsyncer(config, args, children) {
  return new Promise((res, rej) => {
    const started = performance.now();
    const child = spawn('vdirsyncer', ['-c', config, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    });
    children.add(child);
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output = (output + c).slice(-200_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), SYNC_TIMEOUT_MS);
    child.on('error', rej);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) return res({ seconds, output });
      rej(
        new Error(
          `vdirsyncer ${args.join(' ')} ${signal ? `killed (${signal}, limit ${SYNC_TIMEOUT_MS / 1000} s)` : `exited ${code}`}: ${output.slice(-2000)}`,
        ),
      );
    });
  });
}

/** How many cards a sync wrote into the folder ("Copying (uploading|updating) item X to folder…"). */
const copiedToFolder = (output) => (output.match(/Copying \((?:uploading|updating)\) item \S+ to folder/g) ?? []).length;

/**
 * A vdirsyncer pair in `dir`: side a an empty folder, side b `storage` (INI lines of a
 * [storage] section), `collection` the one book. Returns { folder, discover(), sync() }.
 */
function vdirsyncerPair(dir, storage, collection, children) {
  const folderRoot = join(dir, 'folder');
  const folder = join(folderRoot, collection);
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(dir, 'status'));
  const config = join(dir, 'config');
  writeFileSync(
    config,
    [
      '[general]',
      `status_path = ${JSON.stringify(join(dir, 'status'))}`,
      '[pair book]',
      'a = "folder"',
      'b = "server"',
      `collections = [${JSON.stringify(collection)}]`,
      'conflict_resolution = "b wins"',
      '[storage folder]',
      'type = "filesystem"',
      `path = ${JSON.stringify(folderRoot)}`,
      'fileext = ".vcf"',
      '[storage server]',
      ...storage,
      '',
    ].join('\n'),
  );
  return {
    folder,
    discover: () => vdirsyncer(config, ['discover', 'book'], children),
    sync: () => vdirsyncer(config, ['sync', 'book'], children),
  };
}

// ------------------------------------------------------------------ servers
/**
 * Radicale on its own port and folder, one user (htpasswd, plain) with one address book
 * holding `cards` (written into its storage; null: the folder as a previous start left it).
 */
async function startRadicale(dir, cards, children) {
  const port = await freePort();
  const store = join(dir, 'store');
  if (cards) {
    const book = join(store, 'collection-root', RADICALE_USER, RADICALE_BOOK);
    mkdirSync(book, { recursive: true });
    writeFileSync(join(book, '.Radicale.props'), JSON.stringify({ tag: 'VADDRESSBOOK', 'D:displayname': 'Contacts' }));
    for (const card of cards) writeFileSync(join(book, `${uidOf(card)}.vcf`), card);
    writeFileSync(join(dir, 'users'), `${RADICALE_USER}:${RADICALE_PASSWORD}\n`);
  }
  const config = join(dir, 'config');
  writeFileSync(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      'delay = 0',
      '[storage]',
      `filesystem_folder = ${store}`,
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const child = spawn('radicale', ['-C', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let errors = '';
  child.stderr.on('data', (c) => (errors = (errors + c).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`radicale exited: ${errors}`);
    if (Date.now() > deadline) throw new Error(`radicale not answering in 30 s: ${errors}`);
    if (
      await fetch(`${baseUrl}/.web/`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      break;
    await sleep(100);
  }
  return {
    baseUrl,
    pid: child.pid,
    bookUrl: `${baseUrl}/${RADICALE_USER}/${RADICALE_BOOK}/`,
    auth: basic(RADICALE_USER, RADICALE_PASSWORD),
    storage: [
      'type = "carddav"',
      `url = ${JSON.stringify(`${baseUrl}/`)}`,
      `username = "${RADICALE_USER}"`,
      `password = "${RADICALE_PASSWORD}"`,
    ],
    collection: RADICALE_BOOK,
    stop: () => stopChild(child, children),
  };
}

/** PROPFIND Depth 1 on a book: how many cards (.vcf hrefs) it lists (and, on Radicale, its index built). */
async function listedCards(bookUrl, auth) {
  const res = await fetch(bookUrl, {
    method: 'PROPFIND',
    headers: { ...auth, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
    body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
  });
  const text = await res.text();
  if (res.status !== 207) throw new Error(`PROPFIND ${bookUrl}: ${res.status} ${text.slice(0, 300)}`);
  return (text.match(/<(?:\w+:)?href>[^<]*\.vcf<\/(?:\w+:)?href>/g) ?? []).length;
}

/** POST the file to /api/contacts/import/ (streamed), then poll the job until it ends. */
async function importCards(baseUrl, path, bookId, headers) {
  const res = await postVCardFile(`${baseUrl}/api/contacts/import/?address_book=${bookId}`, path, headers);
  if (res.status !== 202) throw new Error(`import upload: ${res.status} ${res.body}`);
  const { id } = JSON.parse(res.body);
  for (;;) {
    const { body: job } = await call(baseUrl, 'GET', `/api/imports/${id}/`, { headers });
    if (job.status !== 'running') return job;
    await sleep(200);
  }
}

/**
 * Our server's database, seeded: AUTH=accounts, one account (signed up, with an app token)
 * whose first book gets the cards through the import. Returns the account and the seconds.
 */
async function seedOurs(startApi, sqlitePath, file, cards) {
  const api = await startApi(sqlitePath, OUR_ENV);
  try {
    const [ada] = await makeAccounts(api.baseUrl, ['Ada Lovelace'], `carddav-${process.pid}`);
    const account = { email: ada.email, token: ada.token, bookId: ada.books.find((b) => b.role === 'owner').id };
    const started = performance.now();
    const job = await importCards(api.baseUrl, file, account.bookId, bearer(ada.token));
    if (job.status !== 'done' || job.created !== cards) throw new Error(`import: ${JSON.stringify(job).slice(0, 500)}`);
    const seconds = (performance.now() - started) / 1000;
    return { account, seconds };
  } finally {
    await api.stop();
  }
}

/** Our server on the seeded database, as a vdirsyncer side: HTTP Basic with the email and the app token, discovery from the well-known URL. */
async function startOurs(startApi, sqlitePath, account, env = {}) {
  const api = await startApi(sqlitePath, { ...OUR_ENV, ...env });
  return {
    ...api,
    bookUrl: `${api.baseUrl}/dav/books/${account.bookId}/`,
    auth: basic(account.email, account.token),
    storage: [
      'type = "carddav"',
      `url = ${JSON.stringify(`${api.baseUrl}/.well-known/carddav`)}`,
      `username = ${JSON.stringify(account.email)}`,
      `password = ${JSON.stringify(account.token)}`,
    ],
    collection: String(account.bookId),
  };
}

/** The same `CHANGES` cards changed on a server: GET, new phone, PUT with If-Match. */
async function changeOnServer(server, uids) {
  for (const [k, uid] of uids.entries()) {
    const url = `${server.bookUrl}${encodeURIComponent(uid)}.vcf`;
    const got = await fetch(url, { headers: { ...server.auth, 'accept-encoding': 'identity' } });
    const card = await got.text();
    if (got.status !== 200) throw new Error(`GET ${url}: ${got.status} ${card.slice(0, 200)}`);
    const put = await fetch(url, {
      method: 'PUT',
      headers: { ...server.auth, 'content-type': 'text/vcard; charset=utf-8', 'if-match': got.headers.get('etag') ?? '*' },
      body: withPhone(card, `+1 555 777${String(k).padStart(4, '0')}`),
    });
    if (put.status >= 300) throw new Error(`PUT ${url}: ${put.status} ${await put.text()}`);
  }
}

/** Throws unless a PROPFIND Depth 1 on the server's book lists `cards` cards. */
async function expectListed(name, server, cards) {
  const listed = await listedCards(server.bookUrl, server.auth);
  if (listed !== cards) throw new Error(`${name}: the book lists ${listed} cards over DAV, not ${cards}`);
}

/** One initial sync into a new empty folder: its time, whether every card arrived, the server's peak RSS. */
async function initialSyncOnly(name, server, dir, cards, children) {
  const pair = vdirsyncerPair(join(dir, `${name}-vdirsyncer`), server.storage, server.collection, children);
  await pair.discover();
  const rss = rssSampler(server.pid);
  const initial = await pair.sync();
  const files = readdirSync(pair.folder).filter((f) => f.endsWith('.vcf')).length;
  return {
    initial_sync_s: round(initial.seconds, 2),
    cards_arrived: files,
    complete: files === cards,
    rss_mb_peak_sync: rss.stop(),
    vmhwm_mb: hwmMb(server.pid),
  };
}

/** Initial and incremental vdirsyncer sync against one server; RSS sampled during both. */
async function syncFigures(name, server, dir, uids, cards, children, log) {
  const pair = vdirsyncerPair(join(dir, `${name}-vdirsyncer`), server.storage, server.collection, children);
  const idle = rssMb(server.pid);
  const discover = await pair.discover();
  log(`${name}: initial sync of ${cards} cards`);
  const rss = rssSampler(server.pid);
  const initial = await pair.sync();
  const files = readdirSync(pair.folder).filter((f) => f.endsWith('.vcf')).length;
  if (files !== cards) throw new Error(`${name}: the folder has ${files} cards after the initial sync, not ${cards}`);
  await changeOnServer(server, uids);
  log(`${name}: incremental sync after ${CHANGES} changes`);
  const incremental = await pair.sync();
  const copied = copiedToFolder(incremental.output);
  if (copied !== CHANGES) throw new Error(`${name}: the incremental sync copied ${copied} cards, not ${CHANGES}`);
  return {
    discover_s: round(discover.seconds, 2),
    initial_sync_s: round(initial.seconds, 2),
    incremental_sync_s: round(incremental.seconds, 2),
    incremental_copied: copied,
    rss_mb_before_sync: idle,
    rss_mb_peak_sync: rss.stop(),
    vmhwm_mb: hwmMb(server.pid),
  };
}

/** vdirsyncer folder → folder on the same cards: what the client alone costs. */
async function clientFloor(dir, cards, children) {
  const source = join(dir, 'floor-source');
  mkdirSync(join(source, 'contacts'), { recursive: true });
  for (const card of cards) writeFileSync(join(source, 'contacts', `${uidOf(card)}.vcf`), card);
  const pair = vdirsyncerPair(
    join(dir, 'floor-vdirsyncer'),
    ['type = "filesystem"', `path = ${JSON.stringify(source)}`, 'fileext = ".vcf"'],
    'contacts',
    children,
  );
  await pair.discover();
  const initial = await pair.sync();
  return { initial_sync_s: round(initial.seconds, 2) };
}

/**
 * `startApi(sqlitePath, env)` → { baseUrl, pid, stop } (run-all.mjs's, or the standalone one);
 * `children`: the caller's set of processes, killed by its own time limit. Gives up (every
 * process it started killed) after `timeLimitMs`.
 */
export async function runCarddavBench({
  startApi = startBuiltApi,
  cards = 10_000,
  timeLimitMs = 300_000,
  children: outer = undefined,
  log = (/** @type {string} */ _m) => {},
} = {}) {
  for (const tool of ['vdirsyncer', 'radicale']) {
    const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return { skipped: `${tool} is not installed (apt-get install ${tool})` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'contacts-bench-carddav-'));
  // The processes started here, also entered in the caller's set (which its own time limit kills).
  const mine = new Set();
  const children = {
    add: (child) => (mine.add(child), outer?.add(child)),
    delete: (child) => (mine.delete(child), outer?.delete(child)),
  };
  const servers = [];
  let timer;
  const limit = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error(`time limit (${timeLimitMs / 1000} s) reached`)), timeLimitMs);
  });
  const work = async () => {
    const { generateVCards } = await generator();
    const all = [...generateVCards(cards)];
    const file = join(dir, 'cards.vcf');
    const out = createWriteStream(file);
    for (const card of all) out.write(card);
    out.end();
    await streamFinished(out);
    // Spread over the book, the same cards on both servers.
    const uids = Array.from({ length: CHANGES }, (_, k) => uidOf(all[Math.floor(((k + 0.5) * cards) / CHANGES)]));
    const version = (tool) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const result = { cards, changes: CHANGES, versions: { vdirsyncer: version('vdirsyncer'), radicale: version('radicale') } };

    log(`floor: vdirsyncer folder → folder, ${cards} cards`);
    result.floor_vdirsyncer_folder_to_folder = await clientFloor(dir, all, children);

    log(`ours: sign up, import ${cards} cards`);
    const sqlitePath = join(dir, 'carddav.sqlite3');
    const seeded = await seedOurs(startApi, sqlitePath, file, cards);
    // Restarted after the seeding, as Radicale is: its memory is the syncs', not the import's.
    const ours = await startOurs(startApi, sqlitePath, seeded.account);
    servers.push(ours);
    await expectListed('ours', ours, cards);
    result.ours = {
      seed: 'POST /api/contacts/import/',
      seed_s: round(seeded.seconds, 2),
      ...(await syncFigures('ours', ours, dir, uids, cards, children, log)),
    };
    await ours.stop();

    // V8 lets its heap grow while it can; capped, the whole book must still go out.
    log(`ours: initial sync again, the server's heap capped at ${HEAP_CAP_MB} MB`);
    const capped = await startOurs(startApi, sqlitePath, seeded.account, { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` });
    servers.push(capped);
    result.ours_heap_capped = { heap_cap_mb: HEAP_CAP_MB, ...(await initialSyncOnly('ours-capped', capped, dir, cards, children)) };
    await capped.stop();

    log(`radicale: ${cards} cards written to its storage, indexed by one PROPFIND`);
    const radicaleDir = join(dir, 'radicale');
    const indexing = await startRadicale(radicaleDir, all, children);
    servers.push(indexing);
    const indexStarted = performance.now();
    await expectListed('radicale', indexing, cards);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    await indexing.stop();
    const radicale = await startRadicale(radicaleDir, null, children);
    servers.push(radicale);
    result.radicale = {
      seed: 'storage files + one PROPFIND',
      seed_s: round(indexSeconds, 2),
      ...(await syncFigures('radicale', radicale, dir, uids, cards, children, log)),
    };
    await radicale.stop();
    return result;
  };
  try {
    return await Promise.race([work(), limit]);
  } finally {
    clearTimeout(timer);
    for (const child of mine) child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures side by side, one row each (for run-all.mjs's closing table and the standalone run). */
export function carddavRows(x) {
  if (!x?.ours) return [['CardDAV: vdirsyncer vs Radicale', x?.skipped ? `skipped: ${x.skipped}` : `error: ${x?.error ?? 'not run'}`]];
  const n = Number(x.cards).toLocaleString('en');
  const pair = (key, unit) => `ours ${x.ours[key]} ${unit} / Radicale ${x.radicale[key]} ${unit}`;
  const c = x.ours_heap_capped;
  return [
    [`CardDAV floor: vdirsyncer folder → folder, ${n} cards`, `${x.floor_vdirsyncer_folder_to_folder.initial_sync_s} s`],
    [`CardDAV initial vdirsyncer sync, ${n} cards`, pair('initial_sync_s', 's')],
    [`CardDAV incremental sync after ${x.changes} changes`, pair('incremental_sync_s', 's')],
    ['CardDAV server RSS peak during the syncs', pair('rss_mb_peak_sync', 'MB')],
    ['CardDAV server VmHWM (restarted after seeding)', pair('vmhwm_mb', 'MB')],
    [
      `CardDAV ours, initial sync, heap capped at ${c.heap_cap_mb} MB`,
      c.complete
        ? `${c.initial_sync_s} s, all ${n} cards, RSS peak ${c.rss_mb_peak_sync} MB`
        : `INCOMPLETE: ${c.cards_arrived} of ${n} cards`,
    ],
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const cardsArg = process.argv.indexOf('--cards');
  const cards = cardsArg > 0 ? Number(process.argv[cardsArg + 1]) : quick ? 1000 : 10_000;
  runCarddavBench({ cards, log: (m) => process.stderr.write(`[bench:carddav] ${new Date().toISOString().slice(11, 19)} ${m}\n`) })
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      const rows = carddavRows(result);
      const width = Math.max(...rows.map((r) => r[0].length));
      console.log(rows.map(([a, b]) => `${a.padEnd(width)}  ${b}`).join('\n'));
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
