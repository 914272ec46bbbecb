import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SignupRequest } from '@contacts/wire-types';
import { ApiError, isUniqueViolation } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { ACCOUNT_EMAIL_TAKEN_MESSAGE } from './account-input.js';
import { NewAccountBooks } from './new-account-books.js';
import { PasswordHasher } from './password-hasher.js';
import type { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export interface Admission {
  is_admin: boolean;
}

const emailTaken = () => new ApiError(400, { email: [ACCOUNT_EMAIL_TAKEN_MESSAGE] });

/**
 * Makes an account (sign-up, the admin's create): the user row, its first address book
 * (NewAccountBooks) and whatever `alsoInside` adds, in one transaction. Whether it may be
 * made, and whether it is an admin, is decided inside that transaction by `admit` — writes
 * are serialised, so of two first sign-ups at once exactly one sees no account yet.
 */
@Injectable()
export class AccountCreator {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly writes: WriteTransactions,
    private readonly books: NewAccountBooks,
  ) {}

  async create(
    account: SignupRequest,
    admit: (firstAccount: boolean) => Admission,
    alsoInside: (manager: EntityManager, user: UserEntity) => Promise<void> = async () => undefined,
  ): Promise<UserEntity> {
    // scrypt's tens of milliseconds stay outside the transaction: they must not hold the write lock.
    const passwordHash = await this.hasher.hash(account.password);
    try {
      return await this.writes.run(async (manager) => {
        const { is_admin } = admit(!(await this.users.anyExists(manager)));
        if (await this.users.emailTaken(manager, account.email)) throw emailTaken();
        const user = await this.users.insert(manager, {
          email: account.email,
          name: account.name,
          password_hash: passwordHash,
          is_admin,
          created_at: nowIso(),
        });
        await this.books.provide(manager, user);
        await alsoInside(manager, user);
        return user;
      });
    } catch (error) {
      // Another replica took the email between our check and our insert.
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }
}
