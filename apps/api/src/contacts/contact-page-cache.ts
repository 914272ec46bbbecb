import { Injectable } from '@nestjs/common';
import { DataVersion } from '../database/data-version.js';

const MAX_ENTRIES = 1000;
/** Characters kept (UTF-16 in V8: ~2 bytes each at worst): bounded well under the RSS budget. */
const MAX_CHARS = 4 * 1024 * 1024;

/**
 * List answers are read far more often than contacts change, so a page is kept as its
 * finished JSON text (no query, mapping or serialising on a hit; one flat string, so
 * measuring it for Content-Length is cheap). A string, not a Buffer: under heavy writes
 * most pages are rendered, sent once and dropped, and a Buffer per render would pile up
 * native memory until a full GC. A page is reused only while the database's version token
 * is unchanged, so a cached answer is always the answer the database would give; any
 * commit, here or in another process, starts afresh.
 */
@Injectable()
export class ContactPageCache {
  private version: string | null = null;
  private readonly bodies = new Map<string, string>();
  private chars = 0;

  constructor(private readonly dataVersion: DataVersion) {}

  /** `key` must identify the answer: the request's origin, path and query string. */
  async get(key: string, render: () => Promise<string>): Promise<string> {
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

  private keep(key: string, body: string): void {
    this.bodies.set(key, body);
    this.chars += body.length;
    // Oldest first: Map iterates in insertion order.
    for (const [oldest, evicted] of this.bodies) {
      if (this.bodies.size <= MAX_ENTRIES && this.chars <= MAX_CHARS) break;
      this.bodies.delete(oldest);
      this.chars -= evicted.length;
    }
  }

  private clear(): void {
    this.bodies.clear();
    this.chars = 0;
  }
}
