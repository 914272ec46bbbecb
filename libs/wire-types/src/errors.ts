/** 400/409 with messages per field, e.g. {"email": ["Email must be unique."]}. */
export type FieldErrors = Record<string, string[]>;

/** Every error that is not about one field. */
export interface DetailError {
  detail: string;
}

export type ApiError = FieldErrors | DetailError;

export const EMAIL_TAKEN_MESSAGE = 'Email must be unique.';
export const EMAIL_RESERVED_MESSAGE = 'A contact with this email is being created.';

export function isDetailError(body: unknown): body is DetailError {
  return typeof body === 'object' && body !== null && typeof (body as DetailError).detail === 'string';
}
