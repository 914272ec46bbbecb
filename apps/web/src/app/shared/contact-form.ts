import {
  CONTACT_DETAIL_NAMES,
  CONTACT_FIELD_NAMES,
  POSTAL_ADDRESS_PARTS,
  type ContactDetailName,
  type ContactDetails,
  type ContactFieldName,
  type ContactFields,
  type LabeledValue,
  type MandatoryContactFields,
  type PostalAddress,
} from '@contacts/wire-types';

/** Every field a client writes, complete: the four mandatory ones and all the details. */
export type FullContactFields = MandatoryContactFields & ContactDetails;
export type WritableFieldName = ContactFieldName | ContactDetailName;
export const WRITABLE_FIELD_NAMES: readonly WritableFieldName[] = [...CONTACT_FIELD_NAMES, ...CONTACT_DETAIL_NAMES];
/** The order the form shows them in (notes last), which diffs and the conflict table follow. */
export const FORM_FIELD_ORDER: readonly WritableFieldName[] = [
  ...CONTACT_FIELD_NAMES,
  'organization',
  'job_title',
  'birthday',
  'other_emails',
  'other_phones',
  'addresses',
  'notes',
];

/** The birthday as the three inputs hold it; the year may stay empty (a birthday without its year). */
export interface BirthdayParts {
  day: string;
  month: string;
  year: string;
}

/** A row of the form's lists; `key` keeps a row's identity (and focus) while rows are added and removed. */
export interface LabeledRow extends LabeledValue {
  key: number;
}

export interface AddressRow extends PostalAddress {
  key: number;
}

/** The contact form's state: the wire fields where an input holds them as they are, parts where it does not. */
export interface ContactForm extends MandatoryContactFields {
  organization: string;
  job_title: string;
  notes: string;
  birthday: BirthdayParts;
  other_emails: LabeledRow[];
  other_phones: LabeledRow[];
  addresses: AddressRow[];
}

export type ListFieldName = 'other_emails' | 'other_phones' | 'addresses';

let nextRowKey = 1;

export function newLabeledRow(label: string, value = ''): LabeledRow {
  return { key: nextRowKey++, label, value };
}

export function newAddressRow(label: string): AddressRow {
  return { key: nextRowKey++, label, street: '', city: '', region: '', postal_code: '', country: '' };
}

export function emptyForm(): ContactForm {
  return {
    first_name: '',
    last_name: '',
    email: '',
    phone: '',
    organization: '',
    job_title: '',
    notes: '',
    birthday: { day: '', month: '', year: '' },
    other_emails: [],
    other_phones: [],
    addresses: [],
  };
}

/** A form showing `fields`; details an older server or client leaves out count as empty. */
export function formFromFields(fields: ContactFields): ContactForm {
  return {
    first_name: fields.first_name,
    last_name: fields.last_name,
    email: fields.email,
    phone: fields.phone,
    organization: fields.organization ?? '',
    job_title: fields.job_title ?? '',
    notes: fields.notes ?? '',
    birthday: birthdayParts(fields.birthday ?? null),
    other_emails: (fields.other_emails ?? []).map((e) => newLabeledRow(e.label, e.value)),
    other_phones: (fields.other_phones ?? []).map((p) => newLabeledRow(p.label, p.value)),
    addresses: (fields.addresses ?? []).map((a) => ({ ...newAddressRow(a.label), ...pickAddress(a) })),
  };
}

/**
 * The wire fields the form stands for, trimmed as the server trims them. Rows keep their
 * positions (blank ones included: validation refuses them), so a server error about
 * `other_phones[2]` names the third row on screen.
 */
export function formToFields(form: ContactForm): FullContactFields {
  return {
    first_name: form.first_name.trim(),
    last_name: form.last_name.trim(),
    email: form.email.trim(),
    phone: form.phone.trim(),
    organization: form.organization.trim(),
    job_title: form.job_title.trim(),
    notes: form.notes.trim(),
    birthday: birthdayValue(form.birthday),
    other_emails: form.other_emails.map((r) => ({ label: r.label.trim(), value: r.value.trim() })),
    other_phones: form.other_phones.map((r) => ({ label: r.label.trim(), value: r.value.trim() })),
    addresses: form.addresses.map((r) => trimAddress(r)),
  };
}

