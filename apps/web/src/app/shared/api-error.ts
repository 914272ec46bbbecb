import { HttpErrorResponse } from '@angular/common/http';
import { CONTACT_FIELD_NAMES, isDetailError, type FieldErrors } from '@contacts/wire-types';
import type { ClientFieldErrors } from './contact-validation';

export interface ParsedApiError {
  status: number;
  /** First message per contact field, ready to show next to the input. */
  fields: ClientFieldErrors;
  /** A message for everything not tied to one field. */
  message: string;
}

/** Like ParsedApiError, for a form whose fields are `F` (sign-in, a book's name, a member's email…). */
export interface ParsedFormError<F extends string> {
  status: number;
  fields: Partial<Record<F, string>>;
  message: string;
  /** Seconds from `Retry-After` on a 429, when the server sent one. */
  retryAfterSeconds: number | null;
}

/** Turns DRF-style error bodies ({field: [msg]} or {detail}) into something a form can render. */
export function parseApiError(err: unknown): ParsedApiError {
  const parsed = parseFormError(err, CONTACT_FIELD_NAMES);
  return { status: parsed.status, fields: parsed.fields as ClientFieldErrors, message: parsed.message };
}

/** The same, for any form: messages keyed by one of `names` go on that field, the rest into `message`. */
export function parseFormError<F extends string>(err: unknown, names: readonly F[]): ParsedFormError<F> {
  if (!(err instanceof HttpErrorResponse)) {
    return { status: 0, fields: {}, message: err instanceof Error ? err.message : 'Something went wrong.', retryAfterSeconds: null };
  }
  const body: unknown = err.error;
  const fields: Partial<Record<F, string>> = {};
  const other: string[] = [];
  if (isDetailError(body)) {
    other.push(body.detail);
  } else if (isPlainObject(body)) {
    for (const [key, value] of Object.entries(body as FieldErrors)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if ((names as readonly string[]).includes(key)) fields[key as F] = text;
      else other.push(text);
    }
  }
  const retryAfterSeconds = err.status === 429 ? retryAfter(err) : null;
  let message = other.join(' ');
  if (err.status === 429) {
    // The server's own words when it sent some, and always when to try again.
    const base = message || 'Too many attempts.';
    const wait = retryAfterSeconds !== null ? `Try again in ${retryAfterSeconds} s.` : 'Try again in a moment.';
    message = /try again/i.test(base) ? base : `${base} ${wait}`;
  } else if (!message) {
    if (Object.keys(fields).length) message = 'Please fix the highlighted fields.';
    else if (err.status === 0) message = 'Cannot reach the server. Check your connection.';
    else message = `Request failed (${err.status}).`;
  }
  return { status: err.status, fields, message, retryAfterSeconds };
}

/** A JSON body; not the ProgressEvent or Error a failed connection leaves in `error`. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date. */
function retryAfter(err: HttpErrorResponse): number | null {
  const raw = err.headers?.get('Retry-After');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

