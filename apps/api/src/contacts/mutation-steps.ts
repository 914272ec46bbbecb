import type { EntityManager } from 'typeorm';
import type { Contact, ContactEvent, ContactFields, EditedReason } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { emailReserved, emailTaken, notFound } from '../common/api-errors.js';
import { contactAt, eventFor } from '../history/version.mapper.js';
import { detailColumnsOf } from '../history/contact-columns.js';
import type { VersionLog } from '../history/version-log.js';
import type { ContactEntity } from './contact.entity.js';
import type { ContactColumns, ContactsRepository } from './contacts.repository.js';
import type { EmailReservations } from './email-reservations.js';
import type { Channel } from './contact-mutations.js';
import type { MutationContextRepository } from './mutation-context.repository.js';

export type Outcome = { contact: Contact; event: ContactEvent | null };

/**
 * The steps every mutation is made of, inside its write transaction: the caller's right
 * to the contact or book, the email rules, and the one recorded write (context, row,
 * the version the trigger wrote). ContactMutations' single writes and a MutationBatch's
 * several writes share them.
 */
export class MutationSteps {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly versions: VersionLog,
    private readonly context: MutationContextRepository,
    private readonly reservations: EmailReservations,
  ) {}

  /**
   * Runs the one contact write of a mutation under its context; the trigger writes the
   * version, which is read back (the contact's latest: writers are serialised) and is
   * what the caller and the event see.
   */
  async recorded(
    manager: EntityManager,
    { reason, via, editor, at }: Channel & { reason: EditedReason; at: string },
    write: () => Promise<number>,
  ): Promise<Outcome> {
    await this.context.set(manager, { reason, via: reason === 'external_update' ? 'external' : (via ?? 'api'), editor: editor ?? null, at });
    const id = await write();
    await this.context.clear(manager);
    const version = await this.versions.latestOf(id, manager);
    if (!version || version.edited_reason !== reason) {
      throw new Error(`contact ${id}: the database wrote no ${reason} version (are the contacts triggers installed?)`);
    }
    return { contact: contactAt(version), event: eventFor(version) };
  }

  /** The contact as this transaction sees it, if the caller may change it: 404 when unseen, 403 for a viewer. */
  async writable(manager: EntityManager, id: number, access: BookAccess): Promise<ContactEntity> {
    const row = await this.contacts.findById(id, manager);
    if (!row) throw notFound();
    access.requireWrite(Number(row.address_book_id));
    return row;
  }

  /** 404 / 403 as the policy says, and 404 for a book that does not exist (which an unrestricted caller may name). */
  async requireWritableBook(manager: EntityManager, book: number, access: BookAccess): Promise<void> {
    access.requireWrite(book);
    if (access.unrestricted && !(await this.contacts.bookExists(book, manager))) throw notFound();
  }

  async assertEmailFree(manager: EntityManager, book: number, email: string, exceptId?: number, owner?: string): Promise<void> {
    if ((await this.contacts.emailOwner(book, email, exceptId, manager)) !== null) throw emailTaken(409);
    await this.assertNotReserved(manager, book, email, owner);
  }

  async assertNotReserved(manager: EntityManager, book: number, email: string, owner?: string): Promise<void> {
    if (await this.reservations.heldByOther(manager, book, email, owner)) throw emailReserved();
  }
}

/** The columns for validated fields (those given; the lists as JSON text). */
export function columnsOf(fields: ContactFields): Partial<ContactColumns> & Pick<ContactColumns, 'first_name' | 'last_name' | 'email' | 'phone'>;
export function columnsOf(fields: Partial<ContactFields>): Partial<ContactColumns>;
export function columnsOf(fields: Partial<ContactFields>): Partial<ContactColumns> {
  const { first_name, last_name, email, phone } = fields;
  const columns: Partial<ContactColumns> = { ...detailColumnsOf(fields) };
  if (first_name !== undefined) columns.first_name = first_name;
  if (last_name !== undefined) columns.last_name = last_name;
  if (email !== undefined) columns.email = email;
  if (phone !== undefined) columns.phone = phone;
  return columns;
}

