import { type BookRole, PERMISSION_DENIED_MESSAGE } from '@contacts/wire-types';
import { ApiError } from '../common/api-errors.js';
import { BookAccess, forbidden } from './book-access.js';
import type { Caller, CallerUser } from './caller.js';

const ADA: CallerUser = { id: 1, email: 'ada@example.com', name: 'Ada Lovelace', is_admin: true };
const ALAN: CallerUser = { id: 2, email: 'alan@example.com', name: 'Alan Turing', is_admin: false };
const SESSION = { type: 'session', id: 'a'.repeat(64) } as const;
const TOKEN = { type: 'token', id: 5 } as const;

/** Books 1 (owner), 2 (editor), 3 (viewer); 4 exists but is not the caller's. */
const ROLES = new Map<number, BookRole>([
  [3, 'viewer'],
  [1, 'owner'],
  [2, 'editor'],
]);

const user = (who = ALAN, credential: Extract<Caller, { kind: 'user' }>['credential'] = SESSION, roles = ROLES, defaultBook: number | null = 1) =>
  BookAccess.forUser({ kind: 'user', user: who, credential }, roles, defaultBook);

/** What a call threw: status and body, or 'passes'. */
function outcome(check: () => void): 'passes' | { status: number; body: unknown } {
  try {
    check();
    return 'passes';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.getStatus(), body: error.getResponse() };
  }
}

const NOT_FOUND = { status: 404, body: { detail: 'Not found.' } };
const FORBIDDEN = { status: 403, body: { detail: 'You do not have permission to perform this action.' } };

