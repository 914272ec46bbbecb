import { ConsoleLogger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's id is kept only if it is short and plain (it ends up in logs and headers). */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const store = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

/** Takes X-Request-Id (or makes one), echoes it, and makes it visible to every log line of the request. */
export function requestIdHook(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const offered = request.headers['x-request-id'];
  const requestId = typeof offered === 'string' && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  reply.header(REQUEST_ID_HEADER, requestId);
  store.run({ requestId }, done);
}

/**
 * Nest's console logger with `[req <id>]` after the context when a line is written on
 * behalf of a request. Messages are the caller's: keep contact data (names, emails,
 * phones, search terms) out of them; ids only.
 */
export class RequestAwareLogger extends ConsoleLogger {
  protected override formatContext(context: string): string {
    const requestId = currentRequestId();
    const base = super.formatContext(context);
    return requestId ? `${base}[req ${requestId}] ` : base;
  }
}
