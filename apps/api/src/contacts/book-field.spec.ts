import { ApiError } from '../common/api-errors.js';
import { bookFieldOf, bookFilterOf } from './book-field.js';

/** The value, or the 400's status and body. */
function outcome<T>(read: () => T): T | { status: number; body: unknown } {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.getStatus(), body: error.getResponse() };
  }
}

const INVALID = { status: 400, body: { address_book: ['A valid integer is required.'] } };
const NULL = { status: 400, body: { address_book: ['This field may not be null.'] } };

describe('bookFieldOf (address_book in a contact body)', () => {
  it('absent → undefined, whatever else the body is (the validator answers for a body that is not an object)', () => {
    for (const body of [undefined, null, 'text', 42, [], [{ address_book: 2 }], {}, { first_name: 'Ada' }]) {
      expect(outcome(() => bookFieldOf(body))).toBeUndefined();
    }
  });

  it('a positive integer (a JSON number) → that book', () => {
    expect(bookFieldOf({ address_book: 1 })).toBe(1);
    expect(bookFieldOf({ first_name: 'Ada', address_book: 42 })).toBe(42);
    expect(bookFieldOf({ address_book: Number.MAX_SAFE_INTEGER })).toBe(Number.MAX_SAFE_INTEGER);
    expect(bookFieldOf({ address_book: 3.0 })).toBe(3);
  });

  it('null → 400 {"address_book": ["This field may not be null."]}', () => {
    expect(outcome(() => bookFieldOf({ address_book: null }))).toEqual(NULL);
  });

  it('anything else → 400 {"address_book": ["A valid integer is required."]}', () => {
    for (const value of [0, -1, 1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '2', '', true, {}, [2], { id: 2 }]) {
      expect(outcome(() => bookFieldOf({ address_book: value }))).toEqual(INVALID);
    }
  });
});

describe('bookFilterOf (?address_book= on the list)', () => {
  it('absent or empty → undefined (every readable book)', () => {
    expect(bookFilterOf(undefined)).toBeUndefined();
    expect(bookFilterOf('')).toBeUndefined();
  });

  it('digits → that book', () => {
    expect(bookFilterOf('1')).toBe(1);
    expect(bookFilterOf('42')).toBe(42);
    expect(bookFilterOf('007')).toBe(7);
    expect(bookFilterOf('9'.repeat(15))).toBe(999_999_999_999_999);
  });

  it('anything else → 400 {"address_book": ["A valid integer is required."]}', () => {
    for (const raw of ['0', '000', '-1', '+1', '1.5', '1e3', ' 1', '1 ', 'abc', '0x10', '9'.repeat(16), ['1', '2'], 3, null, {}]) {
      expect(outcome(() => bookFilterOf(raw))).toEqual(INVALID);
    }
  });
});
