import type { Merge, Version } from '@contacts/wire-types';

/** The open merge that took this contact away into another one, if its latest version is that merge. */
export function mergedAwayBy(contactId: number, versions: readonly Version[], merges: readonly Merge[]): Merge | null {
  if (versions[0]?.edited_reason !== 'merged') return null;
  return merges.find((m) => m.undone_at === null && m.others.includes(contactId)) ?? null;
}

/** The open merge whose survivor version this is (the one "Undo merge" undoes). */
export function mergeOfVersion(contactId: number, version: Version, merges: readonly Merge[]): Merge | null {
  if (version.edited_reason !== 'merged') return null;
  return merges.find((m) => m.version === version.id && m.contact === contactId && m.undone_at === null) ?? null;
}
