/** A contact as the API returns it. Timestamps are ISO-8601 UTC strings. */
export interface Contact {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  /** The address book it lives in (AUTH=none: always the one shared book). */
  address_book: number;
  created_at: string;
  updated_at: string;
}

/** The four writable fields; POST and PUT need all of them, PATCH any subset. */
export type ContactFields = Pick<Contact, 'first_name' | 'last_name' | 'email' | 'phone'>;
export type ContactFieldName = keyof ContactFields;

export const CONTACT_FIELD_NAMES: readonly ContactFieldName[] = ['first_name', 'last_name', 'email', 'phone'];

/** Field limits shared by server validation and the app's client-side checks. */
export const CONTACT_FIELD_MAX_LENGTH: Readonly<Record<ContactFieldName, number>> = {
  first_name: 100,
  last_name: 100,
  email: 254,
  phone: 30,
};

/** Digits with + - ( ) . and spaces, and at least one digit. */
export const PHONE_PATTERN = /^(?=.*\d)[\d+\-(). ]+$/;

/** Pragmatic address check: one @, no spaces, a dotted domain. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Body of POST /api/external-update/. */
export interface ExternalUpdateRequest extends Partial<ContactFields> {
  id: number;
}

/** POST takes an optional book (default: the caller's first own book); PUT/PATCH of it moves the contact. */
export interface ContactBookField {
  address_book?: number;
}

/** Body of POST /api/contacts/{id}/revert/. */
export interface RevertRequest {
  version: number;
}
