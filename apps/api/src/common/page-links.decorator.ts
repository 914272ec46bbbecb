import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { PageLinkBase } from './pagination.js';

/** The request's absolute origin, path and query: what DRF's next/previous links are built from. */
export const PageLinks = createParamDecorator((_: unknown, ctx: ExecutionContext): PageLinkBase => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  const path = req.url.split('?')[0];
  return {
    origin: `${req.protocol}://${req.host ?? 'localhost'}`,
    path: path.endsWith('/') ? path : `${path}/`,
    query: req.query as Record<string, unknown>,
  };
});
