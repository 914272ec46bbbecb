import { jest } from '@jest/globals';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { currentRequestId, RequestAwareLogger, requestIdHook } from './request-context.js';

function run(offered: string | undefined, inside: () => void): string {
  const headers: Record<string, string> = {};
  const req = { headers: offered === undefined ? {} : { 'x-request-id': offered } } as unknown as FastifyRequest;
  const res = { header: (name: string, value: string) => (headers[name] = value) } as unknown as FastifyReply;
  requestIdHook(req, res, inside as HookHandlerDoneFunction);
  return headers['X-Request-Id'];
}

describe('request ids in logs', () => {
  it('every line logged while handling a request names it', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      const logger = new RequestAwareLogger({ colors: false });
      const id = run('req-42', () => {
        expect(currentRequestId()).toBe('req-42');
        logger.log('contact 7 updated', 'Contacts');
      });
      expect(id).toBe('req-42');
      logger.log('outside any request', 'Boot');
    } finally {
      spy.mockRestore();
    }
    expect(written[0]).toContain('[Contacts] [req req-42] contact 7 updated');
    expect(written[1]).not.toContain('[req ');
  });
});
