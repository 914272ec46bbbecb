import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AddressBook, AddressBookMember } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { forbidden } from '../access/book-access.js';
import { badRequest, detailError, notFound } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { AccessChangeBus, type AccessChange } from '../events/access-change-bus.js';
import { addMemberInput, bookNameInput, changeMemberInput } from './address-book-input.js';
import { toAddressBook, toMember } from './address-book.mapper.js';
import { AddressBooksRepository, type MemberBookRow } from './address-books.repository.js';
import { BookContactsEraser } from './book-contacts-eraser.js';

export const LAST_OWN_BOOK_MESSAGE = 'This is your last own address book: it cannot be deleted.';
export const OWNER_CANNOT_LEAVE_MESSAGE = 'The owner cannot leave their own address book; delete it instead.';
export const OWNER_ROLE_FIXED_MESSAGE = 'The owner’s role cannot be changed.';
export const NO_SUCH_ACCOUNT_MESSAGE = 'No account has this email.';
export const ALREADY_MEMBER_MESSAGE = 'This account is already a member of this address book.';
export const IS_OWNER_MESSAGE = 'This account owns this address book.';
export const STILL_FILLING_MESSAGE = 'Contacts kept being added to this address book while it was being deleted; try again.';

/** Contacts created in the book while its contacts are erased are erased too, this many rounds at most. */
const ERASE_ROUNDS = 3;

const asSeen = (row: MemberBookRow): AddressBook => toAddressBook(row, row.role);

/**
 * Address books and who may use them. Every write runs in one WriteTransactions.run and
 * re-reads what it depends on there (the book may have gone since the request's access
 * was resolved); access changes are published only after their commit, for the realtime
 * module to move open connections.
 */
@Injectable()
export class AddressBooksService {
  constructor(
    private readonly books: AddressBooksRepository,
    private readonly writes: WriteTransactions,
    private readonly eraser: BookContactsEraser,
    private readonly changes: AccessChangeBus,
  ) {}

  /** The caller's books (AUTH=none and the service token: every book, as owner). */
  async list(access: BookAccess): Promise<AddressBook[]> {
    if (access.unrestricted) return (await this.books.allBooks()).map((row) => toAddressBook(row, access.role(row.id) ?? 'owner'));
    const userId = access.userId;
    if (userId === null) return [];
    return (await this.books.booksOf(userId)).map(asSeen);
  }

  async create(access: BookAccess, body: unknown): Promise<AddressBook> {
    const userId = accountOf(access);
    const name = bookNameInput(body);
    const book = await this.writes.run(async (manager) => {
      const id = await this.books.createBook(manager, name, userId, nowIso());
      return this.viewOf(manager, id, userId);
    });
    // The owner's other tabs and devices get it too.
    this.publish([{ type: 'book_gained', user_id: userId, address_book: book }]);
    return book;
  }

  async rename(access: BookAccess, id: number, body: unknown): Promise<AddressBook> {
    access.requireOwner(id);
    const userId = accountOf(access);
    const name = bookNameInput(body);
    const views = await this.writes.run(async (manager) => {
      await this.requireBook(manager, id);
      await this.books.rename(manager, id, name);
      return this.books.memberViews(manager, id);
    });
    // Every member's connections learn the new name.
    this.publish(views.map((view) => ({ type: 'role_changed', user_id: view.user_id, address_book: asSeen(view) })));
    const own = views.find((view) => view.user_id === userId);
    if (!own) throw notFound();
    return asSeen(own);
  }

  /**
   * Its contacts go first, each the normal way (a `deleted` version and event apiece), then
   * the book with its member rows. Checked before anything is erased and again at the end.
   */
  async remove(access: BookAccess, id: number): Promise<void> {
    access.requireOwner(id);
    const userId = accountOf(access);
    await this.checkDeletable(this.books.reader, id, userId);
    const actor = { editor: access.editor, via: access.via };
    for (let round = 1; ; round += 1) {
      await this.eraser.eraseAll(id, actor);
      const members = await this.writes.run(async (manager) => {
        await this.checkDeletable(manager, id, userId);
        if ((await this.books.contactCount(manager, id)) > 0) return null; // one was added meanwhile
        const ids = (await this.books.members(id, manager)).map((member) => member.user.id);
        await this.books.deleteBook(manager, id);
        return ids;
      });
      if (members) {
        this.publish(members.map((memberId) => ({ type: 'book_lost', user_id: memberId, address_book_id: id })));
        return;
      }
      if (round >= ERASE_ROUNDS) throw detailError(409, STILL_FILLING_MESSAGE);
    }
  }

