import { detailError } from './api-errors.js';

/** The JSON type's name as a DRF client reads it in "Expected a dictionary, but got …". */
function drfTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value;
}

/** A request body must be a JSON object; anything else is a 400 before any field is looked at. */
export function asObjectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw detailError(400, `Invalid data. Expected a dictionary, but got ${drfTypeName(body)}.`);
  }
  return body as Record<string, unknown>;
}
