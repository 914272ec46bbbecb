/** Part 2: address books and their members. */

export const BOOK_ROLES = ['owner', 'editor', 'viewer'] as const;
export type BookRole = (typeof BOOK_ROLES)[number];
/** The roles an owner can give a member. */
export type MemberRole = Exclude<BookRole, 'owner'>;
export const MEMBER_ROLES: readonly MemberRole[] = ['editor', 'viewer'];

export interface AddressBookOwner {
  id: number;
  name: string;
}

/** An address book as the caller sees it: `role` is the caller's own. */
export interface AddressBook {
  id: number;
  name: string;
  /** Null only for the shared book of AUTH=none before any account exists. */
  owner: AddressBookOwner | null;
  role: BookRole;
  contact_count: number;
  created_at: string;
}

/** Body of POST /api/address-books/ and PATCH /api/address-books/{id}/. */
export interface AddressBookInput {
  name: string;
}

export const ADDRESS_BOOK_NAME_MAX_LENGTH = 100;
/** The book every new account gets. */
export const DEFAULT_ADDRESS_BOOK_NAME = 'Contacts';

export interface MemberUser {
  id: number;
  name: string;
  email: string;
}

export interface AddressBookMember {
  user: MemberUser;
  role: BookRole;
}

/** Body of POST /api/address-books/{id}/members/. */
export interface AddMemberRequest {
  email: string;
  role: MemberRole;
}

/** Body of PATCH /api/address-books/{id}/members/{user_id}/. */
export interface ChangeMemberRequest {
  role: MemberRole;
}
