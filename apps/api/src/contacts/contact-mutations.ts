import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Contact, ContactEvent, ContactFields, ContactMovedEvent, EditedReason, EditedVia, Editor } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { ApiError, emailReserved, emailTaken, isUniqueViolation, notFound } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { ifMatchSatisfied } from '../common/etag.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { ContactEventBus } from '../events/contact-event-bus.js';
import type { ContactRevisionWriter } from '../history/contact-revision-writer.js';
import { contactAt, eventFor } from '../history/version.mapper.js';
import { VersionLog } from '../history/version-log.js';
import type { ContactEntity } from './contact.entity.js';
import { toContact } from './contact.mapper.js';
import { ContactsRepository } from './contacts.repository.js';
import { EmailReservations } from './email-reservations.js';
import { MutationContextRepository } from './mutation-context.repository.js';

/** Who is writing and through which door; recorded on the version. */
export interface Channel {
  /** Default: `external` for an external update, else the caller's (cookie → web, token or AUTH=none → api). */
  via?: EditedVia;
  editor?: Editor | null;
}

export interface UpdateOptions extends Channel {
  reason: EditedReason;
  ifMatch?: string;
  /** Moves the contact to this book (the caller must be able to write both). */
  moveTo?: number;
  /**
   * Extra step inside the write transaction, before anything is written (e.g. recording a
   * queue job id). `false` means "already done": nothing is written, no event, and the
   * contact is returned as it is.
   */
  claim?: (manager: EntityManager) => Promise<boolean>;
}

type Outcome = { contact: Contact; event: ContactEvent | null };
type MaybeOutcome = { contact: Contact | null; event: ContactEvent | null };

/**
 * Every change to a contact: the row and its version in one serialised transaction, then
 * exactly one domain event once it has committed. Conflicts and the caller's access to
 * the contact's book are checked inside the transaction, where no other writer can
 * interleave (a contact moved or a book unshared meanwhile is seen). The version is written by the
 * database's trigger on `contacts` (so changes made outside the server get one too): this
 * states the mutation's context first, then reads the version back to build the event.
 */
@Injectable()
export class ContactMutations implements ContactRevisionWriter {
  constructor(
    private readonly writes: WriteTransactions,
    private readonly contacts: ContactsRepository,
    private readonly versions: VersionLog,
    private readonly context: MutationContextRepository,
    private readonly reservations: EmailReservations,
    private readonly events: ContactEventBus,
  ) {}

  /**
   * `reservationOwner`: the pending create that holds this email, allowed to use it; its
   * hold is released in the same transaction (one write fewer per create).
   */
  create(fields: ContactFields, book: number, reservationOwner: string, access: BookAccess): Promise<Contact> {
    return this.commit(async (manager) => {
      access.requireWrite(book);
      await this.assertEmailFree(manager, book, fields.email, undefined, reservationOwner);
      await this.reservations.releaseWithin(manager, book, fields.email, reservationOwner);
      const now = nowIso();
      return this.recorded(manager, { reason: 'created', at: now, ...channelOf(access) }, async () => {
        return (await this.contacts.insert(manager, { ...fields, address_book_id: book, created_at: now, updated_at: now })).id;
      });
    });
  }

  update(id: number, fields: Partial<ContactFields>, options: UpdateOptions, access: BookAccess): Promise<Contact> {
    return this.commit(async (manager) => {
      const current = await this.writable(manager, id, access);
      if (options.claim && !(await options.claim(manager))) return { contact: toContact(current), event: null };
      if (!ifMatchSatisfied(options.ifMatch, toContact(current))) {
        throw new ApiError(412, toContact(current));
      }
      const from = Number(current.address_book_id);
      const to = options.moveTo ?? from;
      if (to !== from) access.requireWrite(to);
      const email = fields.email ?? current.email;
      if (to !== from || email.toLowerCase() !== current.email.toLowerCase()) {
        await this.assertEmailFree(manager, to, email, id);
      }
      const now = nowIso();
      const channel = { reason: options.reason, via: options.via ?? access.via, editor: options.editor ?? access.editor, at: now };
      const outcome = await this.recorded(manager, channel, async () => {
        await this.contacts.update(manager, id, { ...fields, ...(to !== from ? { address_book_id: to } : {}), updated_at: now });
        return id;
      });
      return to === from ? outcome : { ...outcome, event: movedFrom(outcome.event, from) };
    });
  }

