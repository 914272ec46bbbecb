import { MAX_MERGE_OTHERS, MERGE_FIELD_NAMES } from '@contacts/wire-types';
import { badRequest } from '../common/api-errors.js';
import { asObjectBody } from '../common/request-body.js';

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
  if (raw === undefined || raw === null) throw badRequest({ others: ['This field is required.'] });
  if (!Array.isArray(raw)) throw badRequest({ others: ['Expected a list of contact ids.'] });
  if (raw.length === 0) throw badRequest({ others: ['Name at least one other contact to merge into this one.'] });
  if (raw.length > MAX_MERGE_OTHERS) throw badRequest({ others: [`Ensure this field has no more than ${MAX_MERGE_OTHERS} elements.`] });
  const invalid = raw.find((id) => typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1);
  if (invalid !== undefined) throw badRequest({ others: [`Incorrect type. Expected pk value, received ${JSON.stringify(invalid)}.`] });
  const ids = raw as number[];
  if (ids.includes(survivorId)) throw badRequest({ others: ['A contact cannot be merged into itself.'] });
  if (new Set(ids).size !== ids.length) throw badRequest({ others: ['Each contact may be named only once.'] });
  return ids;
}
