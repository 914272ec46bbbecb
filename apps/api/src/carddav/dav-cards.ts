import { Injectable } from '@nestjs/common';
import type { FieldErrors } from '@contacts/wire-types';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BookAccess } from '../access/book-access.js';
import { ApiError } from '../common/api-errors.js';
import { ContactMutations } from '../contacts/contact-mutations.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { completeFields } from '../contacts/stored-contact.js';
import { ContactInputValidator } from '../contacts/validators/contact-input.validator.js';
import { etagOf } from '../common/etag.js';
import { parseVCard, type ParsedCard, VCardSyntaxError } from '../vcard/index.js';
import { decodeCardBytes } from '../vcard/text-decoding.js';
import { readBody } from './dav-body.js';
import { DavBooks } from './dav-books.js';
import { DavError, davConditions } from './dav-error.js';
import { cardEtag, cardText, MAX_CARD_BYTES, VCARD_CONTENT_TYPE } from './dav-resources.js';

type CardTarget = { book: number; uid: string };

const single = (header: string | string[] | undefined): string | undefined => (Array.isArray(header) ? header.join(', ') : header);

/** A card that breaks a rule: 403 with CARDDAV:valid-address-data and the reasons to read. */
function invalidCard(message: string): DavError {
  return new DavError(403, davConditions.validAddressData, message);
}

/** `{"email": ["…"]}` → `email: …` (one line per field), for a responsedescription. */
export function fieldErrorsText(errors: FieldErrors | { detail: string } | object): string {
  if ('detail' in errors && typeof errors.detail === 'string') return errors.detail;
  return Object.entries(errors)
    .map(([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`)
    .join('\n');
}

/** GET, HEAD, PUT and DELETE of one card: `<book>/<uid>.vcf`, written through the contacts' one write path. */
@Injectable()
export class DavCards {
  constructor(
    private readonly books: DavBooks,
    private readonly contacts: ContactsService,
    private readonly mutations: ContactMutations,
    private readonly validator: ContactInputValidator,
  ) {}

  /** The stored card as vCard 3.0 with its strong ETag (the answer is never compressed: the ETag stays strong). */
  async get(target: CardTarget, reply: FastifyReply, access: BookAccess): Promise<void> {
    const stored = await this.contacts.findStoredByUid(target.book, target.uid, access);
    if (!stored) throw new DavError(404);
    reply.status(200).header('Content-Type', VCARD_CONTENT_TYPE).header('ETag', cardEtag(stored)).send(cardText(stored));
  }

  /**
   * Creates or replaces the card named by the path (its name is its uid, whatever UID the
   * card says). `If-None-Match: *` only creates (412 when the uid is taken), `If-Match`
   * only replaces that version (412 otherwise). A card that is not one readable vCard,
   * or whose fields break a rule (no email, an email another card of the book has), is
   * 403 valid-address-data and nothing is written.
   */
  async put(target: CardTarget, request: FastifyRequest, reply: FastifyReply, access: BookAccess): Promise<void> {
    // Permission first: a viewer learns nothing from validation messages.
    await this.books.requireReadable(target.book, access);
    access.requireWrite(target.book);
    const read = readCard(decodeCardBytes(await readBody(request, MAX_CARD_BYTES)));
    const ifNoneMatch = single(request.headers['if-none-match'])?.trim();
    const ifMatch = single(request.headers['if-match']);
    try {
      const fields = completeFields(await this.validator.validate(read.fields, { partial: false }));
      const { result, contact } = await this.mutations.writeCard(
        {
          book: target.book,
          fields,
          uid: target.uid,
          vcard_extra: read.vcard_extra,
          via: 'carddav',
          matchBy: 'uid',
          onExisting: ifNoneMatch === '*' ? 'create-only' : 'update',
          ifMatch,
        },
        access,
      );
      reply.status(result === 'created' ? 201 : 204).header('ETag', etagOf(contact)).header('Content-Length', '0').send();
    } catch (error) {
      if (error instanceof ApiError && (error.getStatus() === 400 || error.getStatus() === 409)) {
        throw invalidCard(fieldErrorsText(error.getResponse() as object));
      }
      throw error;
    }
  }

  /** Deletes the card (with `If-Match`, only that version: 412 otherwise); a card that is not there is 404. */
  async remove(target: CardTarget, request: FastifyRequest, reply: FastifyReply, access: BookAccess): Promise<void> {
    access.requireWrite(target.book);
    const stored = await this.contacts.findStoredByUid(target.book, target.uid, access);
    if (!stored) throw new DavError(404);
    await this.mutations.remove(stored.id, access, { ifMatch: single(request.headers['if-match']), via: 'carddav' });
    reply.status(204).header('Content-Length', '0').send();
  }
}

function readCard(text: string): ParsedCard {
  try {
    return parseVCard(text);
  } catch (error) {
    if (error instanceof VCardSyntaxError) throw invalidCard(`The card is not a vCard this server can read: ${error.message}`);
    throw error;
  }
}
