import { CONTACT_DETAIL_LIMITS, type Contact, type FieldErrors, mergedContactFields, type MergeValues } from '@contacts/wire-types';
import { badRequest } from '../common/api-errors.js';
import type { CompleteContactFields } from '../contacts/stored-contact.js';

/** Why a merge is refused when the kept emails or phones would not fit in one contact. */
export function tooManyAfterMergeMessage(count: number, max: number, what: 'email addresses' | 'phone numbers'): string {
  return `The merged contact would have ${count} other ${what} (at most ${max}): remove some from the contacts first.`;
}

/**
 * The survivor's fields after a merge (the rules: mergedContactFields in the wire types,
 * which the web app's preview shares). A 400 keyed by the field when more other emails or
 * phones would be kept than a contact holds.
 */
export function mergedFields(survivor: Contact, others: Contact[], values: MergeValues): CompleteContactFields {
  const fields = mergedContactFields(survivor, others, values);
  const errors: FieldErrors = {};
  if (fields.other_emails.length > CONTACT_DETAIL_LIMITS.otherEmails) {
    errors.other_emails = [tooManyAfterMergeMessage(fields.other_emails.length, CONTACT_DETAIL_LIMITS.otherEmails, 'email addresses')];
  }
  if (fields.other_phones.length > CONTACT_DETAIL_LIMITS.otherPhones) {
    errors.other_phones = [tooManyAfterMergeMessage(fields.other_phones.length, CONTACT_DETAIL_LIMITS.otherPhones, 'phone numbers')];
  }
  if (Object.keys(errors).length > 0) throw badRequest(errors);
  return fields;
}
