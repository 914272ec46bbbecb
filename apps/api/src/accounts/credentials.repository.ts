import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { SessionEntity } from './session.entity.js';
import { UserEntity } from './user.entity.js';

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

  async sessionByHash(hash: string): Promise<CredentialOwner<SessionEntity> | null> {
    const session = await this.dataSource.manager.findOneBy(SessionEntity, { id: hash });
    if (!session) return null;
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: session.user_id });
    return user ? { credential: session, user } : null;
  }

  async tokenByHash(hash: string): Promise<CredentialOwner<ApiTokenEntity> | null> {
    const token = await this.dataSource.manager.findOneBy(ApiTokenEntity, { token_hash: hash });
    if (!token) return null;
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: token.user_id });
    return user ? { credential: token, user } : null;
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
