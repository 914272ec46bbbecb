import { Injectable } from '@nestjs/common';
import { type BodyEncoding, encodeBody } from '../common/http-setup.js';
import { DataVersion } from '../database/data-version.js';

const MAX_ENTRIES = 1000;
/**
 * Bytes kept: each page's JSON at one byte per character (V8 keeps ASCII text that way;
 * other text takes two) plus the compressed copies made of it. Bounded well under the RSS budget.
 */
const MAX_BYTES = 4 * 1024 * 1024;

/** A list answer: its JSON text, and that text compressed for clients that accept it. */
export interface PageBody {
  readonly json: string;
  /** The JSON in `encoding`; made once per page, on first use, and kept as long as the page is. */
  encoded(encoding: BodyEncoding): Buffer;
}

class Page implements PageBody {
  readonly variants = new Map<BodyEncoding, Buffer>();
  /** What the cache counted for this page (zero until it is kept). */
  counted = 0;

  constructor(
    readonly key: string,
    readonly json: string,
    private readonly cache: ContactPageCache | null,
  ) {}

  encoded(encoding: BodyEncoding): Buffer {
    let bytes = this.variants.get(encoding);
    if (!bytes) {
      bytes = encodeBody(this.json, encoding);
      this.variants.set(encoding, bytes);
      this.cache?.grew(this);
    }
    return bytes;
  }

  get size(): number {
    let bytes = this.json.length;
    for (const variant of this.variants.values()) bytes += variant.length;
    return bytes;
  }
}

/**
 * List answers are read far more often than contacts change, so a page is kept as its
 * finished JSON text (no query, mapping or serialising on a hit; one flat string, so
 * measuring it for Content-Length is cheap), plus, once a client asks for one, its brotli
 * or gzip bytes, so a hit is not compressed again either. A string, not a Buffer, per
 * render: under heavy writes most pages are rendered, sent once and dropped, and a Buffer
 * per render would pile up native memory until a full GC; only pages that are kept get
 * their compressed copies kept. A page is reused only while the database's version token
 * is unchanged, so a cached answer is always the answer the database would give; any
 * commit, here or in another process, starts afresh. Concurrent misses for one page and
 * version share one render.
 */
@Injectable()
export class ContactPageCache {
  private version: string | null = null;
  private readonly pages = new Map<string, Page>();
  /** Renders under way, by version and key: a second miss for the same page waits for the first. */
  private readonly rendering = new Map<string, Promise<Page>>();
  private bytes = 0;

  constructor(private readonly dataVersion: DataVersion) {}

  /** `key` must identify the answer: the request's origin, path and query string. */
  async get(key: string, render: () => Promise<string>): Promise<PageBody> {
    const version = this.dataVersion.current();
    if (version === null) return new Page(key, await render(), null);
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    const hit = this.pages.get(key);
    if (hit) return hit;
    const flight = `${version}\u0000${key}`;
    let shared = this.rendering.get(flight);
    if (!shared) {
      shared = this.fill(key, version, render).finally(() => this.rendering.delete(flight));
      this.rendering.set(flight, shared);
    }
    return shared;
  }

  /** Pages and bytes held now (the budget's own count). */
  get held(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  /** A kept page made a compressed copy: count it (a page no longer kept is not counted). */
  grew(page: Page): void {
    if (this.pages.get(page.key) !== page) return;
    const size = page.size;
    this.bytes += size - page.counted;
    page.counted = size;
    this.evict();
  }

  private async fill(key: string, version: string, render: () => Promise<string>): Promise<Page> {
    const page = new Page(key, await render(), this);
    // Only keep it if nothing committed while it was read.
    if (this.dataVersion.current() === version) this.keep(page);
    return page;
  }

  /** A key is kept at most once per version (misses share one render; a new version starts empty), so it is never counted twice. */
  private keep(page: Page): void {
    this.pages.set(page.key, page);
    page.counted = page.size;
    this.bytes += page.counted;
    this.evict();
  }

  /** Oldest first (Map iterates in insertion order) until within both limits. */
  private evict(): void {
    for (const [key, oldest] of this.pages) {
      if (this.pages.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.pages.delete(key);
      this.bytes -= oldest.counted;
    }
  }

  private clear(): void {
    this.pages.clear();
    this.bytes = 0;
  }
}
