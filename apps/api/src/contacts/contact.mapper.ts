import type { Contact } from '@contacts/wire-types';
import type { ContactEntity } from './contact.entity.js';

export function toContact(row: ContactEntity): Contact {
  return {
    id: Number(row.id),
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    phone: row.phone,
    address_book: Number(row.address_book_id),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
