import type { AddressBook, User } from '@contacts/wire-types';

export const ADA: User = { id: 1, email: 'ada@example.com', name: 'Ada Lovelace', is_admin: true, created_at: '2026-11-26T10:00:00.000Z' };
export const GRACE: User = { id: 2, email: 'grace@example.com', name: 'Grace Hopper', is_admin: false, created_at: '2026-11-26T10:00:00.000Z' };

/** A book as `viewer` sees it (owner: Ada unless said otherwise). */
export function testBook(id: number, name: string, role: AddressBook['role'] = 'owner', contact_count = 0, owner = ADA): AddressBook {
  return { id, name, owner: { id: owner.id, name: owner.name }, role, contact_count, created_at: '2026-11-26T10:00:00.000Z' };
}
