import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { WriteTransactions } from '../database/write-transactions.js';
import { AccountCreator } from './account-creator.js';
import type { NewAccountBooks } from './new-account-books.js';
import type { PasswordHasher } from './password-hasher.js';
import type { UserEntity } from './user.entity.js';
import type { NewUser, UsersRepository } from './users.repository.js';

/**
 * The users table in memory behind a serialising WriteTransactions (as the real one is):
 * rows written in a transaction are seen by others only once it has committed, and every
 * write must come through the transaction's manager.
 */
function fakes(options: { insertFails?: unknown } = {}) {
  const committed: UserEntity[] = [];
  let tail: Promise<unknown> = Promise.resolve();
  let open: { manager: EntityManager; pending: UserEntity[] } | null = null;
  const provided: { manager: EntityManager; user: UserEntity }[] = [];
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const visible = (manager?: EntityManager) => (open && manager === open.manager ? [...committed, ...open.pending] : committed);

  const writes = {
    run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
      const result = tail.then(async () => {
        open = { manager: { name: `tx-${Math.random()}` } as unknown as EntityManager, pending: [] };
        try {
          const value = await work(open.manager);
          await tick(); // the commit takes a moment; others wait
          committed.push(...open.pending);
          return value;
        } finally {
          open = null;
        }
      });
      tail = result.catch(() => undefined);
      return result;
    },
  } as unknown as WriteTransactions;

  const inTransaction = (manager: EntityManager) => {
    if (!open || manager !== open.manager) throw new Error('a write outside its transaction');
  };
  const users = {
    async anyExists(manager?: EntityManager) {
      await tick();
      return visible(manager).length > 0;
    },
    async emailTaken(manager: EntityManager, email: string) {
      inTransaction(manager);
      return visible(manager).some((u) => u.email.toLowerCase() === email.toLowerCase());
    },
    async insert(manager: EntityManager, user: NewUser) {
      inTransaction(manager);
      if (options.insertFails) throw options.insertFails;
      const row = { ...user, id: committed.length + open!.pending.length + 1 };
      open!.pending.push(row);
      return row;
    },
  } as unknown as UsersRepository;
  const hasher = { hash: async (password: string) => `hashed:${password}` } as unknown as PasswordHasher;
  const books: NewAccountBooks = {
    async provide(manager, user) {
      inTransaction(manager);
      provided.push({ manager, user });
    },
  };
  return { creator: new AccountCreator(users, hasher, writes, books), committed, provided };
}

const account = (i: number) => ({ email: `user${i}@example.com`, password: 'correct horse battery', name: `User ${i}` });

describe('AccountCreator', () => {
  it('decides "first account" inside the transaction: of several at once, exactly one is the admin', async () => {
    const { creator, committed } = fakes();
    const made = await Promise.all([1, 2, 3, 4].map((i) => creator.create(account(i), (first) => ({ is_admin: first }))));
    expect(made.filter((u) => u.is_admin)).toHaveLength(1);
    expect(committed).toHaveLength(4);
  });

  it('a refusal from admit (closed sign-up) writes nothing', async () => {
    const { creator, committed } = fakes();
    await creator.create(account(1), () => ({ is_admin: true }));
    const refusal = new Error('closed');
    await expect(
      creator.create(account(2), (first) => {
        if (!first) throw refusal;
        return { is_admin: true };
      }),
    ).rejects.toBe(refusal);
    expect(committed.map((u) => u.email)).toEqual(['user1@example.com']);
  });

  it('gives the account its books in the same transaction, and stores the hash, never the password', async () => {
    const { creator, provided, committed } = fakes();
    const user = await creator.create(account(1), () => ({ is_admin: false }));
    expect(provided).toHaveLength(1);
    expect(provided[0].user).toEqual(user);
    expect(committed[0].password_hash).toBe('hashed:correct horse battery');
    expect(JSON.stringify(committed[0])).not.toContain('"password"');
  });

  it('an email taken (checked, or caught by the unique index from another replica) is a 400 keyed by email', async () => {
    const { creator } = fakes();
    await creator.create(account(1), () => ({ is_admin: true }));
    await expect(creator.create({ ...account(2), email: 'USER1@example.com' }, () => ({ is_admin: false }))).rejects.toMatchObject({
      status: 400,
      response: { email: ['A user with this email already exists.'] },
    });
    const raced = fakes({ insertFails: { driverError: { code: '23505' } } });
    await expect(raced.creator.create(account(3), () => ({ is_admin: false }))).rejects.toMatchObject({
      status: 400,
      response: { email: ['A user with this email already exists.'] },
    });
  });
});
