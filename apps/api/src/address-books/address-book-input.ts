import { ADDRESS_BOOK_NAME_MAX_LENGTH, type FieldErrors, MEMBER_ROLES, type MemberRole } from '@contacts/wire-types';
import { badRequest } from '../common/api-errors.js';
import { asObjectBody } from '../common/request-body.js';

/*
 * The bodies of the address-book routes, checked with the messages a DRF client knows:
 * every field's first problem at once, keyed by field, before anything is read or written.
 */

type Check<T> = { value: T; error?: undefined } | { value?: undefined; error: string };

/** A required string, trimmed: present, a string, not blank, no NUL (PostgreSQL text cannot hold one), at most `max` code points. */
function text(source: Record<string, unknown>, field: string, max: number): Check<string> {
  if (!(field in source) || source[field] === undefined) return { error: 'This field is required.' };
  const raw = source[field];
  if (raw === null) return { error: 'This field may not be null.' };
  if (typeof raw !== 'string') return { error: 'Not a valid string.' };
  const value = raw.trim();
  if (value.length === 0) return { error: 'This field may not be blank.' };
  if (value.includes('\u0000')) return { error: 'Null characters are not allowed.' };
  if ([...value].length > max) return { error: `Ensure this field has no more than ${max} characters.` };
  return { value };
}

/** `editor` or `viewer` (ownership is not handed over). */
function memberRole(source: Record<string, unknown>): Check<MemberRole> {
  if (!('role' in source) || source.role === undefined) return { error: 'This field is required.' };
  const raw = source.role;
  if (raw === null) return { error: 'This field may not be null.' };
  if (typeof raw === 'string' && (MEMBER_ROLES as readonly string[]).includes(raw)) return { value: raw as MemberRole };
  return { error: `"${typeof raw === 'string' ? raw : JSON.stringify(raw)}" is not a valid choice: use ${MEMBER_ROLES.map((r) => `"${r}"`).join(' or ')}.` };
}

function checked<T extends Record<string, unknown>>(checks: { [K in keyof T]: Check<T[K]> }): T {
  const errors: FieldErrors = {};
  const clean: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(checks) as Array<[string, Check<unknown>]>) {
    if (check.error !== undefined) errors[field] = [check.error];
    else clean[field] = check.value;
  }
  if (Object.keys(errors).length > 0) throw badRequest(errors);
  return clean as T;
}

/** POST /api/address-books/ and PATCH /api/address-books/{id}/: `{"name"}`. */
export function bookNameInput(body: unknown): string {
  return checked<{ name: string }>({ name: text(asObjectBody(body), 'name', ADDRESS_BOOK_NAME_MAX_LENGTH) }).name;
}

/** Accounts' email column holds at most this much; a longer one names no account. */
const EMAIL_MAX_LENGTH = 254;

/** POST /api/address-books/{id}/members/: `{"email", "role"}`. */
export function addMemberInput(body: unknown): { email: string; role: MemberRole } {
  const source = asObjectBody(body);
  return checked<{ email: string; role: MemberRole }>({ email: text(source, 'email', EMAIL_MAX_LENGTH), role: memberRole(source) });
}

/** PATCH /api/address-books/{id}/members/{user_id}/: `{"role"}`. */
export function changeMemberInput(body: unknown): MemberRole {
  return checked<{ role: MemberRole }>({ role: memberRole(asObjectBody(body)) }).role;
}
