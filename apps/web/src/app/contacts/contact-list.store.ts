import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { EMPTY, Subject, catchError, map, of, switchMap, tap, throwError, type Observable } from 'rxjs';
import { DEFAULT_PAGE_SIZE, type Contact, type ContactEvent, type Page } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { coalesce, inBatches } from '../shared/coalesce';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ContactVersions } from '../realtime/contact-versions';
import { RemoteChangeNotifier } from '../realtime/remote-change-notifier.service';
import { ContactsApiService } from './contacts-api.service';
import { PendingCreatesStore } from './pending-creates.store';

interface ListRequest {
  search: string;
  page: number;
  /** One address book, or null for every book the user can read. */
  book: number | null;
  /** Background refresh: keep showing the current rows instead of a skeleton. */
  silent: boolean;
}

/** Refetch this long after the last event, so a burst of changes costs one request… */
const REFRESH_DEBOUNCE_MS = 300;
/** …and at most this long after the first, so a stream that never pauses (an import) still refreshes now and then. */
const REFRESH_MAX_WAIT_MS = 3000;
/** Events are applied to the rows in batches: a flood of them (an import) re-renders the list once per batch. */
export const EVENT_BATCH_MS = 50;
const HIGHLIGHT_MS = 2500;
/** More changed rows than this in one batch is a flood: highlighting them all would only flicker. */
const HIGHLIGHT_LIMIT = 3;

/**
 * State of the contact list page: the server page for the current search, patched at once by
 * realtime events and then re-fetched (debounced) so order, counts and the filter stay right.
 */
@Injectable()
export class ContactListStore {
  private readonly api = inject(ContactsApiService);
  private readonly events = inject(ContactEventsService);
  private readonly names = inject(RemoteChangeNotifier);

  readonly pageSize = DEFAULT_PAGE_SIZE;
  readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  readonly contacts = signal<readonly Contact[]>([]);
  readonly count = signal(0);
  readonly error = signal('');
  readonly search = signal('');
  readonly page = signal(1);
  readonly book = signal<number | null>(null);
  /** Rows changed by someone else a moment ago, briefly highlighted. */
  readonly highlighted = signal<ReadonlySet<number>>(new Set());

  /** Newest version applied per contact, so late events and stale answers never win. */
  private readonly versions = new ContactVersions();
  private readonly requests = new Subject<ListRequest>();
  private readonly refresh = new Subject<void>();
  private readonly pageCorrectedSubject = new Subject<number>();
  /** The requested page was past the end; the store moved to this (last) page. */
  readonly pageCorrected$ = this.pageCorrectedSubject.asObservable();
  private readonly bookUnavailableSubject = new Subject<number>();
  /** The selected book is not (or no longer) readable: the page goes back to all books. */
  readonly bookUnavailable$ = this.bookUnavailableSubject.asObservable();

  constructor() {
    this.requests.pipe(switchMap((r) => this.fetch(r)), takeUntilDestroyed()).subscribe();
    this.refresh.pipe(coalesce(REFRESH_DEBOUNCE_MS, REFRESH_MAX_WAIT_MS), takeUntilDestroyed()).subscribe(() => this.reload(true));
    this.events.events$.pipe(inBatches(EVENT_BATCH_MS), takeUntilDestroyed()).subscribe((batch) => this.apply(batch));
    this.events.resync$.pipe(takeUntilDestroyed()).subscribe(() => this.reload(true));
    inject(PendingCreatesStore).created$.pipe(takeUntilDestroyed()).subscribe((c) => this.applyCreated(c));
    // A book taken away (unshared, left, deleted): its contacts leave the list at once.
    inject(AddressBooksStore).gone$.pipe(takeUntilDestroyed()).subscribe((b) => this.dropBook(b.id));
  }

  setQuery(search: string, page: number, book: number | null = null): void {
    this.search.set(search);
    this.page.set(page);
    this.book.set(book);
    this.requests.next({ search, page, book, silent: false });
  }

  reload(silent = false): void {
    this.requests.next({ search: this.search(), page: this.page(), book: this.book(), silent });
  }

  /** After a local delete: drop the row now, let the refetch fill the page. */
  removeLocally(id: number): void {
    const row = this.contacts().find((c) => c.id === id);
    if (row) this.versions.recordDelete(row);
    this.remove(id);
    this.refresh.next();
  }

  /** Our own save (PATCH answer): show it now unless an event already brought a newer version. */
  applySaved(contact: Contact): void {
    const shown = this.versions.acceptRow(contact);
    if (shown && this.inView(shown)) this.replace(shown);
    else if (shown) this.remove(shown.id);
    this.refresh.next();
  }

  scheduleRefresh(): void {
    this.refresh.next();
  }

