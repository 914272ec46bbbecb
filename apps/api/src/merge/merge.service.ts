import { Injectable } from '@nestjs/common';
import type { Contact, Merge, MergeResult, MergeValues, UnmergeResult } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { ApiError, badRequest, detailError, emailTaken, notFound } from '../common/api-errors.js';
import { nowIso } from '../common/clock.js';
import { ifMatchSatisfied } from '../common/etag.js';
import { bookFilterOf, idFilterOf } from '../contacts/book-field.js';
import { ContactMutations } from '../contacts/contact-mutations.js';
import type { BatchWrite, MutationBatch } from '../contacts/mutation-batch.js';
import type { StoredContact } from '../contacts/stored-contact.js';
import { ContactInputValidator } from '../contacts/validators/contact-input.validator.js';
import { mergedFields } from './merged-fields.js';
import { mergeRequestOf } from './merge-request.js';
import { toMerge } from './merge.mapper.js';
import { MergesRepository, type MergeWithMembers } from './merges.repository.js';

export interface MergesQuery {
  contact?: unknown;
  address_book?: unknown;
}

/** The newest merges a list answers with. */
const MERGES_LIMIT = 100;

/**
 * Merging duplicates into one contact and undoing it. Each is one write transaction made
 * of ordinary mutations (ContactMutations.batch): every contact touched gets its version
 * (`merged`, `unmerged`) and its event, and the merge is recorded beside them so an undo
 * knows what to bring back.
 */
@Injectable()
export class MergeService {
  constructor(
    private readonly mutations: ContactMutations,
    private readonly validator: ContactInputValidator,
    private readonly merges: MergesRepository,
  ) {}

  /** `others` into contact `id`, which takes `values`; `ifMatch`: the survivor's ETag as the compare screen saw it. */
  async merge(id: number, body: unknown, ifMatch: string | undefined, access: BookAccess): Promise<MergeResult> {
    const request = mergeRequestOf(body, id);
    const values = (await this.validator.validate(request.values, { partial: true })) as MergeValues;
    return this.mutations.batch(access, async (batch) => {
      const survivor = await batch.find(id);
      if (!survivor || !access.canRead(survivor.address_book)) throw await this.gone(batch, id, access, notFound());
      access.requireWrite(survivor.address_book);
      if (!ifMatchSatisfied(ifMatch, plain(survivor))) throw new ApiError(412, plain(survivor));
      const others: Contact[] = [];
      for (const otherId of request.others) {
        const other = await batch.find(otherId);
        if (!other || !access.canRead(other.address_book)) {
          throw await this.gone(batch, otherId, access, badRequest({ others: [`Invalid pk "${otherId}" - object does not exist.`] }));
        }
        if (other.address_book !== survivor.address_book) throw badRequest({ others: ['Contacts in different address books cannot be merged.'] });
        others.push(plain(other));
      }
      const fields = mergedFields(plain(survivor), others, values);
      const owner = await batch.emailOwner(survivor.address_book, fields.email, id);
      if (owner !== null && !request.others.includes(owner)) throw emailTaken(409);

      const before = await batch.latestVersion(id);
      if (!before) throw new Error(`contact ${id} has no version`);
      // The others go first: the survivor may take one of their emails.
      const removed: BatchWrite[] = [];
      for (const other of others) removed.push(await batch.remove(other.id, 'merged'));
      const merged = await batch.update(id, fields, 'merged');
      const mergeId = await this.merges.insert(batch.manager, {
        address_book_id: survivor.address_book,
        survivor_id: id,
        survivor_version_id: merged.version,
        merged_at: merged.contact.updated_at,
        merged_by: access.editor,
        members: [
          { contact_id: id, role: 'survivor', position: 0, restore_version_id: Number(before.id) },
          ...others.map((other, i) => ({ contact_id: other.id, role: 'other' as const, position: i + 1, restore_version_id: removed[i].version })),
        ],
      });
      return { contact: merged.contact, merge_id: mergeId };
    });
  }

