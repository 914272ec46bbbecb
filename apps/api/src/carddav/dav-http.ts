import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { optionsHeaders } from './dav-reply.js';

/** The WebDAV methods Fastify does not know by default; all may carry a body. */
export const DAV_METHODS = ['PROPFIND', 'PROPPATCH', 'REPORT', 'MKCOL', 'MOVE', 'COPY', 'LOCK', 'UNLOCK'] as const;

export const isDavRouteUrl = (url: string | undefined): boolean => url === '/dav' || (url?.startsWith('/dav/') ?? false);

/**
 * What the DAV routes need from Fastify itself, before any route is registered:
 * - the WebDAV methods (an `@All()` route takes the methods known when it is added);
 * - no compression: a compressed answer's ETag is weakened (common/http-setup.ts), and a
 *   card's ETag must stay the strong one its PUT answered;
 * - no CORS (@fastify/cors answers any OPTIONS without Origin as a bad preflight);
 * - OPTIONS answered before authentication (clients probe with it unauthenticated, RFC
 *   4918 §9.1 / RFC 6352 §6.1), as a route hook: one route serves every method, and the
 *   guard would otherwise ask OPTIONS for credentials too.
 * Must run before NestFactory.create adds routes and before @fastify/compress is registered.
 */
export function registerDavHttp(fastify: FastifyInstance): void {
  for (const method of DAV_METHODS) {
    if (!fastify.supportedMethods.includes(method)) fastify.addHttpMethod(method, { hasBody: true });
  }
  fastify.addHook('onRoute', (route: RouteOptions & { compress?: unknown }) => {
    if (!isDavRouteUrl(route.url)) return;
    route.compress = false;
    // No CORS: DAV clients are not web pages, and its preflight handling would take every OPTIONS for a malformed preflight.
    route.config = { ...(route.config as object | undefined), cors: false };
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), answerOptions];
  });
}

function answerOptions(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (request.method !== 'OPTIONS') return done();
  reply.status(200).headers(optionsHeaders()).send();
}
