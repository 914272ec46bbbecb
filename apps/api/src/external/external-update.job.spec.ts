import { ApiError, badRequest, notFound } from '../common/api-errors.js';
import { errorFromReason, failureReason } from './external-update.job.js';

describe('external update job failure reasons', () => {
  it('round-trips the HTTP status and body of a rejected job', () => {
    for (const error of [badRequest({ email: ['Enter a valid email address.'] }), notFound(), new ApiError(409, { email: ['taken'] })]) {
      const back = errorFromReason(failureReason(error));
      expect(back?.getStatus()).toBe(error.getStatus());
      expect(back?.getResponse()).toEqual(error.getResponse());
    }
  });

  it('treats foreign or server-side reasons as not the caller\'s fault', () => {
    for (const reason of [undefined, '', 'SQLITE_BUSY: database is locked', '{"status":500,"body":{}}', '{"status":400}']) {
      expect(errorFromReason(reason)).toBeNull();
    }
  });
});
