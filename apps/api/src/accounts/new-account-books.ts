import type { EntityManager } from 'typeorm';
import type { UserEntity } from './user.entity.js';

/**
 * What a new account gets, inside the transaction that creates it: its first address book
 * (the first account takes the existing shared book and every contact in it). Provided by
 * the address-books module; accounts knows only this.
 */
export abstract class NewAccountBooks {
  abstract provide(manager: EntityManager, user: UserEntity): Promise<void>;
}
