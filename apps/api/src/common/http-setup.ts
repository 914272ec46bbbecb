import type { FastifyServerOptions } from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

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

const SERVER_PATHS = /^\/(api|socket\.io|ws)(\/|$)/;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The built Angular app at `/`: its files, and index.html for the app's own routes. */
export function serveWebApp(app: NestFastifyApplication, distPath: string, createDelayMs: number): void {
  const root = resolve(distPath);
  const index = join(root, 'index.html');
  let page: string | undefined;
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = decodeURIComponent(request.url.split('?')[0]);
    if (SERVER_PATHS.test(path)) return reply.status(404).send({ detail: 'Not found.' });
    const file = resolve(root, `.${path}`);
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      const hashed = /-[A-Z0-9]{8,}\.(js|css)$/.test(file);
      reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      reply.type(TYPES[extname(file)] ?? 'application/octet-stream');
      return reply.send(createReadStream(file));
    }
    if (!existsSync(index)) {
      return reply.status(503).type('text/plain').send('The web app is not built yet: run `make run` (or `npm run build:web`).');
    }
    // The app's progress bar for pending creates follows this server's real delay.
    page ??= readFileSync(index, 'utf8').replace(/(<meta name="contacts-create-delay-ms" content=")\d+(")/, `$1${createDelayMs}$2`);
    return reply.header('Cache-Control', 'no-cache').type(TYPES['.html']).send(page);
  });
}
