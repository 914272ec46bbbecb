import type { AddressBook } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';

/**
 * The books a caller can read, with their names and the caller's role: what the home
 * collection lists. address-books/ has them (AddressBooksService.list), but carddav/ may
 * not import that feature (docs/LAYOUT.md); the composition root provides this token
 * (CarddavModule.register), so carddav depends on this shape only.
 */
export abstract class BookDirectory {
  abstract list(access: BookAccess): Promise<AddressBook[]>;
}
