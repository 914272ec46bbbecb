import { HttpException, HttpStatus } from '@nestjs/common';
import { EMAIL_RESERVED_MESSAGE, EMAIL_TAKEN_MESSAGE, type FieldErrors } from '@contacts/wire-types';

/** Errors in the contract's shapes: `{"field": ["…"]}` or `{"detail": "…"}`. */
export class ApiError extends HttpException {
  constructor(status: number, body: FieldErrors | { detail: string } | object) {
    super(body, status);
  }
}

export const notFound = (detail = 'Not found.') => new ApiError(HttpStatus.NOT_FOUND, { detail });
export const badRequest = (errors: FieldErrors) => new ApiError(HttpStatus.BAD_REQUEST, errors);
export const detailError = (status: number, detail: string) => new ApiError(status, { detail });
export const emailTaken = (status: 400 | 409) => new ApiError(status, { email: [EMAIL_TAKEN_MESSAGE] });
export const emailReserved = () => new ApiError(HttpStatus.CONFLICT, { email: [EMAIL_RESERVED_MESSAGE] });

/** True for a unique-constraint violation from SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
