import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { PageLinkBase } from './pagination.js';

/** The request's absolute origin, path and query: what DRF's next/previous links are built from. */
export const PageLinks = createParamDecorator((_: unknown, ctx: ExecutionContext): PageLinkBase => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  const queryAt = req.url.indexOf('?');
  const path = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  return {
    origin: `${req.protocol}://${req.host ?? 'localhost'}`,
    path: path.endsWith('/') ? path : `${path}/`,
    query: req.query as Record<string, unknown>,
    rawQuery: queryAt === -1 ? '' : req.url.slice(queryAt + 1),
  };
});
