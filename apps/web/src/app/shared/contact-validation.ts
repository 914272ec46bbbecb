import {
  CONTACT_FIELD_MAX_LENGTH,
  CONTACT_FIELD_NAMES,
  EMAIL_PATTERN,
  PHONE_PATTERN,
  type ContactFieldName,
  type ContactFields,
} from '@contacts/wire-types';

export const FIELD_LABELS: Readonly<Record<ContactFieldName, string>> = {
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
};

export type ClientFieldErrors = Partial<Record<ContactFieldName, string>>;

export function emptyFields(): ContactFields {
  return { first_name: '', last_name: '', email: '', phone: '' };
}

/** The server trims surrounding white space; do the same so checks and payloads agree. */
export function trimFields(fields: ContactFields): ContactFields {
  return {
    first_name: fields.first_name.trim(),
    last_name: fields.last_name.trim(),
    email: fields.email.trim(),
    phone: fields.phone.trim(),
  };
}

/** Mirrors the server's rules (CONTRACT.md "Contact") so most mistakes never make a round trip. */
export function validateContact(raw: ContactFields): ClientFieldErrors {
  const fields = trimFields(raw);
  const errors: ClientFieldErrors = {};
  for (const name of CONTACT_FIELD_NAMES) {
    const value = fields[name];
    const max = CONTACT_FIELD_MAX_LENGTH[name];
    if (!value) errors[name] = `${FIELD_LABELS[name]} is required.`;
    else if (codePointLength(value) > max) errors[name] = `${FIELD_LABELS[name]} must be at most ${max} characters.`;
  }
  if (!errors.email && !EMAIL_PATTERN.test(fields.email)) errors.email = 'Enter a valid email address.';
  if (!errors.phone && !PHONE_PATTERN.test(fields.phone)) {
    errors.phone = 'Use digits and + - ( ) . or spaces.';
  }
  return errors;
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

export function sameFields(a: ContactFields, b: ContactFields): boolean {
  return CONTACT_FIELD_NAMES.every((n) => a[n] === b[n]);
}

export function pickFields(c: ContactFields): ContactFields {
  return { first_name: c.first_name, last_name: c.last_name, email: c.email, phone: c.phone };
}
