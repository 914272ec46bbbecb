import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { EMPTY, Subject, catchError, concatMap, map, merge, of, switchMap, type Observable } from 'rxjs';
import type { Contact, ContactEvent, Page } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { coalesce, inBatches } from '../shared/coalesce';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ContactVersions } from '../realtime/contact-versions';
import { RemoteChangeNotifier } from '../realtime/remote-change-notifier.service';
import { ContactsApiService, pageLink, type PageLink } from './contacts-api.service';
import { LIST_PAGE_SIZE, normalized, RowsDraft, withFirstPageRefreshed, withPageAfter, withPageBefore, type DroppedPage, type LoadedPage, type PageWindow } from './loaded-pages';
import { PendingCreatesStore } from './pending-creates.store';

interface ListQuery {
  search: string;
  /** One address book, or null for every book the user can read. */
  book: number | null;
}

/**
 * What the list asks the server for, one at a time per query: the first page (a new query or
 * Retry), the page after the loaded ones, the page before them, a refresh of the first loaded
 * page, or the first page again in place of a deep window ("Back to top").
 */
type ListOp = 'first' | 'more' | 'earlier' | 'refresh' | 'top';

/** Refetch this long after the last event, so a burst of changes costs one request… */
const REFRESH_DEBOUNCE_MS = 300;
/** …and at most this long after the first, so a stream that never pauses (an import) still refreshes now and then. */
const REFRESH_MAX_WAIT_MS = 3000;
/** Events are applied to the rows in batches: a flood of them (an import) re-renders the list once per batch. */
export const EVENT_BATCH_MS = 50;
const HIGHLIGHT_MS = 2500;
/** More changed rows than this in one batch is a flood: highlighting them all would only flicker. */
const HIGHLIGHT_LIMIT = 3;
const FIRST_PAGE: PageLink = { cursor: '' };

/**
 * State of the contact list: a window of cursor pages for the current search, loaded as the user
 * scrolls (`next`) and, after pages far above were dropped, again on the way back (`previous`).
 * Realtime events patch the loaded rows at once; a debounced refresh re-reads the first loaded
 * page and merges it by list key, so order, counts and the filter stay right without walking the
 * scroll again.
 */
@Injectable()
export class ContactListStore {
  private readonly api = inject(ContactsApiService);
  private readonly events = inject(ContactEventsService);
  private readonly names = inject(RemoteChangeNotifier);

  readonly pageSize = LIST_PAGE_SIZE;
  readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  private readonly pages = signal<readonly LoadedPage[]>([]);
  /** The loaded rows, in list order. */
  readonly contacts = computed(() => this.pages().flatMap((p) => p.rows));
  readonly count = signal(0);
  readonly error = signal('');
  readonly search = signal('');
  readonly book = signal<number | null>(null);
  /** Rows changed by someone else a moment ago, briefly highlighted. */
  readonly highlighted = signal<ReadonlySet<number>>(new Set());
  private readonly dropped = signal<readonly DroppedPage[]>([]);
  /** Rows above the loaded window (pages dropped on the way down): the view keeps their height as a spacer. */
  readonly rowsAbove = computed(() => this.dropped().reduce((n, p) => n + p.rows, 0));
  readonly hasMore = computed(() => this.status() === 'ready' && this.pages().at(-1)?.next != null);
  readonly hasEarlier = computed(() => this.status() === 'ready' && (this.dropped().length > 0 || this.pages()[0]?.previous != null));
  readonly loadingMore = signal(false);
  readonly loadingEarlier = signal(false);
  /** Why the page after (or before) the loaded ones failed; the view offers Retry. */
  readonly moreError = signal('');
  readonly earlierError = signal('');

  /** Newest version applied per contact, so late events and stale answers never win. */
  private readonly versions = new ContactVersions();
  private readonly queries = new Subject<ListQuery>();
  private readonly ops = new Subject<ListOp>();
  private readonly refresh = new Subject<void>();
  private readonly bookUnavailableSubject = new Subject<number>();
  /** The selected book is not (or no longer) readable: the page goes back to all books. */
  readonly bookUnavailable$ = this.bookUnavailableSubject.asObservable();

