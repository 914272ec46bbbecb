import type { BookRole } from '@contacts/wire-types';
import { BookAccess } from '../access/book-access.js';
import { ApiError } from '../common/api-errors.js';
import type { ContactEntity } from './contact.entity.js';
import type { ContactMutations } from './contact-mutations.js';
import type { ContactPageCache } from './contact-page-cache.js';
import type { ContactPagesRepository } from './contact-pages.repository.js';
import type { ContactsRepository } from './contacts.repository.js';
import { ContactsService } from './contacts.service.js';
import { ContactInputValidator } from './validators/contact-input.validator.js';

// Book 9 is someone else's; it holds secret@example.com. The caller edits book 1 only.
const ROW: ContactEntity = { id: 1, address_book_id: 1, first_name: 'A', last_name: 'B', email: 'a@example.com', phone: '1', created_at: 'x', updated_at: 'x' };
const access = (roles: Record<number, BookRole>) =>
  BookAccess.forUser({ kind: 'user', user: { id: 5, email: 'e@example.com', name: 'E', is_admin: false }, credential: { type: 'token', id: 1 } },
    new Map(Object.entries(roles).map(([b, r]) => [Number(b), r])), 1);

function setup() {
  const contacts = {
    findById: async () => ({ ...ROW }),
    emailOwner: async (book: number, email: string) => (book === 9 && email === 'secret@example.com' ? 77 : null),
  } as unknown as ContactsRepository;
  const mutations = { update: async (_id: number, _f: unknown, _o: unknown, a: BookAccess) => { a.requireWrite(1); a.requireWrite(9); return null; } } as unknown as ContactMutations;
  return new ContactsService(contacts, {} as ContactPagesRepository, mutations, new ContactInputValidator(), {} as ContactPageCache);
}
const statusOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof ApiError ? e.getStatus() : String(e)));

describe('ContactsService.update: no answer depends on a book the caller cannot read', () => {
  it('moving into an unreadable book is 404 whether or not that book has the email', async () => {
    const service = setup();
    const taken = await statusOf(service.update(1, { email: 'secret@example.com', address_book: 9 }, { partial: true }, access({ 1: 'editor' })));
    const free = await statusOf(service.update(1, { email: 'free@example.com', address_book: 9 }, { partial: true }, access({ 1: 'editor' })));
    expect([taken, free]).toEqual([404, 404]);
  });

  it('a viewer is 403 even with a body that would not validate (permission before validation)', async () => {
    const service = setup();
    expect(await statusOf(service.update(1, { email: 'nope' }, { partial: true }, access({ 1: 'viewer' })))).toBe(403);
  });
});
