import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseReader } from '../database/database-reader.js';
import { UserEntity } from './user.entity.js';

export type NewUser = Omit<UserEntity, 'id'>;

/**
 * Accounts. Emails compare as the unique index does, `lower(email)`, so a check here and
 * the constraint never disagree. Reads on the reader; the writes, and the checks a write
 * depends on, on the transaction's manager.
 */
@Injectable()
export class UsersRepository {
  private readonly dataSource: DataSource;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
  }

  async anyExists(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const row = await manager.createQueryBuilder(UserEntity, 'u').select('u.id').limit(1).getOne();
    return row !== null;
  }

  emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return manager.createQueryBuilder(UserEntity, 'u').where('lower(u.email) = lower(:email)', { email }).getExists();
  }

  async insert(manager: EntityManager, user: NewUser): Promise<UserEntity> {
    const saved = await manager.save(UserEntity, manager.create(UserEntity, user));
    return { ...saved, id: Number(saved.id) };
  }

  byEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.manager.createQueryBuilder(UserEntity, 'u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  byId(id: number): Promise<UserEntity | null> {
    return this.dataSource.manager.findOneBy(UserEntity, { id });
  }

  all(): Promise<UserEntity[]> {
    return this.dataSource.manager.find(UserEntity, { order: { id: 'ASC' } });
  }
}
