import type { BookRole, EditedVia, Editor } from '@contacts/wire-types';
import { ApiError, notFound } from '../common/api-errors.js';
import { PERMISSION_DENIED_MESSAGE } from '@contacts/wire-types';
import { type Caller, editorOf, viaOf } from './caller.js';

/** A viewer reads; an editor also writes contacts; the owner also renames, shares and deletes the book. */
const RANK: Record<BookRole, number> = { viewer: 1, editor: 2, owner: 3 };

export const forbidden = () => new ApiError(403, { detail: PERMISSION_DENIED_MESSAGE });

/**
 * The one access policy: what this caller may do with which address book. Every route,
 * socket and DAV request gets one (AccessGuard, the realtime handshakes), and every
 * service asks it before it reads or writes a book's data. A book the caller cannot read
 * is answered 404, exactly as one that does not exist; one it can read but not change, 403.
 */
export class BookAccess {
  private constructor(
    readonly caller: Caller,
    /** The caller's role per book; `all` for AUTH=none and the service token. */
    private readonly roles: ReadonlyMap<number, BookRole> | 'all',
    /** Where a new contact goes without `address_book`: the first own book (AUTH=none: the shared one). */
    readonly defaultBook: number | null,
  ) {}

  static everything(caller: Caller & { kind: 'open' | 'service' }, defaultBook: number | null): BookAccess {
    return new BookAccess(caller, 'all', defaultBook);
  }

  static forUser(caller: Caller & { kind: 'user' }, roles: ReadonlyMap<number, BookRole>, defaultBook: number | null): BookAccess {
    return new BookAccess(caller, roles, defaultBook);
  }

  /** Nothing at all: a connection or request without an account (public routes only). */
  static nothing(): BookAccess {
    return new BookAccess({ kind: 'anonymous' }, new Map(), null);
  }

  get editor(): Editor | null {
    return editorOf(this.caller);
  }

  get via(): EditedVia {
    return viaOf(this.caller);
  }

  get userId(): number | null {
    return this.caller.kind === 'user' ? this.caller.user.id : null;
  }

  get isAdmin(): boolean {
    return this.caller.kind === 'user' && this.caller.user.is_admin;
  }

  /** True when every book is in reach (AUTH=none, the service token): no filter needed. */
  get unrestricted(): boolean {
    return this.roles === 'all';
  }

  /** The books this caller can read, ascending; `all` when unrestricted. */
  readableBooks(): number[] | 'all' {
    if (this.roles === 'all') return 'all';
    return [...this.roles.keys()].sort((a, b) => a - b);
  }

  role(book: number): BookRole | null {
    if (this.roles === 'all') return 'owner';
    return this.roles.get(book) ?? null;
  }

  canRead(book: number): boolean {
    return this.role(book) !== null;
  }

  canWrite(book: number): boolean {
    const role = this.role(book);
    return role !== null && RANK[role] >= RANK.editor;
  }

  /** 404 unless the caller can read the book. */
  requireRead(book: number): void {
    if (!this.canRead(book)) throw notFound();
  }

  /** 404 unless readable, then 403 unless the caller may change its contacts. */
  requireWrite(book: number): void {
    this.requireRead(book);
    if (!this.canWrite(book)) throw forbidden();
  }

  /** 404 unless readable, then 403 unless the caller owns it. */
  requireOwner(book: number): void {
    this.requireRead(book);
    if (this.role(book) !== 'owner') throw forbidden();
  }

  /** 403 unless the caller is an admin account. */
  requireAdmin(): void {
    if (!this.isAdmin) throw forbidden();
  }
}
