import type { ImportFormat, ImportJob } from '@contacts/wire-types';
import { IMPORT_MAX_BYTES, formatBytes } from './import-format';

/**
 * An import as the dialog shows it:
 * choosing → ready (a file) → uploading → running (the job's progress) → done | failed.
 * A refused upload (too large, not a vCard/CSV, a missing column) goes back to ready with why.
 */
export type ImportPhase = 'choosing' | 'ready' | 'uploading' | 'running' | 'done' | 'failed';

export interface ChosenFile {
  name: string;
  size: number;
  /** null: neither its name, its type nor its first bytes say vCard or CSV. */
  format: ImportFormat | null;
}

export interface ImportState {
  phase: ImportPhase;
  file: ChosenFile | null;
  /** Why the file cannot be sent, or why the server refused it. */
  error: string;
  job: ImportJob | null;
  /**
   * Progress heard before the 202 named the job: the server starts at once and its event can
   * beat the HTTP answer. Kept per job id until the answer says which one is ours.
   */
  early: Readonly<Record<string, ImportJob>>;
}

export type ImportAction =
  | { type: 'choose'; file: ChosenFile }
  | { type: 'upload' }
  | { type: 'accepted'; id: string }
  | { type: 'rejected'; message: string }
  | { type: 'progress'; job: ImportJob }
  | { type: 'lost'; message: string }
  | { type: 'reset' };

export function initialImportState(): ImportState {
  return { phase: 'choosing', file: null, error: '', job: null, early: {} };
}

/** Imports of this user started elsewhere are heard too; only so many early ones are kept. */
const EARLY_LIMIT = 20;

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'choose':
      // A file dropped while one is on its way is refused: one import at a time from this dialog.
      if (busy(state)) return state;
      return { ...initialImportState(), phase: 'ready', file: action.file, error: fileProblem(action.file) };
    case 'upload':
      if (state.phase !== 'ready' || !state.file || fileProblem(state.file)) return state;
      return { ...state, phase: 'uploading', error: '', early: {} };
    case 'accepted': {
      if (state.phase !== 'uploading') return state;
      const started: ImportJob = { id: action.id, status: 'running', total: 0, processed: 0, created: 0, updated: 0, skipped: [] };
      const running: ImportState = { ...state, phase: 'running', job: started, early: {} };
      const heard = state.early[action.id];
      return heard ? importReducer(running, { type: 'progress', job: heard }) : running;
    }
    case 'rejected':
      return state.phase === 'uploading' ? { ...state, phase: 'ready', error: action.message } : state;
    case 'progress':
      return progress(state, action.job);
    case 'lost':
      return state.phase === 'running' ? { ...state, phase: 'failed', error: action.message } : state;
    case 'reset':
      return busy(state) ? state : initialImportState();
  }
}

function progress(state: ImportState, job: ImportJob): ImportState {
  if (state.phase === 'uploading') {
    const kept = Object.entries(state.early).filter(([id]) => id !== job.id).slice(-(EARLY_LIMIT - 1));
    return { ...state, early: { ...Object.fromEntries(kept), [job.id]: newer(state.early[job.id], job) } };
  }
  if (state.phase !== 'running' || !state.job || state.job.id !== job.id) return state;
  const next = newer(state.job, job);
  if (next === state.job) return state;
  if (next.status === 'done') return { ...state, phase: 'done', job: next };
  if (next.status === 'failed') return { ...state, phase: 'failed', job: next, error: 'The import stopped before the end of the file.' };
  return { ...state, job: next };
}

/**
 * Events and polled answers arrive in any order: the finished job wins, then the one further
 * along; an older snapshot never moves the bar back.
 */
function newer(current: ImportJob | undefined, incoming: ImportJob): ImportJob {
  if (!current) return incoming;
  if (current.status !== 'running') return current;
  if (incoming.status !== 'running') return incoming;
  return incoming.processed >= current.processed ? incoming : current;
}

function busy(state: ImportState): boolean {
  return state.phase === 'uploading' || state.phase === 'running';
}

/** What is wrong with the file before anything is sent (the server checks again). */
export function fileProblem(file: ChosenFile): string {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > IMPORT_MAX_BYTES) return `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(IMPORT_MAX_BYTES)}.`;
  if (!file.format) return 'Choose a vCard (.vcf) or CSV (.csv) file.';
  return '';
}

/** Whole percent done, or null while the total is not known yet (the server counts the cards first). */
export function importPercent(job: ImportJob | null): number | null {
  if (!job) return null;
  if (job.status !== 'running') return 100;
  if (!job.total) return null;
  return Math.min(100, Math.floor((job.processed / job.total) * 100));
}
