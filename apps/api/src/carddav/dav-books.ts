import { Injectable } from '@nestjs/common';
import type { AddressBook } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { HistoryService } from '../history/history.service.js';
import { BookDirectory } from './book-directory.js';
import { DavError } from './dav-error.js';
import { SHARED_PRINCIPAL } from './dav-paths.js';
import type { BookView, DavCaller } from './dav-resources.js';
import { syncTokenOf } from './sync-token.js';

/** The books, principal and sync state a DAV answer names, read through their features' services. */
@Injectable()
export class DavBooks {
  constructor(
    private readonly books: BookDirectory,
    private readonly history: HistoryService,
    private readonly contacts: ContactsService,
  ) {}

  /** The caller as a principal: an account's id, or `shared` (AUTH=none, the service token). */
  callerOf(access: BookAccess): DavCaller {
    const caller = access.caller;
    if (caller.kind === 'user') return { principal: String(caller.user.id), displayName: caller.user.name };
    return { principal: SHARED_PRINCIPAL, displayName: 'Contacts' };
  }

  /** Every book the caller can read (own and shared), as the home lists them. */
  async readable(access: BookAccess): Promise<BookView[]> {
    return (await this.books.list(access)).map((book) => viewOf(book, access));
  }

  /** One readable book; 404 for one that does not exist or that the caller cannot read (the same answer). */
  async find(id: number, access: BookAccess): Promise<BookView> {
    if (!access.canRead(id)) throw new DavError(404);
    const book = (await this.readable(access)).find((view) => view.id === id);
    if (!book) throw new DavError(404);
    return book;
  }

  /** 404 unless the book exists and the caller can read it (one lookup, not the list of books: PUTs and REPORTs ask). */
  requireReadable(id: number, access: BookAccess): Promise<void> {
    return this.contacts.requireReadableBook(id, access);
  }

  /** The global head seq: every book's sync token and ctag. */
  head(): Promise<number> {
    return this.history.head();
  }

  async headToken(): Promise<string> {
    return syncTokenOf(await this.head());
  }
}

function viewOf(book: AddressBook, access: BookAccess): BookView {
  // Without accounts there is one principal for everybody: the owner is that one.
  const ownerPrincipal = access.caller.kind === 'user' ? (book.owner ? String(book.owner.id) : null) : SHARED_PRINCIPAL;
  return { id: book.id, name: book.name, role: book.role, ownerPrincipal };
}
