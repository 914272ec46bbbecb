import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { BirthdayParts } from './contact-form';

const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, i, 1))),
);
const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);

/** Day, month and an optional year: a birthday with its year (`1815-12-10`) or without (`--12-10`). */
@Component({
  selector: 'app-birthday-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="flex flex-col gap-1" [attr.aria-describedby]="error() ? errorId() : hintId()">
      <legend class="text-sm font-medium text-slate-700">Birthday</legend>
      <div class="flex flex-wrap items-end gap-2">
        <div class="flex flex-col gap-0.5">
          <label [for]="idPrefix() + '-birthday'" class="text-xs text-slate-600">Day</label>
          <select
            [id]="idPrefix() + '-birthday'"
            name="birthday_day"
            class="rounded-lg border bg-white px-2 py-2 text-sm"
            [class.border-red-500]="!!error()"
            [class.border-slate-300]="!error()"
            [attr.aria-invalid]="error() ? 'true' : null"
            [attr.aria-describedby]="error() ? errorId() : null"
            (change)="set('day', $any($event.target).value)"
          >
            <option value="" [selected]="!parts().day">—</option>
            @for (d of days; track d) {
              <option [value]="d" [selected]="parts().day === '' + d">{{ d }}</option>
            }
          </select>
        </div>
        <div class="flex flex-col gap-0.5">
          <label [for]="idPrefix() + '-birthday-month'" class="text-xs text-slate-600">Month</label>
          <select
            [id]="idPrefix() + '-birthday-month'"
            name="birthday_month"
            class="rounded-lg border bg-white px-2 py-2 text-sm"
            [class.border-red-500]="!!error()"
            [class.border-slate-300]="!error()"
            [attr.aria-invalid]="error() ? 'true' : null"
            [attr.aria-describedby]="error() ? errorId() : null"
            (change)="set('month', $any($event.target).value)"
          >
            <option value="" [selected]="!parts().month">—</option>
            @for (m of months; track $index) {
              <option [value]="$index + 1" [selected]="parts().month === '' + ($index + 1)">{{ m }}</option>
            }
          </select>
        </div>
        <div class="flex flex-col gap-0.5">
          <label [for]="idPrefix() + '-birthday-year'" class="text-xs text-slate-600">Year (optional)</label>
          <input
            [id]="idPrefix() + '-birthday-year'"
            name="birthday_year"
            inputmode="numeric"
            autocomplete="off"
            maxlength="4"
            placeholder="e.g. 1815"
            class="w-28 rounded-lg border bg-white px-3 py-2 text-sm placeholder:text-slate-400"
            [class.border-red-500]="!!error()"
            [class.border-slate-300]="!error()"
            [attr.aria-invalid]="error() ? 'true' : null"
            [attr.aria-describedby]="error() ? errorId() : null"
            [value]="parts().year"
            (input)="set('year', $any($event.target).value)"
          />
        </div>
        @if (parts().day || parts().month || parts().year) {
          <button type="button" class="rounded-md px-2 py-2 text-sm text-slate-600 hover:bg-slate-100" (click)="clear()">Clear birthday</button>
        }
      </div>
      @if (error(); as message) {
        <p [id]="errorId()" class="text-xs font-medium text-red-700" data-testid="field-error">{{ message }}</p>
      } @else {
        <p [id]="hintId()" class="text-xs text-slate-500">Leave the year empty if you do not know it.</p>
      }
    </fieldset>
  `,
})
export class BirthdayFieldComponent {
  readonly parts = input.required<BirthdayParts>();
  readonly error = input<string | undefined>(undefined);
  readonly idPrefix = input.required<string>();
  /** One input changed; the owner applies it to the latest value (two changes may come before a render). */
  readonly partChange = output<{ part: keyof BirthdayParts; value: string }>();
  readonly cleared = output<void>();

  protected readonly days = DAYS;
  protected readonly months = MONTHS;
  protected readonly errorId = () => `${this.idPrefix()}-birthday-error`;
  protected readonly hintId = () => `${this.idPrefix()}-birthday-hint`;

  protected set(part: keyof BirthdayParts, value: string): void {
    this.partChange.emit({ part, value });
  }

  protected clear(): void {
    this.cleared.emit();
  }
}
