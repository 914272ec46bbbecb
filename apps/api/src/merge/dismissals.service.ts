import { Injectable } from '@nestjs/common';
import { type DuplicateDismissal, MAX_DISMISSED_CONTACTS } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { badRequest, notFound } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { asObjectBody } from '../common/request-body.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { bookFilterOf } from '../contacts/book-field.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { type DismissalRow, DismissalsRepository } from './dismissals.repository.js';
import { idListOf } from './id-list.js';
import { toDismissal } from './merge.mapper.js';

export interface DismissalsQuery {
  address_book?: unknown;
}

/**
 * "Not the same person": a group of contacts (one book) whose pairs are never suggested
 * together again, until the dismissal is taken back. An editor's decision, as a merge is.
 */
@Injectable()
export class DismissalsService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly writes: WriteTransactions,
    private readonly dismissals: DismissalsRepository,
  ) {}

  async dismiss(body: unknown, access: BookAccess): Promise<DuplicateDismissal> {
    const ids = idListOf(asObjectBody(body).contacts, 'contacts', {
      min: 2,
      max: MAX_DISMISSED_CONTACTS,
      tooFew: 'Name at least two contacts that are not the same person.',
    });
    const found = new Map((await this.contacts.readableByIds(ids, access)).map((contact) => [contact.id, contact]));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw badRequest({ contacts: [`Invalid pk "${missing}" - object does not exist.`] });
    const books = new Set([...found.values()].map((contact) => contact.address_book));
    if (books.size > 1) throw badRequest({ contacts: ['Contacts in different address books are never suggested together.'] });
    const [book] = books;
    access.requireWrite(book);
    const id = await this.writes.run((manager) => this.dismissals.insert(manager, book, ids, nowIso(), access.editor));
    return toDismissal((await this.dismissals.findById(id)) as DismissalRow);
  }

  /** Takes a dismissal back: its contacts may be suggested together again. */
  async remove(id: number, access: BookAccess): Promise<void> {
    const row = await this.dismissals.findById(id);
    if (!row || !access.canRead(row.address_book_id)) throw notFound();
    access.requireWrite(row.address_book_id);
    await this.writes.run((manager) => this.dismissals.remove(manager, id));
  }

  async list(query: DismissalsQuery, access: BookAccess): Promise<DuplicateDismissal[]> {
    const book = bookFilterOf(query.address_book);
    if (book !== undefined) await this.contacts.requireReadableBook(book, access);
    return (await this.dismissals.list(book !== undefined ? [book] : access.readableBooks())).map(toDismissal);
  }
}

