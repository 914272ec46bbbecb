import {
  CONTACT_DETAIL_LIMITS,
  CONTACT_FIELD_MAX_LENGTH,
  CONTACT_FIELD_NAMES,
  EMAIL_PATTERN,
  PHONE_PATTERN,
  POSTAL_ADDRESS_PARTS,
  type ContactFieldName,
  type ContactFields,
  type MandatoryContactFields,
  type PostalAddress,
} from '@contacts/wire-types';
import { birthdayError, type ContactForm, type WritableFieldName } from './contact-form';

export const FIELD_LABELS: Readonly<Record<ContactFieldName, string>> = {
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
};

/** Labels of every writable field, for the diff, the conflict table and messages. */
export const WRITABLE_FIELD_LABELS: Readonly<Record<WritableFieldName, string>> = {
  ...FIELD_LABELS,
  organization: 'Organization',
  job_title: 'Job title',
  notes: 'Notes',
  birthday: 'Birthday',
  other_emails: 'Other emails',
  other_phones: 'Other phones',
  addresses: 'Addresses',
};

export const ADDRESS_PART_LABELS: Readonly<Record<keyof Omit<PostalAddress, 'label'>, string>> = {
  street: 'Street',
  city: 'City',
  region: 'State or region',
  postal_code: 'Postal code',
  country: 'Country',
};

/**
 * Messages by field path, as the server keys them: `email`, `birthday`, `other_phones` (the
 * list), `other_phones[2].value`, `addresses[0].city`. The first message per path.
 */
export type ClientFieldErrors = Partial<Record<string, string>>;

/** What validateContact checks: the four fields and whichever parts of the form are there. */
export type ContactFormInput = MandatoryContactFields & Partial<Omit<ContactForm, ContactFieldName>>;

/** The server trims surrounding white space; do the same so checks and payloads agree. */
export function trimFields(fields: MandatoryContactFields): MandatoryContactFields {
  return {
    first_name: fields.first_name.trim(),
    last_name: fields.last_name.trim(),
    email: fields.email.trim(),
    phone: fields.phone.trim(),
  };
}

const PHONE_HINT = 'Use digits and + - ( ) . or spaces.';

/** Mirrors the server's rules (CONTRACT.md "Contact", "Richer contacts") so most mistakes never make a round trip. */
export function validateContact(raw: ContactFormInput): ClientFieldErrors {
  const fields = trimFields(raw);
  const errors: ClientFieldErrors = {};
  for (const name of CONTACT_FIELD_NAMES) {
    const value = fields[name];
    const max = CONTACT_FIELD_MAX_LENGTH[name];
    if (!value) errors[name] = `${FIELD_LABELS[name]} is required.`;
    else if (codePointLength(value) > max) errors[name] = `${FIELD_LABELS[name]} must be at most ${max} characters.`;
  }
  if (!errors.email && !EMAIL_PATTERN.test(fields.email)) errors.email = 'Enter a valid email address.';
  if (!errors.phone && !PHONE_PATTERN.test(fields.phone)) errors.phone = PHONE_HINT;
  validateDetails(raw, errors);
  return errors;
}

