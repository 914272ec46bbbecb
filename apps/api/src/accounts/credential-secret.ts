import { createHash, randomBytes } from 'node:crypto';

/**
 * Session cookies and API tokens are random secrets; the database keeps their SHA-256 only
 * (a fast hash is right for 256 random bits: nothing to brute-force, unlike a password).
 */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** API tokens start with this, so they are recognisable in a leak scan and never taken for a session. */
export const API_TOKEN_PREFIX = 'ctk_';
