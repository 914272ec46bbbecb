import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject, catchError, finalize, from, map, mergeMap, of, switchMap, tap, throwError, toArray } from 'rxjs';
import type { DuplicateDismissal } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactsApiService } from '../contacts/contacts-api.service';
import { ContactEventsService } from '../realtime/contact-events.service';
import { parseApiError } from '../shared/api-error';
import { fullName } from '../shared/contact-validation';
import { relativeTime } from '../shared/time';
import { ToastService } from '../shared/toast.service';
import { MergesApiService } from './merges-api.service';

/** The dismissed groups' names are read one contact at a time: a few at once, not hundreds. */
const NAME_READS_AT_ONCE = 4;

/** A name as the section shows it: null for a contact that no longer exists. */
type KnownName = string | null;

/** "Ada Lovelace, Grace Hopper and Alan Turing". */
export function joinNames(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The groups marked "not the same person" in a book (or every book), collapsed under
 * "Dismissed (N)". Their contacts' names are read only once it is opened, and follow the
 * contacts' events; "Suggest again" takes a dismissal back.
 */
@Component({
  selector: 'app-dismissed-groups',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // No box of its own: what it shows sits in the page's column like the list above it.
  host: { class: 'contents' },
  templateUrl: './dismissed-groups.component.html',
})
export class DismissedGroupsComponent {
  private readonly api = inject(MergesApiService);
  private readonly contactsApi = inject(ContactsApiService);
  private readonly events = inject(ContactEventsService);
  private readonly toasts = inject(ToastService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly books = inject(AddressBooksStore);

  /** The book whose dismissals are listed, or null for all of them. */
  readonly book = input.required<number | null>();
  /** Names the page has read already (the suggested groups' contacts): not read again. */
  readonly knownNames = input<ReadonlyMap<number, string>>(new Map());
  /** Shown only beneath a list that loaded; it keeps its state (open, names) while hidden. */
  readonly visible = input(true);
  /** A dismissal was taken back: its contacts may be suggested together again. */
  readonly takenBack = output<DuplicateDismissal>();

  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly dismissals = signal<readonly DuplicateDismissal[]>([]);
  protected readonly open = signal(false);
  /** Dismissals being taken back ("Suggest again" pressed, no answer yet). */
  protected readonly restoring = signal<ReadonlySet<number>>(new Set());
  /** Names of the dismissed groups' contacts, read when the section is opened and kept live by the events. */
  private readonly names = signal<ReadonlyMap<number, KnownName>>(new Map());
  protected readonly namesStatus = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  protected readonly namesError = signal('');
  /** Several books in one list: each group says which book it is in. */
  protected readonly showBookNames = computed(() => this.books.enabled() && this.book() === null);

  protected readonly relativeTime = relativeTime;
  private readonly loads = new Subject<boolean>();
  private readonly nameLoads = new Subject<void>();

  constructor() {
    this.loads
      .pipe(
        tap((silent) => silent || this.status.set('loading')),
        switchMap((silent) =>
          this.api.dismissals(this.book()).pipe(
            tap((dismissals) => {
              this.dismissals.set(dismissals);
              this.status.set('ready');
              if (this.open()) this.nameLoads.next();
            }),
            catchError((err: unknown) => {
              // A refetch that fails keeps what is shown; the next change tries again.
              if (silent && this.status() === 'ready') return of(null);
              this.error.set(parseApiError(err).message);
              this.status.set('error');
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
      untracked(() => this.loads.next(false));
    });
    effect(() => {
      const known = this.knownNames();
      untracked(() => this.learn([...known]));
    });
    // A dismissed contact renamed, deleted or restored: its name follows.
    this.events.events$.pipe(takeUntilDestroyed()).subscribe((e) => {
      if (e.type === 'contact.deleted') {
        if (this.names().has(e.contact_id)) this.learn([[e.contact_id, null]]);
      } else if (this.names().has(e.contact.id)) {
        this.learn([[e.contact.id, fullName(e.contact)]]);
      }
    });
  }

  /** Reads the dismissals again, keeping what is shown meanwhile. */
  refresh(): void {
    this.loads.next(true);
  }

  /** A group just dismissed on the page: at the top, without reading the list again. */
  add(dismissal: DuplicateDismissal): void {
    this.dismissals.update((list) => [dismissal, ...list.filter((d) => d.id !== dismissal.id)]);
  }

  /**
   * "Suggest again", and the Undo of a dismissal (its toast may outlive the page): its contacts
   * may be suggested together again.
   */
  takeBack(dismissal: DuplicateDismissal): void {
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
          // The page may be gone by the time an Undo is answered: nobody is left to tell.
          if (!this.destroyRef.destroyed) this.takenBack.emit(dismissal);
          this.refresh();
        },
        error: (err: unknown) => this.toasts.error(`Could not suggest them again: ${parseApiError(err).message}`),
      });
  }

  protected reload(): void {
    this.loads.next(false);
  }

  protected reloadNames(): void {
    this.namesStatus.set('loading');
    this.nameLoads.next();
  }

  protected toggle(): void {
    const open = !this.open();
    this.open.set(open);
    if (open) this.nameLoads.next();
  }

  /** The dismissed group by its contacts' names ("…" while a name is being read). */
  protected label(dismissal: DuplicateDismissal): string {
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

  private learn(entries: ReadonlyArray<readonly [number, KnownName]>): void {
    if (!entries.length) return;
    this.names.update((known) => {
      const next = new Map(known);
      for (const [id, name] of entries) next.set(id, name);
      return next;
    });
  }
}

function without<T>(items: ReadonlySet<T>, item: T): ReadonlySet<T> {
  const rest = new Set(items);
  rest.delete(item);
  return rest;
}
