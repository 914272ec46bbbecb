import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subject, catchError, finalize, from, map, merge, mergeMap, of, switchMap, tap, throwError, toArray } from 'rxjs';
import type { Contact, DuplicateDismissal, DuplicateGroup } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { selectedBookId } from '../books/book-sidebar.component';
import { ContactsApiService } from '../contacts/contacts-api.service';
import { ContactEventsService } from '../realtime/contact-events.service';
import { parseApiError } from '../shared/api-error';
import { coalesce } from '../shared/coalesce';
import { fullName } from '../shared/contact-validation';
import { relativeTime } from '../shared/time';
import { ToastService } from '../shared/toast.service';
import { duplicateReasonLabel } from './duplicate-reasons';
import { MergesApiService } from './merges-api.service';

/** Realtime events come in bursts (a merge is a delete per other and an update): one refetch per burst… */
const DUPLICATES_REFRESH_MS = 300;
/** …and one every so often while a stream never pauses (an import elsewhere). */
const DUPLICATES_REFRESH_MAX_WAIT_MS = 3000;
/** The dismissed groups' names are read one contact at a time: a few at once, not hundreds. */
const NAME_READS_AT_ONCE = 4;

/** A name as the Dismissed section shows it: null for a contact that no longer exists. */
type KnownName = string | null;

