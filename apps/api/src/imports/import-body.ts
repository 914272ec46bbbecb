import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/** The upload route, as the router knows it (the trailing slash is ignored). */
export const IMPORT_ROUTE = '/api/contacts/import';

/** The media types an import body may come as (browsers label `.vcf` and `.csv` in several ways). */
export const IMPORT_MEDIA_TYPES = ['text/vcard', 'text/x-vcard', 'text/directory', 'text/csv', 'application/octet-stream'] as const;

function isImportRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url?.replace(/\/$/, '');
  return request.method === 'POST' && url === IMPORT_ROUTE;
}

/**
 * CardDAV's routes (carddav/): their XML and vCard bodies are read, with their own size
 * caps, by the DAV handlers; the well-known redirect answers whatever body a PROPFIND sent it.
 */
function isDavRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return url === '/dav' || url === '/.well-known/carddav' || (url?.startsWith('/dav/') ?? false);
}

/**
 * An import body is a file of up to 50 MiB: it reaches the handler as the request stream
 * itself, unread, so the service can spool it to disk (Fastify would buffer it, under the
 * 1 MiB limit). Done as Fastify's catch-all parser, which only media types without a
 * parser of their own reach (JSON, forms and plain text keep theirs). CardDAV's bodies
 * (XML, vCard) come through the same way. For every other route such a body is refused
 * exactly as before, 415.
 */
@Injectable()
export class ImportBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance() as FastifyInstance | undefined;
    if (!fastify) return; // no HTTP (a worker)
    fastify.addContentTypeParser('*', (request, payload, done) => {
      if (isImportRoute(request) || isDavRoute(request)) return done(null, payload);
      // An unknown path answers 404 whatever its body, as without this parser.
      if (request.is404) return done(null, undefined);
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE());
    });
  }
}
