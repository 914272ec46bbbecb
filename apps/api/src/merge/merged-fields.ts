import { CONTACT_DETAIL_LIMITS, type Contact, type FieldErrors, type LabeledValue, type MergeValues } from '@contacts/wire-types';
import { badRequest } from '../common/api-errors.js';
import type { CompleteContactFields } from '../contacts/stored-contact.js';
import { samePhone } from './match-keys.js';

/** Details an empty survivor takes from the first other that has them (a merge should not lose a birthday). */
type FilledField = 'organization' | 'job_title' | 'notes' | 'birthday' | 'addresses';

/** Why a merge is refused when the kept emails or phones would not fit in one contact. */
export function tooManyAfterMergeMessage(count: number, max: number, what: 'email addresses' | 'phone numbers'): string {
  return `The merged contact would have ${count} other ${what} (at most ${max}): remove some from the contacts first.`;
}

function isEmpty(value: Contact[FilledField]): boolean {
  if (value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return value.length === 0;
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * `base`, then each candidate that is not blank and not the same as the primary value or one already
 * listed (a primary value of a contact comes with the label ""). Copies: the result shares nothing with the inputs.
 */
function keptValues(base: LabeledValue[], primary: string, candidates: LabeledValue[], same: (a: string, b: string) => boolean): LabeledValue[] {
  const kept = base.map((entry) => ({ ...entry }));
  for (const candidate of candidates) {
    const value = candidate.value.trim();
    if (value === '' || same(value, primary) || kept.some((entry) => same(value, entry.value))) continue;
    kept.push({ label: candidate.label, value });
  }
  return kept;
}

/** A contact's emails or phones as they would be listed: its primary one (label "") first. */
function allOf(contact: Contact, kind: 'email' | 'phone'): LabeledValue[] {
  const others = kind === 'email' ? contact.other_emails : contact.other_phones;
  return [{ label: '', value: contact[kind] }, ...others];
}

/** The survivor's fields after a merge (rules above). Throws `badRequest({...})` from ../common/api-errors.js
 *  for more than 10 other emails or phones. */
export function mergedFields(survivor: Contact, others: Contact[], values: MergeValues): CompleteContactFields {
  const chosen = <K extends keyof MergeValues>(name: K): Contact[K] => (values[name] !== undefined ? values[name] : survivor[name]) as Contact[K];
  const filled = <K extends FilledField>(name: K): Contact[K] => {
    if (values[name] !== undefined || !isEmpty(survivor[name])) return chosen(name);
    return others.find((other) => !isEmpty(other[name]))?.[name] ?? survivor[name];
  };
  const email = chosen('email');
  const phone = chosen('phone');
  const contacts = [survivor, ...others];
  const other_emails = keptValues(values.other_emails ?? survivor.other_emails, email, contacts.flatMap((contact) => allOf(contact, 'email')), sameEmail);
  const other_phones = keptValues(values.other_phones ?? survivor.other_phones, phone, contacts.flatMap((contact) => allOf(contact, 'phone')), samePhone);

  const errors: FieldErrors = {};
  if (other_emails.length > CONTACT_DETAIL_LIMITS.otherEmails) {
    errors.other_emails = [tooManyAfterMergeMessage(other_emails.length, CONTACT_DETAIL_LIMITS.otherEmails, 'email addresses')];
  }
  if (other_phones.length > CONTACT_DETAIL_LIMITS.otherPhones) {
    errors.other_phones = [tooManyAfterMergeMessage(other_phones.length, CONTACT_DETAIL_LIMITS.otherPhones, 'phone numbers')];
  }
  if (Object.keys(errors).length > 0) throw badRequest(errors);

  return {
    first_name: chosen('first_name'),
    last_name: chosen('last_name'),
    email,
    phone,
    organization: filled('organization'),
    job_title: filled('job_title'),
    notes: filled('notes'),
    birthday: filled('birthday'),
    other_emails,
    other_phones,
    addresses: filled('addresses').map((address) => ({ ...address })),
  };
}
