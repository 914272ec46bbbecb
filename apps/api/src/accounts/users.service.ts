import { Injectable } from '@nestjs/common';
import type { User } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { AccountCreator } from './account-creator.js';
import { parseNewAccount } from './account-input.js';
import { toUser } from './user.mapper.js';
import { UsersRepository } from './users.repository.js';

/** The admin's view of the accounts: list them, make new ones. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly accounts: AccountCreator,
  ) {}

  async list(access: BookAccess): Promise<User[]> {
    access.requireAdmin();
    return (await this.users.all()).map(toUser);
  }

  async create(access: BookAccess, body: unknown): Promise<User> {
    access.requireAdmin();
    const account = parseNewAccount(body, { allowAdminFlag: true });
    return toUser(await this.accounts.create(account, () => ({ is_admin: account.is_admin })));
  }
}
