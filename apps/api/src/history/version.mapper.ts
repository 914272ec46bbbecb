import type { Contact, ContactEvent, Version } from '@contacts/wire-types';
import type { ContactVersionEntity } from './contact-version.entity.js';

export function toVersion(row: ContactVersionEntity): Version {
  return {
    id: Number(row.id),
    contact: Number(row.contact_id),
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    phone: row.phone,
    edited_at: row.edited_at,
    edited_reason: row.edited_reason,
  };
}

/** The contact exactly as it was right after this version was written. */
export function contactAt(row: ContactVersionEntity): Contact {
  return {
    id: Number(row.contact_id),
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    phone: row.phone,
    created_at: row.contact_created_at,
    updated_at: row.edited_at,
  };
}

/** The realtime event a version announces; the change feed and live emits agree by construction. */
export function eventFor(row: ContactVersionEntity): ContactEvent {
  const seq = Number(row.id);
  switch (row.edited_reason) {
    case 'created':
    case 'restored':
      return { type: 'contact.created', contact: contactAt(row), seq };
    case 'deleted':
      return { type: 'contact.deleted', contact_id: Number(row.contact_id), seq };
    default:
      return { type: 'contact.updated', contact: contactAt(row), seq };
  }
}
