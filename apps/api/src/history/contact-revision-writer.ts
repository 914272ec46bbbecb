import type { Contact } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';

/**
 * The writes behind revert and restore, as history needs them. History owns the routes
 * and the version lookups but not the write path: that is contacts/' ContactMutations
 * (row + version + after-commit event, one transaction), which implements this and
 * provides it under this token. History thus never imports contacts/, and contacts/
 * (which reads the history) stays the only one that writes.
 */
export abstract class ContactRevisionWriter {
  /** The contact takes the fields of one of its own versions (a `reverted` version). 404 when the version is not the contact's. */
  abstract revert(contactId: number, versionId: number, access: BookAccess): Promise<Contact>;
  /** A deleted contact comes back with its id and last fields (a `restored` version); 409 when it is not deleted. */
  abstract restore(contactId: number, access: BookAccess): Promise<Contact>;
}
