import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

const BODY_LIMIT = '1mb';

/** `/api/contacts/` and `/api/contacts` are the same resource: answered directly, no redirect. */
export function stripTrailingSlash(req: Request, _res: Response, next: NextFunction): void {
  const queryAt = req.url.indexOf('?');
  const path = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  if (path.length > 1 && path.endsWith('/') && path.startsWith('/api/')) {
    req.url = path.replace(/\/+$/, '') + (queryAt === -1 ? '' : req.url.slice(queryAt));
  }
  next();
}

/** JSON (and form) bodies up to 1 MiB; parse failures answer in the contract's shape. */
function bodyParsers() {
  const parsers = [express.json({ limit: BODY_LIMIT, strict: false }), express.urlencoded({ limit: BODY_LIMIT, extended: false })];
  return (req: Request, res: Response, next: NextFunction) => {
    const run = (index: number): void => {
      if (index === parsers.length) return next();
      parsers[index](req, res, (error?: unknown) => {
        if (!error) return run(index + 1);
        const { status, type } = error as { status?: number; type?: string };
        if (status === 413 || type === 'entity.too.large') {
          res.status(413).json({ detail: 'Request body is too large (limit 1 MiB).' });
        } else if (type === 'entity.parse.failed') {
          res.status(400).json({ detail: 'JSON parse error - the body is not valid JSON.' });
        } else {
          res.status(status && status >= 400 && status < 500 ? status : 400).json({ detail: 'Unreadable request body.' });
        }
      });
    };
    run(0);
  };
}

export function applyHttpSetup(app: NestExpressApplication): void {
  app.set('etag', false); // ETags are ours: content-based, on contact responses only
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.use(stripTrailingSlash);
  app.use(bodyParsers());
}

/** The built Angular app at `/`, with the SPA's routes falling back to index.html. */
export function serveWebApp(app: NestExpressApplication, distPath: string, createDelayMs: number): void {
  const index = join(distPath, 'index.html');
  let page: string | undefined;
  const assets = express.static(distPath, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  app.use((req: Request, res: Response, next: NextFunction) => {
    // API traffic skips the file system entirely.
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (SERVER_PATHS.test(req.path)) return next();
    assets(req, res, () => serveIndex(req, res, next));
  });
  const serveIndex = (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The web app is not built yet: run `make run` (or `npm run build:web`).');
      return;
    }
    // The app's progress bar for pending creates follows this server's real delay.
    page ??= readFileSync(index, 'utf8').replace(
      /(<meta name="contacts-create-delay-ms" content=")\d+(")/,
      `$1${createDelayMs}$2`,
    );
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page);
  };
}

const SERVER_PATHS = /^\/(api|socket\.io|ws)(\/|$)/;

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
