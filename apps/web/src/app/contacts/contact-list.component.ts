import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, signal, untracked, viewChild, type Signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subject, debounceTime, distinctUntilChanged } from 'rxjs';
import type { Contact } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { ConfirmDialogComponent } from '../shared/confirm-dialog.component';
import { fullName } from '../shared/contact-validation';
import { absoluteTime, relativeTime } from '../shared/time';
import { ToastService } from '../shared/toast.service';
import { AddressBooksStore } from '../books/address-books.store';
import { selectedBookId } from '../books/book-sidebar.component';
import { LocalEchoService } from '../realtime/local-echo.service';
import { ContactEditDialogComponent } from './contact-edit-dialog.component';
import { ContactListStore } from './contact-list.store';
import { ContactsApiService } from './contacts-api.service';
import { PendingCreateRowComponent } from './pending-create-row.component';
import { PendingCreatesStore } from './pending-creates.store';
import { ExportMenuComponent } from './export-menu.component';
import { importPercent } from '../imports/import-flow';
import { ImportStore } from '../imports/import.store';

const SEARCH_DEBOUNCE_MS = 250;
/** Start loading the next (or previous) page this far before the user reaches it. */
const LOAD_AHEAD = '600px 0px';
/**
 * The spacer for rows dropped above stands for at most this many rows, well under any browser's
 * largest element height; deeper than that, the scroll anchoring of the browser keeps the place.
 */
const MAX_SPACER_ROWS = 100_000;
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

