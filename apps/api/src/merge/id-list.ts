import { badRequest } from '../common/api-errors.js';

/**
 * A body field that lists contact ids (a merge's `others`, a dismissal's `contacts`):
 * present, a list of distinct positive integers, between `min` and `max` of them, or a
 * 400 keyed by `field` with DRF's wording where it has one.
 */
export function idListOf(raw: unknown, field: string, { min, max, tooFew }: { min: number; max: number; tooFew: string }): number[] {
  if (raw === undefined || raw === null) throw badRequest({ [field]: ['This field is required.'] });
  if (!Array.isArray(raw)) throw badRequest({ [field]: ['Expected a list of contact ids.'] });
  const invalid = raw.find((id) => typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1);
  if (invalid !== undefined) throw badRequest({ [field]: [`Incorrect type. Expected pk value, received ${JSON.stringify(invalid)}.`] });
  const ids = raw as number[];
  if (new Set(ids).size !== ids.length) throw badRequest({ [field]: ['Each contact may be named only once.'] });
  if (ids.length < min) throw badRequest({ [field]: [tooFew] });
  if (ids.length > max) throw badRequest({ [field]: [`Ensure this field has no more than ${max} elements.`] });
  return ids;
}