function validateDetails(form: ContactFormInput, errors: ClientFieldErrors): void {
  const tooLong = (path: string, label: string, value: string, max: number) => {
    if (codePointLength(value.trim()) > max) errors[path] = `${label} must be at most ${max.toLocaleString('en-US')} characters.`;
  };
  if (form.organization !== undefined) tooLong('organization', 'Organization', form.organization, CONTACT_DETAIL_LIMITS.organization);
  if (form.job_title !== undefined) tooLong('job_title', 'Job title', form.job_title, CONTACT_DETAIL_LIMITS.job_title);
  if (form.notes !== undefined) tooLong('notes', 'Notes', form.notes, CONTACT_DETAIL_LIMITS.notes);
  if (form.birthday) {
    const message = birthdayError(form.birthday);
    if (message) errors['birthday'] = message;
  }

  const emails = form.other_emails ?? [];
  if (emails.length > CONTACT_DETAIL_LIMITS.otherEmails) errors['other_emails'] = `At most ${CONTACT_DETAIL_LIMITS.otherEmails} other emails.`;
  emails.forEach((row, i) => {
    const value = row.value.trim();
    const path = `other_emails[${i}].value`;
    if (!value) errors[path] = 'Enter an email address, or remove this row.';
    else if (codePointLength(value) > CONTACT_FIELD_MAX_LENGTH.email) errors[path] = `Email must be at most ${CONTACT_FIELD_MAX_LENGTH.email} characters.`;
    else if (!EMAIL_PATTERN.test(value)) errors[path] = 'Enter a valid email address.';
    tooLong(`other_emails[${i}].label`, 'Label', row.label, CONTACT_DETAIL_LIMITS.label);
  });

  const phones = form.other_phones ?? [];
  if (phones.length > CONTACT_DETAIL_LIMITS.otherPhones) errors['other_phones'] = `At most ${CONTACT_DETAIL_LIMITS.otherPhones} other phones.`;
  phones.forEach((row, i) => {
    const value = row.value.trim();
    const path = `other_phones[${i}].value`;
    if (!value) errors[path] = 'Enter a phone number, or remove this row.';
    else if (codePointLength(value) > CONTACT_FIELD_MAX_LENGTH.phone) errors[path] = `Phone must be at most ${CONTACT_FIELD_MAX_LENGTH.phone} characters.`;
    else if (!PHONE_PATTERN.test(value)) errors[path] = PHONE_HINT;
    tooLong(`other_phones[${i}].label`, 'Label', row.label, CONTACT_DETAIL_LIMITS.label);
  });

  const addresses = form.addresses ?? [];
  if (addresses.length > CONTACT_DETAIL_LIMITS.addresses) errors['addresses'] = `At most ${CONTACT_DETAIL_LIMITS.addresses} addresses.`;
  addresses.forEach((row, i) => {
    tooLong(`addresses[${i}].label`, 'Label', row.label, CONTACT_DETAIL_LIMITS.label);
    for (const part of POSTAL_ADDRESS_PARTS) tooLong(`addresses[${i}].${part}`, ADDRESS_PART_LABELS[part], row[part], CONTACT_DETAIL_LIMITS.addressPart);
    if (POSTAL_ADDRESS_PARTS.every((part) => !row[part].trim())) errors[`addresses[${i}].street`] = 'Fill in the address, or remove it.';
  });
}

/**
 * Length as the server counts it: Unicode code points, so an emoji or other astral character is
 * one (String.length counts UTF-16 code units, two for those).
 */
export function codePointLength(value: string): number {
  return [...value].length;
}

export function hasErrors(errors: ClientFieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

export function fullName(c: Pick<ContactFields, 'first_name' | 'last_name'>): string {
  return `${c.first_name} ${c.last_name}`.trim();
}

/**
 * The errors after row `index` of `list` was removed: that row's messages go, the rows after it
 * move up one, so every message stays beside its row.
 */
export function withoutRowErrors(errors: ClientFieldErrors, list: string, index: number): ClientFieldErrors {
  const next: ClientFieldErrors = {};
  const pattern = new RegExp(`^${list}\\[(\\d+)\\](.*)$`);
  for (const [path, message] of Object.entries(errors)) {
    const m = pattern.exec(path);
    if (!m) {
      // The list's own message (e.g. "at most 10") may no longer hold: the next check says.
      if (path !== list) next[path] = message;
      continue;
    }
    const i = Number(m[1]);
    if (i < index) next[path] = message;
    else if (i > index) next[`${list}[${i - 1}]${m[2]}`] = message;
  }
  return next;
}

/** The paths the form has inputs for now; a server message on another path is shown apart. */
export function formErrorPaths(form: ContactForm): Set<string> {
  const paths = new Set<string>([...CONTACT_FIELD_NAMES, 'organization', 'job_title', 'notes', 'birthday', 'other_emails', 'other_phones', 'addresses']);
  form.other_emails.forEach((_, i) => ['value', 'label'].forEach((p) => paths.add(`other_emails[${i}].${p}`)));
  form.other_phones.forEach((_, i) => ['value', 'label'].forEach((p) => paths.add(`other_phones[${i}].${p}`)));
  form.addresses.forEach((_, i) => ['label', ...POSTAL_ADDRESS_PARTS].forEach((p) => paths.add(`addresses[${i}].${p}`)));
  return paths;
}
