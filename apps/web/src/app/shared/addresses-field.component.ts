import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, output } from '@angular/core';
import { CONTACT_DETAIL_LIMITS, POSTAL_ADDRESS_PARTS, type PostalAddress } from '@contacts/wire-types';
import type { AddressRow } from './contact-form';
import { ADDRESS_PART_LABELS, type ClientFieldErrors } from './contact-validation';
import { fieldId } from './field-id';

export const ADDRESS_LABELS = ['home', 'work', 'other'] as const;

type AddressField = keyof PostalAddress;

const AUTOCOMPLETE: Record<Exclude<AddressField, 'label'>, string> = {
  street: 'street-address',
  city: 'address-level2',
  region: 'address-level1',
  postal_code: 'postal-code',
  country: 'country-name',
};

/** Postal addresses, each with a label and its parts; added and removed. */
@Component({
  selector: 'app-addresses-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="flex flex-col gap-2" data-testid="addresses">
      <legend class="text-sm font-medium text-slate-700">Addresses</legend>
      <datalist [id]="idPrefix() + '-address-labels'">
        @for (l of labels; track l) {
          <option [value]="l"></option>
        }
      </datalist>
      @for (row of rows(); track row.key; let i = $index) {
        <div class="grid gap-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-2" data-testid="address-row" role="group" [attr.aria-label]="'Address ' + (i + 1)">
          @for (part of fields; track part) {
            <div class="flex flex-col gap-0.5" [class.sm:col-span-2]="part === 'street'">
              <label [for]="id(i, part)" class="text-xs text-slate-600">{{ partLabels[part] }}</label>
              <input
                [id]="id(i, part)"
                [attr.list]="part === 'label' ? idPrefix() + '-address-labels' : null"
                [attr.data-part]="part"
                [attr.autocomplete]="part === 'label' ? 'off' : autocomplete[part]"
                [attr.maxlength]="part === 'label' ? labelCap : partCap"
                class="rounded-lg border bg-white px-3 py-2 text-sm"
                [class.border-red-500]="!!error(i, part)"
                [class.border-slate-300]="!error(i, part)"
                [attr.aria-invalid]="error(i, part) ? 'true' : null"
                [attr.aria-describedby]="error(i, part) ? id(i, part) + '-error' : null"
                [value]="row[part]"
                (input)="update(i, part, $any($event.target).value)"
              />
              @if (error(i, part); as message) {
                <p [id]="id(i, part) + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ message }}</p>
              }
            </div>
          }
          <div class="sm:col-span-2">
            <button
              type="button"
              class="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50"
              [attr.aria-label]="'Remove address ' + (i + 1)"
              (click)="remove(i)"
            >
              Remove address
            </button>
          </div>
        </div>
      }
      @if (errors()['addresses']; as message) {
        <p [id]="idPrefix() + '-addresses-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ message }}</p>
      }
      <div>
        <button
          type="button"
          [id]="idPrefix() + '-addresses'"
          class="rounded-md px-2 py-1 text-sm font-medium text-brand-800 hover:bg-slate-100 disabled:text-slate-400"
          [disabled]="rows().length >= max"
          [attr.aria-describedby]="errors()['addresses'] ? idPrefix() + '-addresses-error' : null"
          (click)="add()"
        >
          + Add address
        </button>
        @if (rows().length >= max) {
          <span class="text-xs text-slate-500">At most {{ max }}.</span>
        }
      </div>
    </fieldset>
  `,
})
export class AddressesFieldComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  readonly rows = input.required<readonly AddressRow[]>();
  readonly errors = input<ClientFieldErrors>({});
  readonly idPrefix = input.required<string>();
  /** Told, not applied: the owner applies it to its latest value (see LabeledValuesFieldComponent). */
  readonly rowChange = output<{ index: number; part: AddressField; text: string }>();
  readonly added = output<string>();
  readonly removed = output<number>();

  protected readonly labels = ADDRESS_LABELS;
  protected readonly fields: readonly AddressField[] = ['label', ...POSTAL_ADDRESS_PARTS];
  protected readonly partLabels: Record<AddressField, string> = { label: 'Label', ...ADDRESS_PART_LABELS };
  protected readonly autocomplete = AUTOCOMPLETE;
  protected readonly max = CONTACT_DETAIL_LIMITS.addresses;
  protected readonly labelCap = CONTACT_DETAIL_LIMITS.label * 2;
  protected readonly partCap = CONTACT_DETAIL_LIMITS.addressPart * 2;

  protected path(i: number, part: AddressField): string {
    return `addresses[${i}].${part}`;
  }

  protected id(i: number, part: AddressField): string {
    return fieldId(this.idPrefix(), this.path(i, part));
  }

  protected error(i: number, part: AddressField): string | undefined {
    return this.errors()[this.path(i, part)];
  }

  protected update(i: number, part: AddressField, text: string): void {
    this.rowChange.emit({ index: i, part, text });
  }

  protected add(): void {
    this.added.emit('home');
    this.focusAfterRender((streets) => streets.item(streets.length - 1));
  }

  protected remove(i: number): void {
    this.removed.emit(i);
    this.focusAfterRender((streets) => streets.item(Math.min(i, streets.length - 1)));
  }

  /** Focus stays in the list: the chosen address's street once rendered, else "Add address". */
  private focusAfterRender(pick: (streets: NodeListOf<HTMLElement>) => HTMLElement | null): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        const target = pick(root.querySelectorAll<HTMLElement>('[data-part=street]')) ?? root.querySelector<HTMLElement>(`#${this.idPrefix()}-addresses`);
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