  async members(access: BookAccess, id: number): Promise<AddressBookMember[]> {
    access.requireRead(id);
    const members = await this.books.members(id);
    // The service token reads every id: one that names no book is still not found.
    if (members.length === 0 && !(await this.books.exists(id))) throw notFound();
    return members.map(toMember);
  }

  async addMember(access: BookAccess, id: number, body: unknown): Promise<AddressBookMember> {
    access.requireOwner(id);
    accountOf(access);
    const input = addMemberInput(body);
    const { member, view } = await this.writes.run(async (manager) => {
      await this.requireBook(manager, id);
      const user = await this.books.userByEmail(manager, input.email);
      if (!user) throw badRequest({ email: [NO_SUCH_ACCOUNT_MESSAGE] });
      const existing = await this.books.member(manager, id, user.id);
      if (existing) throw badRequest({ email: [existing.role === 'owner' ? IS_OWNER_MESSAGE : ALREADY_MEMBER_MESSAGE] });
      await this.books.addMember(manager, id, user.id, input.role, nowIso());
      return { member: { user, role: input.role }, view: await this.viewOf(manager, id, user.id) };
    });
    this.publish([{ type: 'book_gained', user_id: member.user.id, address_book: view }]);
    return toMember(member);
  }

  async changeMember(access: BookAccess, id: number, memberId: number, body: unknown): Promise<AddressBookMember> {
    access.requireOwner(id);
    accountOf(access);
    const role = changeMemberInput(body);
    const { member, view } = await this.writes.run(async (manager) => {
      await this.requireBook(manager, id);
      const current = await this.books.member(manager, id, memberId);
      if (!current) throw notFound();
      if (current.role === 'owner') throw detailError(409, OWNER_ROLE_FIXED_MESSAGE);
      if (current.role === role) return { member: current, view: null };
      await this.books.setRole(manager, id, memberId, role);
      return { member: { ...current, role }, view: await this.viewOf(manager, id, memberId) };
    });
    if (view) this.publish([{ type: 'role_changed', user_id: memberId, address_book: view }]);
    return toMember(member);
  }

  /** The owner removes a member, or a member leaves; the owner cannot leave. */
  async removeMember(access: BookAccess, id: number, memberId: number): Promise<void> {
    access.requireRead(id);
    const userId = accountOf(access);
    if (memberId !== userId) access.requireOwner(id);
    await this.writes.run(async (manager) => {
      await this.requireBook(manager, id);
      const current = await this.books.member(manager, id, memberId);
      if (!current) throw notFound();
      if (current.role === 'owner') throw detailError(409, OWNER_CANNOT_LEAVE_MESSAGE);
      await this.books.removeMember(manager, id, memberId);
    });
    this.publish([{ type: 'book_lost', user_id: memberId, address_book_id: id }]);
  }

  private async requireBook(manager: EntityManager, id: number): Promise<void> {
    if (!(await this.books.exists(id, manager))) throw notFound();
  }

  private async checkDeletable(manager: EntityManager, id: number, userId: number): Promise<void> {
    await this.requireBook(manager, id);
    if ((await this.books.ownBookCount(userId, manager)) <= 1) throw detailError(409, LAST_OWN_BOOK_MESSAGE);
  }

  private async viewOf(manager: EntityManager, id: number, userId: number): Promise<AddressBook> {
    const [view] = await this.books.memberViews(manager, id, userId);
    if (!view) throw notFound();
    return asSeen(view);
  }

  private publish(changes: AccessChange[]): void {
    for (const change of changes) this.changes.publish(change);
  }
}

/**
 * Managing books takes an account: the service token reads every book but owns none, so
 * it may not create, rename, share or delete one.
 */
function accountOf(access: BookAccess): number {
  const userId = access.userId;
  if (userId === null) throw forbidden();
  return userId;
}
