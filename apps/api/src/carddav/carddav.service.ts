import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BookAccess } from '../access/book-access.js';
import { DavCards } from './dav-cards.js';
import { DavError } from './dav-error.js';
import { type DavTarget, parseDavPath } from './dav-paths.js';
import { DavPropfind } from './dav-propfind.js';
import { DavReports } from './dav-reports.js';
import { methodNotAllowed, optionsHeaders } from './dav-reply.js';

const isCollection = (target: DavTarget) => target.kind === 'root' || target.kind === 'principal' || target.kind === 'home' || target.kind === 'book';

/** One DAV request: what its path names and what its method asks, sent to the handler that answers it. */
@Injectable()
export class CarddavService {
  constructor(
    private readonly propfind: DavPropfind,
    private readonly reports: DavReports,
    private readonly cards: DavCards,
  ) {}

  async handle(request: FastifyRequest, reply: FastifyReply, access: BookAccess): Promise<void> {
    const target = parseDavPath(request.url);
    switch (request.method) {
      case 'OPTIONS':
        // Normally answered before authentication (DavOptions); here for completeness.
        reply.status(200).headers(optionsHeaders()).send();
        return;
      case 'PROPFIND':
        return this.propfind.propfind(target, request, reply, access);
      case 'PROPPATCH':
        return this.propfind.proppatch(target, request, reply, access);
      case 'REPORT':
        return this.reports.report(target, request, reply, access);
      case 'GET':
      case 'HEAD':
        if (target.kind === 'card') return this.cards.get(target, reply, access);
        if (isCollection(target)) return methodNotAllowed(reply);
        throw new DavError(404);
      case 'PUT':
        if (target.kind === 'card') return this.cards.put(target, request, reply, access);
        if (target.kind === 'not-a-card') throw new DavError(403, undefined, 'A card’s name is its UID followed by .vcf.');
        if (isCollection(target)) return methodNotAllowed(reply);
        throw new DavError(404);
      case 'DELETE':
        if (target.kind === 'card') return this.cards.remove(target, request, reply, access);
        if (isCollection(target)) throw new DavError(403, undefined, 'Address books are deleted in the web app.');
        throw new DavError(404);
      case 'MKCOL':
        throw new DavError(403, undefined, 'Address books are created in the web app.');
      default:
        // MOVE, COPY, LOCK, UNLOCK, POST, PATCH …: nothing here supports them.
        return methodNotAllowed(reply);
    }
  }
}
