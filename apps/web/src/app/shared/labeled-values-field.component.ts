import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, input, output } from '@angular/core';
import { CONTACT_DETAIL_LIMITS, CONTACT_FIELD_MAX_LENGTH } from '@contacts/wire-types';
import type { LabeledRow } from './contact-form';
import type { ClientFieldErrors } from './contact-validation';
import { fieldId } from './field-id';

/** Labels offered for the rows; any other text may be typed (Apple's custom labels arrive that way too). */
export const EMAIL_LABELS = ['home', 'work', 'other'] as const;
export const PHONE_LABELS = ['mobile', 'home', 'work', 'main', 'home fax', 'work fax', 'pager', 'other'] as const;

interface Kind {
  list: 'other_emails' | 'other_phones';
  legend: string;
  /** "Other email 2" — each input's own accessible name. */
  noun: string;
  type: 'email' | 'tel';
  labels: readonly string[];
  defaultLabel: string;
  max: number;
  /** maxlength counts UTF-16 units, the limit code points: twice the limit never cuts a valid value. */
  cap: number;
}

const KINDS: Record<'email' | 'phone', Kind> = {
  email: {
    list: 'other_emails',
    legend: 'Other emails',
    noun: 'Other email',
    type: 'email',
    labels: EMAIL_LABELS,
    defaultLabel: 'work',
    max: CONTACT_DETAIL_LIMITS.otherEmails,
    cap: CONTACT_FIELD_MAX_LENGTH.email * 2,
  },
  phone: {
    list: 'other_phones',
    legend: 'Other phones',
    noun: 'Other phone',
    type: 'tel',
    labels: PHONE_LABELS,
    defaultLabel: 'mobile',
    max: CONTACT_DETAIL_LIMITS.otherPhones,
    cap: CONTACT_FIELD_MAX_LENGTH.phone * 2,
  },
};

