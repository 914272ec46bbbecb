import {
  BIRTHDAY_PATTERN,
  CONTACT_DETAIL_LIMITS as LIMITS,
  CONTACT_DETAIL_NAMES,
  CONTACT_FIELD_MAX_LENGTH,
  type ContactDetails,
  EMAIL_PATTERN,
  type FieldErrors,
  type LabeledValue,
  PHONE_PATTERN,
  POSTAL_ADDRESS_PARTS,
  type PostalAddress,
} from '@contacts/wire-types';

/*
 * The optional fields of a contact, checked by hand rather than with class-validator: the
 * lists' errors are keyed by entry and part (`other_phones[2].value`, `addresses[0].city`),
 * as a DRF nested serializer reports them, with DRF's messages.
 */

const NOT_NULL = 'This field may not be null.';
const REQUIRED = 'This field is required.';
const BIRTHDAY_FORMAT = 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD, --MM-DD.';
const tooLong = (max: number) => `Ensure this field has no more than ${max} characters.`;

/** The JSON type's name as a DRF client reads it. */
function typeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}

type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/** A CharField that may be blank: trimmed, at most `max` code points (as the databases count). */
function text(value: unknown, max: number): Check<string> {
  if (value === null) return { ok: false, message: NOT_NULL };
  if (typeof value !== 'string') return { ok: false, message: 'Not a valid string.' };
  const trimmed = value.trim();
  if (trimmed.includes('\u0000')) return { ok: false, message: 'Null characters are not allowed.' };
  if ([...trimmed].length > max) return { ok: false, message: tooLong(max) };
  return { ok: true, value: trimmed };
}

/** A real calendar date; a month and day without a year may be 02-29. */
export function isRealBirthday(value: string): boolean {
  const match = BIRTHDAY_PATTERN.exec(value);
  if (!match) return false;
  const [, yearText, monthText, dayText] = match;
  const year = yearText === '-' ? 2000 : Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

function birthday(value: unknown): Check<string | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value !== 'string') return { ok: false, message: BIRTHDAY_FORMAT };
  const trimmed = value.trim();
  // An empty date input means no birthday.
  if (trimmed === '') return { ok: true, value: null };
  if (!BIRTHDAY_PATTERN.test(trimmed)) return { ok: false, message: BIRTHDAY_FORMAT };
  if (!isRealBirthday(trimmed)) return { ok: false, message: 'Enter a valid date.' };
  return { ok: true, value: trimmed };
}

/** A ListField: the entries checked one by one, errors keyed `field[i]` / `field[i].part`. */
function list<T>(field: string, value: unknown, max: number, errors: FieldErrors, entry: (item: Record<string, unknown>, key: string) => T | null): T[] | undefined {
  if (value === null) {
    errors[field] = [NOT_NULL];
    return undefined;
  }
  if (!Array.isArray(value)) {
    errors[field] = [`Expected a list of items but got type "${typeName(value)}".`];
    return undefined;
  }
  if (value.length > max) {
    errors[field] = [`Ensure this field has no more than ${max} elements.`];
    return undefined;
  }
  const clean: T[] = [];
  let failed = false;
  value.forEach((item: unknown, index) => {
    const key = `${field}[${index}]`;
    if (item === null) {
      errors[key] = [NOT_NULL];
    } else if (typeof item !== 'object' || Array.isArray(item)) {
      errors[key] = [`Invalid data. Expected a dictionary, but got ${typeName(item)}.`];
    } else {
      const before = Object.keys(errors).length;
      const checked = entry(item as Record<string, unknown>, key);
      if (Object.keys(errors).length === before) {
        if (checked !== null) clean.push(checked);
        return;
      }
    }
    failed = true;
  });
  return failed ? undefined : clean;
}

/** `label` (optional, free text) of an entry. */
function label(item: Record<string, unknown>, key: string, errors: FieldErrors): string {
  if (item.label === undefined) return '';
  const checked = text(item.label, LIMITS.label);
  if (!checked.ok) errors[`${key}.label`] = [checked.message];
  return checked.ok ? checked.value : '';
}

function labeled(kind: 'email' | 'phone') {
  const max = CONTACT_FIELD_MAX_LENGTH[kind];
  const pattern = kind === 'email' ? EMAIL_PATTERN : PHONE_PATTERN;
  const invalid = kind === 'email' ? 'Enter a valid email address.' : 'Enter a valid phone number.';
  return (errors: FieldErrors) =>
    (item: Record<string, unknown>, key: string): LabeledValue => {
      const entryLabel = label(item, key, errors);
      const raw = item.value;
      let value = '';
      if (raw === undefined) {
        errors[`${key}.value`] = [REQUIRED];
      } else {
        const checked = text(raw, max);
        if (!checked.ok) errors[`${key}.value`] = [checked.message];
        else if (checked.value === '') errors[`${key}.value`] = ['This field may not be blank.'];
        else if (!pattern.test(checked.value)) errors[`${key}.value`] = [invalid];
        else value = checked.value;
      }
      return { label: entryLabel, value };
    };
}

/** An address: every part optional. One with no part at all is dropped (an empty row of a form, an empty ADR). */
function address(errors: FieldErrors) {
  return (item: Record<string, unknown>, key: string): PostalAddress | null => {
    const result = { label: label(item, key, errors) } as PostalAddress;
    for (const part of POSTAL_ADDRESS_PARTS) {
      if (item[part] === undefined) {
        result[part] = '';
        continue;
      }
      const checked = text(item[part], LIMITS.addressPart);
      if (!checked.ok) errors[`${key}.${part}`] = [checked.message];
      result[part] = checked.ok ? checked.value : '';
    }
    return POSTAL_ADDRESS_PARTS.some((part) => result[part] !== '') ? result : null;
  };
}

/**
 * The details present in `source`, cleaned (trimmed, lists rebuilt with only their known
 * keys), and the errors of those that are not valid. Absent details stay absent: the
 * caller decides whether that means empty (a create) or unchanged (PUT, PATCH).
 */
export function validateDetails(source: Record<string, unknown>): { details: Partial<ContactDetails>; errors: FieldErrors } {
  const details: Partial<ContactDetails> = {};
  const errors: FieldErrors = {};
  for (const name of CONTACT_DETAIL_NAMES) {
    if (!(name in source) || source[name] === undefined) continue;
    const value = source[name];
    switch (name) {
      case 'organization':
      case 'job_title':
      case 'notes': {
        const checked = text(value, LIMITS[name]);
        if (checked.ok) details[name] = checked.value;
        else errors[name] = [checked.message];
        break;
      }
      case 'birthday': {
        const checked = birthday(value);
        if (checked.ok) details.birthday = checked.value;
        else errors.birthday = [checked.message];
        break;
      }
      case 'other_emails': {
        const clean = list(name, value, LIMITS.otherEmails, errors, labeled('email')(errors));
        if (clean) details.other_emails = clean;
        break;
      }
      case 'other_phones': {
        const clean = list(name, value, LIMITS.otherPhones, errors, labeled('phone')(errors));
        if (clean) details.other_phones = clean;
        break;
      }
      case 'addresses': {
        const clean = list(name, value, LIMITS.addresses, errors, address(errors));
        if (clean) details.addresses = clean;
        break;
      }
    }
  }
  return { details, errors };
}
