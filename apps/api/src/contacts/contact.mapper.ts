import type { Contact } from '@contacts/wire-types';
import { contactOf } from '../history/contact-columns.js';
import type { ContactEntity } from './contact.entity.js';
import type { StoredContact } from './stored-contact.js';

export function toContact(row: ContactEntity): Contact {
  return contactOf(
    {
      id: Number(row.id),
      address_book: Number(row.address_book_id),
      first_name: row.first_name,
      last_name: row.last_name,
      email: row.email,
      phone: row.phone,
      uid: row.uid ?? '',
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
    row,
  );
}

/** A row read with its `vcard_extra` (the contact repositories' stored reads). */
export function toStoredContact(row: ContactEntity): StoredContact {
  return { ...toContact(row), vcard_extra: row.vcard_extra ?? '' };
}
