import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_ADDRESS_BOOK_NAME } from '@contacts/wire-types';
import type { NewAccountBooks } from '../accounts/new-account-books.js';
import type { UserEntity } from '../accounts/user.entity.js';
import { nowIso } from '../common/clock.js';
import { AddressBooksRepository } from './address-books.repository.js';

/**
 * A new account's books, inside the transaction that creates it (so an account never
 * exists without a book): the first account takes every book nobody owns — book 1,
 * "Contacts", with everything made while AUTH=none — and any account still without a
 * book of its own gets a new "Contacts". The account is brand new, so no connection of
 * its is open: nothing to announce.
 */
@Injectable()
export class AddressBookProvisioner implements NewAccountBooks {
  constructor(private readonly books: AddressBooksRepository) {}

  async provide(manager: EntityManager, user: UserEntity): Promise<void> {
    const userId = Number(user.id);
    const at = nowIso();
    if ((await this.books.firstUserId(manager)) === userId) await this.books.claimOwnerless(manager, userId, at);
    if ((await this.books.ownBookCount(userId, manager)) === 0) await this.books.createBook(manager, DEFAULT_ADDRESS_BOOK_NAME, userId, at);
  }
}
