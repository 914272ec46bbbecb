import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subject, catchError, finalize, merge, of, switchMap, tap } from 'rxjs';
import type { Contact, DuplicateGroup } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { selectedBookId } from '../books/book-sidebar.component';
import { ContactEventsService } from '../realtime/contact-events.service';
import { parseApiError } from '../shared/api-error';
import { coalesce } from '../shared/coalesce';
import { fullName } from '../shared/contact-validation';
import { ToastService } from '../shared/toast.service';
import { DismissedGroupsComponent, joinNames } from './dismissed-groups.component';
import { duplicateReasonLabel } from './duplicate-reasons';
import { MergesApiService } from './merges-api.service';

/** Realtime events come in bursts (a merge is a delete per other and an update): one refetch per burst… */
const DUPLICATES_REFRESH_MS = 300;
/** …and one every so often while a stream never pauses (an import elsewhere). */
const DUPLICATES_REFRESH_MAX_WAIT_MS = 3000;

/**
 * Contacts that may be the same person, group by group, for the book the contacts page shows
 * (`?book=`) or every book, and beneath them the groups dismissed as not the same person.
 * Live: any change to a contact here or elsewhere re-reads both.
 */
@Component({
  selector: 'app-duplicates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DismissedGroupsComponent],
  templateUrl: './duplicates.component.html',
})
export class DuplicatesComponent {
  private readonly api = inject(MergesApiService);
  private readonly events = inject(ContactEventsService);
  private readonly router = inject(Router);
  private readonly toasts = inject(ToastService);
  protected readonly books = inject(AddressBooksStore);
  private readonly dismissedSection = viewChild.required(DismissedGroupsComponent);

  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  /** The book looked in, or null for all of them. */
  protected readonly book = computed(() => selectedBookId(this.params().get('book')));
  protected readonly bookName = computed(() => this.books.book(this.book())?.name ?? '');

  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly groups = signal<readonly DuplicateGroup[]>([]);
  /** The names of the contacts each read of the groups brought, so the Dismissed section need not read them. */
  protected readonly knownNames = signal<ReadonlyMap<number, string>>(new Map());
  /** Groups being dismissed: out of the list at once, back if the server refuses. */
  private readonly dismissing = signal<ReadonlySet<string>>(new Set());
  protected readonly shownGroups = computed(() => this.groups().filter((g) => !this.dismissing().has(this.groupKey(g))));
  /** Several books in one list: each group says which book it is in. */
  protected readonly showBookNames = computed(() => this.books.enabled() && this.book() === null);

  protected readonly fullName = fullName;
  protected readonly reasonLabel = duplicateReasonLabel;
  private readonly loads = new Subject<boolean>();
  /** A read of the groups is under way (it may have started before a dismissal was stored). */
  private groupsInFlight = false;

  constructor() {
    this.loads
      .pipe(
        tap((silent) => silent || this.status.set('loading')),
        switchMap((silent) =>
          this.api.duplicates(this.book()).pipe(
            tap({ subscribe: () => (this.groupsInFlight = true), finalize: () => (this.groupsInFlight = false) }),
            tap((groups) => {
              this.groups.set(groups);
              this.knownNames.set(new Map(groups.flatMap((g) => g.contacts).map((c) => [c.id, fullName(c)])));
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
    // Another book: its groups (the Dismissed section follows the book on its own).
    effect(() => {
      this.book();
      untracked(() => this.loads.next(false));
    });
    // A merge, edit or delete anywhere (another tab, another person, the database) changes the groups.
    merge(this.events.events$, this.events.resync$, this.books.gone$)
      .pipe(coalesce(DUPLICATES_REFRESH_MS, DUPLICATES_REFRESH_MAX_WAIT_MS), takeUntilDestroyed())
      .subscribe(() => {
        this.readGroupsAgain();
        this.dismissedSection().refresh();
      });
  }

  protected reload(): void {
    this.loads.next(false);
  }

  /** The groups read again, keeping what is shown meanwhile (a dismissal was taken back). */
  protected readGroupsAgain(): void {
    this.loads.next(true);
  }

  /**
   * "Not the same person": the group leaves the list at once, and comes back with the reason
   * if the server refuses. The Undo sits in a toast, so it outlives this screen.
   */
  protected dismiss(group: DuplicateGroup): void {
    const key = this.groupKey(group);
    // Read now: the answer may come after this screen is gone.
    const section = this.dismissedSection();
    this.dismissing.update((keys) => new Set(keys).add(key));
    this.api
      .dismiss(group.contacts.map((c) => c.id))
      .pipe(finalize(() => this.dismissing.update((keys) => new Set([...keys].filter((k) => k !== key)))))
      .subscribe({
        next: (dismissal) => {
          this.groups.update((groups) => groups.filter((g) => this.groupKey(g) !== key));
          section.add(dismissal);
          // A read that began before the dismissal was stored would bring the group back.
          if (this.groupsInFlight) this.loads.next(true);
          this.toasts.success('Marked as not the same person', { label: 'Undo', run: () => section.takeBack(dismissal) });
        },
        error: (err: unknown) => this.toasts.error(`Could not mark them as not the same person: ${parseApiError(err).message}`),
      });
  }

  protected chooseBook(raw: string): void {
    void this.router.navigate([], { queryParams: { book: selectedBookId(raw) }, queryParamsHandling: 'merge' });
  }

  protected groupKey(group: DuplicateGroup): string {
    return group.contacts.map((c) => c.id).join(',');
  }

  protected groupLabel(group: DuplicateGroup): string {
    return joinNames(group.contacts.map((c) => fullName(c)));
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
