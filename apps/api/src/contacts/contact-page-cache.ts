import { Injectable } from '@nestjs/common';
import { DataVersion } from '../database/data-version.js';

const MAX_ENTRIES = 1000;
/** At most 100 contacts a page, a few hundred bytes each: bounded well under the RSS budget. */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * List answers are read far more often than contacts change, so a page is kept as the
 * finished JSON bytes (no query, mapping, serialising or length counting on a hit). It is
 * reused only while the database's version token is unchanged, so a cached answer is
 * always the answer the database would give; any commit, here or in another process,
 * starts afresh.
 */
@Injectable()
export class ContactPageCache {
  private version: string | null = null;
  private readonly bodies = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly dataVersion: DataVersion) {}

  /** `key` must identify the answer: the request's origin, path and query string. */
  async get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const version = this.dataVersion.current();
    if (version === null) return render();
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    const hit = this.bodies.get(key);
    if (hit) return hit;
    const body = await render();
    // Only keep it if nothing committed while it was read.
    if (this.dataVersion.current() === version) this.keep(key, body);
    return body;
  }

  private keep(key: string, body: Buffer): void {
    this.bodies.set(key, body);
    this.bytes += body.length;
    // Oldest first: Map iterates in insertion order.
    for (const [oldest, evicted] of this.bodies) {
      if (this.bodies.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.bodies.delete(oldest);
      this.bytes -= evicted.length;
    }
  }

  private clear(): void {
    this.bodies.clear();
    this.bytes = 0;
  }
}
