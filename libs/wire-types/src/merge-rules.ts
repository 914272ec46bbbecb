import type { Contact, ContactDetails, LabeledValue, MandatoryContactFields } from './contact.js';
import type { MergeValues } from './merges.js';
import { samePhone } from './phone-numbers.js';

/*
 * What a merge gives the survivor (contract Part 2, "Duplicates and merging"), as the
 * server writes it and the web app's compare screen previews it: one rule for both.
 */

/** The survivor's fields after a merge (its limits are the server's to enforce). */
export type MergedContactFields = MandatoryContactFields & ContactDetails;

/** Details an empty survivor takes from the first other that has them (a merge should not lose a birthday). */
export const FILLED_FROM_OTHERS = ['organization', 'job_title', 'notes', 'birthday', 'addresses'] as const;
type FilledField = (typeof FILLED_FROM_OTHERS)[number];

export function isEmptyMergeValue(value: Contact[FilledField] | string | LabeledValue[] | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return value.length === 0;
}

export const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * `base`, then each candidate, each kept unless blank, the same as the primary value or as
 * one already kept (a primary value of a contact comes with the label ""). Copies: the
 * result shares nothing with the inputs.
 */
function keptValues(base: LabeledValue[], primary: string, candidates: LabeledValue[], same: (a: string, b: string) => boolean): LabeledValue[] {
  const kept: LabeledValue[] = [];
  for (const candidate of [...base, ...candidates]) {
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

/**
 * Every merge field is `values[f]` when given, else the survivor's; empty details not in
 * `values` take the first other's non-empty one (others in request order). The other
 * emails and phones are the chosen (or the survivor's) list, then every email or phone
 * of the survivor and of each other in turn that is neither the primary one nor listed
 * (emails case-insensitively, phones by samePhone): nothing any of them had is lost.
 */
export function mergedContactFields(survivor: Contact, others: readonly Contact[], values: MergeValues): MergedContactFields {
  const chosen = <K extends keyof MergeValues>(name: K): Contact[K] => (values[name] !== undefined ? values[name] : survivor[name]) as Contact[K];
  const filled = <K extends FilledField>(name: K): Contact[K] => {
    if (values[name] !== undefined || !isEmptyMergeValue(survivor[name])) return chosen(name);
    return others.find((other) => !isEmptyMergeValue(other[name]))?.[name] ?? survivor[name];
  };
  const email = chosen('email');
  const phone = chosen('phone');
  const contacts = [survivor, ...others];
  return {
    first_name: chosen('first_name'),
    last_name: chosen('last_name'),
    email,
    phone,
    organization: filled('organization'),
    job_title: filled('job_title'),
    notes: filled('notes'),
    birthday: filled('birthday'),
    other_emails: keptValues(values.other_emails ?? survivor.other_emails, email, contacts.flatMap((contact) => allOf(contact, 'email')), sameEmail),
    other_phones: keptValues(values.other_phones ?? survivor.other_phones, phone, contacts.flatMap((contact) => allOf(contact, 'phone')), samePhone),
    addresses: filled('addresses').map((address) => ({ ...address })),
  };
}
