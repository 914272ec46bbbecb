import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { flattenFieldErrors, parseApiError, parseFormError } from './api-error';

const error = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new HttpErrorResponse({ status, error: body, headers: new HttpHeaders(headers) });

describe('parseFormError', () => {
  it('puts messages on the form’s fields and the rest in the message', () => {
    const parsed = parseFormError(error(400, { email: ['A user with that email already exists.'], password: ['Too short.'], other: ['x'] }), ['email', 'password']);
    expect(parsed.fields).toEqual({ email: 'A user with that email already exists.', password: 'Too short.' });
    expect(parsed.message).toBe('x');
  });

  it('shows a detail as the message', () => {
    expect(parseFormError(error(400, { detail: 'Unable to log in with provided credentials.' }), ['email']).message).toBe(
      'Unable to log in with provided credentials.',
    );
  });

  it('says when to try again after a 429, from Retry-After', () => {
    const parsed = parseFormError(error(429, { detail: 'Too many failed attempts.' }, { 'Retry-After': '42' }), ['email']);
    expect(parsed.retryAfterSeconds).toBe(42);
    expect(parsed.message).toBe('Too many failed attempts. Try again in 42 s.');
    expect(parseFormError(error(429, null), []).message).toBe('Too many attempts. Try again in a moment.');
    // The server already said when: not twice.
    expect(parseFormError(error(429, { detail: 'Try again in 30 seconds.' }, { 'Retry-After': '30' }), []).message).toBe('Try again in 30 seconds.');
  });

  it('a connection that failed is "cannot reach the server", not the ProgressEvent’s fields', () => {
    expect(parseApiError(error(0, new ProgressEvent('error'))).message).toBe('Cannot reach the server. Check your connection.');
  });
});

describe('parseApiError, contact fields', () => {
  it('puts row messages on their rows by path, and the rest in the message', () => {
    const parsed = parseApiError(
      error(400, {
        'other_phones[2].value': ['Enter a valid phone number.'],
        'addresses[0].city': ['Ensure this field has no more than 200 characters.'],
        other_emails: ['Ensure this field has no more than 10 elements.'],
        birthday: ['Enter a valid date.'],
        address_book: ['You cannot add contacts to this book.'],
      }),
    );
    expect(parsed.fields).toEqual({
      'other_phones[2].value': 'Enter a valid phone number.',
      'addresses[0].city': 'Ensure this field has no more than 200 characters.',
      other_emails: 'Ensure this field has no more than 10 elements.',
      birthday: 'Enter a valid date.',
    });
    expect(parsed.message).toBe('You cannot add contacts to this book.');
  });

  it('reads DRF’s nested list errors as the same paths', () => {
    expect(flattenFieldErrors({ other_phones: [{}, {}, { value: ['Bad.'] }] })).toEqual([['other_phones[2].value', 'Bad.']]);
    expect(flattenFieldErrors({ addresses: { '1': { city: ['Too long.'] } } })).toEqual([['addresses[1].city', 'Too long.']]);
    expect(parseApiError(error(400, { other_emails: [{ value: ['Enter a valid email address.'] }] })).fields).toEqual({
      'other_emails[0].value': 'Enter a valid email address.',
    });
  });
});
