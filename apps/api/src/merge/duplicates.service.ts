import { Injectable } from '@nestjs/common';
import type { Contact, DuplicateGroup } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { bookFilterOf } from '../contacts/book-field.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { groupDuplicates, type KeyBucket, MAX_BUCKET_SIZE } from './duplicate-groups.js';
import { MatchIndex } from './match-index.service.js';
import { DismissalsRepository } from './dismissals.repository.js';
import { MatchKeysRepository } from './match-keys.repository.js';

export interface DuplicatesQuery {
  address_book?: unknown;
}

/**
 * Suggestions only: groups of contacts of one book that look like the same person, each
 * with its reasons, leaving out the pairs a user dismissed. Read from the duplicate index (keys shared by a few contacts of a
 * book), confirmed pair by pair, then answered with the contacts as they are now.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly index: MatchIndex,
    private readonly keys: MatchKeysRepository,
    private readonly dismissals: DismissalsRepository,
  ) {}

  async suggestions(query: DuplicatesQuery, access: BookAccess): Promise<DuplicateGroup[]> {
    const book = bookFilterOf(query.address_book);
    if (book !== undefined) await this.contacts.requireReadableBook(book, access);
    const books = book !== undefined ? [book] : access.readableBooks();
    if (books !== 'all' && books.length === 0) return [];
    // Writes committed before this request (here, on another replica, in the sqlite3 shell) are in the index first.
    await this.index.refresh();
    const [buckets, dismissed] = await Promise.all([this.keys.buckets(books, MAX_BUCKET_SIZE), this.dismissals.pairs(books)]);
    if (buckets.length === 0) return [];
    const contacts = new Map<number, Contact>();
    for (const contact of await this.contacts.readableByIds(buckets.flatMap((bucket) => bucket.ids), access)) contacts.set(contact.id, contact);

    const perBook = new Map<number, KeyBucket[]>();
    for (const bucket of buckets) {
      // A contact changed since the keys were read (moved, deleted) is left out rather than shown in the wrong book.
      const ids = bucket.ids.filter((id) => contacts.get(id)?.address_book === bucket.address_book_id);
      if (ids.length < 2) continue;
      const list = perBook.get(bucket.address_book_id) ?? [];
      list.push({ kind: bucket.kind, key: bucket.key, ids });
      perBook.set(bucket.address_book_id, list);
    }
    const groups: DuplicateGroup[] = [];
    for (const bookBuckets of perBook.values()) {
      for (const group of groupDuplicates(bookBuckets, contacts, dismissed)) {
        groups.push({ contacts: group.ids.map((id) => contacts.get(id) as Contact), reasons: group.reasons });
      }
    }
    return groups.sort((a, b) => b.reasons.length - a.reasons.length || newest(b) .localeCompare(newest(a)) || a.contacts[0].id - b.contacts[0].id);
  }
}

/** The latest change among a group's contacts (ISO timestamps compare as text). */
function newest(group: DuplicateGroup): string {
  return group.contacts.reduce((latest, contact) => (contact.updated_at > latest ? contact.updated_at : latest), '');
}
