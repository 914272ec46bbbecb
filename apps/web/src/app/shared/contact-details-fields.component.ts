import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { CONTACT_DETAIL_LIMITS } from '@contacts/wire-types';
import { AddressesFieldComponent } from './addresses-field.component';
import { BirthdayFieldComponent } from './birthday-field.component';
import { newAddressRow, newLabeledRow, type BirthdayParts, type ContactForm, type ListFieldName } from './contact-form';
import { withoutRowErrors, type ClientFieldErrors } from './contact-validation';
import { LabeledValuesFieldComponent } from './labeled-values-field.component';

type TextDetail = 'organization' | 'job_title';

/** The optional fields of a contact: organization, job title, birthday, more emails, phones, addresses, notes. */
@Component({
  selector: 'app-contact-details-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BirthdayFieldComponent, LabeledValuesFieldComponent, AddressesFieldComponent],
  host: { class: 'flex flex-col gap-4 border-t border-slate-200 pt-4' },
  template: `
    <div class="grid gap-3 sm:grid-cols-2">
      @for (f of texts; track f.name) {
        <div class="flex flex-col gap-1">
          <label [for]="idPrefix() + '-' + f.name" class="text-sm font-medium text-slate-700">{{ f.label }}</label>
          <input
            [id]="idPrefix() + '-' + f.name"
            [name]="f.name"
            [attr.autocomplete]="f.autocomplete"
            [attr.maxlength]="f.cap"
            class="rounded-lg border bg-white px-3 py-2 text-sm"
            [class.border-red-500]="!!errors()[f.name]"
            [class.border-slate-300]="!errors()[f.name]"
            [attr.aria-invalid]="errors()[f.name] ? 'true' : null"
            [attr.aria-describedby]="errors()[f.name] ? idPrefix() + '-' + f.name + '-error' : null"
            [value]="value()[f.name]"
            (input)="setText(f.name, $any($event.target).value)"
          />
          @if (errors()[f.name]; as message) {
            <p [id]="idPrefix() + '-' + f.name + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ message }}</p>
          }
        </div>
      }
    </div>
    <app-birthday-field
      [idPrefix]="idPrefix()"
      [parts]="value().birthday"
      [error]="errors()['birthday']"
      (partChange)="setBirthday($event.part, $event.value)"
      (cleared)="clearBirthday()"
    />
    <app-labeled-values-field
      kind="email"
      [idPrefix]="idPrefix()"
      [rows]="value().other_emails"
      [errors]="errors()"
      (rowChange)="setRow('other_emails', $event.index, $event.part, $event.text)"
      (added)="addRow('other_emails', $event)"
      (removed)="removeRow('other_emails', $event)"
    />
    <app-labeled-values-field
      kind="phone"
      [idPrefix]="idPrefix()"
      [rows]="value().other_phones"
      [errors]="errors()"
      (rowChange)="setRow('other_phones', $event.index, $event.part, $event.text)"
      (added)="addRow('other_phones', $event)"
      (removed)="removeRow('other_phones', $event)"
    />
    <app-addresses-field
      [idPrefix]="idPrefix()"
      [rows]="value().addresses"
      [errors]="errors()"
      (rowChange)="setRow('addresses', $event.index, $event.part, $event.text)"
      (added)="addRow('addresses', $event)"
      (removed)="removeRow('addresses', $event)"
    />
    <div class="flex flex-col gap-1">
      <label [for]="idPrefix() + '-notes'" class="text-sm font-medium text-slate-700">Notes</label>
      <textarea
        [id]="idPrefix() + '-notes'"
        name="notes"
        rows="3"
        [attr.maxlength]="notesCap"
        class="rounded-lg border bg-white px-3 py-2 text-sm"
        [class.border-red-500]="!!errors()['notes']"
        [class.border-slate-300]="!errors()['notes']"
        [attr.aria-invalid]="errors()['notes'] ? 'true' : null"
        [attr.aria-describedby]="errors()['notes'] ? idPrefix() + '-notes-error' : null"
        [value]="value().notes"
        (input)="setNotes($any($event.target).value)"
      ></textarea>
      @if (errors()['notes']; as message) {
        <p [id]="idPrefix() + '-notes-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ message }}</p>
      }
    </div>
  `,
})
export class ContactDetailsFieldsComponent {
  readonly value = input.required<ContactForm>();
  readonly errors = input<ClientFieldErrors>({});
  readonly idPrefix = input.required<string>();
  /**
   * Every change goes out as a function of the form, applied by the one owner of the form
   * state to its latest value: two changes may come before the next render (autofill, quick
   * clicks, a mandatory field typed in the same frame), and `value` would still be the old one.
   */
  readonly update = output<(form: ContactForm) => ContactForm>();
  readonly updateErrors = output<(errors: ClientFieldErrors) => ClientFieldErrors>();
  readonly edited = output<string>();

  protected readonly texts: readonly { name: TextDetail; label: string; autocomplete: string; cap: number }[] = [
    { name: 'organization', label: 'Organization', autocomplete: 'organization', cap: CONTACT_DETAIL_LIMITS.organization * 2 },
    { name: 'job_title', label: 'Job title', autocomplete: 'organization-title', cap: CONTACT_DETAIL_LIMITS.job_title * 2 },
  ];
  protected readonly notesCap = CONTACT_DETAIL_LIMITS.notes * 2;

  protected setText(name: TextDetail, text: string): void {
    this.update.emit((v) => ({ ...v, [name]: text }));
    this.edited.emit(name);
  }

  protected setNotes(text: string): void {
    this.update.emit((v) => ({ ...v, notes: text }));
    this.edited.emit('notes');
  }

  protected setBirthday(part: keyof BirthdayParts, text: string): void {
    this.update.emit((v) => ({ ...v, birthday: { ...v.birthday, [part]: text } }));
    this.edited.emit('birthday');
  }

  protected clearBirthday(): void {
    this.update.emit((v) => ({ ...v, birthday: { day: '', month: '', year: '' } }));
    this.edited.emit('birthday');
  }

  protected setRow(list: ListFieldName, index: number, part: string, text: string): void {
    this.update.emit((v) => ({ ...v, [list]: (v[list] as object[]).map((row, i) => (i === index ? { ...row, [part]: text } : row)) }));
    this.edited.emit(`${list}[${index}].${part}`);
  }

  protected addRow(list: ListFieldName, label: string): void {
    const row = list === 'addresses' ? newAddressRow(label) : newLabeledRow(label);
    this.update.emit((v) => ({ ...v, [list]: [...v[list], row] }));
  }

  protected removeRow(list: ListFieldName, index: number): void {
    this.update.emit((v) => ({ ...v, [list]: (v[list] as object[]).filter((_, i) => i !== index) }));
    this.updateErrors.emit((errors) => withoutRowErrors(errors, list, index));
    this.edited.emit(list);
  }
}
