import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Subject, catchError, debounceTime, merge, of, switchMap, tap } from 'rxjs';
import type { Contact } from '@contacts/wire-types';
import { DEFAULT_PAGE_SIZE } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { fullName } from '../shared/contact-validation';
import { ToastService } from '../shared/toast.service';
import { ContactsApiService } from '../contacts/contacts-api.service';
import { PaginationComponent } from '../contacts/pagination.component';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { LocalEchoService } from '../realtime/local-echo.service';

@Component({
  selector: 'app-deleted-contacts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PaginationComponent],
  template: `
    <div class="flex flex-col gap-5">
      <div>
        <h1 class="text-2xl font-bold tracking-tight text-slate-900">Recently deleted</h1>
        <p class="text-sm text-slate-600">Contacts as they were when deleted. Restore brings one back with its history.</p>
      </div>
      <section class="rounded-card border border-slate-200 bg-white shadow-sm" aria-label="Deleted contacts">
        @switch (status()) {
          @case ('loading') {
            <div class="flex flex-col gap-2 p-4" aria-busy="true" aria-label="Loading deleted contacts">
              @for (i of [1, 2, 3]; track i) {
                <div class="skeleton h-12 rounded-lg"></div>
              }
            </div>
          }
          @case ('error') {
            <div class="p-8 text-center" role="alert">
              <p class="font-medium">Could not load deleted contacts.</p>
              <p class="mt-1 text-sm text-slate-600">{{ error() }}</p>
              <button type="button" class="mt-3 rounded-lg border border-slate-300 px-3 py-1.5 text-sm" (click)="load(false)">Retry</button>
            </div>
          }
          @default {
            @if (!contacts().length) {
              <p class="p-10 text-center text-slate-600" data-testid="empty-state">Nothing deleted recently.</p>
            } @else {
              <ul class="divide-y divide-slate-100" aria-label="Deleted contacts list">
                @for (c of contacts(); track c.id) {
                  <li class="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="deleted-row">
                    <div class="min-w-0 flex-1">
                      <p class="truncate font-medium text-slate-900">{{ fullName(c) }}</p>
                      <p class="truncate text-sm text-slate-600">{{ c.email }} · {{ c.phone }}</p>
                    </div>
                    <a class="rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100" [routerLink]="['/contacts', c.id, 'history']" [attr.aria-label]="'History of ' + fullName(c)">History</a>
                    @if (books.canWrite(c.address_book)) {
                      <button
                        type="button"
                        class="rounded-lg bg-brand-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
                        [attr.aria-label]="'Restore ' + fullName(c)"
                        [disabled]="restoring() === c.id"
                        (click)="restore(c)"
                      >
                        Restore
                      </button>
                    } @else {
                      <span class="text-xs text-slate-500">View only</span>
                    }
                  </li>
                }
              </ul>
            }
          }
        }
        <div class="border-t border-slate-200 px-4 py-3">
          <app-pagination [page]="page()" [pageSize]="pageSize" [count]="count()" (go)="goTo($event)" />
        </div>
      </section>
    </div>
  `,
})
export class DeletedContactsComponent {
  private readonly api = inject(ContactsApiService);
  private readonly echo = inject(LocalEchoService);
  private readonly toasts = inject(ToastService);
  private readonly events = inject(ContactEventsService);
  protected readonly books = inject(AddressBooksStore);

  protected readonly pageSize = DEFAULT_PAGE_SIZE;
  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly contacts = signal<readonly Contact[]>([]);
  protected readonly count = signal(0);
  protected readonly page = signal(1);
  protected readonly restoring = signal<number | null>(null);
  protected readonly fullName = fullName;
  private readonly loads = new Subject<boolean>();

  constructor() {
    this.loads
      .pipe(
        tap((silent) => silent || this.status.set('loading')),
        switchMap(() =>
          this.api.deleted(this.page()).pipe(
            tap((res) => {
              this.contacts.set(res.results);
              this.count.set(res.count);
              this.status.set('ready');
            }),
            catchError((err: unknown) => {
              // Past the end after restores: step back a page.
              if (parseApiError(err).status === 404 && this.page() > 1) {
                this.page.update((p) => p - 1);
                this.loads.next(true);
                return of(null);
              }
              this.error.set(parseApiError(err).message);
              this.status.set('error');
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
    // Deletes and restores elsewhere change this list too.
    merge(this.events.events$, this.events.resync$, this.books.gone$)
      .pipe(debounceTime(300), takeUntilDestroyed())
      .subscribe(() => this.loads.next(true));
    this.load(false);
  }

  protected load(silent: boolean): void {
    this.loads.next(silent);
  }

  protected goTo(page: number): void {
    this.page.set(page);
    this.load(false);
  }

  protected restore(c: Contact): void {
    this.restoring.set(c.id);
    const done = this.echo.begin(c.id);
    this.api.restore(c.id).subscribe({
      next: (restored) => {
        done();
        this.echo.recordResult(restored);
        this.restoring.set(null);
        this.contacts.update((list) => list.filter((x) => x.id !== c.id));
        this.count.update((n) => Math.max(0, n - 1));
        this.toasts.success(`${fullName(restored)} was restored`);
        this.load(true);
      },
      error: (err: unknown) => {
        done();
        this.restoring.set(null);
        const e = parseApiError(err);
        this.toasts.error(`Could not restore ${fullName(c)}: ${Object.values(e.fields)[0] ?? e.message}`);
      },
    });
  }
}
