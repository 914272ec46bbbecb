import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Contact, ContactEvent, ContactFields, EditedReason, EditedVia, Editor } from '@contacts/wire-types';
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
  /** Default: `external` for an external update, else `api` (every REST request while AUTH=none). */
  via?: EditedVia;
  editor?: Editor | null;
}

export interface UpdateOptions extends Channel {
  reason: EditedReason;
  ifMatch?: string;
  /**
   * Extra step inside the write transaction, before anything is written (e.g. recording a
   * queue job id). `false` means "already done": nothing is written, no event, and the
   * contact is returned as it is.
   */
  claim?: (manager: EntityManager) => Promise<boolean>;
}

type Outcome = { contact: Contact; event: ContactEvent | null };

/**
 * Every change to a contact: the row and its version in one serialised transaction, then
 * exactly one domain event once it has committed. Conflicts are re-checked inside the
 * transaction, where no other writer can interleave. The version is written by the
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
  create(fields: ContactFields, reservationOwner: string): Promise<Contact> {
    return this.commit(async (manager) => {
      await this.assertEmailFree(manager, fields.email, undefined, reservationOwner);
      await this.reservations.releaseWithin(manager, fields.email, reservationOwner);
      const now = nowIso();
      return this.recorded(manager, { reason: 'created', at: now }, async () => {
        return (await this.contacts.insert(manager, { ...fields, created_at: now, updated_at: now })).id;
      });
    });
  }

  update(id: number, fields: Partial<ContactFields>, options: UpdateOptions): Promise<Contact> {
    return this.commit(async (manager) => {
      const current = await this.existing(manager, id);
      if (options.claim && !(await options.claim(manager))) return { contact: toContact(current), event: null };
      if (!ifMatchSatisfied(options.ifMatch, toContact(current))) {
        throw new ApiError(412, toContact(current));
      }
      if (fields.email !== undefined && fields.email.toLowerCase() !== current.email.toLowerCase()) {
        await this.assertEmailFree(manager, fields.email, id);
      }
      const now = nowIso();
      return this.recorded(manager, { ...options, at: now }, async () => {
        await this.contacts.update(manager, id, { ...fields, updated_at: now });
        return id;
      });
    });
  }

  remove(id: number): Promise<void> {
    return this.commit(async (manager) => {
      await this.existing(manager, id);
      return this.recorded(manager, { reason: 'deleted', at: nowIso() }, async () => {
        await this.contacts.remove(manager, id);
        return id;
      });
    }).then(() => undefined);
  }

  /** The contact takes the fields of one of its own versions. */
  revert(id: number, versionId: number): Promise<Contact> {
    return this.commit(async (manager) => {
      await this.existing(manager, id);
      const version = await this.versions.findById(versionId, manager);
      if (!version || Number(version.contact_id) !== id) throw notFound();
      const { first_name, last_name, email, phone } = version;
      await this.assertEmailFree(manager, email, id);
      const now = nowIso();
      return this.recorded(manager, { reason: 'reverted', at: now }, async () => {
        await this.contacts.update(manager, id, { first_name, last_name, email, phone, updated_at: now });
        return id;
      });
    });
  }

  /** A deleted contact comes back with its id and its last fields. */
  restore(id: number): Promise<Contact> {
    return this.commit(async (manager) => {
      if (await this.contacts.findById(id, manager)) throw new ApiError(409, { detail: 'Contact is not deleted.' });
      const last = await this.versions.latestOf(id, manager);
      if (!last) throw notFound();
      await this.assertEmailFree(manager, last.email);
      const now = nowIso();
      const { first_name, last_name, email, phone } = last;
      return this.recorded(manager, { reason: 'restored', at: now }, async () => {
        await this.contacts.insert(manager, { id, first_name, last_name, email, phone, created_at: last.contact_created_at, updated_at: now });
        return id;
      });
    });
  }

  private async commit(work: (manager: EntityManager) => Promise<Outcome>): Promise<Contact> {
    let outcome: Outcome;
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
    await this.context.set(manager, { reason, via: via ?? (reason === 'external_update' ? 'external' : 'api'), editor: editor ?? null, at });
    const id = await write();
    await this.context.clear(manager);
    const version = await this.versions.latestOf(id, manager);
    if (!version || version.edited_reason !== reason) {
      throw new Error(`contact ${id}: the database wrote no ${reason} version (are the contacts triggers installed?)`);
    }
    return { contact: contactAt(version), event: eventFor(version) };
  }

  private async existing(manager: EntityManager, id: number): Promise<ContactEntity> {
    const row = await this.contacts.findById(id, manager);
    if (!row) throw notFound();
    return row;
  }

  private async assertEmailFree(manager: EntityManager, email: string, exceptId?: number, owner?: string): Promise<void> {
    if ((await this.contacts.emailOwner(email, exceptId, manager)) !== null) throw emailTaken(409);
    if (await this.reservations.heldByOther(manager, email, owner)) throw emailReserved();
  }
}
