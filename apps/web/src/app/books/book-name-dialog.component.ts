import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output, signal, viewChild } from '@angular/core';
import { ADDRESS_BOOK_NAME_MAX_LENGTH, type AddressBook } from '@contacts/wire-types';
import { parseFormError } from '../shared/api-error';
import { openModalOnRender } from '../shared/modal-dialog';
import { AddressBooksStore } from './address-books.store';

/** Create a book, or rename one (owner only): one name, 1–100 characters. */
@Component({
  selector: 'app-book-name-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="m-auto w-[calc(100%-1.5rem)] max-w-md rounded-card border border-slate-200 bg-white p-0 shadow-2xl"
      aria-labelledby="book-name-title"
      (cancel)="$event.preventDefault(); closed.emit(null)"
    >
      <form class="flex flex-col gap-4 p-6" novalidate (submit)="$event.preventDefault(); save()">
        <h2 id="book-name-title" class="text-lg font-semibold text-slate-900">{{ book() ? 'Rename “' + book()!.name + '”' : 'New address book' }}</h2>
        <div class="flex flex-col gap-1">
          <label for="book-name" class="text-sm font-medium text-slate-700">Name</label>
          <input
            #nameInput
            id="book-name"
            name="name"
            type="text"
            autocomplete="off"
            placeholder="e.g. Family"
            [attr.maxlength]="cap"
            class="rounded-lg border bg-white px-3 py-2 text-sm"
            [class.border-red-500]="!!error()"
            [class.border-slate-300]="!error()"
            [value]="name()"
            (input)="name.set($any($event.target).value); error.set('')"
            [attr.aria-invalid]="error() ? 'true' : null"
            [attr.aria-describedby]="error() ? 'book-name-error' : null"
            required
          />
          @if (error()) {
            <p id="book-name-error" class="text-xs font-medium text-red-700" data-testid="field-error">{{ error() }}</p>
          }
        </div>
        <div class="flex justify-end gap-3">
          <button type="button" class="rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50" (click)="closed.emit(null)">Cancel</button>
          <button type="submit" class="rounded-lg bg-brand-800 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:opacity-60" [disabled]="saving()">
            {{ saving() ? 'Saving…' : book() ? 'Rename' : 'Create book' }}
          </button>
        </div>
      </form>
    </dialog>
  `,
})
export class BookNameDialogComponent {
  private readonly store = inject(AddressBooksStore);
  /** The book to rename; null to create one. */
  readonly book = input<AddressBook | null>(null);
  /** The created or renamed book, or null when cancelled. */
  readonly closed = output<AddressBook | null>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');
  protected readonly cap = ADDRESS_BOOK_NAME_MAX_LENGTH * 2;
  protected readonly name = signal('');
  protected readonly error = signal('');
  protected readonly saving = signal(false);

  constructor() {
    openModalOnRender(this.dialog);
    afterNextRender(() => {
      this.name.set(this.book()?.name ?? '');
      const el = this.nameInput().nativeElement;
      el.value = this.name();
      el.focus();
      el.select();
    });
  }

  protected async save(): Promise<void> {
    const name = this.name().trim();
    if (!name) return this.invalid('Name is required.');
    if ([...name].length > ADDRESS_BOOK_NAME_MAX_LENGTH) return this.invalid(`Name must be at most ${ADDRESS_BOOK_NAME_MAX_LENGTH} characters.`);
    const book = this.book();
    if (book && name === book.name) {
      this.closed.emit(null);
      return;
    }
    this.saving.set(true);
    try {
      this.closed.emit(book ? await this.store.rename(book.id, name) : await this.store.create(name));
    } catch (err) {
      const parsed = parseFormError(err, ['name']);
      this.invalid(parsed.fields.name ?? parsed.message);
    } finally {
      this.saving.set(false);
    }
  }

  private invalid(message: string): void {
    this.error.set(message);
    this.nameInput().nativeElement.focus();
  }
}
