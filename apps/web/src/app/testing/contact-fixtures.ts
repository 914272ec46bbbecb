import { emptyContactDetails, type Contact } from '@contacts/wire-types';

/** A complete wire contact for unit tests, told apart by its id. */
export function testContact(id: number): Contact {
  return {
    id,
    first_name: 'C',
    last_name: String(id),
    email: `c${id}@example.com`,
    phone: '1',
    address_book: 1,
    ...emptyContactDetails(),
    uid: `uid-${id}`,
    created_at: '2026-11-26T10:00:00.000Z',
    updated_at: '2026-11-26T10:00:00.000Z',
  };
}
