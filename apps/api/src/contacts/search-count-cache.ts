/**
 * Exact search counts, reused while the database has not changed. The token is SQLite's
 * `data_version` (DataVersion), which moves at every commit of any connection — this
 * process's writes, another replica's, the sqlite3 shell's — so a reused count is the one
 * the index would give now. A count is stored under the token read *before* it was
 * counted: a commit in between moves the token, so that count is never served. Counting
 * a term that matches most of a book reads all its matches; this keeps it to once per
 * change of the database. Without a token (PostgreSQL) nothing is kept.
 */
export class SearchCountCache {
  private version: string | null = null;
  private readonly counts = new Map<string, number>();

  constructor(private readonly maxEntries = 1_000) {}

  /** The count for `key` if it was counted at `version`. */
  get(key: string, version: string | null): number | undefined {
    if (version === null || version !== this.version) return undefined;
    return this.counts.get(key);
  }

  set(key: string, version: string | null, count: number): void {
    if (version === null) return;
    if (version !== this.version || this.counts.size >= this.maxEntries) {
      this.counts.clear();
      this.version = version;
    }
    this.counts.set(key, count);
  }
}
