import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { PageLinkBase } from './pagination.js';

/** The request's absolute origin, path and query: what DRF's next/previous links are built from. */
export const PageLinks = createParamDecorator((_: unknown, ctx: ExecutionContext): PageLinkBase => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return {
    origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
    path: req.path.endsWith('/') ? req.path : `${req.path}/`,
    query: req.query as Record<string, unknown>,
  };
});
