import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, afterNextRender, computed, effect, inject, input, model, output, signal, untracked } from '@angular/core';
import { CONTACT_FIELD_MAX_LENGTH, CONTACT_FIELD_NAMES, type ContactFieldName } from '@contacts/wire-types';
import { hasDetails, type ContactForm } from './contact-form';
import { ContactDetailsFieldsComponent } from './contact-details-fields.component';
import { FIELD_LABELS, formErrorPaths, type ClientFieldErrors } from './contact-validation';
import { describeErrorPath } from './error-path-label';
import { fieldId } from './field-id';

const INPUT_TYPE: Record<ContactFieldName, string> = { first_name: 'text', last_name: 'text', email: 'email', phone: 'tel' };
const AUTOCOMPLETE: Record<ContactFieldName, string> = {
  first_name: 'given-name',
  last_name: 'family-name',
  email: 'email',
  phone: 'tel',
};

/**
 * `maxlength` counts UTF-16 code units but the limits are code points (an emoji is two units), so
 * the cap is twice the limit: it never cuts off a valid value, and the validator's message covers
 * the rest.
 */
const INPUT_CAP = Object.fromEntries(
  CONTACT_FIELD_NAMES.map((n) => [n, CONTACT_FIELD_MAX_LENGTH[n] * 2]),
) as Readonly<Record<ContactFieldName, number>>;

/**
 * The contact's labelled inputs with their error messages, shared by create and edit: the four
 * mandatory fields, then the details (organization, birthday, more emails, phones and addresses,
 * notes) — behind "More details" when `collapsible` (the quick create form).
 */
@Component({
  selector: 'app-contact-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ContactDetailsFieldsComponent],
  host: { class: 'flex flex-col gap-4' },
  template: `
    <div class="grid gap-3 sm:grid-cols-2">
      @for (name of names; track name) {
        <div class="flex flex-col gap-1">
          <label [for]="idPrefix() + '-' + name" class="text-sm font-medium text-slate-700">{{ labels[name] }}</label>
          <input
            [id]="idPrefix() + '-' + name"
            [name]="name"
            [type]="types[name]"
            [attr.autocomplete]="autocomplete() ? autocompletes[name] : 'off'"
            [attr.maxlength]="inputCap[name]"
            [value]="value()[name]"
            (input)="set(name, $any($event.target).value)"
            [attr.aria-invalid]="errors()[name] ? 'true' : null"
            [attr.aria-describedby]="errors()[name] ? idPrefix() + '-' + name + '-error' : null"
            required
            class="rounded-lg border bg-white px-3 py-2 text-sm shadow-xs transition placeholder:text-slate-400"
            [class.border-red-500]="!!errors()[name]"
            [class.border-slate-300]="!errors()[name]"
          />
          @if (errors()[name]; as message) {
            <p [id]="idPrefix() + '-' + name + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">
              {{ message }}
            </p>
          }
        </div>
      }
    </div>
    @if (collapsible()) {
      <button
        type="button"
        class="self-start rounded-md px-2 py-1 text-sm font-medium text-brand-800 hover:bg-slate-100"
        [attr.aria-expanded]="expanded()"
        [attr.aria-controls]="expanded() ? idPrefix() + '-details' : null"
        (click)="expanded.set(!expanded())"
      >
        {{ expanded() ? 'Fewer details' : 'More details' }}
        <span class="font-normal text-slate-600">(organization, birthday, more emails, phones and addresses, notes)</span>
      </button>
    }
    @if (!collapsible() || expanded()) {
      <app-contact-details-fields
        [id]="idPrefix() + '-details'"
        [idPrefix]="idPrefix()"
        [value]="value()"
        [errors]="errors()"
        (update)="value.update($event)"
        (updateErrors)="errors.update($event)"
        (edited)="edited.emit($event)"
      />
    }
    @if (unplaced().length) {
      <ul class="list-inside list-disc text-xs font-medium text-red-700" data-testid="other-field-errors">
        @for (e of unplaced(); track e.path) {
          <li>{{ e.label }}: {{ e.message }}</li>
        }
      </ul>
    }
  `,
})
export class ContactFieldsComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  readonly value = model.required<ContactForm>();
  /** Messages by path; removing a row moves the messages of the rows after it. */
  readonly errors = model<ClientFieldErrors>({});
  readonly idPrefix = input.required<string>();
  readonly autocomplete = input(false);
  /** The details start folded away (and open by themselves when they hold something). */
  readonly collapsible = input(false);
  /** Which field path the user just changed, so the parent can re-check only that one. */
  readonly edited = output<string>();

  protected readonly expanded = signal(false);
  protected readonly names = CONTACT_FIELD_NAMES;
  protected readonly labels = FIELD_LABELS;
  protected readonly types = INPUT_TYPE;
  protected readonly autocompletes = AUTOCOMPLETE;
  protected readonly inputCap = INPUT_CAP;

  constructor() {
    // A draft handed back with details, or errors about them: show them rather than hide the problem.
    effect(() => {
      const errors = this.errors();
      const value = this.value();
      if (!untracked(this.expanded) && (hasDetails(value) || Object.keys(errors).some((path) => !isMandatory(path)))) {
        this.expanded.set(true);
      }
    });
  }

  /** Server messages on paths the form has no input for (a row that is gone): listed, not lost. */
  protected readonly unplaced = computed(() => {
    const known = formErrorPaths(this.value());
    return Object.entries(this.errors())
      .filter(([path, message]) => !!message && !known.has(path))
      .map(([path, message]) => ({ path, label: describeErrorPath(path) || path, message: message as string }));
  });

  protected set(name: ContactFieldName, text: string): void {
    this.value.update((v) => ({ ...v, [name]: text }));
    this.edited.emit(name);
  }

  focus(path: string = 'first_name'): void {
    this.host.nativeElement.querySelector<HTMLElement>(`#${fieldId(this.idPrefix(), path)}`)?.focus();
  }

  /** Focuses the first input with a message, in form order (after opening the details if one is there). */
  focusFirstInvalid(errors: ClientFieldErrors): void {
    // Called a moment after a server answer: the form may be gone by then (the user left the page).
    if (this.destroyRef.destroyed || !Object.keys(errors).length) return;
    const first = CONTACT_FIELD_NAMES.find((n) => errors[n]);
    if (first) {
      this.focus(first);
      return;
    }
    this.expanded.set(true);
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const target = root.querySelector<HTMLElement>('[aria-invalid=true]') ?? root.querySelector<HTMLElement>('[data-testid=field-error]');
        target?.focus();
        target?.scrollIntoView?.({ block: 'center' });
      },
      { injector: this.injector },
    );
  }
}

function isMandatory(path: string): boolean {
  return (CONTACT_FIELD_NAMES as readonly string[]).includes(path);
}
