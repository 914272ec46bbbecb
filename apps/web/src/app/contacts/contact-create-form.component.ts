import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactFieldsComponent } from '../shared/contact-fields.component';
import { emptyForm, formToFields } from '../shared/contact-form';
import { hasErrors, validateContact } from '../shared/contact-validation';
import { PendingCreatesStore } from './pending-creates.store';

@Component({
  selector: 'app-contact-create-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ContactFieldsComponent],
  template: `
    <form
      class="rounded-card border border-slate-200 bg-white p-5 shadow-sm"
      aria-labelledby="create-heading"
      novalidate
      (submit)="$event.preventDefault(); submit()"
    >
      <div class="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="create-heading" class="text-base font-semibold text-slate-900">New contact</h2>
        <p class="text-xs text-slate-600">
          Saving takes about {{ seconds }} s — keep adding contacts meanwhile.
        </p>
      </div>
      <app-contact-fields
        idPrefix="create"
        [autocomplete]="false"
        [collapsible]="true"
        [(value)]="store.draft"
        [(errors)]="store.draftErrors"
        (edited)="recheck($event)"
      />
      @if (choices().length > 1) {
        <div class="mt-3 flex flex-col gap-1 sm:w-1/2 sm:pr-1.5">
          <label for="create-book" class="text-sm font-medium text-slate-700">Address book</label>
          <select
            id="create-book"
            name="address_book"
            class="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
            (change)="store.draftBook.set(+$any($event.target).value)"
          >
            @for (b of choices(); track b.id) {
              <option [value]="b.id" [selected]="b.id === store.draftBook()">{{ b.name }}{{ b.role === 'owner' ? '' : ' (shared)' }}</option>
            }
          </select>
        </div>
      }
      <div class="mt-4 flex items-center justify-end gap-3">
        @if (!store.draftIsEmpty()) {
          <button type="button" class="rounded-lg px-3 py-2 text-sm text-slate-600 hover:bg-slate-100" (click)="clear()">
            Clear
          </button>
        }
        <button
          type="submit"
          class="rounded-lg bg-brand-800 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-900"
        >
          Create contact
        </button>
      </div>
    </form>
  `,
})
export class ContactCreateFormComponent {
  protected readonly store = inject(PendingCreatesStore);
  private readonly books = inject(AddressBooksStore);
  private readonly fields = viewChild.required(ContactFieldsComponent);
  protected readonly seconds = Math.round(this.store.delayMs / 1000);
  /** The book selected in the sidebar (null: all books). */
  readonly selectedBook = input<number | null>(null);
  /** Books a new contact can go to (none to choose from without accounts). */
  protected readonly choices = computed(() => (this.books.enabled() ? this.books.writable() : []));
  private lastSelected: number | null | undefined;

  constructor() {
    // The form creates into the selected book when I may add to it; otherwise it keeps a book I
    // can write to, my first own one by default.
    effect(() => {
      const selected = this.selectedBook();
      const choices = this.choices();
      untracked(() => {
        const followSelection = selected !== this.lastSelected && selected !== null && choices.some((b) => b.id === selected);
        this.lastSelected = selected;
        const current = this.store.draftBook();
        if (followSelection) this.store.draftBook.set(selected);
        else if (current === null || !choices.some((b) => b.id === current)) this.store.draftBook.set(this.books.defaultBookFor(selected));
      });
    });
    // Rejected by the server (e.g. duplicate email): take the user to the field that needs fixing.
    this.store.returnedToForm$
      .pipe(takeUntilDestroyed())
      .subscribe((errors) => setTimeout(() => this.fields().focusFirstInvalid(errors)));
  }

  protected submit(): void {
    const errors = validateContact(this.store.draft());
    this.store.draftErrors.set(errors);
    if (hasErrors(errors)) {
      this.fields().focusFirstInvalid(errors);
      return;
    }
    this.store.submit(formToFields(this.store.draft()), this.books.enabled() ? this.store.draftBook() : null);
    // Free for the next contact at once; the pending row tracks the one just sent.
    this.store.draft.set(emptyForm());
    this.fields().focus('first_name');
  }

  protected clear(): void {
    this.store.draft.set(emptyForm());
    this.store.draftErrors.set({});
  }

  /** Once a field shows an error, re-check it as the user types so the message clears when fixed. */
  protected recheck(path: string): void {
    const current = this.store.draftErrors();
    if (!current[path]) return;
    const next = { ...current };
    const message = validateContact(this.store.draft())[path];
    if (message) next[path] = message;
    else delete next[path];
    this.store.draftErrors.set(next);
  }
}
