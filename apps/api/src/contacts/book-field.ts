import { badRequest } from '../common/api-errors.js';

/**
 * `address_book` in a contact body: absent → undefined; else a positive integer (a JSON
 * number; a numeric string is refused, as for every other field) or a field-keyed 400.
 */
export function bookFieldOf(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('address_book' in body)) return undefined;
  const value = (body as { address_book: unknown }).address_book;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw badRequest({ address_book: [value === null ? 'This field may not be null.' : 'A valid integer is required.'] });
  }
  return value;
}

/** `?address_book=` on the list: absent → undefined; digits → the id; else a 400 keyed by it. */
export function bookFilterOf(raw: unknown): number | undefined {
  return idFilterOf(raw, 'address_book');
}

/** A query parameter naming an id (`?address_book=`, `?contact=`): absent → undefined; digits → the id; else a 400 keyed by `field`. */
export function idFilterOf(raw: unknown, field: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw) || Number(raw) < 1) {
    throw badRequest({ [field]: ['A valid integer is required.'] });
  }
  return Number(raw);
}
