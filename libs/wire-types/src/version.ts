export const EDITED_REASONS = ['created', 'updated', 'external_update', 'deleted', 'reverted', 'restored'] as const;
export type EditedReason = (typeof EDITED_REASONS)[number];

/** One immutable snapshot of a contact, written by every mutation. */
export interface Version {
  id: number;
  contact: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  edited_at: string;
  edited_reason: EditedReason;
}
