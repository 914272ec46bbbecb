import { MAX_MERGE_OTHERS, MERGE_FIELD_NAMES } from '@contacts/wire-types';
import { badRequest } from '../common/api-errors.js';
import { asObjectBody } from '../common/request-body.js';
import { idListOf } from './id-list.js';

/** A merge's body before its values are validated as contact fields. */
export interface MergeRequestShape {
  others: number[];
  /** The chosen values as sent; only merge fields (checked), validated like a PATCH body next. */
  values: Record<string, unknown>;
}

const MERGE_FIELDS: ReadonlySet<string> = new Set(MERGE_FIELD_NAMES);

/** `{"others": [id, …], "values": {field: value}}` for survivor `id`, or a 400 keyed by `others` / `values`. */
export function mergeRequestOf(body: unknown, survivorId: number): MergeRequestShape {
  const source = asObjectBody(body);
  const others = othersOf(source.others, survivorId);
  const values = source.values === undefined ? {} : source.values;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw badRequest({ values: ['Expected an object of field values, e.g. {"email": "ada@example.com"}.'] });
  }
  const unknown = Object.keys(values).filter((name) => !MERGE_FIELDS.has(name));
  if (unknown.length > 0) throw badRequest({ values: unknown.map((name) => `Unknown field "${name}".`) });
  return { others, values: values as Record<string, unknown> };
}

function othersOf(raw: unknown, survivorId: number): number[] {
  const ids = idListOf(raw, 'others', { min: 1, max: MAX_MERGE_OTHERS, tooFew: 'Name at least one other contact to merge into this one.' });
  if (ids.includes(survivorId)) throw badRequest({ others: ['A contact cannot be merged into itself.'] });
  return ids;
}
