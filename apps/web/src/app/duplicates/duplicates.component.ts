import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subject, catchError, merge, of, switchMap, tap } from 'rxjs';
import type { Contact, DuplicateGroup } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { selectedBookId } from '../books/book-sidebar.component';
import { ContactEventsService } from '../realtime/contact-events.service';
import { parseApiError } from '../shared/api-error';
import { coalesce } from '../shared/coalesce';
import { fullName } from '../shared/contact-validation';
import { duplicateReasonLabel } from './duplicate-reasons';
import { MergesApiService } from './merges-api.service';

/** Realtime events come in bursts (a merge is a delete per other and an update): one refetch per burst… */
const DUPLICATES_REFRESH_MS = 300;
/** …and one every so often while a stream never pauses (an import elsewhere). */
const DUPLICATES_REFRESH_MAX_WAIT_MS = 3000;

/**
 * Contacts that may be the same person, group by group, for the book the contacts page shows
 * (`?book=`) or every book. Live: any change to a contact here or elsewhere re-reads the groups.
 */
@Component({
  selector: 'app-duplicates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './duplicates.component.html',
})
export class DuplicatesComponent {
  private readonly api = inject(MergesApiService);
  private readonly events = inject(ContactEventsService);
  private readonly router = inject(Router);
  protected readonly books = inject(AddressBooksStore);

  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  /** The book looked in, or null for all of them. */
  protected readonly book = computed(() => selectedBookId(this.params().get('book')));
  protected readonly bookName = computed(() => this.books.book(this.book())?.name ?? '');

  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly groups = signal<readonly DuplicateGroup[]>([]);
  /** Several books in one list: each group says which book it is in. */
  protected readonly showBookNames = computed(() => this.books.enabled() && this.book() === null);

  protected readonly fullName = fullName;
  protected readonly reasonLabel = duplicateReasonLabel;
  private readonly loads = new Subject<boolean>();

  constructor() {
    this.loads
      .pipe(
        tap((silent) => silent || this.status.set('loading')),
        switchMap((silent) =>
          this.api.duplicates(this.book()).pipe(
            tap((groups) => {
              this.groups.set(groups);
              this.status.set('ready');
            }),
            catchError((err: unknown) => {
              // A refetch that fails keeps what is shown; the next change tries again.
              if (silent && this.status() === 'ready') return of(null);
              const e = parseApiError(err);
              this.error.set(e.status === 404 ? 'This address book does not exist, or you can no longer read it.' : e.message);
              this.status.set('error');
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
    effect(() => {
      this.book();
      untracked(() => this.loads.next(false));
    });
    // A merge, edit or delete anywhere (another tab, another person, the database) changes the groups.
    merge(this.events.events$, this.events.resync$, this.books.gone$)
      .pipe(coalesce(DUPLICATES_REFRESH_MS, DUPLICATES_REFRESH_MAX_WAIT_MS), takeUntilDestroyed())
      .subscribe(() => this.loads.next(true));
  }

  protected reload(): void {
    this.loads.next(false);
  }

  protected chooseBook(raw: string): void {
    void this.router.navigate([], { queryParams: { book: selectedBookId(raw) }, queryParamsHandling: 'merge' });
  }

  protected groupKey(group: DuplicateGroup): string {
    return group.contacts.map((c) => c.id).join(',');
  }

  protected groupLabel(group: DuplicateGroup): string {
    const names = group.contacts.map((c) => fullName(c));
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  }

  protected groupBook(group: DuplicateGroup): number | undefined {
    return group.contacts[0]?.address_book;
  }

  protected compareParams(group: DuplicateGroup): Record<string, string | number | null> {
    return { ids: this.groupKey(group), book: this.book() };
  }

  protected canMerge(group: DuplicateGroup): boolean {
    return this.books.canWrite(this.groupBook(group));
  }

  protected details(c: Contact): string[] {
    return [c.email, c.phone, c.organization].filter((part) => part);
  }
}