/** "Ada Lovelace, Grace Hopper and Alan Turing". */
function joinNames(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

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
  private readonly contactsApi = inject(ContactsApiService);
  private readonly toasts = inject(ToastService);
  protected readonly books = inject(AddressBooksStore);

  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  /** The book looked in, or null for all of them. */
  protected readonly book = computed(() => selectedBookId(this.params().get('book')));
  protected readonly bookName = computed(() => this.books.book(this.book())?.name ?? '');

  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly groups = signal<readonly DuplicateGroup[]>([]);
  /** Groups being dismissed: out of the list at once, back if the server refuses. */
  private readonly dismissing = signal<ReadonlySet<string>>(new Set());
  protected readonly shownGroups = computed(() => this.groups().filter((g) => !this.dismissing().has(this.groupKey(g))));

  protected readonly dismissalsStatus = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly dismissalsError = signal('');
  protected readonly dismissals = signal<readonly DuplicateDismissal[]>([]);
  protected readonly dismissedOpen = signal(false);
  /** Dismissals being taken back ("Suggest again" pressed, no answer yet). */
  protected readonly restoring = signal<ReadonlySet<number>>(new Set());
  /** Names of the dismissed groups' contacts, read when the section is opened and kept live by the events. */
  private readonly names = signal<ReadonlyMap<number, KnownName>>(new Map());
  protected readonly namesStatus = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  protected readonly namesError = signal('');
  /** Several books in one list: each group says which book it is in. */
  protected readonly showBookNames = computed(() => this.books.enabled() && this.book() === null);

  protected readonly fullName = fullName;
  protected readonly reasonLabel = duplicateReasonLabel;
  protected readonly relativeTime = relativeTime;
  private readonly loads = new Subject<boolean>();
  private readonly dismissalLoads = new Subject<boolean>();
  private readonly nameLoads = new Subject<void>();
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
              this.learnNames(groups.flatMap((g) => g.contacts));
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
    this.dismissalLoads
      .pipe(
        tap((silent) => silent || this.dismissalsStatus.set('loading')),
        switchMap((silent) =>
          this.api.dismissals(this.book()).pipe(
            tap((dismissals) => {
              this.dismissals.set(dismissals);
              this.dismissalsStatus.set('ready');
              if (this.dismissedOpen()) this.nameLoads.next();
            }),
            catchError((err: unknown) => {
              if (silent && this.dismissalsStatus() === 'ready') return of(null);
              this.dismissalsError.set(parseApiError(err).message);
              this.dismissalsStatus.set('error');
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
    this.nameLoads
      .pipe(
        switchMap(() => {
          const missing = [...new Set(this.dismissals().flatMap((d) => d.contacts))].filter((id) => !this.names().has(id));
          if (!missing.length) {
            this.namesStatus.set('ready');
            return of(null);
          }
          // Names already shown stay while the new ones come.
          if (this.namesStatus() !== 'ready') this.namesStatus.set('loading');
          return this.readNames(missing).pipe(
            tap((found) => {
              this.learn(found);
              this.namesStatus.set('ready');
            }),
            catchError((err: unknown) => {
              this.namesError.set(parseApiError(err).message);
              this.namesStatus.set('error');
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
    effect(() => {
      this.book();
      untracked(() => {
        this.loads.next(false);
        this.dismissalLoads.next(false);
      });
    });
    // A merge, edit or delete anywhere (another tab, another person, the database) changes the groups.
    merge(this.events.events$, this.events.resync$, this.books.gone$)
      .pipe(coalesce(DUPLICATES_REFRESH_MS, DUPLICATES_REFRESH_MAX_WAIT_MS), takeUntilDestroyed())
      .subscribe(() => this.refresh());
    // A dismissed contact renamed, deleted or restored: its name in the Dismissed section follows.
    this.events.events$.pipe(takeUntilDestroyed()).subscribe((e) => {
      if (e.type === 'contact.deleted') {
        if (this.names().has(e.contact_id)) this.learn([[e.contact_id, null]]);
      } else if (this.names().has(e.contact.id)) {
        this.learnNames([e.contact]);
      }
    });
  }

  protected reload(): void {
    this.loads.next(false);
  }

  protected reloadDismissals(): void {
    this.dismissalLoads.next(false);
  }

  protected reloadNames(): void {
    this.namesStatus.set('loading');
    this.nameLoads.next();
  }

  protected toggleDismissed(): void {
    const open = !this.dismissedOpen();
    this.dismissedOpen.set(open);
    if (open) this.nameLoads.next();
  }

  /**
   * "Not the same person": the group leaves the list at once, and comes back with the reason
   * if the server refuses. The Undo sits in a toast, so it outlives this screen.
   */
  protected dismiss(group: DuplicateGroup): void {
    const key = this.groupKey(group);
    this.dismissing.update((keys) => new Set(keys).add(key));
    this.api
      .dismiss(group.contacts.map((c) => c.id))
      .pipe(finalize(() => this.dismissing.update((keys) => without(keys, key))))
      .subscribe({
        next: (dismissal) => {
          this.groups.update((groups) => groups.filter((g) => this.groupKey(g) !== key));
          this.dismissals.update((list) => [dismissal, ...list.filter((d) => d.id !== dismissal.id)]);
          // A read that began before the dismissal was stored would bring the group back.
          if (this.groupsInFlight) this.loads.next(true);
          this.toasts.success('Marked as not the same person', { label: 'Undo', run: () => this.takeBack(dismissal) });
        },
        error: (err: unknown) => this.toasts.error(`Could not mark them as not the same person: ${parseApiError(err).message}`),
      });
  }

  /** "Suggest again", and the Undo of a dismissal: its contacts may be suggested together again. */
  protected takeBack(dismissal: DuplicateDismissal): void {
    this.restoring.update((ids) => new Set(ids).add(dismissal.id));
    this.api
      .undismiss(dismissal.id)
      // Already taken back (another tab, another editor): what was asked for holds.
      .pipe(
        catchError((err: unknown) => (parseApiError(err).status === 404 ? of(undefined) : throwError(() => err))),
        finalize(() => this.restoring.update((ids) => without(ids, dismissal.id))),
      )
      .subscribe({
        next: () => {
          this.dismissals.update((list) => list.filter((d) => d.id !== dismissal.id));
          this.refresh();
        },
        error: (err: unknown) => this.toasts.error(`Could not suggest them again: ${parseApiError(err).message}`),
      });
  }

  /** The dismissed group by its contacts' names ("…" while a name is being read). */
  protected dismissalLabel(dismissal: DuplicateDismissal): string {
    const names = this.names();
    return joinNames(
      dismissal.contacts.map((id) => {
        const name = names.get(id);
        return name === undefined ? '…' : (name ?? 'a deleted contact');
      }),
    );
  }

  protected canTakeBack(dismissal: DuplicateDismissal): boolean {
    return this.books.canWrite(dismissal.address_book);
  }

  /** Both lists read again, keeping what is shown meanwhile. */
  private refresh(): void {
    this.loads.next(true);
    this.dismissalLoads.next(true);
  }

  /** Each contact's name, or null when it no longer exists (deleted, merged away, out of my books). */
  private readNames(ids: readonly number[]) {
    return from(ids).pipe(
      mergeMap(
        (id) =>
          this.contactsApi.get(id).pipe(
            map(({ contact }): [number, KnownName] => [id, fullName(contact)]),
            catchError((err: unknown) => (parseApiError(err).status === 404 ? of<[number, KnownName]>([id, null]) : throwError(() => err))),
          ),
        NAME_READS_AT_ONCE,
      ),
      toArray(),
    );
  }

  private learnNames(contacts: readonly Contact[]): void {
    this.learn(contacts.map((c): [number, KnownName] => [c.id, fullName(c)]));
  }

  private learn(entries: ReadonlyArray<readonly [number, KnownName]>): void {
    if (!entries.length) return;
    this.names.update((known) => {
      const next = new Map(known);
      for (const [id, name] of entries) next.set(id, name);
      return next;
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

function without<T>(items: ReadonlySet<T>, item: T): ReadonlySet<T> {
  const rest = new Set(items);
  rest.delete(item);
  return rest;
}
