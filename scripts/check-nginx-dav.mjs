#!/usr/bin/env node
// deploy/nginx.conf tried for real on CardDAV traffic (check-containers.sh runs it when nginx
// is installed): nginx runs the config on a free port of 127.0.0.1 with the `api` upstream
// pointed at a stand-in that records what reaches it and answers like the API. Passes when:
// PROPFIND and REPORT reach it with their Depth, Authorization (Basic) and body; a 10 MiB PUT
// arrives whole; /.well-known/carddav and /.well-known/carddav/ reach it (not the web app);
// and a 64 MiB 207 answer comes through whole, paced by the client: while the client stops
// reading, the stand-in cannot finish writing (nginx does not soak the answer up into its
// buffers and temp files, so the API's streaming keeps its memory bounded end to end).
// Prints what failed; exit 1 if anything did.
//   node scripts/check-nginx-dav.mjs [path/to/nginx.conf]
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CONF = resolve(process.argv[2] ?? join(ROOT, 'deploy/nginx.conf'));
const MiB = 1024 * 1024;
const BIG_ANSWER = 64 * MiB;
/** How long the client stops reading the big answer. */
const PAUSE_MS = 1000;
const AUTH = `Basic ${Buffer.from('ada@example.com:app-token-secret').toString('base64')}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer().on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => res(port));
    });
  });
}

/** The API stand-in: records each request (method, url, headers, body size); answers a small 207, or a big one as fast as it is taken. */
function standIn(port) {
  const seen = [];
  let bigStreaming = false;
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c) => (bytes += c.length));
    req.on('end', async () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, bytes });
      if (req.url === '/dav/big/') {
        // Streamed as the API streams a book: the next piece once the last one was taken.
        res.writeHead(207, { 'content-type': 'application/xml; charset=utf-8' });
        bigStreaming = true;
        const piece = Buffer.alloc(MiB, 'x');
        for (let sent = 0; sent < BIG_ANSWER; sent += MiB) {
          if (!res.write(piece)) await new Promise((r) => res.once('drain', r));
        }
        bigStreaming = false;
        res.end();
        return;
      }
      res.writeHead(req.url.startsWith('/.well-known/') ? 301 : 207, {
        'content-type': 'application/xml; charset=utf-8',
        ...(req.url.startsWith('/.well-known/') ? { location: '/dav/' } : {}),
      });
      res.end('<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"/>');
    });
  });
  return new Promise((res) => server.listen(port, '127.0.0.1', () => res({ server, seen, streaming: () => bigStreaming })));
}

/** deploy/nginx.conf on `port`, its upstreams on the stand-in, in a throwaway prefix. */
function nginxConfig(dir, port, upstreamPort) {
  const version = /nginx\/([\d.]+)/.exec(spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr)?.[1] ?? '0';
  const older =
    version
      .split('.')
      .map(Number)
      .reduce((a, n) => a * 1000 + n, 0) < 1_027_003;
  let conf = readFileSync(CONF, 'utf8')
    .replace(/server api:8000/g, `server 127.0.0.1:${upstreamPort}`)
    .replace(/listen\s+\[::\]:5173;/g, '')
    .replace(/listen\s+5173;/g, `listen 127.0.0.1:${port};`);
  // nginx < 1.27.3 has no `resolve` on an upstream server (check-containers.sh drops it too).
  if (older) conf = conf.replace(/(server 127\.0\.0\.1:\d+) resolve;/g, '$1;');
  writeFileSync(join(dir, 'default.conf'), conf);
  const mime = '/etc/nginx/mime.types';
  writeFileSync(
    join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
daemon off;
events {}
http {
  ${spawnSync('test', ['-f', mime]).status === 0 ? `include ${mime};` : ''}
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  include ${dir}/default.conf;
}
`,
  );
}

/**
 * @param {number} port
 * @param {string} method
 * @param {string} path
 * @param {{ headers?: Record<string, string>, body?: Buffer }} [options]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, bytes: number }>}
 */
function request(port, method, path, { headers = {}, body } = {}) {
  return new Promise((res, rej) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, ...(body ? { 'content-length': body.length } : {}) } },
      (response) => {
        let bytes = 0;
        response.on('data', (c) => (bytes += c.length));
        response.on('end', () => res({ status: response.statusCode, headers: response.headers, bytes }));
      },
    );
    req.on('error', rej);
    req.end(body);
  });
}

