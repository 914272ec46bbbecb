import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { DetailSchema, FieldErrorsSchema } from './schemas.js';

const DESCRIPTIONS: Record<number, [string, 'fields' | 'detail']> = {
  400: ['Invalid input: messages keyed by field (or {"detail"} for malformed JSON)', 'fields'],
  401: ['EXTERNAL_API_TOKEN is set and the request has no valid service token (Authorization: Bearer or X-Service-Token)', 'detail'],
  404: ['Not found: {"detail": "Not found."}', 'detail'],
  409: ['Conflict keyed by field, e.g. an email taken at save time or reserved by a pending create', 'fields'],
  412: ['If-Match is stale: the body is the current contact', 'detail'],
  413: ['Body over 1 MiB', 'detail'],
  422: ['Idempotency-Key reused with a different body', 'detail'],
};

/** Documents the contract's error shapes for the given statuses. */
export function ApiErrors(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) => {
      const [description, shape] = DESCRIPTIONS[status] ?? ['Error', 'detail'];
      return ApiResponse({ status, description, type: shape === 'fields' ? FieldErrorsSchema : DetailSchema });
    }),
  );
}
