import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/clock.js';
import { AccessChangeBus } from '../events/access-change-bus.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { newSecret, secretHash } from './credential-secret.js';
import { CredentialsRepository } from './credentials.repository.js';

/**
 * Server-side sessions. The cookie holds a random secret; the row is keyed by its hash, so
 * the table alone opens no session. Ending one deletes the row: every replica checks the
 * database on each request, so it is refused everywhere at once, and the realtime
 * connections opened with it are closed (credential_revoked, after the commit).
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly writes: WriteTransactions,
    private readonly changes: AccessChangeBus,
  ) {}

  /** A new session for `userId` inside `manager`'s transaction; returns the cookie's secret. */
  async openIn(manager: EntityManager, userId: number): Promise<string> {
    const secret = newSecret('');
    const at = nowIso();
    await this.credentials.insertSession(manager, { id: secretHash(secret), user_id: userId, created_at: at, last_seen_at: at });
    return secret;
  }

  open(userId: number): Promise<string> {
    return this.writes.run((manager) => this.openIn(manager, userId));
  }

  /** `sessionId` is the row's id (the secret's hash), as the caller's credential names it. */
  async end(userId: number, sessionId: string): Promise<void> {
    await this.writes.run((manager) => this.credentials.deleteSession(manager, sessionId));
    this.changes.publish({ type: 'credential_revoked', user_id: userId, session_id: sessionId });
  }
}
