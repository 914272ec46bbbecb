import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { OriginPolicy } from './origin-policy.js';

/**
 * Angular's critical-CSS inlining loads the full stylesheet with
 * `onload="this.media='all'"`: that one handler is allowed by hash, nothing else inline.
 */
const ANGULAR_STYLESHEET_ONLOAD = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/** Helmet's headers with a CSP that the Angular app and Swagger UI (/api/docs) live with. */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'unsafe-hashes'", ANGULAR_STYLESHEET_ONLOAD],
        // Angular component styles and Swagger UI's page style are inline <style> blocks.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Served over plain HTTP on localhost and behind nginx: do not force https here.
        upgradeInsecureRequests: null,
      },
    },
    // HSTS belongs to whoever terminates TLS (nginx or the platform), not this HTTP server.
    strictTransportSecurity: false,
  });
}

/** CORS for the REST API from the CORS_ORIGINS allowlist (same origin always works). */
export function applySecurity(app: NestFastifyApplication, config: AppConfig): OriginPolicy {
  const policy = new OriginPolicy(config.corsOrigins);
  const headers = securityHeaders();
  // helmet sets headers on the raw response; Fastify merges them into its reply.
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  fastify.addHook('onRequest', (request, reply, done) => headers(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  app.enableCors({
    origin: (origin, callback) => callback(null, policy.allows(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After'],
    allowedHeaders: ['Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id', 'Authorization', 'X-Service-Token'],
    maxAge: 600,
  });
  return policy;
}