describe('BookAccess', () => {
  it('forbidden() is the contract\'s 403 body', () => {
    expect(PERMISSION_DENIED_MESSAGE).toBe(FORBIDDEN.body.detail);
    expect(outcome(() => { throw forbidden(); })).toEqual(FORBIDDEN);
  });

  describe('a user\'s roles', () => {
    const access = user();

    it('role() is the caller\'s role per book, null where it has none', () => {
      expect([1, 2, 3, 4].map((book) => access.role(book))).toEqual(['owner', 'editor', 'viewer', null]);
    });

    it('a viewer reads; an editor also writes; the owner also owns', () => {
      expect([1, 2, 3, 4].map((book) => access.canRead(book))).toEqual([true, true, true, false]);
      expect([1, 2, 3, 4].map((book) => access.canWrite(book))).toEqual([true, true, false, false]);
    });

    it('requireRead: passes for any role; a book without one is 404 {"detail": "Not found."}, as if it did not exist', () => {
      expect([1, 2, 3].map((book) => outcome(() => access.requireRead(book)))).toEqual(['passes', 'passes', 'passes']);
      expect(outcome(() => access.requireRead(4))).toEqual(NOT_FOUND);
      expect(outcome(() => access.requireRead(999))).toEqual(NOT_FOUND);
    });

    it('requireWrite: owner and editor pass; a viewer is 403; a book the caller cannot read (or that does not exist) is 404', () => {
      expect(outcome(() => access.requireWrite(1))).toBe('passes');
      expect(outcome(() => access.requireWrite(2))).toBe('passes');
      expect(outcome(() => access.requireWrite(3))).toEqual(FORBIDDEN);
      expect(outcome(() => access.requireWrite(4))).toEqual(NOT_FOUND);
    });

    it('requireOwner: only the owner passes; editor and viewer are 403; an unseen book is 404', () => {
      expect([1, 2, 3, 4].map((book) => outcome(() => access.requireOwner(book)))).toEqual(['passes', FORBIDDEN, FORBIDDEN, NOT_FOUND]);
    });

    it('readableBooks() lists the caller\'s books in ascending order; it is not unrestricted', () => {
      expect(access.readableBooks()).toEqual([1, 2, 3]);
      expect(access.unrestricted).toBe(false);
      expect(user(ALAN, SESSION, new Map()).readableBooks()).toEqual([]);
    });

    it('defaultBook is what it was given (the first own book, or null for an account without one)', () => {
      expect(access.defaultBook).toBe(1);
      expect(user(ALAN, SESSION, ROLES, null).defaultBook).toBeNull();
    });

    it('requireAdmin: 403 unless the account is an admin', () => {
      expect(outcome(() => access.requireAdmin())).toEqual(FORBIDDEN);
      expect(access.isAdmin).toBe(false);
      const admin = user(ADA);
      expect(admin.isAdmin).toBe(true);
      expect(outcome(() => admin.requireAdmin())).toBe('passes');
      // Admin is about accounts, not books: it opens no book it has no role in.
      expect(outcome(() => admin.requireRead(4))).toEqual(NOT_FOUND);
    });

    it('userId is the account\'s id', () => {
      expect(access.userId).toBe(ALAN.id);
    });
  });

  describe('everything() (AUTH=none, the service token)', () => {
    const open = BookAccess.everything({ kind: 'open' }, 1);
    const service = BookAccess.everything({ kind: 'service' }, null);

    it('is unrestricted: every book, existing or not, as owner', () => {
      for (const access of [open, service]) {
        expect(access.unrestricted).toBe(true);
        expect(access.readableBooks()).toBe('all');
        for (const book of [1, 2, 12345]) {
          expect(access.role(book)).toBe('owner');
          expect(access.canRead(book) && access.canWrite(book)).toBe(true);
          expect(outcome(() => access.requireRead(book))).toBe('passes');
          expect(outcome(() => access.requireWrite(book))).toBe('passes');
          expect(outcome(() => access.requireOwner(book))).toBe('passes');
        }
      }
    });

    it('is no account: no user id, not an admin (requireAdmin is 403)', () => {
      for (const access of [open, service]) {
        expect(access.userId).toBeNull();
        expect(access.isAdmin).toBe(false);
        expect(outcome(() => access.requireAdmin())).toEqual(FORBIDDEN);
      }
    });

    it('keeps its default book (AUTH=none: the shared one; the service: none)', () => {
      expect(open.defaultBook).toBe(1);
      expect(service.defaultBook).toBeNull();
    });
  });

  describe('nothing() (no credentials)', () => {
    const none = BookAccess.nothing();

    it('reads and writes nothing: every book is 404, admin 403', () => {
      expect(none.caller).toEqual({ kind: 'anonymous' });
      expect(none.unrestricted).toBe(false);
      expect(none.readableBooks()).toEqual([]);
      expect(none.role(1)).toBeNull();
      expect(none.canRead(1)).toBe(false);
      expect(none.canWrite(1)).toBe(false);
      expect(outcome(() => none.requireRead(1))).toEqual(NOT_FOUND);
      expect(outcome(() => none.requireWrite(1))).toEqual(NOT_FOUND);
      expect(outcome(() => none.requireOwner(1))).toEqual(NOT_FOUND);
      expect(outcome(() => none.requireAdmin())).toEqual(FORBIDDEN);
      expect(none.userId).toBeNull();
      expect(none.defaultBook).toBeNull();
    });
  });

  describe('editor and via: what a change records', () => {
    it.each([
      ['a session', { id: ALAN.id, name: ALAN.name }, 'web', user(ALAN, SESSION)],
      ['a personal token', { id: ALAN.id, name: ALAN.name }, 'api', user(ALAN, TOKEN)],
      ['AUTH=none', null, 'api', BookAccess.everything({ kind: 'open' }, 1)],
      ['the service token', null, 'external', BookAccess.everything({ kind: 'service' }, null)],
      ['no credentials', null, 'api', BookAccess.nothing()],
    ] as const)('%s → editor %j, via %s', (_, editor, via, access) => {
      expect(access.editor).toEqual(editor);
      expect(access.via).toBe(via);
    });

    it('the editor is a snapshot of id and name only (no email, no admin flag)', () => {
      expect(Object.keys(user(ADA, TOKEN).editor!).sort()).toEqual(['id', 'name']);
    });
  });
});
