import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AddressBook } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { ConfirmDialogComponent } from '../shared/confirm-dialog.component';
import { ToastService } from '../shared/toast.service';
import { AddressBooksStore } from './address-books.store';
import { BookNameDialogComponent } from './book-name-dialog.component';
import { ShareDialogComponent } from './share-dialog.component';

/** The `?book=` of the contacts page: one book, or null for all of them. */
export function selectedBookId(raw: string | null): number | null {
  const id = Number(raw);
  return raw && Number.isInteger(id) && id > 0 ? id : null;
}

type Confirming = { kind: 'delete' | 'leave'; book: AddressBook };

/** All books, then mine and the ones shared with me, each with its count; create, rename, share, delete, leave. */
@Component({
  selector: 'app-book-sidebar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, BookNameDialogComponent, ShareDialogComponent, ConfirmDialogComponent],
  template: `
    <nav class="rounded-card border border-slate-200 bg-white p-3 shadow-sm" aria-labelledby="books-heading" data-testid="book-sidebar">
      <div class="mb-2 flex items-center justify-between gap-2 px-1">
        <h2 id="books-heading" class="text-sm font-semibold text-slate-900">Address books</h2>
        <button type="button" class="rounded-md px-2 py-1 text-sm font-medium text-brand-800 hover:bg-slate-100" (click)="naming.set('new')">+ New book</button>
      </div>
      @switch (store.status()) {
        @case ('error') {
          <div class="rounded-lg border border-red-200 bg-red-50 p-3 text-sm" role="alert">
            <p>Could not load your books: {{ store.error() }}</p>
            <button type="button" class="mt-2 rounded-md border border-slate-300 bg-white px-2.5 py-1" (click)="store.load()">Retry</button>
          </div>
        }
        @case ('ready') {
          <ul class="flex flex-col gap-0.5 text-sm" aria-label="Books">
            <li>
              <a
                routerLink="/"
                [queryParams]="{ book: null, page: null }"
                queryParamsHandling="merge"
                class="flex items-center gap-2 rounded-lg px-2 py-1.5 hover:bg-slate-100"
                [class.bg-slate-100]="selected() === null"
                [class.font-semibold]="selected() === null"
                [attr.aria-current]="selected() === null ? 'page' : null"
                data-testid="book-link"
                data-book-id="all"
              >
                <span class="flex-1 truncate">All books</span>
                <span class="text-xs text-slate-600" data-testid="book-count">{{ store.total() }}<span class="sr-only"> contacts</span></span>
              </a>
            </li>
            @for (group of groups(); track group.label) {
              @if (group.books.length) {
                <li class="mt-2 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500" aria-hidden="true">{{ group.label }}</li>
                @for (b of group.books; track b.id) {
                  <li class="group relative flex items-center" data-testid="book-item" [attr.data-book-id]="b.id">
                    <a
                      routerLink="/"
                      [queryParams]="{ book: b.id, page: null }"
                      queryParamsHandling="merge"
                      class="flex min-w-0 flex-1 items-center gap-2 rounded-lg py-1.5 pl-2 pr-9 hover:bg-slate-100"
                      [class.bg-slate-100]="selected() === b.id"
                      [class.font-semibold]="selected() === b.id"
                      [attr.aria-current]="selected() === b.id ? 'page' : null"
                      [title]="b.owner && b.role !== 'owner' ? 'Shared by ' + b.owner.name : b.name"
                      data-testid="book-link"
                      [attr.data-book-id]="b.id"
                    >
                      <span class="min-w-0 flex-1 truncate" data-testid="book-name">{{ b.name }}</span>
                      @if (b.role !== 'owner') {
                        <span
                          class="shrink-0 rounded-full px-1.5 py-0.5 text-[0.7rem] font-medium"
                          [class]="b.role === 'viewer' ? 'bg-amber-100 text-amber-900' : 'bg-sky-100 text-sky-900'"
                          data-testid="book-role"
                          >{{ b.role === 'viewer' ? 'Viewer' : 'Shared' }}</span
                        >
                        @if (b.owner) {
                          <span class="sr-only">, shared by {{ b.owner.name }}</span>
                        }
                      }
                      <span class="shrink-0 text-xs text-slate-600" data-testid="book-count">{{ b.contact_count }}<span class="sr-only"> contacts</span></span>
                    </a>
                    <button
                      type="button"
                      class="absolute right-1 rounded-md px-1.5 py-0.5 text-slate-600 hover:bg-slate-200"
                      [attr.aria-label]="'Actions for ' + b.name"
                      aria-haspopup="true"
                      [attr.aria-expanded]="menuFor() === b.id"
                      [attr.aria-controls]="'book-menu-' + b.id"
                      (click)="toggleMenu(b.id, $event)"
                    >
                      ⋯
                    </button>
                    @if (menuFor() === b.id) {
                      <div
                        [id]="'book-menu-' + b.id"
                        class="absolute right-0 top-full z-30 mt-1 w-44 rounded-xl border border-slate-200 bg-white p-1 shadow-lg"
                        (keydown.escape)="menuFor.set(null)"
                        data-testid="book-menu"
                      >
                        @if (b.role === 'owner') {
                          <button type="button" class="block w-full rounded-md px-3 py-1.5 text-left hover:bg-slate-100" (click)="open('share', b)">Share…</button>
                          <button type="button" class="block w-full rounded-md px-3 py-1.5 text-left hover:bg-slate-100" (click)="open('rename', b)">Rename…</button>
                          <button type="button" class="block w-full rounded-md px-3 py-1.5 text-left text-red-700 hover:bg-red-50" (click)="open('delete', b)">Delete…</button>
                        } @else {
                          <button type="button" class="block w-full rounded-md px-3 py-1.5 text-left hover:bg-slate-100" (click)="open('share', b)">Members…</button>
                          <button type="button" class="block w-full rounded-md px-3 py-1.5 text-left text-red-700 hover:bg-red-50" (click)="open('leave', b)">Leave…</button>
                        }
                      </div>
                    }
                  </li>
                }
              }
            }
          </ul>
        }
        @default {
          <div class="flex flex-col gap-2" aria-busy="true" aria-label="Loading address books">
            @for (i of [1, 2, 3]; track i) {
              <div class="skeleton h-7 rounded-lg"></div>
            }
          </div>
        }
      }
    </nav>

    @if (naming(); as n) {
      <app-book-name-dialog [book]="n === 'new' ? null : n" (closed)="named($event, n === 'new')" />
    }
    @if (sharing(); as b) {
      <app-share-dialog [book]="b" (closed)="sharing.set(null)" (leave)="sharing.set(null); confirming.set({ kind: 'leave', book: b })" />
    }
    @if (confirming(); as c) {
      @if (c.kind === 'delete') {
        <app-confirm-dialog
          [heading]="'Delete “' + c.book.name + '”?'"
          [message]="deleteMessage(c.book)"
          confirmLabel="Delete book"
          (confirmed)="confirmDelete(c.book)"
          (cancelled)="confirming.set(null)"
        />
      } @else {
        <app-confirm-dialog
          [heading]="'Leave “' + c.book.name + '”?'"
          message="Its contacts disappear from your list. The owner can share it with you again."
          confirmLabel="Leave"
          (confirmed)="confirmLeave(c.book)"
          (cancelled)="confirming.set(null)"
        />
      }
    }
  `,
})
export class BookSidebarComponent {
  protected readonly store = inject(AddressBooksStore);
  private readonly toasts = inject(ToastService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly selected = computed(() => selectedBookId(this.params().get('book')));
  protected readonly groups = computed(() => [
    { label: 'My books', books: this.store.own() },
    { label: 'Shared with me', books: this.store.shared() },
  ]);
  protected readonly menuFor = signal<number | null>(null);
  protected readonly naming = signal<'new' | AddressBook | null>(null);
  protected readonly sharing = signal<AddressBook | null>(null);
  protected readonly confirming = signal<Confirming | null>(null);

  constructor() {
    this.store.start();
    const doc = inject(DOCUMENT);
    const outside = (event: Event) => {
      if (this.menuFor() === null) return;
      const menu = this.host.nativeElement.querySelector(`#book-menu-${this.menuFor()}`);
      if (!menu?.contains(event.target as Node)) this.menuFor.set(null);
    };
    doc.addEventListener('click', outside);
    inject(DestroyRef).onDestroy(() => doc.removeEventListener('click', outside));
  }

  protected toggleMenu(id: number, event: Event): void {
    event.stopPropagation();
    this.menuFor.set(this.menuFor() === id ? null : id);
    if (this.menuFor() !== null) setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`#book-menu-${id} button`)?.focus());
  }

  protected open(action: 'share' | 'rename' | 'delete' | 'leave', book: AddressBook): void {
    this.menuFor.set(null);
    if (action === 'share') this.sharing.set(book);
    else if (action === 'rename') this.naming.set(book);
    else this.confirming.set({ kind: action, book });
  }

  protected named(book: AddressBook | null, created: boolean): void {
    this.naming.set(null);
    if (!book) return;
    if (created) {
      this.toasts.success(`Address book “${book.name}” was created`);
      this.select(book.id);
    } else {
      this.toasts.success(`Renamed to “${book.name}”`);
    }
  }

  protected deleteMessage(book: AddressBook): string {
    const n = book.contact_count;
    const contacts = n === 0 ? 'It has no contacts.' : `Its ${n} contact${n === 1 ? ' is' : 's are'} deleted with it.`;
    return `${contacts} Everyone it is shared with loses it too.`;
  }

  protected async confirmDelete(book: AddressBook): Promise<void> {
    this.confirming.set(null);
    try {
      await this.store.delete(book.id);
      this.toasts.success(`“${book.name}” was deleted`);
    } catch (err) {
      const parsed = parseApiError(err);
      this.toasts.error(parsed.status === 409 ? `“${book.name}” was not deleted: ${parsed.message}` : `Could not delete “${book.name}”: ${parsed.message}`);
    }
  }

  protected async confirmLeave(book: AddressBook): Promise<void> {
    this.confirming.set(null);
    try {
      await this.store.leave(book.id);
      this.toasts.success(`You left “${book.name}”`);
    } catch (err) {
      this.toasts.error(`Could not leave “${book.name}”: ${parseApiError(err).message}`);
    }
  }

  private select(id: number | null): void {
    void this.router.navigate(['/'], { queryParams: { book: id, page: null }, queryParamsHandling: 'merge' });
  }
}