/** Every field of a contact or version, details defaulting to empty (a version written before they existed). */
export function fullFields(c: ContactFields): FullContactFields {
  return {
    first_name: c.first_name,
    last_name: c.last_name,
    email: c.email,
    phone: c.phone,
    organization: c.organization ?? '',
    job_title: c.job_title ?? '',
    notes: c.notes ?? '',
    birthday: c.birthday ?? null,
    other_emails: (c.other_emails ?? []).map((e) => ({ label: e.label, value: e.value })),
    other_phones: (c.other_phones ?? []).map((p) => ({ label: p.label, value: p.value })),
    addresses: (c.addresses ?? []).map((a) => pickAddress(a)),
  };
}

export function sameValue(a: FullContactFields[WritableFieldName], b: FullContactFields[WritableFieldName]): boolean {
  return typeof a === 'object' || typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/** The fields of `next` that differ from `base`: what a PATCH needs to send. */
export function changedFields(base: FullContactFields, next: FullContactFields): Partial<FullContactFields> {
  const patch: Partial<Record<WritableFieldName, unknown>> = {};
  for (const name of WRITABLE_FIELD_NAMES) if (!sameValue(base[name], next[name])) patch[name] = next[name];
  return patch as Partial<FullContactFields>;
}

/** Nothing typed anywhere (labels alone, pre-filled on new rows, do not count). */
export function formIsEmpty(form: ContactForm): boolean {
  const texts = [form.first_name, form.last_name, form.email, form.phone, form.organization, form.job_title, form.notes];
  const b = form.birthday;
  return (
    texts.every((t) => !t.trim()) &&
    !b.day && !b.month && !b.year.trim() &&
    form.other_emails.every((r) => !r.value.trim()) &&
    form.other_phones.every((r) => !r.value.trim()) &&
    form.addresses.every((r) => POSTAL_ADDRESS_PARTS.every((p) => !r[p].trim()))
  );
}

/** Whether any of the optional fields holds something (the create form then shows them). */
export function hasDetails(form: ContactForm): boolean {
  const b = form.birthday;
  return (
    !!(form.organization.trim() || form.job_title.trim() || form.notes.trim()) ||
    !!(b.day || b.month || b.year.trim()) ||
    form.other_emails.length > 0 ||
    form.other_phones.length > 0 ||
    form.addresses.length > 0
  );
}

/** `1815-12-10` → day 10, month 12, year 1815; `--12-10` → no year. Anything else: empty inputs. */
export function birthdayParts(birthday: string | null): BirthdayParts {
  const m = birthday ? /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(birthday) : null;
  if (!m) return { day: '', month: '', year: '' };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] === '-' ? '' : m[1] };
}

/**
 * The wire birthday for the inputs: `1815-12-10`, `--12-10` without a year, null when all are
 * empty. Only meaningful once birthdayError() has nothing to say.
 */
export function birthdayValue(parts: BirthdayParts): string | null {
  const year = parts.year.trim();
  if (!parts.day && !parts.month && !year) return null;
  const mm = parts.month.padStart(2, '0');
  const dd = parts.day.padStart(2, '0');
  return `${year ? year.padStart(4, '0') : '-'}-${mm}-${dd}`;
}

/** Why the inputs do not make a birthday, or null when they do (or are all empty). */
export function birthdayError(parts: BirthdayParts): string | null {
  const year = parts.year.trim();
  if (!parts.day && !parts.month && !year) return null;
  if (!parts.day || !parts.month) return 'Choose the day and the month (the year may stay empty).';
  if (year && !/^\d{4}$/.test(year)) return 'Enter the year with four digits, or leave it empty.';
  const day = Number(parts.day);
  const month = Number(parts.month);
  // Without a year, 29 February is a real birthday: check against a leap year.
  const y = year ? Number(year) : 2000;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(y);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'Enter a valid date.';
  return null;
}

function pickAddress(a: PostalAddress): PostalAddress {
  return { label: a.label, street: a.street, city: a.city, region: a.region, postal_code: a.postal_code, country: a.country };
}

function trimAddress(a: PostalAddress): PostalAddress {
  return {
    label: a.label.trim(),
    street: a.street.trim(),
    city: a.city.trim(),
    region: a.region.trim(),
    postal_code: a.postal_code.trim(),
    country: a.country.trim(),
  };
}
