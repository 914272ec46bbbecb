import type { EditedReason, Version } from '@contacts/wire-types';
import { diffFields, type FieldChange } from '../shared/field-diff';
import { editedByLabel } from './edited-by';

export interface VersionEntry {
  version: Version;
  /** Changes from the previous (older) version; for the first version, every field it set. */
  changes: FieldChange[];
  isCurrent: boolean;
  /** Who made it and how ("Edited via the database"). */
  editedBy: string;
}

export const REASON_LABELS: Readonly<Record<EditedReason, string>> = {
  created: 'Created',
  updated: 'Edited',
  external_update: 'Updated externally',
  deleted: 'Deleted',
  reverted: 'Reverted',
  restored: 'Restored',
  merged: 'Merged',
  unmerged: 'Unmerged',
};

/** Pairs each version (latest first, as the API returns them) with its diff to the one before it. */
export function buildVersionEntries(versions: readonly Version[]): VersionEntry[] {
  return versions.map((version, i) => ({
    version,
    changes: diffFields(versions[i + 1] ?? null, version),
    isCurrent: i === 0,
    editedBy: editedByLabel(version),
  }));
}
