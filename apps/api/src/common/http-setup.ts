import type { FastifyServerOptions } from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import negotiate from '@fastify/accept-negotiator';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Fastify: about three times the requests per second of Express under Nest here.
 * `/api/contacts/` and `/api/contacts` are one resource (answered directly, no redirect);
 * bodies up to 1 MiB (parse errors reach ApiExceptionFilter as HttpExceptions); client addresses from X-Forwarded-For only when a local proxy sent it.
 */
export const FASTIFY_OPTIONS: FastifyServerOptions = {
  bodyLimit: BODY_LIMIT_BYTES,
  routerOptions: { ignoreTrailingSlash: true },
  trustProxy: 'loopback, linklocal, uniquelocal',
  return503OnClosing: false, // the shutdown gate answers in the contract's shape instead
};

// ------------------------------------------------------------------ compression

export type BodyEncoding = 'br' | 'gzip';
/** Smaller answers gain less than the header and the CPU cost (one contact stays below it). */
export const COMPRESS_THRESHOLD_BYTES = 1024;
/** @fastify/compress's choice for answers made per request; brotli's own default (11) is meant for build time. */
const BROTLI_QUALITY = 4;
const ENCODINGS: BodyEncoding[] = ['br', 'gzip'];

/** The encoding an `Accept-Encoding` header prefers among ours, or null for identity. */
export function negotiateEncoding(acceptEncoding: string | undefined): BodyEncoding | null {
  return acceptEncoding ? negotiate(acceptEncoding.toLowerCase(), ENCODINGS) : null;
}

/** What @fastify/compress would send for `body` in `encoding`, made by the caller so it can be kept. */
export function encodeBody(body: string, encoding: BodyEncoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body);
}

/** Adds `accept-encoding` to the answer's Vary, keeping what is there (CORS varies on Origin). */
export function varyOnAcceptEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const values = (Array.isArray(vary) ? vary : vary === undefined ? [] : [String(vary)]).flatMap((v) => v.split(',')).map((v) => v.trim());
  if (!values.some((v) => v.toLowerCase() === 'accept-encoding' || v === '*'))
    reply.header('Vary', [...values, 'accept-encoding'].join(', '));
}

/**
 * Answers above the threshold go out compressed (brotli or gzip, per Accept-Encoding). An
 * answer that already carries Content-Encoding (a cached list page, a precompressed file)
 * is passed through as is. A compressed answer's ETag becomes weak, as nginx does: the
 * strong one names the identity bytes, and If-Match compares the contact either way.
 * Must run before any route is added: the plugin attaches itself to routes as they are made.
 */
export async function registerCompression(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCompress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ENCODINGS,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  // Added after the plugin's own hook, so this runs after it has compressed (or not).
  fastify.addHook('onRoute', (route) => {
    route.onSend = [...(route.onSend ? [route.onSend].flat() : []), weakenEtagWhenEncoded];
  });
}

function weakenEtagWhenEncoded(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
) {
  const etag = reply.getHeader('etag');
  if (typeof etag === 'string' && !etag.startsWith('W/') && reply.getHeader('content-encoding')) reply.header('ETag', `W/${etag}`);
  done(null, payload);
}

// ------------------------------------------------------------------ the web app

const SERVER_PATHS = /^\/(api|socket\.io|ws)(\/|$)/;
/** The build's compressed copies (scripts/precompress-web.mjs) are not pages of their own. */
const ENCODED_COPY = /\.(br|gz)$/;

/**
 * The built Angular app at `/`: its files, and index.html for the app's own routes. Nothing
 * here is compressed per request: files go out as the build's `.br`/`.gz` copies to clients
 * that accept them (@fastify/static `preCompressed`; a file without a smaller copy goes out
 * as is), and the app page is compressed once, when first asked for.
 */
export async function serveWebApp(app: NestFastifyApplication, distPath: string, createDelayMs: number): Promise<void> {
  const root = resolve(distPath);
  const index = join(root, 'index.html');
  let page: { html: string; encoded: Map<BodyEncoding, Buffer> } | undefined;
  // serve: false — only reply.sendFile; the route below decides what is a file and what is the app.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, cacheControl: false, index: false, suppressWarning: true });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.get('/*', { compress: false }, (request: FastifyRequest, reply: FastifyReply) => {
    const path = decodeURIComponent(request.url.split('?')[0]);
    if (SERVER_PATHS.test(path)) return reply.status(404).send({ detail: 'Not found.' });
    const file = resolve(root, `.${path}`);
    if (file.startsWith(root + sep) && !ENCODED_COPY.test(file) && existsSync(file) && statSync(file).isFile()) {
      const hashed = /-[A-Z0-9]{8,}\.(js|css)$/.test(file);
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.sendFile(file.slice(root.length).split(sep).join('/'));
    }
    if (!existsSync(index)) {
      return reply.status(503).type('text/plain').send('The web app is not built yet: run `make run` (or `npm run build:web`).');
    }
    // The app's progress bar for pending creates follows this server's real delay (so the
    // page is not the build's file, nor are its compressed copies).
    page ??= {
      html: readFileSync(index, 'utf8').replace(/(<meta name="contacts-create-delay-ms" content=")\d+(")/, `$1${createDelayMs}$2`),
      encoded: new Map(),
    };
    reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8');
    varyOnAcceptEncoding(reply);
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (encoding === null) return reply.send(page.html);
    let bytes = page.encoded.get(encoding);
    if (!bytes) page.encoded.set(encoding, (bytes = encodeBody(page.html, encoding)));
    return reply.header('Content-Encoding', encoding).send(bytes);
  });
}
