import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Subject, debounceTime, filter, switchMap, catchError, of, tap } from 'rxjs';
import type { Version } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { fullName } from '../shared/contact-validation';
import { absoluteTime, relativeTime } from '../shared/time';
import { ToastService } from '../shared/toast.service';
import { ContactsApiService } from '../contacts/contacts-api.service';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { LocalEchoService } from '../realtime/local-echo.service';
import { REASON_LABELS, buildVersionEntries, type VersionEntry } from './version-diff';

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

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();
  protected readonly contactId = computed(() => Number(this.id()));

  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly versions = signal<readonly Version[]>([]);
  protected readonly entries = computed(() => buildVersionEntries(this.versions()));
  protected readonly latest = computed(() => this.versions()[0] ?? null);
  protected readonly isDeleted = computed(() => this.latest()?.edited_reason === 'deleted');
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
          this.api.history(this.contactId()).pipe(
            tap((v) => {
              this.versions.set(v);
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
