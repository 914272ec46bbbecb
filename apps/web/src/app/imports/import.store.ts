import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom, type Subscription } from 'rxjs';
import type { ImportJob, OnDuplicate } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { LocalEchoService } from '../realtime/local-echo.service';
import { parseFormError } from '../shared/api-error';
import { ToastService } from '../shared/toast.service';
import { importReducer, initialImportState, type ImportAction, type ImportState } from './import-flow';
import { detectFileFormat } from './import-format';
import { ImportsApiService } from './imports-api.service';

/** Without a progress event for this long (or with the socket down), ask the server. */
export const IMPORT_POLL_MS = 1500;
const POLL_CHECK_MS = 500;

/** "12 created, 3 updated, 2 skipped" */
export function importSummary(job: ImportJob): string {
  return `${job.created} created, ${job.updated} updated, ${job.skipped.length} skipped`;
}

/**
 * The import started from this tab: the file, the upload, then the job's progress from the
 * `import.progress` event with polling of `GET /api/imports/{id}/` as the fallback (the socket
 * may be down, or the events may stop). App-wide, so an import keeps being followed when its
 * dialog is closed or the page changes; its end is then announced by a toast.
 */
@Injectable({ providedIn: 'root' })
export class ImportStore {
  private readonly api = inject(ImportsApiService);
  private readonly events = inject(ContactEventsService);
  private readonly echo = inject(LocalEchoService);
  private readonly books = inject(AddressBooksStore);
  private readonly toasts = inject(ToastService);

  private readonly _state = signal<ImportState>(initialImportState());
  readonly state = this._state.asReadonly();
  readonly dialogOpen = signal(false);
  readonly running = computed(() => this._state().phase === 'uploading' || this._state().phase === 'running');

  private file: File | null = null;
  private progressSubscription: Subscription | null = null;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private lastHeard = 0;
  private endEcho: (() => void) | null = null;
  /** Bumped by each choice of file, so a slow format check of an older one does not win. */
  private choice = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.stopPolling();
      this.progressSubscription?.unsubscribe();
    });
  }

  /** Shows the dialog, with `file` chosen when one was dropped on the page. */
  open(file?: File): void {
    this.dialogOpen.set(true);
    if (file) void this.choose(file);
  }

  /** A finished import's summary goes with the dialog; a running one goes on in the background. */
  close(): void {
    this.dialogOpen.set(false);
    const phase = this._state().phase;
    if (phase === 'done' || phase === 'failed') this.reset();
  }

  async choose(file: File): Promise<void> {
    if (this.running()) {
      this.toasts.show('An import is still running: wait for it to finish, then import the next file.');
      return;
    }
    const choice = ++this.choice;
    const format = await detectFileFormat(file);
    if (choice !== this.choice) return;
    this.file = file;
    this.dispatch({ type: 'choose', file: { name: file.name, size: file.size, format } });
  }

  reset(): void {
    this.file = null;
    this.dispatch({ type: 'reset' });
  }

  /** Uploads the chosen file into `book` (null: the server's default book). */
  async start(book: number | null, onDuplicate: OnDuplicate): Promise<void> {
    const state = this._state();
    const file = this.file;
    if (state.phase !== 'ready' || !file || !state.file?.format) return;
    this.followProgress();
    this.dispatch({ type: 'upload' });
    this.endEcho = this.echo.beginImport(book);
    try {
      const started = await firstValueFrom(this.api.start(file, state.file.format, book, onDuplicate));
      this.lastHeard = Date.now();
      this.dispatch({ type: 'accepted', id: started.id });
    } catch (err) {
      this.dispatch({ type: 'rejected', message: uploadError(err) });
      if (err instanceof HttpErrorResponse && err.status === 403) this.books.scheduleRefresh();
    }
  }

  private followProgress(): void {
    // Subscribed on the first import only: views that never import never listen.
    this.progressSubscription ??= this.events.importProgress$.subscribe((e) => {
      if (this._state().job?.id === e.import.id) this.lastHeard = Date.now();
      this.dispatch({ type: 'progress', job: e.import });
    });
  }

  private dispatch(action: ImportAction): void {
    const before = this._state();
    const after = importReducer(before, action);
    if (after === before) return;
    this._state.set(after);
    if (after.phase === 'running' && before.phase !== 'running') this.startPolling();
    if (after.phase !== before.phase && ['done', 'failed', 'ready', 'choosing'].includes(after.phase)) this.ended(after);
  }

  private ended(after: ImportState): void {
    this.stopPolling();
    this.endEcho?.();
    this.endEcho = null;
    if (!after.job || (after.phase !== 'done' && after.phase !== 'failed')) return;
    // Counts in the sidebar changed; the list follows the contacts' own events.
    this.books.contactsChanged();
    if (!this.dialogOpen()) {
      const message =
        after.phase === 'done' ? `Import finished: ${importSummary(after.job)}.` : `The import stopped: ${importSummary(after.job)}.`;
      this.toasts.show(message, after.phase === 'done' ? 'success' : 'error', { label: 'Details', run: () => this.dialogOpen.set(true) });
    }
  }

  private startPolling(): void {
    this.stopPolling();
    this.pollTimer = setInterval(() => void this.pollIfQuiet(), POLL_CHECK_MS);
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async pollIfQuiet(): Promise<void> {
    const job = this._state().job;
    if (this._state().phase !== 'running' || !job || this.polling) return;
    const live = this.events.state() === 'live';
    if (live && Date.now() - this.lastHeard < IMPORT_POLL_MS) return;
    this.polling = true;
    try {
      const current = await firstValueFrom(this.api.get(job.id));
      this.lastHeard = Date.now();
      this.dispatch({ type: 'progress', job: current });
    } catch (err) {
      // The server restarted without the job (or it was never ours): say so instead of waiting forever.
      if (err instanceof HttpErrorResponse && err.status === 404) {
        this.dispatch({ type: 'lost', message: 'The server no longer knows this import. Contacts imported so far are kept.' });
      }
      // Anything else (a blip, a restart in progress): the next check tries again.
    } finally {
      this.polling = false;
    }
  }
}

/** The server's reason for refusing the upload, in words for the dialog. */
export function uploadError(err: unknown): string {
  const parsed = parseFormError<never>(err, []);
  switch (parsed.status) {
    case 413:
      return parsed.message.startsWith('Request failed') ? 'The file is larger than the server accepts (50 MiB).' : parsed.message;
    case 403:
      return 'You cannot add contacts to this address book.';
    case 404:
      return 'This address book no longer exists, or you no longer have access to it.';
    case 0:
      return 'The upload did not reach the server. Check your connection and try again.';
    default:
      return parsed.message;
  }
}
