import type { Contact, ContactDetails, LabeledValue, PostalAddress } from '@contacts/wire-types';
import { POSTAL_ADDRESS_PARTS } from '@contacts/wire-types';

/**
 * The detail columns as both `contacts` and `contact_versions` (its snapshot) store them:
 * the lists as JSON text in their wire shape. Contacts and history read them through the
 * same functions, so a contact and the version that recorded it map to the same object.
 */
export interface DetailColumns {
  organization: string;
  job_title: string;
  notes: string;
  birthday: string | null;
  other_emails: string;
  other_phones: string;
  addresses: string;
}

/** The details of a row. The database guarantees JSON arrays; their entries are read defensively (a direct INSERT may hold anything). */
export function detailsOf(row: Partial<DetailColumns>): ContactDetails {
  return {
    organization: row.organization ?? '',
    job_title: row.job_title ?? '',
    notes: row.notes ?? '',
    birthday: row.birthday ?? null,
    other_emails: listOf(row.other_emails).map(labeledValue),
    other_phones: listOf(row.other_phones).map(labeledValue),
    addresses: listOf(row.addresses).map(postalAddress),
  };
}

/** The columns for some details (only those given). */
export function detailColumnsOf(details: Partial<ContactDetails>): Partial<DetailColumns> {
  const columns: Partial<DetailColumns> = {};
  if (details.organization !== undefined) columns.organization = details.organization;
  if (details.job_title !== undefined) columns.job_title = details.job_title;
  if (details.notes !== undefined) columns.notes = details.notes;
  if (details.birthday !== undefined) columns.birthday = details.birthday;
  if (details.other_emails !== undefined) columns.other_emails = JSON.stringify(details.other_emails);
  if (details.other_phones !== undefined) columns.other_phones = JSON.stringify(details.other_phones);
  if (details.addresses !== undefined) columns.addresses = JSON.stringify(details.addresses);
  return columns;
}

/** The detail columns of one row, copied as they are (a revert, a restore). */
export function copyDetailColumns(row: DetailColumns): DetailColumns {
  const { organization, job_title, notes, birthday, other_emails, other_phones, addresses } = row;
  return { organization, job_title, notes, birthday: birthday ?? null, other_emails, other_phones, addresses };
}

function listOf(text: string | undefined): Array<Record<string, unknown>> {
  if (!text || text === '[]') return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null && !Array.isArray(entry)) : [];
  } catch {
    return [];
  }
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

function labeledValue(entry: Record<string, unknown>): LabeledValue {
  return { label: textOf(entry.label), value: textOf(entry.value) };
}

function postalAddress(entry: Record<string, unknown>): PostalAddress {
  const address = { label: textOf(entry.label) } as PostalAddress;
  for (const part of POSTAL_ADDRESS_PARTS) address[part] = textOf(entry[part]);
  return address;
}

/** What a contact is besides its details, as contacts and versions both know it. */
export interface ContactCore {
  id: number;
  address_book: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  uid: string;
  created_at: string;
  updated_at: string;
}

/**
 * The one way this server builds a Contact, from a live row or from a version: one key
 * order everywhere, since the ETag is a hash of the JSON.
 */
export function contactOf(core: ContactCore, columns: Partial<DetailColumns>): Contact {
  return {
    id: core.id,
    first_name: core.first_name,
    last_name: core.last_name,
    email: core.email,
    phone: core.phone,
    ...detailsOf(columns),
    address_book: core.address_book,
    uid: core.uid,
    created_at: core.created_at,
    updated_at: core.updated_at,
  };
}
