import { Injectable } from '@nestjs/common';
import type { ApiToken, CreatedApiToken } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { notFound } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { AccessChangeBus } from '../events/access-change-bus.js';
import { parseTokenName } from './account-input.js';
import type { ApiTokenEntity } from './api-token.entity.js';
import { callerOf } from './account-caller.js';
import { API_TOKEN_PREFIX, newSecret, secretHash } from './credential-secret.js';
import { CredentialsRepository } from './credentials.repository.js';

const toApiToken = (row: ApiTokenEntity): ApiToken => ({
  id: Number(row.id),
  name: row.name,
  created_at: row.created_at,
  last_used_at: row.last_used_at ?? null,
});

/**
 * Personal API tokens: the secret is shown in the create answer only and kept as its
 * SHA-256. A revoked token is refused on every replica at once (each request checks the
 * database), and its realtime connections close (credential_revoked, after the commit).
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly writes: WriteTransactions,
    private readonly changes: AccessChangeBus,
  ) {}

  async create(access: BookAccess, body: unknown): Promise<CreatedApiToken> {
    const userId = callerOf(access).user.id;
    const name = parseTokenName(body);
    const token = newSecret(API_TOKEN_PREFIX);
    const row = await this.writes.run((manager) =>
      this.credentials.insertToken(manager, {
        user_id: userId,
        name,
        token_hash: secretHash(token),
        created_at: nowIso(),
        last_used_at: null,
      }),
    );
    const { id, created_at, last_used_at } = toApiToken(row);
    return { id, name, token, created_at, last_used_at };
  }

  async list(access: BookAccess): Promise<ApiToken[]> {
    return (await this.credentials.tokensOf(callerOf(access).user.id)).map(toApiToken);
  }

  /** Someone else's token is answered as one that does not exist. */
  async revoke(access: BookAccess, id: number): Promise<void> {
    const userId = callerOf(access).user.id;
    const deleted = await this.writes.run((manager) => this.credentials.deleteToken(manager, id, userId));
    if (!deleted) throw notFound();
    this.changes.publish({ type: 'credential_revoked', user_id: userId, token_id: id });
  }
}
