import type { ContactFields, LabeledValue, PostalAddress } from '@contacts/wire-types';
import { POSTAL_ADDRESS_PARTS } from '@contacts/wire-types';
import { FORM_FIELD_ORDER, fullFields, sameValue, type FullContactFields, type WritableFieldName } from './contact-form';
import { WRITABLE_FIELD_LABELS } from './contact-validation';

/** One entry of a list field (an email, a phone, an address) in a diff. */
export interface ListItemChange {
  text: string;
  change: 'added' | 'removed' | 'kept';
}

export interface FieldChange {
  field: WritableFieldName;
  label: string;
  /** The value before and after as one line of text (a list: its entries joined by "; "). */
  before: string;
  after: string;
  /** For the lists (other emails, other phones, addresses): which entries came, went or stayed. */
  items?: ListItemChange[];
}

const LIST_FIELDS = new Set<WritableFieldName>(['other_emails', 'other_phones', 'addresses']);

/**
 * Field-level changes from `before` to `after`, in form order. `before` null means "no previous
 * version": every field `after` sets. Details a snapshot lacks (written before they existed)
 * count as empty.
 */
export function diffFields(before: ContactFields | null, after: ContactFields): FieldChange[] {
  const prev = before ? fullFields(before) : null;
  const next = fullFields(after);
  const changes: FieldChange[] = [];
  for (const field of FORM_FIELD_ORDER) {
    const a = prev ? prev[field] : emptyValue(field);
    const b = next[field];
    if (sameValue(a, b)) continue;
    const change: FieldChange = { field, label: WRITABLE_FIELD_LABELS[field], before: formatFieldValue(field, a), after: formatFieldValue(field, b) };
    if (LIST_FIELDS.has(field)) change.items = diffItems(listTexts(field, a), listTexts(field, b));
    changes.push(change);
  }
  return changes;
}

/** "Email and Phone" — for banners and toasts. */
export function describeChangedFields(changes: readonly { label: string }[]): string {
  const labels = changes.map((c) => c.label);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** A field's value as one line of text (lists: entries joined by "; "; no birthday: empty). */
export function formatFieldValue(field: WritableFieldName, value: FullContactFields[WritableFieldName]): string {
  if (LIST_FIELDS.has(field)) return listTexts(field, value).join('; ');
  if (field === 'birthday') return value ? formatBirthday(value as string) : '';
  return value as string;
}

/** "mobile: +44 20 7946 0000" (no label: the value alone). */
export function formatLabeledValue(item: LabeledValue): string {
  return item.label ? `${item.label}: ${item.value}` : item.value;
}

/** The parts that are there, in postal order: "1 Main St, Springfield, IL, 62701, USA". */
export function formatAddress(address: PostalAddress): string {
  return POSTAL_ADDRESS_PARTS.map((p) => address[p]).filter((part) => part).join(', ');
}

/**
 * `1815-12-10` → "10 December 1815", `--12-10` → "10 December" (in the reader's language).
 * Anything else is shown as it is.
 */
export function formatBirthday(birthday: string, locale?: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(birthday);
  if (!m) return birthday;
  const noYear = m[1] === '-';
  // A leap year for a birthday without its year, so 29 February exists.
  const date = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  if (!noYear) date.setUTCFullYear(Number(m[1]));
  const options: Intl.DateTimeFormatOptions = noYear
    ? { day: 'numeric', month: 'long', timeZone: 'UTC' }
    : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

function emptyValue(field: WritableFieldName): FullContactFields[WritableFieldName] {
  if (LIST_FIELDS.has(field)) return [];
  return field === 'birthday' ? null : '';
}

function listTexts(field: WritableFieldName, value: FullContactFields[WritableFieldName]): string[] {
  const items = (value ?? []) as (LabeledValue | PostalAddress)[];
  return field === 'addresses'
    ? (items as PostalAddress[]).map((a) => (a.label ? `${a.label}: ${formatAddress(a)}` : formatAddress(a)))
    : (items as LabeledValue[]).map(formatLabeledValue);
}

/**
 * The entries in order, as a line diff shows them (a longest common subsequence): an entry edited
 * in place comes out as "removed" right before its "added", among the ones that stayed.
 */
function diffItems(before: string[], after: string[]): ListItemChange[] {
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..]
  const common = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const items: ListItemChange[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      items.push({ text: before[i++], change: 'kept' });
      j++;
    } else if (j === after.length || (i < before.length && common[i + 1][j] >= common[i][j + 1])) {
      // Removals first when both keep the longest common part: "old, then new" reads top to bottom.
      items.push({ text: before[i++], change: 'removed' });
    } else {
      items.push({ text: after[j++], change: 'added' });
    }
  }
  return items;
}
