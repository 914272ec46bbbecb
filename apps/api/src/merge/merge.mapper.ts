import type { DuplicateDismissal, Editor, Merge } from '@contacts/wire-types';
import type { DismissalRow } from './dismissals.repository.js';
import type { MergeWithMembers } from './merges.repository.js';

const editorOf = (id: number | null, name: string | null): Editor | null => (id === null ? null : { id, name: name ?? '' });

export function toMerge(row: MergeWithMembers): Merge {
  return {
    id: row.id,
    address_book: row.address_book_id,
    contact: row.survivor_id,
    others: row.members.filter((member) => member.role === 'other').map((member) => member.contact_id),
    version: row.survivor_version_id,
    merged_at: row.merged_at,
    merged_by: editorOf(row.merged_by_id, row.merged_by_name),
    undone_at: row.undone_at,
    undone_by: editorOf(row.undone_by_id, row.undone_by_name),
  };
}

export function toDismissal(row: DismissalRow): DuplicateDismissal {
  return {
    id: row.id,
    address_book: row.address_book_id,
    contacts: row.contacts,
    dismissed_at: row.dismissed_at,
    dismissed_by: editorOf(row.dismissed_by_id, row.dismissed_by_name),
  };
}
