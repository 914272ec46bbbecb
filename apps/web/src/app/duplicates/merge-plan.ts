import {
  CONTACT_DETAIL_LIMITS,
  FILLED_FROM_OTHERS,
  MERGE_FIELD_NAMES,
  mergedContactFields,
  type Contact,
  type LabeledValue,
  type MergeFieldName,
  type MergeValues,
} from '@contacts/wire-types';
import { sameValue } from '../shared/contact-form';
import { WRITABLE_FIELD_LABELS } from '../shared/contact-validation';

/** The rows of the compare screen: one value is chosen per field. */
export const COMPARED_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'organization',
  'job_title',
  'birthday',
  'notes',
  'addresses',
] as const satisfies readonly MergeFieldName[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export const COMPARED_FIELD_LABELS: Readonly<Record<ComparedField, string>> = Object.fromEntries(
  COMPARED_FIELDS.map((f) => [f, WRITABLE_FIELD_LABELS[f]]),
) as Record<ComparedField, string>;

/** Fields the server fills from the first other contact that has one when the survivor's is empty and the request names no value. */
const FILLED: ReadonlySet<ComparedField> = new Set(FILLED_FROM_OTHERS);

/** Which contact's value is kept, per field (contact ids). */
export type FieldPicks = Record<ComparedField, number>;

export function isEmptyValue(value: Contact[MergeFieldName] | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return !value.trim();
  return value.length === 0;
}

/** How many of the fields a merge looks at hold something (lists count once). */
export function filledFieldCount(contact: Contact): number {
  return MERGE_FIELD_NAMES.filter((f) => !isEmptyValue(contact[f])).length;
}

/** The contact that keeps its id and history by default: the most filled fields, ties → the oldest. */
export function defaultSurvivor(contacts: readonly Contact[]): Contact {
  if (!contacts.length) throw new Error('defaultSurvivor needs at least one contact');
  return contacts.reduce((best, c) => {
    const byFilled = filledFieldCount(c) - filledFieldCount(best);
    if (byFilled !== 0) return byFilled > 0 ? c : best;
    const byAge = Date.parse(c.created_at) - Date.parse(best.created_at);
    if (byAge !== 0) return byAge < 0 ? c : best;
    return c.id < best.id ? c : best;
  });
}

/** What the server keeps for `field` when the request names no value for it. */
function serverDefaultSource(field: ComparedField, survivor: Contact, others: readonly Contact[]): Contact {
  if (!FILLED.has(field) || !isEmptyValue(survivor[field])) return survivor;
  return others.find((o) => !isEmptyValue(o[field])) ?? survivor;
}

/** The picks a compare screen starts with: the survivor's value, or the first other's non-empty one. */
export function defaultPicks(survivor: Contact, others: readonly Contact[]): FieldPicks {
  const picks = {} as FieldPicks;
  for (const field of COMPARED_FIELDS) {
    const source = isEmptyValue(survivor[field]) ? (others.find((o) => !isEmptyValue(o[field])) ?? survivor) : survivor;
    picks[field] = source.id;
  }
  return picks;
}

/**
 * The `values` of the merge request: only the fields where the picked value is not what the
 * server keeps anyway, so a request with the default picks names none.
 */
export function mergeValues(survivor: Contact, others: readonly Contact[], picks: FieldPicks): MergeValues {
  const all = [survivor, ...others];
  const values: Record<string, unknown> = {};
  for (const field of COMPARED_FIELDS) {
    const picked = all.find((c) => c.id === picks[field]) ?? survivor;
    const fallback = serverDefaultSource(field, survivor, others);
    if (!sameValue(picked[field], fallback[field])) values[field] = picked[field];
  }
  return values as MergeValues;
}

/** The survivor's emails and phones after the merge: nothing any of them had is lost. */
export interface KeptContactPoints {
  email: string;
  phone: string;
  otherEmails: LabeledValue[];
  otherPhones: LabeledValue[];
  /** More than the server accepts: the merge would be refused (leave a contact out). */
  tooManyEmails: boolean;
  tooManyPhones: boolean;
}

/** The primary email and phone chosen and every other one kept, exactly as the server's merge builds them (one rule: the wire types' mergedContactFields). */
export function keptContactPoints(survivor: Contact, others: readonly Contact[], values: MergeValues): KeptContactPoints {
  const merged = mergedContactFields(survivor, others, values);
  return {
    email: merged.email,
    phone: merged.phone,
    otherEmails: merged.other_emails,
    otherPhones: merged.other_phones,
    tooManyEmails: merged.other_emails.length > CONTACT_DETAIL_LIMITS.otherEmails,
    tooManyPhones: merged.other_phones.length > CONTACT_DETAIL_LIMITS.otherPhones,
  };
}
