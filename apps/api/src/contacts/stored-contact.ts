import type { Contact, ContactDetails, ContactFields, MandatoryContactFields } from '@contacts/wire-types';
import { emptyContactDetails } from '@contacts/wire-types';

/** A contact with the vCard properties the model does not hold (opaque outside apps/api/src/vcard/). */
export type StoredContact = Contact & { vcard_extra: string };

/** Every field of a contact a client may write: the four and all the details. */
export type CompleteContactFields = MandatoryContactFields & ContactDetails;

/** What only a card carries (imports now, CardDAV later). */
export interface CardData {
  /** The card's UID; absent → the database draws one. */
  uid?: string;
  vcard_extra?: string;
}

/** Validated fields with the details they lack set empty (a create, an imported card). */
export function completeFields(fields: ContactFields): CompleteContactFields {
  const { first_name, last_name, email, phone } = fields;
  const details = emptyContactDetails();
  for (const name of Object.keys(details) as Array<keyof ContactDetails>) {
    if (fields[name] !== undefined) (details as unknown as Record<string, unknown>)[name] = fields[name];
  }
  return { first_name, last_name, email, phone, ...details };
}
