import { Injectable, computed, inject, signal } from '@angular/core';
import { Subject, firstValueFrom, merge, type Observable } from 'rxjs';
import type { AddressBook, AddressBookEvent } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { parseApiError } from '../shared/api-error';
import { coalesce } from '../shared/coalesce';
import { ToastService } from '../shared/toast.service';
import { AddressBooksApiService } from './address-books-api.service';

/** Counts follow contact events by re-reading the list; a burst of changes costs one request… */
const COUNT_REFRESH_MS = 400;
/** …and a stream that never pauses (an import) one every so often, so the counts move meanwhile. */
const COUNT_REFRESH_MAX_WAIT_MS = 5000;

/** How the list of books is shown: my own first, then the ones shared with me, each by name. */
function ordered(books: readonly AddressBook[]): AddressBook[] {
  return [...books].sort((a, b) => Number(a.role !== 'owner') - Number(b.role !== 'owner') || a.name.localeCompare(b.name) || a.id - b.id);
}

/**
 * The address books this user can read, with their role and contact count (AUTH=accounts; with
 * AUTH=none there is one book and everything is allowed). Books shared with the user arrive and
 * leave live (`address_book.shared` / `.unshared`); counts follow contact events.
 */
@Injectable({ providedIn: 'root' })
export class AddressBooksStore {
  private readonly api = inject(AddressBooksApiService);
  private readonly session = inject(SessionStore);
  private readonly events = inject(ContactEventsService);
  private readonly toasts = inject(ToastService);

  readonly status = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  readonly error = signal('');
  private readonly _books = signal<readonly AddressBook[]>([]);
  readonly books = this._books.asReadonly();
  readonly own = computed(() => this._books().filter((b) => b.role === 'owner'));
  readonly shared = computed(() => this._books().filter((b) => b.role !== 'owner'));
  /** Books this user may add contacts to (and move them into). */
  readonly writable = computed(() => this._books().filter((b) => b.role !== 'viewer'));
  readonly total = computed(() => this._books().reduce((n, b) => n + b.contact_count, 0));
  /** Books matter to the UI only with accounts: AUTH=none has one, and no roles. */
  readonly enabled = this.session.accounts;

  private readonly goneSubject = new Subject<AddressBook>();
  /** A book this user can no longer read (unshared, left, deleted here or elsewhere). */
  readonly gone$: Observable<AddressBook> = this.goneSubject.asObservable();

  /** Books this tab removed itself: their `unshared` echo needs no toast. */
  private readonly removedHere = new Set<number>();
  private readonly refresh = new Subject<void>();
  private started = false;
  /** Bumped by every change made from events or answers, so an older list answer cannot undo it. */
  private changes = 0;

  /** Loads the books and follows the live events; safe to call more than once. */
  start(): void {
    if (this.started || !this.enabled()) return;
    this.started = true;
    this.events.bookEvents$.subscribe((e) => this.apply(e));
    merge(this.events.events$, this.refresh)
      .pipe(coalesce(COUNT_REFRESH_MS, COUNT_REFRESH_MAX_WAIT_MS))
      .subscribe(() => void this.load(true));
    // Events may have been missed while the connection was down (book events are not in the feed).
    this.events.resync$.subscribe(() => void this.load(true));
    void this.load(false);
  }

  async load(silent = false): Promise<void> {
    if (!silent || this.status() !== 'ready') this.status.set('loading');
    const changesBefore = this.changes;
    try {
      const books = await firstValueFrom(this.api.list());
      if (this.changes !== changesBefore) {
        // A book came or went while this answer was on its way: it may be stale, ask again.
        this.refresh.next();
        if (this.status() === 'ready') return;
      }
      const before = this._books();
      this._books.set(ordered(books));
      this.error.set('');
      this.status.set('ready');
      // Lost while this tab was not listening (e.g. during a reconnect): tell the views too.
      if (silent) for (const b of before) if (!books.some((x) => x.id === b.id)) this.goneSubject.next(b);
    } catch (err) {
      if (!silent || this.status() !== 'ready') {
        this.error.set(parseApiError(err).message);
        this.status.set('error');
      }
    }
  }

  /** Re-read soon (e.g. a write was refused with 403: my role may have changed). */
  scheduleRefresh(): void {
    this.refresh.next();
  }

  book(id: number | null | undefined): AddressBook | undefined {
    return id == null ? undefined : this._books().find((b) => b.id === id);
  }

  /** Whether this user may change contacts of the book (always with AUTH=none). */
  canWrite(id: number | null | undefined): boolean {
    if (!this.enabled()) return true;
    const role = this.book(id)?.role;
    return role === 'owner' || role === 'editor';
  }

  isOwner(id: number | null | undefined): boolean {
    return this.book(id)?.role === 'owner';
  }

  /** Where a new contact goes: the selected book if I may write there, else my first own book. */
  defaultBookFor(selected: number | null): number | null {
    if (!this.enabled()) return null;
    if (selected !== null && this.canWrite(selected)) return selected;
    return this.own()[0]?.id ?? this.writable()[0]?.id ?? null;
  }

  async create(name: string): Promise<AddressBook> {
    const book = await firstValueFrom(this.api.create(name));
    this.upsert(book);
    return book;
  }

  async rename(id: number, name: string): Promise<AddressBook> {
    const book = await firstValueFrom(this.api.rename(id, name));
    this.upsert(book);
    return book;
  }

  /** Owner only; the server answers 409 for the user's last book (the caller shows its message). */
  async delete(id: number): Promise<void> {
    this.removedHere.add(id);
    try {
      await firstValueFrom(this.api.delete(id));
    } catch (err) {
      this.removedHere.delete(id);
      throw err;
    }
    this.drop(id);
  }

  /** A member leaves a book shared with them. */
  async leave(id: number): Promise<void> {
    const me = this.session.user();
    if (!me) return;
    this.removedHere.add(id);
    try {
      await firstValueFrom(this.api.removeMember(id, me.id));
    } catch (err) {
      this.removedHere.delete(id);
      throw err;
    }
    this.drop(id);
  }

  /** A contact was created, moved or deleted here: counts change. */
  contactsChanged(): void {
    this.refresh.next();
  }

  private apply(e: AddressBookEvent): void {
    if (e.type === 'address_book.shared') {
      const incoming = e.address_book;
      const known = this.book(incoming.id);
      this.upsert(incoming);
      if (!known) {
        const me = this.session.user();
        // My own book made in another tab needs no announcement.
        if (incoming.owner && incoming.owner.id !== me?.id) {
          this.toasts.show(`${incoming.owner.name} shared “${incoming.name}” with you${incoming.role === 'viewer' ? ' (view only)' : ''}`);
        }
      } else if (known.role !== incoming.role) {
        this.toasts.show(
          incoming.role === 'viewer'
            ? `You can now only view “${incoming.name}”`
            : `You can now ${incoming.role === 'owner' ? 'manage' : 'edit'} “${incoming.name}”`,
        );
      }
      return;
    }
    const id = e.address_book_id;
    const known = this.book(id);
    const mine = this.removedHere.delete(id);
    if (!known) return;
    this.drop(id);
    if (!mine) {
      this.toasts.show(known.role === 'owner' ? `“${known.name}” was deleted` : `You no longer have access to “${known.name}”`);
    }
  }

  private upsert(book: AddressBook): void {
    this.changes++;
    this._books.update((list) => ordered([...list.filter((b) => b.id !== book.id), book]));
  }

  private drop(id: number): void {
    const known = this.book(id);
    if (!known) return;
    this.changes++;
    this._books.update((list) => list.filter((b) => b.id !== id));
    this.goneSubject.next(known);
  }
}
