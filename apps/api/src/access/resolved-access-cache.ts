import type { BookAccess } from './book-access.js';

interface Entry {
  version: string;
  at: number;
  access: BookAccess;
}

/**
 * A credential's resolved access, reused while the database has not changed: its token is
 * SQLite's `data_version` (see DataVersion), which moves at every commit of any connection
 * — a sign-out, a revocation or a share on any replica included — so a reused answer is
 * the one the database would give. Entries also age out, so a session's idle expiry and
 * last-use bookkeeping still run while nothing else is written. Where there is no such
 * token (PostgreSQL) nothing is kept.
 */
export class ResolvedAccessCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly version: () => string | null,
    private readonly maxAgeMs = 30_000,
    private readonly maxEntries = 5_000,
  ) {}

  /** Read this before resolving; store the result under it (a commit meanwhile makes it stale). */
  currentVersion(): string | null {
    return this.version();
  }

  get(key: string, now = Date.now()): BookAccess | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.version !== this.version() || now - entry.at > this.maxAgeMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.access;
  }

  set(key: string, version: string | null, access: BookAccess, now = Date.now()): void {
    if (version === null) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { version, at: now, access });
  }
}
