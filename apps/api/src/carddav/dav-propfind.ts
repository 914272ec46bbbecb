import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BookAccess } from '../access/book-access.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { readXmlBody } from './dav-body.js';
import { DavBooks } from './dav-books.js';
import { DavError, davConditions } from './dav-error.js';
import type { DavTarget } from './dav-paths.js';
import { multistatus } from './dav-reply.js';
import { parsePropfind, parseProppatch } from './dav-requests.js';
import { bookResource, cardResource, homeResource, principalResource, propstatsOf, type Resource, rootResource } from './dav-resources.js';
import { el } from './dav-xml-writer.js';

/** How many cards a Depth 1 PROPFIND reads at a time (memory stays at one batch whatever the book's size). */
export const CARD_BATCH = 500;

/** The Depth header of a PROPFIND: 0 or 1; none means 1 (no client means infinity); infinity is refused (RFC 4918 §9.1). */
export function depthOf(header: string | string[] | undefined): 0 | 1 {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  if (value === undefined || value === '' || value === '1') return 1;
  if (value === '0') return 0;
  if (value === 'infinity') throw new DavError(403, davConditions.propfindFiniteDepth, 'Depth: infinity is not supported; use 0 or 1.');
  throw new DavError(400, undefined, `Depth must be 0, 1 or infinity, not "${value}".`);
}

/** PROPFIND (what the collections and cards are) and PROPPATCH (refused: nothing is changed over DAV). */
@Injectable()
export class DavPropfind {
  constructor(
    private readonly books: DavBooks,
    private readonly contacts: ContactsService,
  ) {}

  async propfind(target: DavTarget, request: FastifyRequest, reply: FastifyReply, access: BookAccess): Promise<void> {
    const depth = depthOf(request.headers.depth);
    const props = parsePropfind(await readXmlBody(request));
    const resource = await this.resourceOf(target, access);
    const members = depth === 1 ? await this.membersOf(target, access) : [];
    const walk = depth === 1 && target.kind === 'book' ? this.contacts.walk(access, { addressBook: target.book }, CARD_BATCH) : null;
    await multistatus(reply, async (out) => {
      await out.response(resource.href, propstatsOf(resource, props));
      for (const member of members) await out.response(member.href, propstatsOf(member, props));
      if (walk === null) return;
      for await (const batch of walk) {
        for (const stored of batch) {
          if (stored.uid === '') continue; // no uid, no href (contacts from before uids existed)
          const card = cardResource(stored, false);
          await out.response(card.href, propstatsOf(card, props));
        }
      }
    });
  }

  /**
   * Every property named is refused with 403 (RFC 4918 §9.2: the request is all or
   * nothing); books are renamed in the web app. A resource that does not exist is 404.
   */
  async proppatch(target: DavTarget, request: FastifyRequest, reply: FastifyReply, access: BookAccess): Promise<void> {
    const names = parseProppatch(await readXmlBody(request));
    const resource = await this.resourceOf(target, access);
    await multistatus(reply, async (out) => {
      await out.response(resource.href, names.length === 0 ? [] : [{ status: 403, props: names.map((name) => el(name.ns, name.name)) }]);
    });
  }

  /** The target itself, with its properties; 404 for what does not exist or what the caller cannot see. */
  private async resourceOf(target: DavTarget, access: BookAccess): Promise<Resource> {
    const caller = this.books.callerOf(access);
    switch (target.kind) {
      case 'root':
        return rootResource(caller);
      case 'principal':
        if (target.principal !== caller.principal) throw new DavError(404);
        return principalResource(caller);
      case 'home':
        return homeResource(caller);
      case 'book': {
        const book = await this.books.find(target.book, access);
        return bookResource(book, await this.books.headToken(), caller);
      }
      case 'card': {
        const stored = await this.contacts.findStoredByUid(target.book, target.uid, access);
        if (!stored) throw new DavError(404);
        return cardResource(stored, false);
      }
      case 'not-a-card':
      case 'unknown':
        throw new DavError(404);
    }
  }

  /** The members a Depth 1 answer lists besides the target (a book's cards are walked, not listed here). */
  private async membersOf(target: DavTarget, access: BookAccess): Promise<Resource[]> {
    const caller = this.books.callerOf(access);
    if (target.kind === 'root') return [principalResource(caller), homeResource(caller)];
    if (target.kind !== 'home') return [];
    const [books, token] = await Promise.all([this.books.readable(access), this.books.headToken()]);
    return books.map((book) => bookResource(book, token, caller));
  }
}
