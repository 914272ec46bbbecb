import { HttpException } from '@nestjs/common';
import { ApiError } from '../common/api-errors.js';

/**
 * The Bull queue shared by every API replica and the worker. Keys live under
 * `<REDIS_PREFIX>bull:contacts-external-updates:*`; the job data is the HTTP body itself,
 * `{"id": 1, "email": "…", …}`, so any service can push a job with the plain bull library.
 * When EXTERNAL_API_TOKEN is set, the data must also carry `"token": "<that token>"`: a job
 * without it is failed without retry, its failedReason `{"status":401,"body":{"detail":…}}`.
 */
export const EXTERNAL_UPDATES_QUEUE = 'contacts-external-updates';

export function bullPrefix(redisPrefix: string): string {
  return `${redisPrefix}bull`;
}

export type ExternalUpdateJobData = { id: unknown; token?: string } & Record<string, unknown>;

/** The job data without its token: what is validated and applied. */
export function withoutToken(data: ExternalUpdateJobData): Record<string, unknown> {
  const { token: _token, ...rest } = data;
  return rest;
}

/** The row in applied_jobs that makes a job, or the in-process fallback for it, apply once. */
export function appliedJobKey(jobId: string | number): string {
  return `${EXTERNAL_UPDATES_QUEUE}:${jobId}`;
}

interface RecordedFailure {
  status: number;
  body: unknown;
}

/** A job's failedReason: the HTTP status and body the request would have got, as JSON. */
export function failureReason(error: HttpException): string {
  const failure: RecordedFailure = { status: error.getStatus(), body: error.getResponse() };
  return JSON.stringify(failure);
}

/** The ApiError behind a recorded reason, or null for a failure that was not the caller's fault. */
export function errorFromReason(reason: string | undefined): ApiError | null {
  try {
    const parsed = JSON.parse(reason ?? '') as Partial<RecordedFailure>;
    if (typeof parsed.status === 'number' && parsed.status >= 400 && parsed.status < 500 && parsed.body && typeof parsed.body === 'object') {
      return new ApiError(parsed.status, parsed.body);
    }
  } catch {
    // not one of ours: a crash or a transient database error
  }
  return null;
}
