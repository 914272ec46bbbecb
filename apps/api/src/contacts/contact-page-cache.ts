import { Injectable } from '@nestjs/common';
import { DataVersion } from '../database/data-version.js';
import type { ContactEntity } from './contact.entity.js';
import type { ContactPageQuery } from './contacts.repository.js';

interface CachedPage {
  count: number;
  rows: ContactEntity[];
}

const MAX_ENTRIES = 1000;

/**
 * List pages are read far more often than contacts change. A page is reused only while
 * the database's version token is unchanged, so a cached answer is always the answer the
 * database would give; any commit, here or in another process, starts afresh.
 */
@Injectable()
export class ContactPageCache {
  private version: string | null = null;
  private readonly pages = new Map<string, CachedPage>();

  constructor(private readonly dataVersion: DataVersion) {}

  async get(query: ContactPageQuery, load: () => Promise<CachedPage>): Promise<CachedPage> {
    const version = this.dataVersion.current();
    if (version === null) return load();
    if (version !== this.version) {
      this.pages.clear();
      this.version = version;
    }
    const key = `${query.offset}:${query.limit}:${query.search}`;
    const hit = this.pages.get(key);
    if (hit) return hit;
    const page = await load();
    // Only keep it if nothing committed while it was read.
    if (this.dataVersion.current() === version) {
      if (this.pages.size >= MAX_ENTRIES) this.pages.delete(this.pages.keys().next().value as string);
      this.pages.set(key, page);
    }
    return page;
  }
}
