/** A row's place in the list's order (`updated_at DESC, id DESC`): what a cursor holds. */
export interface ListKey {
  updated_at: string;
  id: number;
}

/**
 * Which rows of the list a read returns. `offset`: `limit` rows from position `offset`
 * (page numbers). `keyset`: `limit` rows strictly after `after` in list order (from the
 * start when null), or with `reverse` strictly before it; either way returned in list order.
 */
export type PageWindow =
  | { kind: 'offset'; offset: number; limit: number }
  | { kind: 'keyset'; after: ListKey | null; reverse: boolean; limit: number };

/** Longer than any timestamp the database writes: a position holding more is not one of ours. */
const MAX_KEY_TEXT = 64;

/** A cursor's decoded position as a list key, or null when it is not one. */
export function listKeyOf(position: unknown): ListKey | null {
  if (typeof position !== 'object' || position === null) return null;
  const { updated_at, id } = position as Record<string, unknown>;
  if (typeof updated_at !== 'string' || updated_at.length > MAX_KEY_TEXT || updated_at.includes('\u0000')) return null;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return null;
  return { updated_at, id };
}
