import type { EditedReason, EditedVia, Version } from '@contacts/wire-types';

/** What the editor did, as a verb after their name ("Ada Lovelace edited …"). */
const REASON_VERBS: Readonly<Record<EditedReason, string>> = {
  created: 'created',
  updated: 'edited',
  external_update: 'updated',
  deleted: 'deleted',
  reverted: 'reverted',
  restored: 'restored',
  merged: 'merged',
  unmerged: 'unmerged',
};

/** How the change came in, as a phrase after the verb. */
const VIA_PHRASES: Readonly<Record<EditedVia, string>> = {
  web: 'in the web app',
  api: 'via the API',
  external: 'via an external update',
  carddav: 'via CardDAV',
  import: 'by an import',
  database: 'via the database',
};

/**
 * Says who changed a version and how, e.g. "Ada Lovelace edited via CardDAV",
 * "Edited via the database", "External update". Names are the snapshot taken when the change
 * was made, so a later rename does not rewrite history.
 */
export function editedByLabel(version: Pick<Version, 'edited_reason' | 'edited_by' | 'edited_via'>): string {
  const verb = REASON_VERBS[version.edited_reason] ?? 'changed';
  // A newer server may name a channel this app does not know yet: say who, and leave out how.
  const how = VIA_PHRASES[version.edited_via] as string | undefined;
  const name = version.edited_by?.name.trim();
  if (name) return how ? `${name} ${verb} ${how}` : `${name} ${verb}`;
  if (version.edited_via === 'external' && version.edited_reason === 'external_update') return 'External update';
  const capitalised = verb.charAt(0).toUpperCase() + verb.slice(1);
  return how ? `${capitalised} ${how}` : capitalised;
}
