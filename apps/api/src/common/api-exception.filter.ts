import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

const DEFAULT_DETAIL: Record<number, string> = {
  400: 'Bad request.',
  401: 'Authentication credentials were not provided.',
  404: 'Not found.',
  405: 'Method not allowed.',
  413: 'Request body is too large (limit 1 MiB).',
  429: 'Request was throttled.',
};

/** Every error leaves in the contract's shape; anything unexpected is logged and becomes a bare 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<FastifyReply>();
    if (response.sent) return;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      response.status(status).send(this.bodyFor(status, exception.getResponse()));
      return;
    }
    // Method and path only (ids, never the query string or body: they may hold contact data);
    // the logger adds the request id.
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    const where = request ? `${request.method} ${request.url.split('?')[0]}: ` : '';
    this.logger.error(`${where}${exception instanceof Error ? exception.stack : String(exception)}`);
    response.status(500).send({ detail: 'Internal server error.' });
  }

  private bodyFor(status: number, body: unknown): object {
    // Nest's own exceptions ({statusCode, message, error}) become {"detail"}; ours pass through.
    if (typeof body === 'object' && body !== null && !('statusCode' in body)) return body;
    // A plain message (e.g. Fastify's body-parse errors) is the most specific detail there is.
    if (typeof body === 'string' && body) return { detail: body };
    return { detail: DEFAULT_DETAIL[status] ?? 'Error.' };
  }
}
