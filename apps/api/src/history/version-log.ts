import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactEvent } from '@contacts/wire-types';
import type { ContactVersionEntity } from './contact-version.entity.js';
import { liveEventFor } from './version.mapper.js';
import { VersionsRepository } from './versions.repository.js';

/**
 * What other features may read of the history (their way in: the repository is history's
 * own). The write path passes its transaction's manager, so it reads what it has just
 * written; everything else reads committed versions only.
 */
@Injectable()
export class VersionLog {
  constructor(private readonly versions: VersionsRepository) {}

  /** The contact's newest version (inside `manager`'s transaction when given). */
  latestOf(contactId: number, manager?: EntityManager): Promise<ContactVersionEntity | null> {
    return this.versions.latestOf(contactId, manager);
  }

  findById(versionId: number, manager?: EntityManager): Promise<ContactVersionEntity | null> {
    return this.versions.findById(versionId, manager);
  }

  /** The unmodelled vCard properties the contact had at this version (revert and restore carry them). */
  vcardExtraOf(versionId: number, manager?: EntityManager): Promise<string> {
    return this.versions.vcardExtraOf(versionId, manager);
  }

  /** The highest committed seq (0 for an empty history). */
  lastSeq(): Promise<number> {
    return this.versions.lastSeq();
  }

  /** Committed events with seq above `after`, oldest first, at most `limit`: the change feed's and the realtime gap fill's source. */
  async eventsSince(after: number, limit: number): Promise<ContactEvent[]> {
    return (await this.versions.since(after, limit)).map(({ version, previousBook }) => liveEventFor(version, previousBook));
  }
}
