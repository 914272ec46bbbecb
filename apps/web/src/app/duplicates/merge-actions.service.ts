import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { MergeRequest, UnmergeResult } from '@contacts/wire-types';
import { LocalEchoService } from '../realtime/local-echo.service';
import { parseApiError } from '../shared/api-error';
import { fullName } from '../shared/contact-validation';
import { ToastService } from '../shared/toast.service';
import { MergesApiService, type MergeOutcome } from './merges-api.service';

/**
 * Merging and undoing from this tab: the events they cause here are our own echo (no "changed
 * elsewhere" toasts), and the Undo of a merge outlives the screen that made it (it sits in a toast).
 */
@Injectable({ providedIn: 'root' })
export class MergeActionsService {
  private readonly api = inject(MergesApiService);
  private readonly echo = inject(LocalEchoService);
  private readonly toasts = inject(ToastService);

  /** Posts the merge; errors are the caller's to show (they belong next to the fields). */
  async merge(survivor: number, request: MergeRequest, etag: string | null): Promise<MergeOutcome> {
    const ids = [survivor, ...request.others];
    const done = ids.map((id) => this.echo.begin(id));
    try {
      const outcome = await firstValueFrom(this.api.merge(survivor, request, etag));
      this.echo.recordResult(outcome.result.contact);
      for (const id of request.others) this.echo.recordDelete(id);
      return outcome;
    } finally {
      for (const settle of done) settle();
    }
  }

  /** "Merged 2 contacts into Ada Lovelace", with Undo. */
  announceMerged(outcome: MergeOutcome, others: readonly number[]): void {
    const { contact, merge_id } = outcome.result;
    const ids = [contact.id, ...others];
    this.toasts.success(`Merged ${ids.length} contacts into ${fullName(contact)}`, {
      label: 'Undo',
      run: () => void this.undo(merge_id, ids),
    });
  }

  /**
   * Undoes merge `mergeId` (`ids`: the survivor and the others, when known, so their events are
   * not announced as changes made elsewhere). Says how it went in a toast; null when refused.
   */
  async undo(mergeId: number, ids: readonly number[] = []): Promise<UnmergeResult | null> {
    const done = ids.map((id) => this.echo.begin(id));
    try {
      const result = await firstValueFrom(this.api.undo(mergeId));
      this.echo.recordResult(result.contact);
      for (const c of result.restored) this.echo.recordResult(c);
      this.toasts.success('Merge undone');
      return result;
    } catch (err) {
      const e = parseApiError(err);
      const why = e.fields['email'] ?? Object.values(e.fields)[0] ?? e.message;
      // A 409 explains itself ("This merge has already been undone.", "Cannot undo the merge: …").
      this.toasts.error(e.status === 409 ? why : `Could not undo the merge: ${why}`);
      return null;
    } finally {
      for (const settle of done) settle();
    }
  }
}
