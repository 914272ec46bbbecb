import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { ApiError, badRequest, detailError, emailTaken, notFound } from '../common/api-errors.js';
import { forbidden } from '../access/book-access.js';
import { DavError, davConditions } from './dav-error.js';
import { DavExceptionFilter } from './dav-exception.filter.js';

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function hostFor(sent: Sent, headersSent = false): ArgumentsHost {
  const reply = {
    sent: false,
    raw: { headersSent, destroy: jest.fn() },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return reply;
    },
    send(body?: unknown) {
      sent.body = body;
      return reply;
    },
  };
  return {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ method: 'PUT', url: '/dav/books/1/a.vcf?secret=x' }) }),
  } as unknown as ArgumentsHost;
}

function answer(exception: unknown): Sent {
  const sent: Sent = { status: 0, headers: {}, body: undefined };
  new DavExceptionFilter().catch(exception, hostFor(sent));
  return sent;
}

describe('DAV errors', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  it('a DavError goes out as it says: its status, its condition, its message', () => {
    const sent = answer(new DavError(403, davConditions.validSyncToken, 'Unknown token.'));
    expect(sent.status).toBe(403);
    expect(sent.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(sent.body).toContain('<d:valid-sync-token/>');
    expect(sent.body).toContain('<d:responsedescription>Unknown token.</d:responsedescription>');
  });

  it('a bare status has no body at all', () => {
    const sent = answer(new DavError(404));
    expect(sent).toEqual({ status: 404, headers: { 'content-length': '0' }, body: undefined });
  });

  it('the REST API’s 403 is DAV:need-privileges', () => {
    const sent = answer(forbidden());
    expect(sent.status).toBe(403);
    expect(sent.body).toContain('<d:need-privileges/>');
  });

  it.each([
    ['404', notFound(), 404],
    ['412 (whose REST body is the contact)', new ApiError(412, { id: 1, email: 'ada@example.com' }), 412],
    ['401', detailError(401, 'Authentication credentials were not provided.'), 401],
    ['429', detailError(429, 'Request was throttled.'), 429],
    ['409', emailTaken(409), 409],
  ])('the REST API’s %s keeps its status and loses its JSON', (_label, error, status) => {
    const sent = answer(error);
    expect(sent.status).toBe(status);
    expect(sent.body).toBeUndefined();
  });

  it('a 400 keeps its reasons as readable text', () => {
    const sent = answer(badRequest({ email: ['Enter a valid email address.'], first_name: ['This field is required.'] }));
    expect(sent.status).toBe(400);
    expect(sent.body).toContain('email: Enter a valid email address.\nfirst_name: This field is required.');
  });

  it('anything unexpected is a bare 500, logged without the query string', () => {
    const sent = answer(new TypeError('boom'));
    expect(sent.status).toBe(500);
    expect(sent.body).toBeUndefined();
    const logged = (Logger.prototype.error as unknown as { mock: { calls: unknown[][] } }).mock.calls.at(-1)?.[0] as string;
    expect(logged).toContain('PUT /dav/books/1/a.vcf: ');
    expect(logged).not.toContain('secret');
  });

  it('a failure after a streamed answer started cuts the connection', () => {
    const sent: Sent = { status: 0, headers: {}, body: undefined };
    const host = hostFor(sent, true);
    new DavExceptionFilter().catch(new Error('mid-stream'), host);
    const reply = host.switchToHttp().getResponse<{ raw: { destroy: ReturnType<typeof jest.fn> } }>();
    expect(reply.raw.destroy).toHaveBeenCalled();
    expect(sent.status).toBe(0);
  });
});