  private fetch(r: ListRequest): Observable<void> {
    if (!r.silent || this.status() !== 'ready') this.status.set('loading');
    const load = (page: number) => this.api.list({ search: r.search, page, pageSize: this.pageSize, addressBook: r.book });
    return load(r.page).pipe(
      map((res) => ({ res, page: r.page })),
      catchError((err: unknown) => {
        // "Invalid page." (e.g. the last item on the last page was deleted): go to the last page.
        if (!(err instanceof HttpErrorResponse && err.status === 404 && r.page > 1)) return throwError(() => err);
        return load(1).pipe(
          switchMap((first) => {
            const last = Math.max(1, Math.ceil(first.count / this.pageSize));
            return last === 1 ? of({ res: first, page: 1 }) : load(last).pipe(map((res) => ({ res, page: last })));
          }),
        );
      }),
      tap(({ res, page }) => {
        this.show(res);
        if (page !== r.page) {
          this.page.set(page);
          this.pageCorrectedSubject.next(page);
        }
      }),
      map(() => undefined),
      catchError((err: unknown) => {
        if (r.book !== null && err instanceof HttpErrorResponse && (err.status === 404 || err.status === 400) && r.page <= 1) {
          this.bookUnavailableSubject.next(r.book);
          return EMPTY;
        }
        // A failed background refresh keeps the rows on screen; only a visible load shows the error.
        if (!r.silent || this.status() !== 'ready') {
          this.error.set(parseApiError(err).message);
          this.status.set('error');
        }
        return EMPTY;
      }),
    );
  }

  private show(res: Page<Contact>): void {
    // The answer may have left the server before an event this view already applied.
    const rows: Contact[] = [];
    for (const row of res.results) {
      const shown = this.versions.acceptRow(row);
      if (shown) rows.push(shown);
    }
    this.contacts.set(rows);
    this.count.set(Math.max(0, res.count - (res.results.length - rows.length)));
    this.error.set('');
    this.status.set('ready');
    this.names.remember(rows);
  }

  /** A batch of events on a working copy of the rows, written back once. */
  private apply(batch: readonly ContactEvent[]): void {
    const rows = new RowsDraft(this.contacts(), this.count());
    const changed: number[] = [];
    for (const e of batch) {
      // A stale event changes no row, but the refetch still lets the server have the last word.
      if (!this.versions.acceptEvent(e)) continue;
      if (e.type === 'contact.deleted') {
        rows.remove(e.contact_id);
      } else if (!this.inView(e.contact)) {
        // Moved to a book this view does not show.
        rows.remove(e.contact.id);
      } else if (e.type === 'contact.created' && this.insertsAtTop()) {
        if (rows.prepend(e.contact, this.pageSize)) changed.push(e.contact.id);
      } else if (rows.replace(e.contact)) {
        changed.push(e.contact.id);
      }
    }
    this.write(rows);
    if (changed.length <= HIGHLIGHT_LIMIT) for (const id of changed) this.flash(id);
    this.refresh.next();
  }

  /** Newest first: a new contact belongs at the top of page 1 of the unfiltered list. */
  private insertsAtTop(): boolean {
    return this.page() === 1 && !this.search() && this.status() === 'ready';
  }

  private write(rows: RowsDraft): void {
    if (rows.list !== this.contacts()) this.contacts.set(rows.list);
    if (rows.count !== this.count()) this.count.set(rows.count);
  }

  /** Whether the contact belongs in the book this view shows. */
  private inView(contact: Contact): boolean {
    const book = this.book();
    return book === null || contact.address_book === book;
  }

  private dropBook(id: number): void {
    const list = this.contacts();
    const kept = list.filter((c) => c.address_book !== id);
    if (kept.length !== list.length) {
      this.contacts.set(kept);
      this.count.update((n) => Math.max(0, n - (list.length - kept.length)));
    }
    if (this.book() === id) this.bookUnavailableSubject.next(id);
    else this.refresh.next();
  }

  /** A create from this tab, as the server answered it. */
  private applyCreated(contact: Contact): void {
    const shown = this.versions.acceptRow(contact);
    if (shown && this.inView(shown)) this.insert(shown);
    this.refresh.next();
  }

  /** Swaps in a newer version of a visible row; false when the row is not on this page. */
  private replace(contact: Contact): boolean {
    const rows = new RowsDraft(this.contacts(), this.count());
    const replaced = rows.replace(contact);
    this.write(rows);
    return replaced;
  }

  private insert(contact: Contact): void {
    const rows = new RowsDraft(this.contacts(), this.count());
    if (this.insertsAtTop() ? rows.prepend(contact, this.pageSize) : rows.replace(contact)) this.flash(contact.id);
    this.write(rows);
  }

  private remove(id: number): void {
    const rows = new RowsDraft(this.contacts(), this.count());
    rows.remove(id);
    this.write(rows);
  }

  private flash(id: number): void {
    this.highlighted.update((s) => new Set(s).add(id));
    setTimeout(() => {
      this.highlighted.update((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      });
    }, HIGHLIGHT_MS);
  }
}

/** The page's rows and total while a change is worked out; `list` is a new array only when something changed. */
class RowsDraft {
  constructor(
    public list: readonly Contact[],
    public count: number,
  ) {}

  /** Adds a new contact at the top (the page keeps its size); false when it is already shown. */
  prepend(contact: Contact, pageSize: number): boolean {
    if (this.list.some((c) => c.id === contact.id)) return this.replace(contact);
    this.list = [contact, ...this.list].slice(0, pageSize);
    this.count++;
    return true;
  }

  /** Swaps in a newer version of a shown row; false when the row is not on this page. */
  replace(contact: Contact): boolean {
    if (!this.list.some((c) => c.id === contact.id)) return false;
    this.list = this.list.map((c) => (c.id === contact.id ? contact : c));
    return true;
  }

  remove(id: number): void {
    if (!this.list.some((c) => c.id === id)) return;
    this.list = this.list.filter((c) => c.id !== id);
    this.count = Math.max(0, this.count - 1);
  }
}
