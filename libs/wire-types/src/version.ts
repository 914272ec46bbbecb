import type { ContactDetails } from './contact.js';

export const EDITED_REASONS = ['created', 'updated', 'external_update', 'deleted', 'reverted', 'restored', 'merged', 'unmerged'] as const;
export type EditedReason = (typeof EDITED_REASONS)[number];

/**
 * The channel a change came through: `web` (a request on the session cookie), `api` (a
 * request with a token; every REST request in AUTH=none), `external`
 * (POST /api/external-update/ and queue jobs), `carddav`, `import`, `database` (written
 * straight into the database, recorded by its triggers).
 */
export const EDITED_VIA = ['web', 'api', 'external', 'carddav', 'import', 'database'] as const;
export type EditedVia = (typeof EDITED_VIA)[number];

/** Who made a change, as a snapshot taken when it was made (names may change later). */
export interface Editor {
  id: number;
  name: string;
}

/** One immutable snapshot of a contact (every field), written by every mutation. */
export interface Version extends ContactDetails {
  id: number;
  contact: number;
  /** The book the contact was in after this change. */
  address_book: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  edited_at: string;
  edited_reason: EditedReason;
  /** Null when no account made the change (AUTH=none, a service token, a database change). */
  edited_by: Editor | null;
  edited_via: EditedVia;
}
