import type { Contact, ContactFields } from './contact.js';
import type { Editor } from './version.js';

/**
 * Why contacts are suggested as duplicates (contract Part 2, "Duplicates and merging"):
 * `same email` (one's email is among another's emails), `same phone` (the same number,
 * punctuation and country code aside), `same name` (case, accents and order ignored),
 * `similar email` (the same email user name, e.g. `ada.lovelace@` at two providers, with
 * a similar name).
 */
export const DUPLICATE_REASONS = ['same email', 'same phone', 'same name', 'similar email'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** GET /api/contacts/duplicates/: one suggested group, all in one address book; nothing is merged by itself. */
export interface DuplicateGroup {
  contacts: Contact[];
  reasons: DuplicateReason[];
}

/** The fields a merge may choose a value for (the rest of the survivor stays as it is). */
export const MERGE_FIELD_NAMES = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'organization',
  'job_title',
  'notes',
  'birthday',
  'other_emails',
  'other_phones',
  'addresses',
] as const;
export type MergeFieldName = (typeof MERGE_FIELD_NAMES)[number];
export type MergeValues = Partial<Pick<Required<ContactFields>, MergeFieldName>>;

/** At most this many contacts merge into one at a time. */
export const MAX_MERGE_OTHERS = 10;

/** POST /api/contacts/{id}/merge/ (`If-Match`: the survivor's ETag, as the compare screen saw it). */
export interface MergeRequest {
  others: number[];
  values?: MergeValues;
}

/** 200 answer of a merge. */
export interface MergeResult {
  contact: Contact;
  merge_id: number;
}

/** One merge as recorded (GET /api/merges/?contact=, GET /api/merges/{id}/): what the survivor's and the others' histories link to. */
export interface Merge {
  id: number;
  address_book: number;
  /** The survivor. */
  contact: number;
  /** The contacts merged into it (deleted by the merge, back after an undo). */
  others: number[];
  /** The survivor's `merged` version. */
  version: number;
  merged_at: string;
  merged_by: Editor | null;
  undone_at: string | null;
  undone_by: Editor | null;
}

/** 200 answer of POST /api/merges/{id}/undo/: the survivor with its pre-merge fields, and the others back with their ids. */
export interface UnmergeResult {
  contact: Contact;
  restored: Contact[];
  merge: Merge;
}

/**
 * "Not the same person": a group the user dismissed (POST /api/contacts/duplicates/dismissals/).
 * No two of its contacts are suggested together again until it is deleted (DELETE …/dismissals/{id}/).
 */
export interface DuplicateDismissal {
  id: number;
  address_book: number;
  contacts: number[];
  dismissed_at: string;
  dismissed_by: Editor | null;
}

/** At most this many contacts are dismissed as one group (every pair of them is recorded). */
export const MAX_DISMISSED_CONTACTS = 50;

/** POST /api/contacts/duplicates/dismissals/ */
export interface DismissRequest {
  contacts: number[];
}
