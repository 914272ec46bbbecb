import { Injectable } from '@nestjs/common';
import type { EditedVia, Editor } from '@contacts/wire-types';
import { BookContactsEraser } from '../address-books/book-contacts-eraser.js';
import { ContactMutations } from './contact-mutations.js';
import { ContactsRepository } from './contacts.repository.js';

/** A book being deleted loses its contacts one by one through the write path: a `deleted` version and an event each. */
@Injectable()
export class BookContactsEraserService implements BookContactsEraser {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly mutations: ContactMutations,
  ) {}

  async eraseAll(bookId: number, actor: { editor: Editor | null; via: EditedVia }): Promise<void> {
    for (const id of await this.contacts.idsInBook(bookId)) {
      await this.mutations.removeFromBook(id, bookId, actor);
    }
  }
}
