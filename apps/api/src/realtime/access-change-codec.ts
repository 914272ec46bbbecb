import { type AddressBook, BOOK_ROLES } from '@contacts/wire-types';
import type { AccessChange } from '../events/access-change-bus.js';

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isAddressBook(value: unknown): value is AddressBook {
  if (!isObject(value)) return false;
  const owner = value.owner;
  return (
    isId(value.id) &&
    typeof value.name === 'string' &&
    BOOK_ROLES.includes(value.role as AddressBook['role']) &&
    (owner === null || (isObject(owner) && isId(owner.id) && typeof owner.name === 'string')) &&
    Number.isSafeInteger(value.contact_count) &&
    typeof value.created_at === 'string'
  );
}

/**
 * An access change as another replica relayed it, or null if it is not one: it decides
 * what a connection may see, so nothing malformed is applied (never trust the wire).
 * The address book is passed on as checked; it goes to clients as it came.
 */
export function decodeAccessChange(message: unknown): AccessChange | null {
  if (!isObject(message) || !isId(message.user_id)) return null;
  const user_id = message.user_id;
  switch (message.type) {
    case 'book_gained':
    case 'role_changed':
      return isAddressBook(message.address_book) ? { type: message.type, user_id, address_book: message.address_book } : null;
    case 'book_lost':
      return isId(message.address_book_id) ? { type: 'book_lost', user_id, address_book_id: message.address_book_id } : null;
    case 'credential_revoked': {
      const { session_id, token_id } = message;
      if (session_id !== undefined && (typeof session_id !== 'string' || session_id === '')) return null;
      if (token_id !== undefined && !isId(token_id)) return null;
      return { type: 'credential_revoked', user_id, ...(session_id !== undefined && { session_id }), ...(token_id !== undefined && { token_id }) };
    }
    default:
      return null;
  }
}
