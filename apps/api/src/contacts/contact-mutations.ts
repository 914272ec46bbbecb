import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { Contact, ContactEvent, ContactFields, ContactMovedEvent, EditedReason, EditedVia, Editor } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { ApiError, badRequest, detailError, emailTaken, isUniqueViolation, notFound } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { ifMatchSatisfied } from '../common/etag.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { ContactEventBus } from '../events/contact-event-bus.js';
import type { ContactRevisionWriter } from '../history/contact-revision-writer.js';
import { copyDetailColumns } from '../history/contact-columns.js';
import { VersionLog } from '../history/version-log.js';
import type { ContactEntity } from './contact.entity.js';
import { toContact } from './contact.mapper.js';
import { ContactsRepository } from './contacts.repository.js';
import type { CardData, CompleteContactFields } from './stored-contact.js';
import { EmailReservations } from './email-reservations.js';
import { MutationContextRepository } from './mutation-context.repository.js';
import { MutationBatch } from './mutation-batch.js';
import { columnsOf, MutationSteps, type Outcome } from './mutation-steps.js';

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

/** What happened to a card: written as a new contact, written over an existing one, or left alone. */
export type CardResult = 'created' | 'updated' | 'skipped';

/** One card to write (imports now, CardDAV later), its fields already validated. */
export interface CardWrite {
  book: number;
  fields: CompleteContactFields;
  /** The card's UID; null/undefined → generated on create. */
  uid?: string | null;
  vcard_extra: string;
  via: 'import' | 'carddav';
  /**
   * What to do when the book already has the card (same uid, else same email): `skip`
   * leaves it alone, `update` gives it the card's fields and extras (its uid stays), and
   * `create-only` refuses (412 for the same uid, like If-None-Match; 409 for the email).
   */
  onExisting: 'skip' | 'update' | 'create-only';
  /**
   * How the existing card is found: by uid, else by email (imports: the same person in
   * another file), or by uid alone (CardDAV: a resource is its uid; another card with the
   * same email is a conflict, 409, not the card being written).
   */
  matchBy?: 'uid' | 'uid-or-email';
  /** CardDAV's If-Match: the contact's current ETag (412 otherwise, or when there is none). */
  ifMatch?: string;
  /** Runs inside the same write transaction after the write (or after deciding to skip), e.g. import progress. */
  within?: (manager: EntityManager, result: CardResult) => Promise<void>;
}

