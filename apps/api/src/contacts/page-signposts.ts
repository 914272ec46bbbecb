import type { ListKey } from './page-window.js';

/** How long signposts are laid before the event loop serves requests again (ms). */
const SLICE_MS = 10;

/** Where a page by number can start reading: past the row at `position - 1`, whose key this is. */
export interface Signpost {
  position: number;
  key: ListKey;
}

/** How a list's signposts are read: the key `stride` rows past `after` (from the top when null), or null past the end. */
export type StepReader = (scope: string, after: ListKey | null, stride: number) => Promise<ListKey | null>;

interface Posts {
  version: string;
  keys: ListKey[];
}

/**
 * Signposts for page numbers deep in a big list. An OFFSET walks every row before the page;
 * these are the keys of every `stride`-th row in list order, so a deep page seeks to the
 * nearest one before it and walks less than `stride` rows from there. They hold for one
 * database version (DataVersion: any commit of any connection moves it) and are thrown away
 * when it moves. They are laid in the background, one short step at a time between
 * requests, when a deep page finds none (the page itself is read the plain way meanwhile),
 * and the laying stops as soon as the database changes. Without a version (PostgreSQL)
 * there are none.
 */
export class PageSignposts {
  private readonly posts = new Map<string, Posts>();
  private laying: Promise<void> | null = null;

  constructor(
    private readonly version: () => string | null,
    private readonly readStep: StepReader,
    readonly stride = 1_000,
    private readonly maxScopes = 64,
  ) {}

  /**
   * The signpost nearest before `offset` in `scope` at the current version, or null (then
   * read the plain way). A miss deep in the list starts laying this scope's signposts.
   */
  nearest(scope: string, offset: number): Signpost | null {
    if (offset < this.stride) return null;
    const version = this.version();
    if (version === null) return null;
    const posts = this.posts.get(scope);
    if (posts?.version === version) {
      const index = Math.min(Math.floor(offset / this.stride), posts.keys.length);
      return index === 0 ? null : { position: index * this.stride, key: posts.keys[index - 1] };
    }
    this.lay(scope, version);
    return null;
  }

  /** Resolves once the signposts being laid (if any) are laid or abandoned. */
  settled(): Promise<void> {
    return this.laying ?? Promise.resolve();
  }

  private lay(scope: string, version: string): void {
    if (this.laying) return;
    this.laying = this.layAll(scope, version)
      .catch(() => undefined) // a failed read leaves no signposts: pages are read the plain way
      .finally(() => {
        this.laying = null;
      });
  }

  private async layAll(scope: string, version: string): Promise<void> {
    const keys: ListKey[] = [];
    let turn = -Infinity;
    for (let after: ListKey | null = null; ; ) {
      // Steps for a short slice of a turn of the event loop, then requests are served: a
      // turn per step would take a turn per step of every request waiting, under load.
      if (performance.now() - turn > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        turn = performance.now();
      }
      if (this.version() !== version) return;
      const key = await this.readStep(scope, after, this.stride);
      if (this.version() !== version) return;
      if (key === null) break;
      keys.push(key);
      after = key;
    }
    if (this.posts.size >= this.maxScopes) this.posts.clear();
    this.posts.set(scope, { version, keys });
  }
}
