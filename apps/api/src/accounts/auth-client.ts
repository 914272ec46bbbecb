import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * What sign-in and sign-out need from the HTTP exchange, so the services never see Fastify:
 * who is asking, whether it came over https, and a way to add a header to the answer.
 */
export interface AuthClient {
  /** The client's address (X-Forwarded-For only from a local proxy: Fastify's trustProxy). */
  readonly address: string;
  /** https, at the client's end (X-Forwarded-Proto from a local proxy): the cookie is then `Secure`. */
  readonly secure: boolean;
  header(name: string, value: string): void;
}

export const CurrentClient = createParamDecorator((_: unknown, context: ExecutionContext): AuthClient => {
  const http = context.switchToHttp();
  const request = http.getRequest<FastifyRequest>();
  const reply = http.getResponse<FastifyReply>();
  return {
    address: request.ip ?? 'unknown',
    secure: request.protocol === 'https',
    header: (name, value) => void reply.header(name, value),
  };
});
