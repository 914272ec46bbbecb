import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Subject, debounceTime, filter, switchMap, catchError, map, of, tap, type Observable } from 'rxjs';
import type { EditedReason, Merge, Version } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { fullName } from '../shared/contact-validation';
import { absoluteTime, relativeTime } from '../shared/time';
import { ToastService } from '../shared/toast.service';
import { ContactsApiService } from '../contacts/contacts-api.service';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { LocalEchoService } from '../realtime/local-echo.service';
import { MergeActionsService } from '../duplicates/merge-actions.service';
import { MergesApiService } from '../duplicates/merges-api.service';
import { REASON_LABELS, buildVersionEntries, type VersionEntry } from './version-diff';
import { mergedAwayBy, mergeOfVersion } from '../duplicates/merged-away';

/** What the page shows, read together so the banners and buttons never disagree with the versions. */
interface HistoryState {
  versions: Version[];
  /** Merges this contact took part in (only read when its history has some). */
  merges: Merge[];
  /** The name of the contact it was merged into, when it was merged away. */
  survivorName: string;
}

const REASON_CHIP_CLASSES: Partial<Record<EditedReason, string>> = {
  created: 'bg-emerald-100 text-emerald-800',
  deleted: 'bg-red-100 text-red-800',
  merged: 'bg-violet-100 text-violet-900',
  unmerged: 'bg-amber-100 text-amber-950',
};

@Component({
  selector: 'app-contact-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './contact-history.component.html',
})
export class ContactHistoryComponent {
  private readonly api = inject(ContactsApiService);
  private readonly events = inject(ContactEventsService);
  private readonly echo = inject(LocalEchoService);
  private readonly toasts = inject(ToastService);
  private readonly books = inject(AddressBooksStore);
  private readonly mergesApi = inject(MergesApiService);
  private readonly mergeActions = inject(MergeActionsService);

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();
  protected readonly contactId = computed(() => Number(this.id()));

  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly versions = signal<readonly Version[]>([]);
  protected readonly entries = computed(() => buildVersionEntries(this.versions()));
  protected readonly latest = computed(() => this.versions()[0] ?? null);
  protected readonly isDeleted = computed(() => this.latest()?.edited_reason === 'deleted');
  protected readonly merges = signal<readonly Merge[]>([]);
  /** Merged into another contact: that one lives on, this one is gone until the merge is undone. */
  protected readonly mergedAway = computed(() => mergedAwayBy(this.contactId(), this.versions(), this.merges()));
  protected readonly survivorName = signal('');
  protected readonly isGone = computed(() => this.isDeleted() || this.mergedAway() !== null);
  /** Viewers read the history; only editors and owners revert and restore. */
  protected readonly canWrite = computed(() => {
    const latest = this.latest();
    return !!latest && this.books.canWrite(latest.address_book);
  });
  protected readonly bookName = computed(() => (this.books.enabled() ? (this.books.book(this.latest()?.address_book)?.name ?? '') : ''));
  protected readonly busy = signal(false);
  protected readonly reasonLabels = REASON_LABELS;
  protected readonly fullName = fullName;
  protected readonly relativeTime = relativeTime;
  protected readonly absoluteTime = absoluteTime;

  private readonly loads = new Subject<boolean>();

  constructor() {
    this.loads
      .pipe(
        tap((silent) => silent || this.status.set('loading')),
        switchMap(() =>
          this.readHistory(this.contactId()).pipe(
            tap((state) => {
              this.versions.set(state.versions);
              this.merges.set(state.merges);
              this.survivorName.set(state.survivorName);
              this.status.set('ready');
            }),
            catchError((err: unknown) => {
              this.error.set(parseApiError(err).message);
              this.status.set('error');
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
    effect(() => {
      this.contactId();
      untracked(() => this.loads.next(false));
    });
    // Live: any change to this contact adds a version, so re-read the history.
    this.events.events$
      .pipe(
        filter((e) => (e.type === 'contact.deleted' ? e.contact_id : e.contact.id) === this.contactId()),
        debounceTime(200),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.loads.next(true));
    this.events.resync$.pipe(takeUntilDestroyed()).subscribe(() => this.loads.next(true));
  }

  protected reload(): void {
    this.loads.next(false);
  }

  protected readonly mergeOf = (entry: VersionEntry) => mergeOfVersion(this.contactId(), entry.version, this.merges());

  protected reasonClass(reason: EditedReason): string {
    return REASON_CHIP_CLASSES[reason] ?? 'bg-sky-100 text-sky-900';
  }

  protected async undoMerge(merge: Merge): Promise<void> {
    this.busy.set(true);
    const undone = await this.mergeActions.undo(merge.id, [merge.contact, ...merge.others]);
    this.busy.set(false);
    if (undone) this.loads.next(true);
  }

  /** The versions, and the merges behind any `merged` / `unmerged` one (without them the history still shows). */
  private readHistory(id: number): Observable<HistoryState> {
    return this.api.history(id).pipe(
      switchMap((versions) => {
        if (!versions.some((v) => v.edited_reason === 'merged' || v.edited_reason === 'unmerged')) return of({ versions, merges: [], survivorName: '' });
        return this.mergesApi.list({ contact: id }).pipe(
          catchError(() => of<Merge[]>([])),
          switchMap((merges) => {
            const away = mergedAwayBy(id, versions, merges);
            if (!away) return of({ versions, merges, survivorName: '' });
            return this.api.get(away.contact).pipe(
              map(({ contact }) => fullName(contact)),
              catchError(() => of('')),
              map((survivorName) => ({ versions, merges, survivorName })),
            );
          }),
        );
      }),
    );
  }

  protected revert(entry: VersionEntry): void {
    const id = this.contactId();
    this.busy.set(true);
    const done = this.echo.begin(id);
    this.api.revert(id, entry.version.id).subscribe({
      next: (contact) => {
        done();
        this.echo.recordResult(contact);
        this.busy.set(false);
        this.toasts.success(`${fullName(contact)} was reverted to the version from ${absoluteTime(entry.version.edited_at)}`);
        this.loads.next(true);
      },
      error: (err: unknown) => {
        done();
        this.busy.set(false);
        const e = parseApiError(err);
        this.toasts.error(`Could not revert: ${e.fields.email ?? Object.values(e.fields)[0] ?? e.message}`);
      },
    });
  }

  protected restore(): void {
    const id = this.contactId();
    this.busy.set(true);
    const done = this.echo.begin(id);
    this.api.restore(id).subscribe({
      next: (contact) => {
        done();
        this.echo.recordResult(contact);
        this.busy.set(false);
        this.toasts.success(`${fullName(contact)} was restored`);
        this.loads.next(true);
      },
      error: (err: unknown) => {
        done();
        this.busy.set(false);
        const e = parseApiError(err);
        this.toasts.error(`Could not restore: ${Object.values(e.fields)[0] ?? e.message}`);
      },
    });
  }
}
