import { ChangeDetectionStrategy, Component, ElementRef, inject, input, model, output } from '@angular/core';
import { CONTACT_FIELD_MAX_LENGTH, CONTACT_FIELD_NAMES, type ContactFieldName, type ContactFields } from '@contacts/wire-types';
import { FIELD_LABELS, type ClientFieldErrors } from './contact-validation';

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

/** The four labelled contact inputs with their error messages; shared by create and edit. */
@Component({
  selector: 'app-contact-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'grid gap-3 sm:grid-cols-2' },
  template: `
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
  `,
})
export class ContactFieldsComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly value = model.required<ContactFields>();
  readonly errors = input<ClientFieldErrors>({});
  readonly idPrefix = input.required<string>();
  readonly autocomplete = input(false);
  /** Which field the user just changed, so the parent can re-check only that one. */
  readonly edited = output<ContactFieldName>();

  protected readonly names = CONTACT_FIELD_NAMES;
  protected readonly labels = FIELD_LABELS;
  protected readonly types = INPUT_TYPE;
  protected readonly autocompletes = AUTOCOMPLETE;
  protected readonly inputCap = INPUT_CAP;

  protected set(name: ContactFieldName, text: string): void {
    this.value.update((v) => ({ ...v, [name]: text }));
    this.edited.emit(name);
  }

  focus(name: ContactFieldName = 'first_name'): void {
    this.host.nativeElement.querySelector<HTMLInputElement>(`#${this.idPrefix()}-${name}`)?.focus();
  }

  focusFirstInvalid(errors: ClientFieldErrors): void {
    const first = CONTACT_FIELD_NAMES.find((n) => errors[n]);
    if (first) this.focus(first);
  }
}
