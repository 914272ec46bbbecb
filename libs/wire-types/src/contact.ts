/** One more email or phone, with a free-text label (`work`, `mobile`, an Apple custom label …). */
export interface LabeledValue {
  label: string;
  value: string;
}

/** A postal address; every part may be empty. */
export interface PostalAddress {
  label: string;
  street: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
}

/** The optional fields of a richer contact (contract Part 2, "Richer contacts"); empty by default. */
export interface ContactDetails {
  organization: string;
  job_title: string;
  notes: string;
  /** `1815-12-10`, `--12-10` (a birthday without its year), or null. */
  birthday: string | null;
  other_emails: LabeledValue[];
  other_phones: LabeledValue[];
  addresses: PostalAddress[];
}

/** A contact as the API returns it. Timestamps are ISO-8601 UTC strings. */
export interface Contact extends ContactDetails {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  /** The address book it lives in (AUTH=none: always the one shared book). */
  address_book: number;
  /** The vCard UID: stable for the contact's life (kept from an imported or synced card, else generated). Read-only. */
  uid: string;
  created_at: string;
  updated_at: string;
}

/** The four mandatory fields; POST and PUT need all of them, PATCH any subset. */
export type MandatoryContactFields = Pick<Contact, 'first_name' | 'last_name' | 'email' | 'phone'>;
export type ContactFieldName = keyof MandatoryContactFields;
export type ContactDetailName = keyof ContactDetails;

/** What a client writes: the four mandatory fields and any of the optional ones (absent = unchanged, or empty on create). */
export type ContactFields = MandatoryContactFields & Partial<ContactDetails>;

export const CONTACT_FIELD_NAMES: readonly ContactFieldName[] = ['first_name', 'last_name', 'email', 'phone'];

export const CONTACT_DETAIL_NAMES: readonly ContactDetailName[] = [
  'organization',
  'job_title',
  'notes',
  'birthday',
  'other_emails',
  'other_phones',
  'addresses',
];

/** Field limits shared by server validation and the app's client-side checks. */
export const CONTACT_FIELD_MAX_LENGTH: Readonly<Record<ContactFieldName, number>> = {
  first_name: 100,
  last_name: 100,
  email: 254,
  phone: 30,
};

/** Limits of the optional fields (characters, or entries for the lists). */
export const CONTACT_DETAIL_LIMITS = {
  organization: 200,
  job_title: 200,
  notes: 10_000,
  label: 50,
  addressPart: 200,
  otherEmails: 10,
  otherPhones: 10,
  addresses: 5,
} as const;

export const POSTAL_ADDRESS_PARTS: readonly (keyof Omit<PostalAddress, 'label'>)[] = ['street', 'city', 'region', 'postal_code', 'country'];

/** A full date (`1815-12-10`) or a month and day without the year (`--12-10`). */
export const BIRTHDAY_PATTERN = /^(\d{4}|-)-(\d{2})-(\d{2})$/;

/** The details of a contact that has none. */
export function emptyContactDetails(): ContactDetails {
  return { organization: '', job_title: '', notes: '', birthday: null, other_emails: [], other_phones: [], addresses: [] };
}

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