  /** The survivor takes back its fields from before the merge; the others come back with their ids. */
  undo(mergeId: number, access: BookAccess): Promise<UnmergeResult> {
    return this.mutations.batch(access, async (batch) => {
      const merge = await this.merges.findById(mergeId, batch.manager);
      if (!merge || !access.canRead(merge.address_book_id)) throw notFound();
      access.requireWrite(merge.address_book_id);
      if (merge.undone_at !== null) throw detailError(409, 'This merge has already been undone.');
      const book = merge.address_book_id;
      const survivor = merge.members.find((member) => member.role === 'survivor');
      const others = merge.members.filter((member) => member.role === 'other');
      if (!survivor) throw new Error(`merge ${mergeId} has no survivor`);
      for (const other of others) {
        if (await batch.find(other.contact_id)) {
          throw detailError(409, `Contact ${other.contact_id} has been restored since the merge, so the merge cannot be undone.`);
        }
      }

      const survivorBefore = await batch.version(survivor.restore_version_id);
      if (!survivorBefore) throw new Error(`merge ${mergeId}: version ${survivor.restore_version_id} is missing`);
      const live = await batch.find(survivor.contact_id);
      if (!live && (await this.merges.mergedAwayBy(survivor.contact_id, batch.manager))) {
        throw detailError(409, `Contact ${survivor.contact_id} has since been merged into another contact: undo that merge first.`);
      }
      await this.requireEmailFree(batch, live ? live.address_book : book, survivorBefore.email, survivor.contact_id);
      const contact = live
        ? await batch.revertTo(survivor.contact_id, survivor.restore_version_id, 'unmerged')
        : await batch.reinsert(survivor.contact_id, survivor.restore_version_id, book, 'unmerged');

      const restored: Contact[] = [];
      for (const other of others) {
        const version = await batch.version(other.restore_version_id);
        if (!version) throw new Error(`merge ${mergeId}: version ${other.restore_version_id} is missing`);
        await this.requireEmailFree(batch, book, version.email);
        restored.push((await batch.reinsert(other.contact_id, other.restore_version_id, book, 'unmerged')).contact);
      }
      await this.merges.markUndone(batch.manager, mergeId, nowIso(), access.editor);
      const undone = (await this.merges.findById(mergeId, batch.manager)) as MergeWithMembers;
      return { contact: contact.contact, restored, merge: toMerge(undone) };
    });
  }

  async list(query: MergesQuery, access: BookAccess): Promise<Merge[]> {
    const book = bookFilterOf(query.address_book);
    if (book !== undefined) access.requireRead(book);
    const contact = idFilterOf(query.contact, 'contact');
    return (await this.merges.list(book !== undefined ? [book] : access.readableBooks(), contact, MERGES_LIMIT)).map(toMerge);
  }

  async get(id: number, access: BookAccess): Promise<Merge> {
    const merge = await this.merges.findById(id);
    if (!merge || !access.canRead(merge.address_book_id)) throw notFound();
    return toMerge(merge);
  }

  /** An undo needs this email for `contactId`; another contact of the book has it now → 409 saying which. */
  private async requireEmailFree(batch: MutationBatch, book: number, email: string, contactId?: number): Promise<void> {
    if ((await batch.emailOwner(book, email, contactId)) === null) return;
    throw new ApiError(409, { email: [`Cannot undo the merge: ${email} is now used by another contact in this address book.`] });
  }

  /**
   * Why a contact the caller named is not there: merged or deleted meanwhile (a 409 when
   * the caller could read it), else `otherwise` (as if it never existed).
   */
  private async gone(batch: MutationBatch, id: number, access: BookAccess, otherwise: ApiError): Promise<ApiError> {
    const last = await batch.latestVersion(id);
    if (!last || last.operation !== 'delete' || !access.canRead(Number(last.address_book_id))) return otherwise;
    return detailError(
      409,
      last.edited_reason === 'merged' ? `Contact ${id} has been merged into another contact meanwhile.` : `Contact ${id} has been deleted meanwhile.`,
    );
  }
}

/** What a client sees of a contact (its ETag is computed over exactly this). */
function plain(contact: StoredContact): Contact {
  const { vcard_extra: _extra, ...rest } = contact;
  return rest;
}
