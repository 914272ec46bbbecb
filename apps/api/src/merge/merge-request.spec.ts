import { ApiError } from '../common/api-errors.js';
import { mergeRequestOf } from './merge-request.js';

function errorOf(run: () => unknown): { status: number; body: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.getStatus(), body: error.getResponse() };
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('mergeRequestOf', () => {
  it('takes the others and the values as sent', () => {
    expect(mergeRequestOf({ others: [2, 3], values: { email: 'ada@example.com' } }, 1)).toEqual({ others: [2, 3], values: { email: 'ada@example.com' } });
    expect(mergeRequestOf({ others: [2] }, 1)).toEqual({ others: [2], values: {} });
  });

  it.each([
    [{}, 'This field is required.'],
    [{ others: 2 }, 'Expected a list of contact ids.'],
    [{ others: [] }, 'Name at least one other contact to merge into this one.'],
    [{ others: ['2'] }, 'Incorrect type. Expected pk value, received "2".'],
    [{ others: [2.5] }, 'Incorrect type. Expected pk value, received 2.5.'],
    [{ others: [0] }, 'Incorrect type. Expected pk value, received 0.'],
    [{ others: [1] }, 'A contact cannot be merged into itself.'],
    [{ others: [2, 2] }, 'Each contact may be named only once.'],
    [{ others: Array.from({ length: 11 }, (_, i) => i + 2) }, 'Ensure this field has no more than 10 elements.'],
  ])('refuses %j with a 400 keyed by others', (body, message) => {
    expect(errorOf(() => mergeRequestOf(body, 1))).toEqual({ status: 400, body: { others: [message] } });
  });

  it('refuses values that are not an object, and fields a merge does not choose', () => {
    expect(errorOf(() => mergeRequestOf({ others: [2], values: ['email'] }, 1))).toMatchObject({ status: 400, body: { values: [expect.any(String)] } });
    expect(errorOf(() => mergeRequestOf({ others: [2], values: { uid: 'x', id: 3 } }, 1))).toEqual({
      status: 400,
      body: { values: ['Unknown field "uid".', 'Unknown field "id".'] },
    });
  });

  it('refuses a body that is not an object', () => {
    expect(errorOf(() => mergeRequestOf([2], 1))).toEqual({ status: 400, body: { detail: 'Invalid data. Expected a dictionary, but got list.' } });
  });
});
