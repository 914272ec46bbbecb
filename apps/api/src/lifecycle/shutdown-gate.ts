import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

export const SHUTTING_DOWN_DETAIL = 'Server is shutting down.';

/**
 * The HTTP side of a graceful shutdown: once closed, new requests get 503 (and
 * `Connection: close`, so keep-alive clients go elsewhere); requests already in
 * flight are counted so the shutdown can wait for their answers to leave.
 */
@Injectable()
export class ShutdownGate {
  private closed = false;
  private inFlight = 0;
  private readonly idleWaiters = new Set<() => void>();

  get isClosed(): boolean {
    return this.closed;
  }

  get inFlightCount(): number {
    return this.inFlight;
  }

  close(): void {
    this.closed = true;
  }

  /** A Fastify onRequest hook, first in line. */
  readonly hook = (_request: FastifyRequest, reply: FastifyReply, proceed: HookHandlerDoneFunction): void => {
    if (this.closed) {
      reply.header('Connection', 'close').header('Retry-After', '1').status(503).send({ detail: SHUTTING_DOWN_DETAIL });
      return;
    }
    this.inFlight += 1;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.idleWaiters) wake();
    };
    reply.raw.once('finish', finished);
    reply.raw.once('close', finished);
    proceed();
  };

  /** Resolves once no request is in flight, or after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<void> {
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.idleWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.idleWaiters.add(wake);
    });
  }
}
