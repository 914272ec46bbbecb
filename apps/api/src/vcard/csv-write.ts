import { stringify } from 'csv-stringify/sync';
import type { Contact } from '@contacts/wire-types';

/**
 * Our own CSV: a header of our field names, one row per contact. The lists (other emails,
 * other phones, addresses) are JSON in their cell, so a file read back loses nothing;
 * `birthday` is empty when there is none; `address_book` says where the row came from and is
 * not read back (an import goes into the book it is given).
 */
export const CSV_COLUMNS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'organization',
  'job_title',
  'notes',
  'birthday',
  'other_emails',
  'other_phones',
  'addresses',
  'uid',
  'address_book',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One record, ended by RFC 4180's CRLF. */
function csvLine(cells: readonly string[]): string {
  return stringify([cells], { record_delimiter: 'windows', eof: true });
}

/** The header row, ending in CRLF. */
export function csvHeaderLine(): string {
  return csvLine(CSV_COLUMNS);
}

/** One contact as a row of our CSV, ending in CRLF (quoted where a cell needs it). */
export function toCsvLine(contact: Contact): string {
  const cells: Record<CsvColumn, string> = {
    first_name: contact.first_name,
    last_name: contact.last_name,
    email: contact.email,
    phone: contact.phone,
    organization: contact.organization ?? '',
    job_title: contact.job_title ?? '',
    notes: contact.notes ?? '',
    birthday: contact.birthday ?? '',
    other_emails: JSON.stringify(contact.other_emails ?? []),
    other_phones: JSON.stringify(contact.other_phones ?? []),
    addresses: JSON.stringify(contact.addresses ?? []),
    uid: contact.uid,
    address_book: String(contact.address_book),
  };
  return csvLine(CSV_COLUMNS.map((column) => cells[column]));
}
