import { Injectable } from '@nestjs/common';
import type { Contact, Page } from '@contacts/wire-types';
import type { BookAccess } from '../access/book-access.js';
import { badRequest } from '../common/api-errors.js';
import { buildCursorPage, parseCursorRequest, wantsCursor } from '../common/cursor-pagination.js';
import { buildPage, type PageLinkBase, parsePageRequest } from '../common/pagination.js';
import { ContactRevisionWriter } from './contact-revision-writer.js';
import { contactAt } from './version.mapper.js';
import { VersionsRepository } from './versions.repository.js';

/**
 * Undo with history: revert to a version, restore a deleted contact, list the deleted.
 * The request is checked here; the write goes through the one write path (ContactRevisionWriter).
 */
@Injectable()
export class ContactRevisionsService {
  constructor(
    private readonly writer: ContactRevisionWriter,
    private readonly versions: VersionsRepository,
  ) {}

  revert(id: number, body: unknown, access: BookAccess): Promise<Contact> {
    const version = (body as { version?: unknown } | null)?.version;
    if (version === undefined || version === null) throw badRequest({ version: ['This field is required.'] });
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
      throw badRequest({ version: ['A valid integer is required.'] });
    }
    return this.writer.revert(id, version, access);
  }

  restore(id: number, access: BookAccess): Promise<Contact> {
    return this.writer.restore(id, access);
  }

  /** Deleted contacts of the books the caller can read, as they were when deleted, most recently deleted first. */
  async deleted(query: Record<string, unknown>, links: PageLinkBase, access: BookAccess): Promise<Page<Contact>> {
    if (wantsCursor(query)) {
      const at = parseCursorRequest(query, versionIdOf);
      // One row more than the page tells whether there is more that way.
      const window = { kind: 'keyset', after: at.after, reverse: at.reverse, limit: at.pageSize + 1 } as const;
      const { count, rows } = await this.versions.deletedPage(window, access.readableBooks());
      return buildCursorPage(at, count, rows, (row) => Number(row.id), contactAt, links);
    }
    const request = parsePageRequest(query);
    const { count, rows } = await this.versions.deletedPage({ kind: 'offset', offset: request.offset, limit: request.pageSize }, access.readableBooks());
    return buildPage(request, count, rows.map(contactAt), links);
  }
}

/** A cursor's position in the deleted list: the version id of its deletion. */
function versionIdOf(position: unknown): number | null {
  return typeof position === 'number' && Number.isSafeInteger(position) && position > 0 ? position : null;
}
