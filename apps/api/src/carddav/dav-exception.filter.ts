import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fieldErrorsText } from './dav-cards.js';
import { DavError, davConditions } from './dav-error.js';
import { sendDavError } from './dav-reply.js';

/**
 * The REST API's errors as a DAV client understands them. A DavError goes out as it says;
 * the ApiErrors of the services (and the guard's 401 and 429) keep their status and lose
 * their JSON: 403 becomes DAV:need-privileges, a 400 keeps its message as a
 * responsedescription, anything else is the bare status. Headers already set (the
 * guard's WWW-Authenticate and Retry-After) go out with it. Anything unexpected is logged
 * and is a bare 500.
 */
@Catch()
export class DavExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('CardDAV');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent || reply.raw.headersSent) {
      // A streamed answer had started: it can only be cut.
      if (!(exception instanceof DavError)) this.logger.error(this.describe(host, exception));
      reply.raw.destroy();
      return;
    }
    const error = this.davErrorOf(exception);
    if (error === null) {
      this.logger.error(this.describe(host, exception));
      sendDavError(reply, new DavError(500));
      return;
    }
    sendDavError(reply, error);
  }

  private davErrorOf(exception: unknown): DavError | null {
    if (exception instanceof DavError) return exception;
    if (!(exception instanceof HttpException)) return null;
    const status = exception.getStatus();
    if (status === 403) return new DavError(403, davConditions.needPrivileges);
    if (status === 400) {
      return new DavError(400, undefined, messageOf(exception.getResponse()));
    }
    if (status >= 500) return null;
    return new DavError(status);
  }

  private describe(host: ArgumentsHost, exception: unknown): string {
    // Method and path only: the body and query may hold contact data.
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    const where = request ? `${request.method} ${request.url.split('?')[0]}: ` : '';
    return `${where}${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`;
  }
}

/** The readable part of an HttpException's body: ours (`{detail}` or field errors), or Nest's own (`{statusCode, message}`). */
function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (typeof body !== 'object' || body === null) return undefined;
  if ('statusCode' in body) {
    const message = (body as { message?: unknown }).message;
    return Array.isArray(message) ? message.join('\n') : typeof message === 'string' ? message : undefined;
  }
  return fieldErrorsText(body);
}
