import { HttpErrorResponse } from '@angular/common/http';
import { CONTACT_FIELD_NAMES, isDetailError, type ContactFieldName, type FieldErrors } from '@contacts/wire-types';
import type { ClientFieldErrors } from './contact-validation';

export interface ParsedApiError {
  status: number;
  /** First message per contact field, ready to show next to the input. */
  fields: ClientFieldErrors;
  /** A message for everything not tied to one field. */
  message: string;
}

/** Turns DRF-style error bodies ({field: [msg]} or {detail}) into something a form can render. */
export function parseApiError(err: unknown): ParsedApiError {
  if (!(err instanceof HttpErrorResponse)) {
    return { status: 0, fields: {}, message: err instanceof Error ? err.message : 'Something went wrong.' };
  }
  const body: unknown = err.error;
  const fields: ClientFieldErrors = {};
  const other: string[] = [];
  if (isDetailError(body)) {
    other.push(body.detail);
  } else if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as FieldErrors)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if ((CONTACT_FIELD_NAMES as readonly string[]).includes(key)) fields[key as ContactFieldName] = text;
      else other.push(text);
    }
  }
  let message = other.join(' ');
  if (!message) {
    if (Object.keys(fields).length) message = 'Please fix the highlighted fields.';
    else if (err.status === 0) message = 'Cannot reach the server. Check your connection.';
    else message = `Request failed (${err.status}).`;
  }
  return { status: err.status, fields, message };
}