/** More emails or phones, each with a label picked from the common ones or typed; rows added and removed. */
@Component({
  selector: 'app-labeled-values-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let k = config();
    <fieldset class="flex flex-col gap-2" [attr.data-testid]="k.list">
      <legend class="text-sm font-medium text-slate-700">{{ k.legend }}</legend>
      <datalist [id]="idPrefix() + '-' + kind() + '-labels'">
        @for (l of k.labels; track l) {
          <option [value]="l"></option>
        }
      </datalist>
      @for (row of rows(); track row.key; let i = $index) {
        <div class="flex flex-wrap items-start gap-2" data-testid="list-row">
          <div class="flex w-32 flex-col gap-0.5">
            <label [for]="id(i, 'label')" class="sr-only">Label of {{ k.noun.toLowerCase() }} {{ i + 1 }}</label>
            <input
              [id]="id(i, 'label')"
              [attr.list]="idPrefix() + '-' + kind() + '-labels'"
              autocomplete="off"
              [attr.maxlength]="labelCap"
              placeholder="Label"
              class="w-full rounded-lg border bg-white px-3 py-2 text-sm placeholder:text-slate-400"
              [class.border-red-500]="!!error(i, 'label')"
              [class.border-slate-300]="!error(i, 'label')"
              [attr.aria-invalid]="error(i, 'label') ? 'true' : null"
              [attr.aria-describedby]="error(i, 'label') ? id(i, 'label') + '-error' : null"
              [value]="row.label"
              (input)="update(i, 'label', $any($event.target).value)"
            />
            @if (error(i, 'label'); as message) {
              <p [id]="id(i, 'label') + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ message }}</p>
            }
          </div>
          <div class="flex min-w-40 flex-1 flex-col gap-0.5">
            <label [for]="id(i, 'value')" class="sr-only">{{ k.noun }} {{ i + 1 }}</label>
            <input
              [id]="id(i, 'value')"
              [type]="k.type"
              autocomplete="off"
              [attr.maxlength]="k.cap"
              class="w-full rounded-lg border bg-white px-3 py-2 text-sm"
              [class.border-red-500]="!!error(i, 'value')"
              [class.border-slate-300]="!error(i, 'value')"
              [attr.aria-invalid]="error(i, 'value') ? 'true' : null"
              [attr.aria-describedby]="error(i, 'value') ? id(i, 'value') + '-error' : null"
              [value]="row.value"
              (input)="update(i, 'value', $any($event.target).value)"
            />
            @if (error(i, 'value'); as message) {
              <p [id]="id(i, 'value') + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ message }}</p>
            }
          </div>
          <button
            type="button"
            class="rounded-md px-2 py-2 text-sm text-red-700 hover:bg-red-50"
            [attr.aria-label]="'Remove ' + k.noun.toLowerCase() + ' ' + (i + 1)"
            (click)="remove(i)"
          >
            Remove
          </button>
        </div>
      }
      @if (errors()[k.list]; as message) {
        <p [id]="idPrefix() + '-' + k.list + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ message }}</p>
      }
      <div>
        <button
          type="button"
          [id]="idPrefix() + '-' + k.list"
          class="rounded-md px-2 py-1 text-sm font-medium text-brand-800 hover:bg-slate-100 disabled:text-slate-400"
          [disabled]="rows().length >= k.max"
          [attr.aria-describedby]="errors()[k.list] ? idPrefix() + '-' + k.list + '-error' : null"
          (click)="add()"
        >
          + Add {{ kind() === 'email' ? 'email' : 'phone' }}
        </button>
        @if (rows().length >= k.max) {
          <span class="text-xs text-slate-500">At most {{ k.max }}.</span>
        }
      </div>
    </fieldset>
  `,
})
export class LabeledValuesFieldComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  readonly kind = input.required<'email' | 'phone'>();
  readonly rows = input.required<readonly LabeledRow[]>();
  readonly errors = input<ClientFieldErrors>({});
  readonly idPrefix = input.required<string>();
  /*
   * Changes are told, not applied: the owner applies them to its latest value, since two may
   * come before the next render (autofill, quick clicks) and this input would still be the old one.
   */
  readonly rowChange = output<{ index: number; part: 'label' | 'value'; text: string }>();
  /** A new row with this label is wanted at the end. */
  readonly added = output<string>();
  /** Row `index` is to go (its messages too; the ones of the rows after it move up). */
  readonly removed = output<number>();

  protected readonly config = computed(() => KINDS[this.kind()]);
  protected readonly labelCap = CONTACT_DETAIL_LIMITS.label * 2;

  protected path(i: number, part: 'label' | 'value'): string {
    return `${this.config().list}[${i}].${part}`;
  }

  protected id(i: number, part: 'label' | 'value'): string {
    return fieldId(this.idPrefix(), this.path(i, part));
  }

  protected error(i: number, part: 'label' | 'value'): string | undefined {
    return this.errors()[this.path(i, part)];
  }

  protected update(i: number, part: 'label' | 'value', text: string): void {
    this.rowChange.emit({ index: i, part, text });
  }

  protected add(): void {
    this.added.emit(this.config().defaultLabel);
    // The new row is the last one once rendered.
    afterNextRender(
      () => {
        const values = this.host.nativeElement.querySelectorAll<HTMLElement>('[data-testid=list-row] input:not([list])');
        values.item(values.length - 1)?.focus();
      },
      { injector: this.injector },
    );
  }

  protected remove(i: number): void {
    this.removed.emit(i);
    // Focus stays in the list: the row that moved into this place, else the one before, else "Add".
    afterNextRender(
      () => {
        const values = this.host.nativeElement.querySelectorAll<HTMLElement>('[data-testid=list-row] input:not([list])');
        const target = values.item(Math.min(i, values.length - 1)) ?? this.host.nativeElement.querySelector<HTMLElement>(`#${this.idPrefix()}-${this.config().list}`);
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