@Component({
  selector: 'app-contact-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PendingCreateRowComponent, ContactEditDialogComponent, ConfirmDialogComponent, ExportMenuComponent],
  providers: [ContactListStore],
  templateUrl: './contact-list.component.html',
})
export class ContactListComponent {
  protected readonly store = inject(ContactListStore);
  protected readonly pending = inject(PendingCreatesStore);
  protected readonly books = inject(AddressBooksStore);
  protected readonly imports = inject(ImportStore);
  private readonly api = inject(ContactsApiService);
  private readonly echo = inject(LocalEchoService);
  private readonly toasts = inject(ToastService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly doc = inject(DOCUMENT);
  private readonly searchBox = viewChild<ElementRef<HTMLInputElement>>('searchBox');
  private readonly moreSentinel = viewChild<ElementRef<HTMLElement>>('moreSentinel');
  private readonly rowsAboveSpacer = viewChild<ElementRef<HTMLElement>>('rowsAboveSpacer');

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly searchText = signal('');
  private readonly searchInput = new Subject<string>();

  protected readonly editingId = signal<number | null>(null);
  protected readonly deleting = signal<Contact | null>(null);
  protected readonly fullName = fullName;
  protected readonly relativeTime = relativeTime;
  protected readonly absoluteTime = absoluteTime;
  protected readonly skeletonRows = [1, 2, 3, 4, 5];
  protected readonly isEmpty = computed(() => this.store.status() === 'ready' && this.store.contacts().length === 0);
  /** The book this page shows (null: all of them). */
  protected readonly selectedBook = computed(() => this.books.book(this.store.book()) ?? null);
  protected readonly heading = computed(() => {
    if (this.store.book() === null) return 'All contacts';
    return this.selectedBook()?.name ?? 'Contacts';
  });
  /** Importing needs a book I may add to (AUTH=none: always). */
  protected readonly canImport = computed(() => !this.books.enabled() || this.books.writable().length > 0);
  protected readonly importPercent = computed(() => importPercent(this.imports.state().job));
  /** Show which book a row is in when the list mixes books. */
  protected readonly showBookOfRow = computed(() => this.books.enabled() && this.store.book() === null && this.books.books().length > 1);
  protected readonly countText = computed(() => {
    const n = this.store.count();
    return { number: COUNT_FORMAT.format(n), noun: n === 1 ? 'contact' : 'contacts' };
  });
  protected readonly spacerRows = computed(() => Math.min(this.store.rowsAbove(), MAX_SPACER_ROWS));
  /** Scrolled past the first page: a way back up without scrolling it all again. */
  protected readonly showBackToTop = computed(() => this.store.rowsAbove() > 0 || this.store.contacts().length > this.store.pageSize);

  constructor() {
    // The URL is the source of truth for search and book (shareable, survives reload, back button works).
    effect(() => {
      const p = this.params();
      const search = p.get('search') ?? '';
      const book = selectedBookId(p.get('book'));
      untracked(() => {
        if (this.doc.activeElement !== this.searchBox()?.nativeElement) this.searchText.set(search);
        this.store.setQuery(search, book);
      });
    });
    this.searchInput
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((text) => this.navigate({ search: text.trim() || null, page: null }));
    this.loadWhenNear(this.moreSentinel, () => this.store.loadMore());
    // The whole spacer, not only its lower edge: the scroll bar may be dragged into the middle of it.
    this.loadWhenNear(this.rowsAboveSpacer, () => this.store.loadEarlier());
    // The selected book went away (or the link named one this user cannot read): show all books.
    this.store.bookUnavailable$.pipe(takeUntilDestroyed()).subscribe(() => this.navigate({ book: null, page: null }));
  }

  protected canEdit(c: Contact): boolean {
    return this.books.canWrite(c.address_book);
  }

  protected bookName(c: Contact): string {
    return this.books.book(c.address_book)?.name ?? '';
  }

  protected onSearch(text: string): void {
    this.searchText.set(text);
    this.searchInput.next(text);
  }

  protected clearSearch(): void {
    this.onSearch('');
    this.searchBox()?.nativeElement.focus();
  }

  protected backToTop(): void {
    const heading = this.doc.getElementById('contacts-heading');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
    this.store.backToTop();
  }

  /**
   * Calls `load` while `target` is within LOAD_AHEAD of the viewport. The observer is made again
   * after every change of the rows: it reports only crossings, and after a page has loaded the
   * target may still be in reach (a tall window, short pages).
   */
  private loadWhenNear(target: Signal<ElementRef<HTMLElement> | undefined>, load: () => void): void {
    effect((onCleanup) => {
      const el = target()?.nativeElement;
      this.store.contacts();
      this.store.loadingMore();
      this.store.loadingEarlier();
      const Observer = this.doc.defaultView?.IntersectionObserver;
      if (!el || !Observer) return;
      const observer = new Observer((entries) => {
        if (entries.some((e) => e.isIntersecting)) untracked(load);
      }, { rootMargin: LOAD_AHEAD });
      observer.observe(el);
      onCleanup(() => observer.disconnect());
    });
  }

  protected initials(c: Contact): string {
    return `${c.first_name.charAt(0)}${c.last_name.charAt(0)}`.toUpperCase();
  }

  protected onEdited(saved: Contact | null): void {
    this.editingId.set(null);
    if (saved) this.store.applySaved(saved);
  }

  protected confirmDelete(): void {
    const contact = this.deleting();
    if (!contact) return;
    this.deleting.set(null);
    const done = this.echo.begin(contact.id);
    this.api.delete(contact.id).subscribe({
      next: () => {
        done();
        this.echo.recordDelete(contact.id);
        this.store.removeLocally(contact.id);
        this.toasts.success(`${fullName(contact)} was deleted`, { label: 'Undo', run: () => this.undoDelete(contact) });
      },
      error: (err: unknown) => {
        done();
        const parsed = parseApiError(err);
        // Refused: my role in the book may have changed; read the books (and so the buttons) again.
        if (parsed.status === 403) this.books.scheduleRefresh();
        this.toasts.error(`Could not delete ${fullName(contact)}: ${parsed.message}`);
      },
    });
  }

  private undoDelete(contact: Contact): void {
    const done = this.echo.begin(contact.id);
    this.api.restore(contact.id).subscribe({
      next: (restored) => {
        done();
        this.echo.recordResult(restored);
        this.store.scheduleRefresh();
        this.toasts.success(`${fullName(restored)} was restored`);
      },
      error: (err: unknown) => {
        done();
        this.toasts.error(`Could not restore ${fullName(contact)}: ${parseApiError(err).message}`);
      },
    });
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