  constructor() {
    // A new query cancels whatever the old one was loading; within a query, one request at a time.
    this.queries
      .pipe(
        switchMap((q) => merge(of<ListOp>('first'), this.ops).pipe(concatMap((op) => this.run(q, op)))),
        takeUntilDestroyed(),
      )
      .subscribe();
    this.refresh.pipe(coalesce(REFRESH_DEBOUNCE_MS, REFRESH_MAX_WAIT_MS), takeUntilDestroyed()).subscribe(() => this.ops.next('refresh'));
    this.events.events$.pipe(inBatches(EVENT_BATCH_MS), takeUntilDestroyed()).subscribe((batch) => this.apply(batch));
    this.events.resync$.pipe(takeUntilDestroyed()).subscribe(() => this.ops.next('refresh'));
    inject(PendingCreatesStore).created$.pipe(takeUntilDestroyed()).subscribe((c) => this.applyCreated(c));
    // A book taken away (unshared, left, deleted): its contacts leave the list at once.
    inject(AddressBooksStore).gone$.pipe(takeUntilDestroyed()).subscribe((b) => this.dropBook(b.id));
  }

  setQuery(search: string, book: number | null = null): void {
    this.search.set(search);
    this.book.set(book);
    this.reload();
  }

  /** The first page of the current query, with the skeleton (a new query, or Retry after an error). */
  reload(): void {
    this.status.set('loading');
    this.pages.set([]);
    this.dropped.set([]);
    this.clearEdges();
    this.queries.next({ search: this.search(), book: this.book() });
  }

  /** The page after the loaded ones (the view calls this as the end comes near). */
  loadMore(): void {
    if (!this.hasMore() || this.loadingMore() || this.moreError()) return;
    this.loadingMore.set(true);
    this.ops.next('more');
  }

  /** The page before the loaded ones, after pages far above were dropped. */
  loadEarlier(): void {
    if (!this.hasEarlier() || this.loadingEarlier() || this.earlierError()) return;
    this.loadingEarlier.set(true);
    this.ops.next('earlier');
  }

  retryMore(): void {
    this.moreError.set('');
    this.loadMore();
  }

  retryEarlier(): void {
    this.earlierError.set('');
    this.loadEarlier();
  }