const UID_MAX_LENGTH = 255;

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
  ) {
    this.steps = new MutationSteps(contacts, versions, context, reservations);
  }

  private readonly steps: MutationSteps;

  /**
   * Several writes as one transaction (a merge, its undo): each write is a mutation of its
   * own — checked, recorded with its version — and their events are published in order
   * once everything has committed; nothing is written if `work` throws.
   */
  async batch<T>(access: BookAccess, work: (batch: MutationBatch) => Promise<T>): Promise<T> {
    const events: ContactEvent[] = [];
    try {
      return await this.writes.run(
        (manager) => work(new MutationBatch(manager, access, this.contacts, this.versions, this.steps, events)),
        () => events.forEach((event) => this.events.publish(event)),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(409);
      throw error;
    }
  }

  /**
   * `reservationOwner`: the pending create that holds this email, allowed to use it; its
   * hold is released in the same transaction (one write fewer per create).
   */
  create(fields: ContactFields, book: number, reservationOwner: string, access: BookAccess, card: CardData = {}): Promise<Contact> {
    return this.contactOf(
      this.commit(async (manager) => {
        await this.requireWritableBook(manager, book, access);
        await this.assertEmailFree(manager, book, fields.email, undefined, reservationOwner);
        await this.reservations.releaseWithin(manager, book, fields.email, reservationOwner);
        const now = nowIso();
        return this.recorded(manager, { reason: 'created', at: now, ...channelOf(access) }, () =>
          this.contacts.insert(manager, { ...columnsOf(fields), ...card, address_book_id: book, created_at: now, updated_at: now }),
        );
      }),
    );
  }

  /**
   * The one way a card is written (imports, CardDAV): found in its book by uid, else by
   * email; then created, updated or skipped as `onExisting` says, with its version
   * (`edited_via` from `via`, the editor from `access`) and, after the commit, its event.
   * No create delay. An email another contact of the book has, or that a pending create
   * holds, is a 409 keyed by `email`; nothing is written then.
   */
  async writeCard(request: CardWrite, access: BookAccess): Promise<{ result: CardResult; contact: Contact }> {
    const uid = cardUidOf(request.uid);
    const { fields, book } = request;
    const outcome = await this.commit(async (manager): Promise<Outcome & { result: CardResult }> => {
      await this.requireWritableBook(manager, book, access);
      const byUid = uid === undefined ? null : await this.contacts.findByUid(book, uid, manager);
      const emailOwner = byUid ? null : await this.contacts.emailOwner(book, fields.email, undefined, manager);
      if (emailOwner !== null && request.matchBy === 'uid') throw emailTaken(409);
      const existing = byUid ?? (emailOwner === null ? null : await this.contacts.findById(emailOwner, manager));
      const channel = { via: request.via, editor: access.editor, at: nowIso() };
      if (!existing) {
        if (request.ifMatch !== undefined) throw detailError(412, 'There is no such card to match.');
        // No contact of the book has this email (looked up above); a pending create may still hold it.
        await this.assertNotReserved(manager, book, fields.email);
        const written = await this.recorded(manager, { ...channel, reason: 'created' }, () =>
          this.contacts.insert(manager, {
            ...columnsOf(fields),
            ...(uid === undefined ? {} : { uid }),
            vcard_extra: request.vcard_extra,
            address_book_id: book,
            created_at: channel.at,
            updated_at: channel.at,
          }),
        );
        await request.within?.(manager, 'created');
        return { ...written, result: 'created' };
      }
      const id = Number(existing.id);
      if (request.onExisting === 'create-only') {
        if (byUid) throw detailError(412, 'A card with this UID already exists.');
        throw emailTaken(409);
      }
      if (request.onExisting === 'skip') {
        await request.within?.(manager, 'skipped');
        return { contact: toContact(existing), event: null, result: 'skipped' };
      }
      if (!ifMatchSatisfied(request.ifMatch, toContact(existing))) throw new ApiError(412, toContact(existing));
      if (fields.email.toLowerCase() !== existing.email.toLowerCase()) await this.assertEmailFree(manager, book, fields.email, id);
      const written = await this.recorded(manager, { ...channel, reason: 'updated' }, async () => {
        await this.contacts.update(manager, id, { ...columnsOf(fields), vcard_extra: request.vcard_extra, updated_at: channel.at });
        return id;
      });
      await request.within?.(manager, 'updated');
      return { ...written, result: 'updated' };
    });
    return { result: outcome.result, contact: outcome.contact };
  }

  /** The fields given change (details absent stay as they are); `moveTo` moves it, with a fresh uid if the target book has its uid. */
  update(id: number, fields: Partial<ContactFields>, options: UpdateOptions, access: BookAccess): Promise<Contact> {
    return this.contactOf(this.commit(async (manager) => {
      const current = await this.writable(manager, id, access);
      if (options.claim && !(await options.claim(manager))) return { contact: toContact(current), event: null };
      if (!ifMatchSatisfied(options.ifMatch, toContact(current))) {
        throw new ApiError(412, toContact(current));
      }
      const from = Number(current.address_book_id);
      const to = options.moveTo ?? from;
      if (to !== from) await this.requireWritableBook(manager, to, access);
      const email = fields.email ?? current.email;
      if (to !== from || email.toLowerCase() !== current.email.toLowerCase()) {
        await this.assertEmailFree(manager, to, email, id);
      }
      // The uid is unique per book: one the target book already has gives way to a new one.
      const uid = to !== from && current.uid !== undefined && (await this.contacts.uidTaken(to, current.uid, id, manager)) ? randomUUID() : undefined;
      const now = nowIso();
      const channel = { reason: options.reason, via: options.via ?? access.via, editor: options.editor ?? access.editor, at: now };
      const outcome = await this.recorded(manager, channel, async () => {
        await this.contacts.update(manager, id, {
          ...columnsOf(fields),
          ...(to !== from ? { address_book_id: to } : {}),
          ...(uid !== undefined ? { uid } : {}),
          updated_at: now,
        });
        return id;
      });
      return to === from ? outcome : { ...outcome, event: movedFrom(outcome.event, from) };
    }));
  }

  /** `ifMatch`: the contact's current ETag (412 otherwise); `via`: the door, when not the caller's (CardDAV). */
  remove(id: number, access: BookAccess, options: { ifMatch?: string; via?: EditedVia } = {}): Promise<void> {
    return this.contactOf(this.commit(async (manager) => {
      const current = await this.writable(manager, id, access);
      if (!ifMatchSatisfied(options.ifMatch, toContact(current))) throw new ApiError(412, toContact(current));
      const channel = { ...channelOf(access), ...(options.via ? { via: options.via } : {}) };
      return this.recorded(manager, { reason: 'deleted', at: nowIso(), ...channel }, async () => {
        await this.contacts.remove(manager, id);
        return id;
      });
    })).then(() => undefined);
  }

  /** Deleting a book: a contact of that book goes, recorded as `actor`'s deletion (the book's owner, checked by the caller). */
  removeFromBook(id: number, book: number, actor: Required<Channel>): Promise<boolean> {
    return this.commit(async (manager): Promise<MaybeOutcome> => {
      const row = await this.contacts.findById(id, manager);
      if (!row || Number(row.address_book_id) !== book) return { contact: null, event: null };
      return this.recorded(manager, { reason: 'deleted', at: nowIso(), ...actor }, async () => {
        await this.contacts.remove(manager, id);
        return id;
      });
    }).then(({ contact }) => contact !== null);
  }

  /** The contact takes every field of one of its own versions, its vCard properties included (it stays in its book and keeps its uid). */
  revert(id: number, versionId: number, access: BookAccess): Promise<Contact> {
    return this.contactOf(this.commit(async (manager) => {
      const current = await this.writable(manager, id, access);
      const version = await this.versions.findById(versionId, manager);
      if (!version || Number(version.contact_id) !== id) throw notFound();
      const { first_name, last_name, email, phone } = version;
      await this.assertEmailFree(manager, Number(current.address_book_id), email, id);
      const vcard_extra = await this.versions.vcardExtraOf(versionId, manager);
      const now = nowIso();
      return this.recorded(manager, { reason: 'reverted', at: now, ...channelOf(access) }, async () => {
        await this.contacts.update(manager, id, { first_name, last_name, email, phone, ...copyDetailColumns(version), vcard_extra, updated_at: now });
        return id;
      });
    }));
  }

  /**
   * A deleted contact comes back with its id, its last fields and vCard properties, and its
   * uid, in the book it was deleted from (a new uid if the book has given that one to
   * another contact meanwhile, or for a contact deleted before uids existed).
   */
  restore(id: number, access: BookAccess): Promise<Contact> {
    return this.contactOf(this.commit(async (manager) => {
      const live = await this.contacts.findById(id, manager);
      if (live) {
        access.requireRead(Number(live.address_book_id));
        throw new ApiError(409, { detail: 'Contact is not deleted.' });
      }
      const last = await this.versions.latestOf(id, manager);
      if (!last) throw notFound();
      const book = Number(last.address_book_id);
      // The book it was deleted from may be gone since.
      await this.requireWritableBook(manager, book, access);
      await this.assertEmailFree(manager, book, last.email);
      const uid = last.uid && !(await this.contacts.uidTaken(book, last.uid, undefined, manager)) ? last.uid : undefined;
      const vcard_extra = await this.versions.vcardExtraOf(Number(last.id), manager);
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
          ...copyDetailColumns(last),
          ...(uid !== undefined ? { uid } : {}),
          vcard_extra,
          created_at: last.contact_created_at,
          updated_at: now,
        });
        return id;
      });
    }));
  }

  private async contactOf(outcome: Promise<Outcome>): Promise<Contact> {
    return (await outcome).contact;
  }

  /**
   * Runs `work` in a write transaction; its event (if any) is published once it has
   * committed, in commit (seq) order with every other write's.
   */
  private async commit<T extends MaybeOutcome>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.writes.run(work, this.publishEvent);
    } catch (error) {
      // The index is the last line of defence, e.g. a writer outside this process.
      if (isUniqueViolation(error)) throw emailTaken(409);
      throw error;
    }
  }

  private readonly publishEvent = ({ event }: MaybeOutcome): void => {
    if (event) this.events.publish(event);
  };

  private recorded(manager: EntityManager, channel: Channel & { reason: EditedReason; at: string }, write: () => Promise<number>): Promise<Outcome> {
    return this.steps.recorded(manager, channel, write);
  }

  private writable(manager: EntityManager, id: number, access: BookAccess): Promise<ContactEntity> {
    return this.steps.writable(manager, id, access);
  }

  private requireWritableBook(manager: EntityManager, book: number, access: BookAccess): Promise<void> {
    return this.steps.requireWritableBook(manager, book, access);
  }

  private assertEmailFree(manager: EntityManager, book: number, email: string, exceptId?: number, owner?: string): Promise<void> {
    return this.steps.assertEmailFree(manager, book, email, exceptId, owner);
  }

  private assertNotReserved(manager: EntityManager, book: number, email: string, owner?: string): Promise<void> {
    return this.steps.assertNotReserved(manager, book, email, owner);
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

/** A card's UID as stored: trimmed; empty or absent → none (the database draws one). */
function cardUidOf(uid: string | null | undefined): string | undefined {
  if (uid === null || uid === undefined) return undefined;
  const trimmed = uid.trim();
  if (trimmed === '') return undefined;
  if (trimmed.includes('\u0000')) throw badRequest({ uid: ['Null characters are not allowed.'] });
  if ([...trimmed].length > UID_MAX_LENGTH) throw badRequest({ uid: [`Ensure this field has no more than ${UID_MAX_LENGTH} characters.`] });
  return trimmed;
}

/** The version records the caller's account and channel. */
function channelOf(access: BookAccess): Channel {
  return { editor: access.editor, via: access.via };
}
