import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { SessionEntity } from './session.entity.js';
import { UserEntity } from './user.entity.js';

const USER_COLUMNS = 'u.id AS u_id, u.email AS u_email, u.name AS u_name, u.password_hash AS u_password_hash, u.is_admin AS u_is_admin, u.created_at AS u_created_at';

function userOf(row: Record<string, unknown>): UserEntity {
  return {
    id: Number(row.u_id),
    email: String(row.u_email),
    name: String(row.u_name),
    password_hash: String(row.u_password_hash),
    // SQLite keeps booleans as 0/1.
    is_admin: row.u_is_admin === true || row.u_is_admin === 1 || row.u_is_admin === '1',
    created_at: String(row.u_created_at),
  };
}

/** A credential that checked out, with its account. */
export interface CredentialOwner<T> {
  credential: T;
  user: UserEntity;
}

/**
 * The reads every authenticated request makes (sessions and tokens by hash, with their
 * user), on the reader: committed rows only, so a sign-out or revocation that committed
 * on any replica holds here at once.
 */
@Injectable()
export class CredentialsRepository {
  private readonly dataSource: DataSource;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
  }

  /** One statement per request (the credential joined with its user): authentication is on every request's path. */
  async sessionByHash(hash: string): Promise<CredentialOwner<SessionEntity> | null> {
    const [row] = (await this.dataSource.query(
      `SELECT s.id AS s_id, s.user_id, s.created_at AS s_created_at, s.last_seen_at, ${USER_COLUMNS}
        FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${this.mark()}`,
      [hash],
    )) as Array<Record<string, unknown>>;
    if (!row) return null;
    const credential: SessionEntity = {
      id: String(row.s_id),
      user_id: Number(row.user_id),
      created_at: String(row.s_created_at),
      last_seen_at: String(row.last_seen_at),
    };
    return { credential, user: userOf(row) };
  }

  async tokenByHash(hash: string): Promise<CredentialOwner<ApiTokenEntity> | null> {
    const [row] = (await this.dataSource.query(
      `SELECT t.id AS t_id, t.user_id, t.name AS t_name, t.token_hash, t.created_at AS t_created_at, t.last_used_at, ${USER_COLUMNS}
        FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ${this.mark()}`,
      [hash],
    )) as Array<Record<string, unknown>>;
    if (!row) return null;
    const credential: ApiTokenEntity = {
      id: Number(row.t_id),
      user_id: Number(row.user_id),
      name: String(row.t_name),
      token_hash: String(row.token_hash),
      created_at: String(row.t_created_at),
      last_used_at: row.last_used_at === null || row.last_used_at === undefined ? null : String(row.last_used_at),
    };
    return { credential, user: userOf(row) };
  }

  private mark(): string {
    return this.dataSource.options.type === 'postgres' ? '$1' : '?';
  }

  async touchSession(manager: EntityManager, id: string, at: string): Promise<void> {
    await manager.update(SessionEntity, { id }, { last_seen_at: at });
  }

  async touchToken(manager: EntityManager, id: number, at: string): Promise<void> {
    await manager.update(ApiTokenEntity, { id }, { last_used_at: at });
  }

  async deleteSession(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(SessionEntity, { id });
  }

  async insertSession(manager: EntityManager, session: SessionEntity): Promise<void> {
    await manager.insert(SessionEntity, session);
  }

  async insertToken(manager: EntityManager, token: Omit<ApiTokenEntity, 'id'>): Promise<ApiTokenEntity> {
    const saved = await manager.save(ApiTokenEntity, manager.create(ApiTokenEntity, token));
    return { ...saved, id: Number(saved.id) };
  }

  /** A user's tokens, oldest first. */
  tokensOf(userId: number): Promise<ApiTokenEntity[]> {
    return this.dataSource.manager.find(ApiTokenEntity, { where: { user_id: userId }, order: { id: 'ASC' } });
  }

  /** Deletes the token only if it is `userId`'s; false when there was none such. */
  async deleteToken(manager: EntityManager, id: number, userId: number): Promise<boolean> {
    const result = await manager.delete(ApiTokenEntity, { id, user_id: userId });
    return (result.affected ?? 0) > 0;
  }
}
