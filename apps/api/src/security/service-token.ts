import { timingSafeEqual } from 'node:crypto';

export const SERVICE_TOKEN_HEADER = 'x-service-token';

/** Constant-time comparison: the token is a shared secret. */
export function tokenMatches(expected: string, offered: unknown): boolean {
  if (typeof offered !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(offered);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `Authorization: Bearer <token>` or `X-Service-Token: <token>`. */
export function tokenFromHeaders(headers: Record<string, string | string[] | undefined>): string | undefined {
  const auth = headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth.trim())?.[1] : undefined;
  const header = headers[SERVICE_TOKEN_HEADER];
  return bearer ?? (typeof header === 'string' ? header.trim() : undefined);
}
