import { Injectable } from '@nestjs/common';
import type { Contact, Page } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { notFound } from '../common/api-errors.js';
import { buildCursorPage, type CursorRequest, parseCursorRequest, wantsCursor } from '../common/cursor-pagination.js';
import { buildPage, type PageLinkBase, parsePageRequest } from '../common/pagination.js';
import { toContact, toStoredContact } from './contact.mapper.js';
import type { StoredContact } from './stored-contact.js';
import { ContactPageCache, type PageBody } from './contact-page-cache.js';
import { ContactMutations, type UpdateOptions } from './contact-mutations.js';
import { ContactPagesRepository } from './contact-pages.repository.js';
import { ContactsRepository } from './contacts.repository.js';
import type { ContactEntity } from './contact.entity.js';
import { type ListKey, listKeyOf } from './page-window.js';
import { bookFieldOf, bookFilterOf } from './book-field.js';
import { ContactInputValidator } from './validators/contact-input.validator.js';

/** What an export walks: one book (the caller must be able to read it) or every readable one, optionally matching a search as the list does. */
export interface WalkQuery {
  addressBook?: number;
  search?: string;
}

export interface ListQuery {
  search?: unknown;
  address_book?: unknown;
  page?: unknown;
  page_size?: unknown;
  cursor?: unknown;
}