  /** Back to the first page; a deep window is replaced by it (nothing to do when the top is loaded). */
  backToTop(): void {
    if (this.dropped().length === 0 && this.pages()[0]?.previous == null) return;
    this.ops.next('top');
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

  private run(q: ListQuery, op: ListOp): Observable<void> {
    switch (op) {
      case 'first':
        return this.load(q, FIRST_PAGE, (page) => this.showFirst(page), (err) => this.firstFailed(q, err));
      case 'top':
        return this.load(q, FIRST_PAGE, (page) => this.showFirst(page), () => undefined);
      case 'more': {
        const from = this.status() === 'ready' ? this.pages().at(-1)?.next : null;
        if (!from) return this.done(() => this.loadingMore.set(false));
        return this.load(
          q,
          from,
          (page) => this.append(page),
          (err) => this.moreError.set(parseApiError(err).message),
          () => this.loadingMore.set(false),
        );
      }
      case 'earlier': {
        const from = this.status() === 'ready' ? this.pages()[0]?.previous : null;
        if (!from) return this.done(() => this.loadingEarlier.set(false));
        return this.load(
          q,
          from,
          (page) => this.prepend(page),
          (err) => this.earlierError.set(parseApiError(err).message),
          () => this.loadingEarlier.set(false),
        );
      }
      case 'refresh':
        // Still loading (or failed): the first page under way or Retry brings the news.
        if (this.status() !== 'ready') return EMPTY;
        // A failed background refresh keeps the rows on screen.
        return this.load(q, this.dropped().at(-1)?.next ?? FIRST_PAGE, (page) => this.merge(page), () => undefined);
    }
  }

  /** One page request: `show` its answer, or `failed`; a cursor the server no longer accepts starts the list over. */
  private load(q: ListQuery, from: PageLink, show: (page: Page<Contact>) => void, failed: (err: unknown) => void, always?: () => void): Observable<void> {
    return this.api.list({ search: q.search, addressBook: q.book, pageSize: this.pageSize, cursor: from.cursor ?? '', page: from.page }).pipe(
      map((page) => {
        always?.();
        show(page);
      }),
      catchError((err: unknown) => {
        always?.();
        if (from !== FIRST_PAGE && isInvalidCursor(err)) this.reload();
        else failed(err);
        return EMPTY;
      }),
    );
  }

  private done(finish: () => void): Observable<void> {
    finish();
    return EMPTY;
  }

  private firstFailed(q: ListQuery, err: unknown): void {
    if (q.book !== null && err instanceof HttpErrorResponse && (err.status === 404 || err.status === 400)) {
      this.bookUnavailableSubject.next(q.book);
      return;
    }
    this.error.set(parseApiError(err).message);
    this.status.set('error');
  }

  /** The rows of an answer this view may show: one that left the server before a newer event keeps the newer version. */
  private accept(page: Page<Contact>): LoadedPage & { hidden: number } {
    const rows: Contact[] = [];
    for (const row of page.results) {
      const shown = this.versions.acceptRow(row);
      if (shown) rows.push(shown);
    }
    this.names.remember(rows);
    return { rows, previous: pageLink(page.previous), next: pageLink(page.next), hidden: page.results.length - rows.length };
  }

  private showFirst(answer: Page<Contact>): void {
    const { hidden, ...page } = this.accept(answer);
    this.pages.set([page]);
    this.dropped.set([]);
    this.clearEdges();
    this.count.set(Math.max(0, answer.count - hidden));
    this.error.set('');
    this.status.set('ready');
  }

  private append(answer: Page<Contact>): void {
    const { hidden, ...page } = this.accept(answer);
    this.show(withPageAfter(this.window(), page), answer.count - hidden);
  }

  private prepend(answer: Page<Contact>): void {
    const { hidden, ...page } = this.accept(answer);
    this.show(withPageBefore(this.window(), page), answer.count - hidden);
  }

  /** A refreshed first loaded page (see withFirstPageRefreshed); the rows after it, the spacer and the scroll stay. */
  private merge(answer: Page<Contact>): void {
    const { hidden, ...page } = this.accept(answer);
    this.pages.set(withFirstPageRefreshed(this.pages(), page, answer.results.at(-1)));
    this.count.set(Math.max(0, answer.count - hidden));
  }

  private window(): PageWindow {
    return { pages: this.pages(), dropped: this.dropped() };
  }

  private show(window: PageWindow, count: number): void {
    this.dropped.set(window.dropped);
    this.pages.set(window.pages);
    this.count.set(Math.max(0, count));
  }

  private clearEdges(): void {
    this.loadingMore.set(false);
    this.loadingEarlier.set(false);
    this.moreError.set('');
    this.earlierError.set('');
  }

  /** A batch of events on a working copy of the rows, written back once. */
  private apply(batch: readonly ContactEvent[]): void {
    const rows = new RowsDraft(this.pages(), this.count());
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
        if (rows.prepend(e.contact)) changed.push(e.contact.id);
      } else if (rows.replace(e.contact)) {
        changed.push(e.contact.id);
      }
    }
    this.write(rows);
    if (changed.length <= HIGHLIGHT_LIMIT) for (const id of changed) this.flash(id);
    this.refresh.next();
  }

  /** Newest first: a new contact belongs at the top of the unfiltered list, when the top is loaded. */
  private insertsAtTop(): boolean {
    return !this.search() && this.status() === 'ready' && this.dropped().length === 0 && this.pages()[0]?.previous == null;
  }

  private write(rows: RowsDraft): void {
    if (rows.pages !== this.pages()) this.pages.set(normalized(rows.pages));
    if (rows.count !== this.count()) this.count.set(rows.count);
  }

  /** Whether the contact belongs in the book this view shows. */
  private inView(contact: Contact): boolean {
    const book = this.book();
    return book === null || contact.address_book === book;
  }

  private dropBook(id: number): void {
    const rows = new RowsDraft(this.pages(), this.count());
    for (const c of this.contacts()) if (c.address_book === id) rows.remove(c.id);
    this.write(rows);
    if (this.book() === id) this.bookUnavailableSubject.next(id);
    else this.refresh.next();
  }

  /** A create from this tab, as the server answered it. */
  private applyCreated(contact: Contact): void {
    const shown = this.versions.acceptRow(contact);
    if (shown && this.inView(shown)) this.insert(shown);
    this.refresh.next();
  }

  /** Swaps in a newer version of a loaded row; false when the row is not loaded. */
  private replace(contact: Contact): boolean {
    const rows = new RowsDraft(this.pages(), this.count());
    const replaced = rows.replace(contact);
    this.write(rows);
    return replaced;
  }

  private insert(contact: Contact): void {
    const rows = new RowsDraft(this.pages(), this.count());
    if (this.insertsAtTop() ? rows.prepend(contact) : rows.replace(contact)) this.flash(contact.id);
    this.write(rows);
  }

  private remove(id: number): void {
    const rows = new RowsDraft(this.pages(), this.count());
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

function isInvalidCursor(err: unknown): boolean {
  return err instanceof HttpErrorResponse && err.status === 404 && (err.error as { detail?: unknown } | null)?.detail === 'Invalid cursor';
}
