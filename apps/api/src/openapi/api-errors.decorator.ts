import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { HeaderObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { ref, type SchemaName } from './schemas.js';

const ETAG: HeaderObject = { description: 'The contact’s version, for a later If-Match', required: true, schema: { type: 'string' } };

type ErrorStatus = 400 | 401 | 404 | 409 | 412 | 422;

/** What each error status of the contract carries. */
const ERRORS: Record<ErrorStatus, { description: string; schema: ReferenceObject; headers?: Record<string, HeaderObject> }> = {
  400: { description: 'Invalid input: messages keyed by field, or {"detail"} about the request as a whole', schema: ref('FieldOrDetailError') },
  401: {
    description:
      'No valid credentials: AUTH=accounts without a session or token, or (AUTH=none) EXTERNAL_API_TOKEN is set and the request has no valid service token (Authorization: Bearer … or X-Service-Token)',
    schema: ref('Detail'),
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="contacts"', required: true, schema: { type: 'string' } } },
  },
  404: {
    description:
      'Not found: {"detail": "Not found."} — also for a contact, version or address book the caller may not see (or "Invalid page." for a page past the end)',
    schema: ref('Detail'),
  },
  409: {
    description: 'Conflict: an email taken at save time or reserved by a pending create (keyed by field), or a state that does not allow this (detail)',
    schema: ref('FieldOrDetailError'),
  },
  412: { description: 'If-Match no longer matches: the body is the current contact', schema: ref('Contact') },
  422: { description: 'Idempotency-Key already used with a different request body', schema: ref('Detail') },
};

/** Documents the contract's error answers for the given statuses (429 and 503 are added to every route). */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...ERRORS[status] })));
}

/** A success answer in JSON: one of the component schemas, or an array of one. */
export function ApiJson(status: 200 | 201 | 503, description: string, schema: SchemaName | [SchemaName] | SchemaObject): MethodDecorator {
  const body = typeof schema === 'string' ? ref(schema) : Array.isArray(schema) ? { type: 'array' as const, items: ref(schema[0]) } : schema;
  return ApiResponse({ status, description, schema: body });
}

/** A single-contact answer: the contact and its ETag. */
export function ApiContact(status: 200 | 201, description: string): MethodDecorator {
  return ApiResponse({ status, description, schema: ref('Contact'), headers: { ETag: ETAG } });
}

/** The optional If-Match of PUT and PATCH. */
export const ApiIfMatch = (): MethodDecorator =>
  ApiHeader({ name: 'If-Match', required: false, description: 'An ETag from a read; when it no longer matches → 412 with the current contact. Without it, last write wins.' });

/** The optional Idempotency-Key of POST /api/contacts/. */
export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 255 },
    description: 'A retry with the same key gets the first request’s answer (waiting for it if still pending) and never creates twice; the same key with a different body → 422. Keys are kept 24 h.',
  });