async function main() {
  if (spawnSync('nginx', ['-v']).error) {
    console.log('nginx not installed: CardDAV proxying not tried');
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'contacts-nginx-dav-'));
  // nginx's workers (user nobody when started as root) write request bodies here.
  chmodSync(dir, 0o777);
  const [port, upstreamPort] = [await freePort(), await freePort()];
  const upstream = await standIn(upstreamPort);
  nginxConfig(dir, port, upstreamPort);
  const nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr.on('data', (c) => (errors += c));
  const problems = [];
  try {
    for (let i = 0; ; i++) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${errors}${readFileSync(join(dir, 'error.log'), 'utf8').slice(-2000)}`);
      if (
        await request(port, 'GET', '/healthz').then(
          () => true,
          () => false,
        )
      )
        break;
      if (i > 100) throw new Error('nginx did not answer in 10 s');
      await sleep(100);
    }
    const last = () => upstream.seen.at(-1);
    /**
     * @param {string} label
     * @param {string} method
     * @param {string} path
     * @param {{ headers?: Record<string, string>, body?: Buffer }} options
     * @param {(got: { method: string, url: string, headers: import('node:http').IncomingHttpHeaders, bytes: number }, answer: { status: number }) => string | null} [check]
     */
    const expectReached = async (label, method, path, options, check = () => null) => {
      const before = upstream.seen.length;
      const answer = await request(port, method, path, options);
      if (upstream.seen.length === before) return problems.push(`${label}: did not reach the API (nginx answered ${answer.status})`);
      const got = last();
      if (got.method !== method) problems.push(`${label}: arrived as ${got.method}`);
      if (got.url !== path) problems.push(`${label}: arrived as ${got.url}`);
      if (options.headers?.authorization && got.headers.authorization !== options.headers.authorization)
        problems.push(`${label}: Authorization did not arrive as sent`);
      if (!got.headers['x-forwarded-for']) problems.push(`${label}: no X-Forwarded-For (the API would see every client as nginx)`);
      const problem = check(got, answer);
      if (problem) problems.push(`${label}: ${problem}`);
    };
    const xml = Buffer.from('<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>');
    const xmlHeaders = { authorization: AUTH, 'content-type': 'application/xml; charset=utf-8' };
    await expectReached('PROPFIND /dav/', 'PROPFIND', '/dav/', { headers: { ...xmlHeaders, depth: '1' }, body: xml }, (got) =>
      got.headers.depth !== '1' ? 'Depth did not arrive' : got.bytes !== xml.length ? `body ${got.bytes} bytes, sent ${xml.length}` : null,
    );
    await expectReached('REPORT on a book', 'REPORT', '/dav/books/1/', { headers: { ...xmlHeaders, depth: '1' }, body: xml }, (got) =>
      got.bytes !== xml.length ? `body ${got.bytes} bytes, sent ${xml.length}` : null,
    );
    const card = Buffer.alloc(10 * MiB, 'a');
    await expectReached(
      'PUT of a 10 MiB card',
      'PUT',
      '/dav/books/1/big.vcf',
      { headers: { authorization: AUTH, 'content-type': 'text/vcard' }, body: card },
      (got, answer) =>
        answer.status === 413
          ? 'nginx refused it (413)'
          : got.bytes !== card.length
            ? `body ${got.bytes} bytes, sent ${card.length}`
            : null,
    );
    await expectReached('DELETE of a card', 'DELETE', '/dav/books/1/a.vcf', { headers: { authorization: AUTH, 'if-match': '"1"' } });
    for (const path of ['/.well-known/carddav', '/.well-known/carddav/']) {
      await expectReached(`PROPFIND ${path}`, 'PROPFIND', path, { headers: { ...xmlHeaders, depth: '0' }, body: xml }, (_got, answer) =>
        answer.status !== 301 ? `answered ${answer.status}, not the API's 301` : null,
      );
    }
    // The big answer: the client reads its first bytes, stops for a while, then reads the rest.
    const big = await new Promise((res, rej) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'PROPFIND', path: '/dav/big/', headers: { authorization: AUTH, depth: '1' } },
        (response) => {
          let bytes = 0;
          let heldBack = null;
          response.on('data', (c) => {
            bytes += c.length;
            if (heldBack !== null) return;
            response.pause();
            setTimeout(() => {
              heldBack = upstream.streaming();
              response.resume();
            }, PAUSE_MS);
          });
          response.on('end', () => res({ heldBack, bytes }));
        },
      );
      req.on('error', rej);
      req.end();
    });
    if (big.bytes !== BIG_ANSWER) problems.push(`64 MiB 207: ${big.bytes} bytes arrived`);
    if (!big.heldBack)
      problems.push(
        "64 MiB 207: nginx took the whole answer while the client was not reading (proxy_buffering: it lands in nginx's temp files)",
      );
  } catch (error) {
    problems.push(String(error?.message ?? error));
  } finally {
    nginx.kill('SIGTERM');
    await new Promise((r) => (nginx.exitCode !== null ? r(undefined) : nginx.once('exit', r)));
    upstream.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const p of problems) console.error(`  ✗ ${p}`);
  (problems.length ? console.error : console.log)(
    problems.length
      ? `nginx CardDAV proxying: ${problems.length} problem(s)`
      : 'nginx CardDAV proxying: ok (PROPFIND, REPORT, PUT of 10 MiB, DELETE, well-known, a 64 MiB 207 paced by the client)',
  );
  return problems.length ? 1 : 0;
}

main().then((code) => process.exit(code));
