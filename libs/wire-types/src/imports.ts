import type { FieldErrors } from './errors.js';

export const IMPORT_FORMATS = ['vcard', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What an import does with a card whose email (or vCard UID) is already in the book. */
export const ON_DUPLICATE = ['skip', 'update'] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

export type ImportStatus = 'running' | 'done' | 'failed';

/** A card the import left out, and why (field-keyed, as a 400 would say). */
export interface SkippedCard {
  /** Its position in the file, from 0. */
  index: number;
  /** Its name as the file gives it (FN, or the names), for the summary. */
  name: string;
  errors: FieldErrors;
}

/** GET /api/imports/{id}/, and the `import` of an `import.progress` event. */
export interface ImportJob {
  id: string;
  status: ImportStatus;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: SkippedCard[];
}

/** 202 answer of POST /api/contacts/import/. */
export interface ImportStarted {
  id: string;
  status: 'running';
}

/** Realtime: sent to the importing user's connections while an import runs, and once when it ends. */
export interface ImportProgressEvent {
  type: 'import.progress';
  import: ImportJob;
}