  remove(id: number, access: BookAccess): Promise<void> {
    return this.commit(async (manager) => {
      await this.writable(manager, id, access);
      return this.recorded(manager, { reason: 'deleted', at: nowIso(), ...channelOf(access) }, async () => {
        await this.contacts.remove(manager, id);
        return id;
      });
    }).then(() => undefined);
  }

  /** Deleting a book: a contact of that book goes, recorded as `actor`'s deletion (the book's owner, checked by the caller). */
  removeFromBook(id: number, book: number, actor: Required<Channel>): Promise<boolean> {
    return this.commit(async (manager) => {
      const row = await this.contacts.findById(id, manager);
      if (!row || Number(row.address_book_id) !== book) return { contact: null, event: null };
      return this.recorded(manager, { reason: 'deleted', at: nowIso(), ...actor }, async () => {
        await this.contacts.remove(manager, id);
        return id;
      });
    }).then((contact) => contact !== null);
  }

  /** The contact takes the fields of one of its own versions (it stays in its book). */
  revert(id: number, versionId: number, access: BookAccess): Promise<Contact> {
    return this.commit(async (manager) => {
      const current = await this.writable(manager, id, access);
      const version = await this.versions.findById(versionId, manager);
      if (!version || Number(version.contact_id) !== id) throw notFound();
      const { first_name, last_name, email, phone } = version;
      await this.assertEmailFree(manager, Number(current.address_book_id), email, id);
      const now = nowIso();
      return this.recorded(manager, { reason: 'reverted', at: now, ...channelOf(access) }, async () => {
        await this.contacts.update(manager, id, { first_name, last_name, email, phone, updated_at: now });
        return id;
      });
    });
  }

  /** A deleted contact comes back with its id and its last fields, in the book it was deleted from. */
  restore(id: number, access: BookAccess): Promise<Contact> {
    return this.commit(async (manager) => {
      const live = await this.contacts.findById(id, manager);
      if (live) {
        access.requireRead(Number(live.address_book_id));
        throw new ApiError(409, { detail: 'Contact is not deleted.' });
      }
      const last = await this.versions.latestOf(id, manager);
      if (!last) throw notFound();
      const book = Number(last.address_book_id);
      access.requireWrite(book);
      await this.assertEmailFree(manager, book, last.email);
      const now = nowIso();
      const { first_name, last_name, email, phone } = last;
      return this.recorded(manager, { reason: 'restored', at: now, ...channelOf(access) }, async () => {
        await this.contacts.insert(manager, {
          id,
          address_book_id: book,
          first_name,
          last_name,
          email,
          phone,
          created_at: last.contact_created_at,
          updated_at: now,
        });
        return id;
      });
    });
  }

  private async commit(work: (manager: EntityManager) => Promise<Outcome>): Promise<Contact>;
  private async commit(work: (manager: EntityManager) => Promise<MaybeOutcome>): Promise<Contact | null>;
  private async commit(work: (manager: EntityManager) => Promise<MaybeOutcome>): Promise<Contact | null> {
    let outcome: MaybeOutcome;
    try {
      outcome = await this.writes.run(work);
    } catch (error) {
      // The index is the last line of defence, e.g. a writer outside this process.
      if (isUniqueViolation(error)) throw emailTaken(409);
      throw error;
    }
    if (outcome.event) this.events.publish(outcome.event);
    return outcome.contact;
  }

  /**
   * Runs the one contact write of a mutation under its context; the trigger writes the
   * version, which is read back (the contact's latest: writers are serialised) and is
   * what the caller and the event see.
   */
  private async recorded(
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
  private async writable(manager: EntityManager, id: number, access: BookAccess): Promise<ContactEntity> {
    const row = await this.contacts.findById(id, manager);
    if (!row) throw notFound();
    access.requireWrite(Number(row.address_book_id));
    return row;
  }

  private async assertEmailFree(manager: EntityManager, book: number, email: string, exceptId?: number, owner?: string): Promise<void> {
    if ((await this.contacts.emailOwner(book, email, exceptId, manager)) !== null) throw emailTaken(409);
    if (await this.reservations.heldByOther(manager, book, email, owner)) throw emailReserved();
  }
}

/**
 * The version (and so its event) knows only the book the contact is in now: the book it
 * left travels with the event, for realtime to tell that book's other readers it is gone.
 */
function movedFrom(event: ContactEvent | null, from: number): ContactEvent | null {
  if (event?.type !== 'contact.updated') return event;
  const moved: ContactMovedEvent = { ...event, moved_from: from };
  return moved;
}

/** The version records the caller's account and channel. */
function channelOf(access: BookAccess): Channel {
  return { editor: access.editor, via: access.via };
}
