import type { AddressBook, AddressBookMember, BookRole } from '@contacts/wire-types';
import type { BookRow, MemberRow } from './address-books.repository.js';

/** A book on the wire, as someone with `role` sees it. */
export function toAddressBook(row: BookRow, role: BookRole): AddressBook {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? '' },
    role,
    contact_count: row.contact_count,
    created_at: row.created_at,
  };
}

export function toMember(row: MemberRow): AddressBookMember {
  return { user: { id: row.user.id, name: row.user.name, email: row.user.email }, role: row.role };
}
