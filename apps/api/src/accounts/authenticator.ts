import { Inject, Injectable } from '@nestjs/common';
import { nowIso } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { API_TOKEN_PREFIX, secretHash } from './credential-secret.js';
import { CredentialsRepository } from './credentials.repository.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

/** Who a credential belongs to, and which credential it was (to close what it opened). */
export interface Authenticated {
  user: UserEntity;
  credential: { type: 'session'; id: string } | { type: 'token'; id: number };
}

/** last_seen_at / last_used_at are written at most this often per credential and replica. */
const TOUCH_EVERY_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Checks a session cookie's secret or an API token against the database. Every call reads
 * committed state, so a sign-out or a revocation on any replica holds at once. Sessions
 * unused for SESSION_IDLE_DAYS are ended here.
 */
@Injectable()
export class Authenticator {
  /** Credential key → when this replica last recorded its use. */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly writes: WriteTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
  ) {}

  /** An account by id, for work that acts as a user without a credential to check (an import resuming after a restart). */
  user(id: number): Promise<UserEntity | null> {
    return this.users.byId(id);
  }

  async session(secret: string): Promise<Authenticated | null> {
    const hash = secretHash(secret);
    const found = await this.credentials.sessionByHash(hash);
    if (!found) return null;
    const now = Date.now();
    if (Date.parse(found.credential.last_seen_at) + this.config.sessionIdleMs < now) {
      await this.writes.run((manager) => this.credentials.deleteSession(manager, hash));
      return null;
    }
    this.touch(`s:${hash}`, now, (at) => this.writes.run((m) => this.credentials.touchSession(m, hash, at)));
    return { user: found.user, credential: { type: 'session', id: hash } };
  }

  async token(secret: string): Promise<Authenticated | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    const found = await this.credentials.tokenByHash(secretHash(secret));
    if (!found) return null;
    const id = Number(found.credential.id);
    const lastUsed = found.credential.last_used_at ? Date.parse(found.credential.last_used_at) : 0;
    const now = Date.now();
    if (now - lastUsed >= TOUCH_EVERY_MS) this.touch(`t:${id}`, now, (at) => this.writes.run((m) => this.credentials.touchToken(m, id, at)));
    return { user: found.user, credential: { type: 'token', id } };
  }

  /** Records use in the background: a failed bookkeeping write never fails the request. */
  private touch(key: string, now: number, write: (at: string) => Promise<unknown>): void {
    const last = this.touched.get(key);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return;
    if (this.touched.size >= MAX_REMEMBERED) this.touched.clear();
    this.touched.set(key, now);
    write(nowIso()).catch(() => this.touched.delete(key));
  }
}
