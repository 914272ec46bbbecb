import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { AddressBook } from '@contacts/wire-types';

/**
 * What changes who may see what, for connections that are already open:
 * - `book_gained`: the user can now read this book (shared with them, or created by them);
 *   `address_book` is the book as that user sees it (their role).
 * - `book_lost`: they no longer can (unshared, left, or the book was deleted).
 * - `role_changed`: still readable, other role (connections keep their rooms; writes are
 *   checked per request anyway).
 * - `credential_revoked`: a session ended (sign-out, expiry) or a token was revoked: the
 *   connections opened with it close.
 */
export type AccessChange =
  | { type: 'book_gained'; user_id: number; address_book: AddressBook }
  | { type: 'book_lost'; user_id: number; address_book_id: number }
  | { type: 'role_changed'; user_id: number; address_book: AddressBook }
  | { type: 'credential_revoked'; user_id: number; session_id?: string; token_id?: number };

/**
 * Access changes, raised after their transaction commits. The realtime module applies
 * them to this replica's connections and relays them through Redis to the others.
 */
@Injectable()
export class AccessChangeBus {
  private readonly subject = new Subject<AccessChange>();
  readonly changes$: Observable<AccessChange> = this.subject.asObservable();

  publish(change: AccessChange): void {
    this.subject.next(change);
  }
}
