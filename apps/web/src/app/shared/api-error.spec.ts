import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { parseApiError, parseFormError } from './api-error';

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
