import type { EditedVia, Editor } from '@contacts/wire-types';

/**
 * Deleting a book deletes its contacts the normal way: each through the contacts write
 * path, with its `deleted` version and event. Provided by the contacts module, so
 * address-books imports no feature that writes contacts.
 */
export abstract class BookContactsEraser {
  /** Deletes every contact of `bookId` as `actor`; resolves when all are gone. */
  abstract eraseAll(bookId: number, actor: { editor: Editor | null; via: EditedVia }): Promise<void>;
}
