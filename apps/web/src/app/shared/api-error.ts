import { HttpErrorResponse } from '@angular/common/http';
import { isDetailError } from '@contacts/wire-types';
import type { ClientFieldErrors } from './contact-validation';

export interface ParsedApiError {
  status: number;
  /** Messages per contact field path (`email`, `other_phones[2].value`), ready to show next to the input. */
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
  const parsed = parseFormError<string>(err, (path) => CONTACT_ERROR_PATH.test(path));
  return { status: parsed.status, fields: parsed.fields as ClientFieldErrors, message: parsed.message };
}

/** A contact field, a list of the details, or one of its rows or a row's part. */
const CONTACT_ERROR_PATH =
  /^(first_name|last_name|email|phone|organization|job_title|notes|birthday|other_emails|other_phones|addresses)(\[\d+\](\.[a-z_]+)?)?$/;

/**
 * The same, for any form: messages keyed by one of `names` (or a path `names` accepts) go on
 * that field, the rest into `message`.
 */
export function parseFormError<F extends string>(err: unknown, names: readonly F[] | ((path: string) => boolean)): ParsedFormError<F> {
  if (!(err instanceof HttpErrorResponse)) {
    return { status: 0, fields: {}, message: err instanceof Error ? err.message : 'Something went wrong.', retryAfterSeconds: null };
  }
  const body: unknown = err.error;
  const fields: Partial<Record<F, string>> = {};
  const other: string[] = [];
  if (isDetailError(body)) {
    other.push(body.detail);
  } else if (isPlainObject(body)) {
    const accepts = typeof names === 'function' ? names : (path: string) => (names as readonly string[]).includes(path);
    for (const [path, text] of flattenFieldErrors(body)) {
      if (accepts(path)) fields[path as F] = text;
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

/**
 * Field errors as `[path, message]`. The contract keys a row's error by its path
 * (`{"other_phones[2].value": [...]}`); DRF nests the same thing (`{"other_phones": [{}, {}, {"value": [...]}]}`
 * or `{"other_phones": {"2": {"value": [...]}}}`): both come out as `other_phones[2].value`.
 */
export function flattenFieldErrors(body: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const walk = (path: string, value: unknown): void => {
    if (Array.isArray(value)) {
      const texts = value.filter((v) => typeof v === 'string');
      if (texts.length) out.push([path, texts.join(' ')]);
      value.forEach((v, i) => {
        if (v && typeof v === 'object') walk(`${path}[${i}]`, v);
      });
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) walk(/^\d+$/.test(key) ? `${path}[${key}]` : `${path}.${key}`, inner);
    } else if (value !== null && value !== undefined) {
      out.push([path, String(value)]);
    }
  };
  for (const [key, value] of Object.entries(body)) walk(key, value);
  return out;
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

