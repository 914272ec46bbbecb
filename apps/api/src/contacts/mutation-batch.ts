import type { EntityManager } from 'typeorm';
import type { Contact, ContactEvent, ContactFields, EditedReason } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { ApiError, notFound } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { copyDetailColumns } from '../history/contact-columns.js';
import type { ContactVersionEntity } from '../history/contact-version.entity.js';
import type { VersionLog } from '../history/version-log.js';
import { toStoredContact } from './contact.mapper.js';
import type { ContactsRepository } from './contacts.repository.js';
import { columnsOf, type MutationSteps, type Outcome } from './mutation-steps.js';
import type { StoredContact } from './stored-contact.js';

/** A write of a batch: the contact as written and the seq (version id) that recorded it. */
export interface BatchWrite {
  contact: Contact;
  version: number;
}

/**
 * The writes a multi-contact mutation (a merge, its undo) makes inside one transaction,
 * each recorded like a single mutation — its version with the caller as editor, its
 * event queued for after the commit (ContactMutations.batch). Reads see the
 * transaction's own writes.
 */
export class MutationBatch {
  constructor(
    readonly manager: EntityManager,
    private readonly access: BookAccess,
    private readonly contacts: ContactsRepository,
    private readonly versions: VersionLog,
    private readonly steps: MutationSteps,
    private readonly events: ContactEvent[],
  ) {}

  /** The live contact with its vCard properties, or null; no access check (the caller scopes it). */
  async find(id: number): Promise<StoredContact | null> {
    const row = await this.contacts.findStored(id, this.manager);
    return row ? toStoredContact(row) : null;
  }

  /** The live contact if the caller may change it: 404 when unseen, 403 for a viewer. */
  async writable(id: number): Promise<StoredContact> {
    const contact = await this.find(id);
    if (!contact) throw notFound();
    this.access.requireWrite(contact.address_book);
    return contact;
  }

  requireWritableBook(book: number): Promise<void> {
    return this.steps.requireWritableBook(this.manager, book, this.access);
  }

  latestVersion(contactId: number): Promise<ContactVersionEntity | null> {
    return this.versions.latestOf(contactId, this.manager);
  }

  version(versionId: number): Promise<ContactVersionEntity | null> {
    return this.versions.findById(versionId, this.manager);
  }

  /** The id of the contact of `book` using this email (case-insensitively), other than `exceptId`; null when free. */
  emailOwner(book: number, email: string, exceptId?: number): Promise<number | null> {
    return this.contacts.emailOwner(book, email, exceptId, this.manager);
  }

  /** Deletes a contact the caller may change. */
  async remove(id: number, reason: EditedReason): Promise<BatchWrite> {
    await this.writable(id);
    return this.write(reason, async () => {
      await this.contacts.remove(this.manager, id);
      return id;
    });
  }

  /** The fields given change (the email must be free in the contact's book, a pending create's hold included). */
  async update(id: number, fields: Partial<ContactFields>, reason: EditedReason): Promise<BatchWrite> {
    const current = await this.writable(id);
    if (fields.email !== undefined && fields.email.toLowerCase() !== current.email.toLowerCase()) {
      await this.steps.assertEmailFree(this.manager, current.address_book, fields.email, id);
    }
    return this.write(reason, async (at) => {
      await this.contacts.update(this.manager, id, { ...columnsOf(fields), updated_at: at });
      return id;
    });
  }

  /** The contact takes every field of one of its own versions, vCard properties included (it keeps its book and uid). */
  async revertTo(id: number, versionId: number, reason: EditedReason): Promise<BatchWrite> {
    const current = await this.writable(id);
    const version = await this.ownVersion(id, versionId);
    await this.steps.assertEmailFree(this.manager, current.address_book, version.email, id);
    const vcard_extra = await this.versions.vcardExtraOf(versionId, this.manager);
    const { first_name, last_name, email, phone } = version;
    return this.write(reason, async (at) => {
      await this.contacts.update(this.manager, id, { first_name, last_name, email, phone, ...copyDetailColumns(version), vcard_extra, updated_at: at });
      return id;
    });
  }

  /**
   * A deleted contact comes back with its id, in `book`, with the fields and vCard
   * properties of one of its own versions, and that version's uid unless the book has
   * given it to another contact meanwhile. 409 when the contact is live.
   */
  async reinsert(id: number, versionId: number, book: number, reason: EditedReason): Promise<BatchWrite> {
    if (await this.contacts.findById(id, this.manager)) throw new ApiError(409, { detail: 'Contact is not deleted.' });
    await this.requireWritableBook(book);
    const version = await this.ownVersion(id, versionId);
    await this.steps.assertEmailFree(this.manager, book, version.email);
    const uid = version.uid && !(await this.contacts.uidTaken(book, version.uid, undefined, this.manager)) ? version.uid : undefined;
    const vcard_extra = await this.versions.vcardExtraOf(versionId, this.manager);
    const { first_name, last_name, email, phone } = version;
    return this.write(reason, async (at) => {
      await this.contacts.insert(this.manager, {
        id,
        address_book_id: book,
        first_name,
        last_name,
        email,
        phone,
        ...copyDetailColumns(version),
        ...(uid !== undefined ? { uid } : {}),
        vcard_extra,
        created_at: version.contact_created_at,
        updated_at: at,
      });
      return id;
    });
  }

  private async ownVersion(contactId: number, versionId: number): Promise<ContactVersionEntity> {
    const version = await this.versions.findById(versionId, this.manager);
    if (!version || Number(version.contact_id) !== contactId) throw notFound();
    return version;
  }

  private async write(reason: EditedReason, write: (at: string) => Promise<number>): Promise<BatchWrite> {
    const at = nowIso();
    const outcome: Outcome = await this.steps.recorded(this.manager, { reason, at, editor: this.access.editor, via: this.access.via }, () => write(at));
    if (outcome.event) this.events.push(outcome.event);
    return { contact: outcome.contact, version: outcome.event && 'seq' in outcome.event ? outcome.event.seq : 0 };
  }
}