/** Reads, edits and deletes. Creation, with its delay, lives in ContactCreateService. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly pages: ContactPagesRepository,
    private readonly mutations: ContactMutations,
    private readonly validator: ContactInputValidator,
    private readonly pageCache: ContactPageCache,
  ) {}

  /** The list answer (JSON text, and compressed on demand), rendered once per request URL and database version. */
  async list(query: ListQuery, links: PageLinkBase, access: BookAccess): Promise<PageBody> {
    const params = query as Record<string, unknown>;
    // A `cursor` parameter (empty: the first page) selects cursor pages; without it, page numbers as ever.
    const cursor = wantsCursor(params) ? parseCursorRequest(params, listKeyOf) : null;
    const request = cursor ? null : parsePageRequest(params);
    // U+0000 can match nothing (no stored value holds it) and PostgreSQL refuses it in text.
    const search = typeof query.search === 'string' ? query.search.replaceAll('\u0000', '').trim() : '';
    const book = bookFilterOf(query.address_book);
    if (book !== undefined) access.requireRead(book);
    const books = book !== undefined ? [book] : access.readableBooks();
    // Callers who see the same books share cached pages; nobody gets a page of books they cannot read.
    const scope = books === 'all' ? '*' : books.join(',');
    return this.pageCache.get(`${scope}|${links.origin}${links.path}?${links.rawQuery}`, async () => {
      if (request) {
        const window = { kind: 'offset', offset: request.offset, limit: request.pageSize } as const;
        const { count, rows } = await this.pages.page({ search, books, window });
        const page: Page<Contact> = buildPage(request, count, rows.map(toContact), links);
        return JSON.stringify(page);
      }
      const at = cursor as CursorRequest<ListKey>;
      // One row more than the page tells whether there is more that way.
      const window = { kind: 'keyset', after: at.after, reverse: at.reverse, limit: at.pageSize + 1 } as const;
      const { count, rows } = await this.pages.page({ search, books, window });
      return JSON.stringify(buildCursorPage(at, count, rows, keyOfRow, toContact, links));
    });
  }

  /** A contact the caller may read; any other id is 404, whether it exists or not. */
  async get(id: number, access: BookAccess): Promise<Contact> {
    const row = await this.contacts.findById(id);
    if (!row || !access.canRead(Number(row.address_book_id))) throw notFound();
    return toContact(row);
  }

  /** A contact the caller may read, with its unmodelled vCard properties (the vCard of one contact). 404 as `get`. */
  async findStored(id: number, access: BookAccess): Promise<StoredContact> {
    const row = await this.contacts.findStored(id);
    if (!row || !access.canRead(Number(row.address_book_id))) throw notFound();
    return toStoredContact(row);
  }

  /**
   * 404 unless the book exists and the caller can read it. An account's roles name only
   * books that exist; AUTH=none and the service token may name any id, so it is looked up.
   */
  async requireReadableBook(book: number, access: BookAccess): Promise<void> {
    access.requireRead(book);
    if (access.unrestricted && !(await this.contacts.bookExists(book))) throw notFound();
  }

  /** As requireReadableBook, then 403 unless the caller may write it (before work that will write there: an import). */
  async requireWritableBook(book: number, access: BookAccess): Promise<void> {
    await this.requireReadableBook(book, access);
    access.requireWrite(book);
  }

  /** The card of book `book` with this uid, or null; 404 when the caller cannot read the book. */
  async findStoredByUid(book: number, uid: string, access: BookAccess): Promise<StoredContact | null> {
    access.requireRead(book);
    const row = await this.contacts.findByUid(book, uid);
    return row ? toStoredContact(row) : null;
  }

  /** The cards of book `book` with these uids (those that exist; up to MAX_LOOKUP at a time); 404 as findStoredByUid. */
  async storedByUids(book: number, uids: string[], access: BookAccess): Promise<StoredContact[]> {
    access.requireRead(book);
    return (await this.contacts.byUids(book, lookupBatch(uids))).map(toStoredContact);
  }

  /** These contacts, those the caller can read (up to MAX_LOOKUP at a time), in id order. */
  async storedByIds(ids: number[], access: BookAccess): Promise<StoredContact[]> {
    const rows = await this.contacts.byIds(lookupBatch(ids));
    return rows.filter((row) => access.canRead(Number(row.address_book_id))).map(toStoredContact);
  }

  /** These contacts, those the caller can read, in id order, however many (read MAX_LOOKUP at a time). */
  async readableByIds(ids: number[], access: BookAccess): Promise<Contact[]> {
    const unique = [...new Set(ids)].sort((a, b) => a - b);
    const contacts: Contact[] = [];
    for (let start = 0; start < unique.length; start += MAX_LOOKUP) {
      const rows = await this.contacts.byIds(unique.slice(start, start + MAX_LOOKUP));
      for (const row of rows) if (access.canRead(Number(row.address_book_id))) contacts.push(toContact(row));
    }
    return contacts;
  }

  /**
   * Every contact the caller can read (in `addressBook` only, when given), in id order,
   * `batchSize` at a time, with their vCard properties: what an export streams. Keyset
   * pages (the ids after the last batch's), each a read of its own through the reader, so
   * memory stays flat however many there are. The book is checked at once, when this is
   * called (404 as the list), not at the first batch.
   */
  walk(access: BookAccess, query: WalkQuery, batchSize = 500): AsyncGenerator<StoredContact[]> {
    if (query.addressBook !== undefined) access.requireRead(query.addressBook);
    const books = query.addressBook !== undefined ? [query.addressBook] : access.readableBooks();
    const search = (query.search ?? '').replaceAll('\u0000', '').trim();
    return this.batches(books, search, Math.max(1, Math.floor(batchSize)));
  }

  private async *batches(books: number[] | 'all', search: string, batchSize: number): AsyncGenerator<StoredContact[]> {
    let after = 0;
    for (;;) {
      const rows = await this.pages.batchAfter(after, batchSize, books, search);
      if (rows.length === 0) return;
      yield rows.map(toStoredContact);
      if (rows.length < batchSize) return;
      after = Number(rows[rows.length - 1].id);
    }
  }

  /** PUT (partial = false), PATCH and external updates (partial = true); `address_book` in the body moves the contact. */
  async update(
    id: number,
    body: unknown,
    options: { partial: boolean; ifMatch?: string; reason?: 'updated' | 'external_update'; claim?: UpdateOptions['claim'] },
    access: BookAccess,
  ): Promise<Contact> {
    const current = await this.get(id, access);
    const moveTo = bookFieldOf(body);
    // Permission before validation: a 400 about an email in a book the caller cannot
    // write would tell whether that email is there.
    access.requireWrite(current.address_book);
    if (moveTo !== undefined && moveTo !== current.address_book) access.requireWrite(moveTo);
    // Uniqueness is checked in the book the contact will be in.
    const book = moveTo ?? current.address_book;
    const emailTaken = async (email: string) => (await this.contacts.emailOwner(book, email, id)) !== null;
    const fields = options.partial
      ? await this.validator.validate(body, { partial: true, emailTaken })
      : await this.validator.validate(body, { partial: false, emailTaken });
    return this.mutations.update(id, fields, { reason: options.reason ?? 'updated', ifMatch: options.ifMatch, claim: options.claim, moveTo }, access);
  }

  remove(id: number, access: BookAccess): Promise<void> {
    return this.mutations.remove(id, access);
  }
}

/** How many contacts one lookup by uids or ids may name: a bound on the query's parameters. */
export const MAX_LOOKUP = 500;

function lookupBatch<T>(keys: T[]): T[] {
  if (keys.length > MAX_LOOKUP) throw new RangeError(`at most ${MAX_LOOKUP} contacts per lookup`);
  return [...new Set(keys)];
}

/** A row's place in the list order: what its cursor holds. */
function keyOfRow(row: ContactEntity): ListKey {
  return { updated_at: row.updated_at, id: Number(row.id) };
}
