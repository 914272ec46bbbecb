import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import type { Contact, ContactFields } from '@contacts/wire-types';
import type { FieldChange } from '../shared/field-diff';

/** A 412 answer: the server's current contact differs from the version the edit started from. */
export interface Conflict {
  theirs: Contact;
  etag: string | null;
  mine: ContactFields;
  /** Fields where mine and theirs differ (before = mine, after = theirs). */
  changes: FieldChange[];
}

@Component({
  selector: 'app-edit-conflict',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="rounded-xl border border-amber-300 bg-amber-50 p-4" aria-labelledby="conflict-title" tabindex="-1">
      <h3 id="conflict-title" class="font-semibold text-amber-900">Someone else changed this contact while you were editing</h3>
      @if (conflict().changes.length) {
        <table class="mt-3 w-full text-left text-sm">
          <caption class="sr-only">Your values compared with the saved values</caption>
          <thead class="text-xs uppercase text-amber-900">
            <tr><th scope="col" class="py-1 pr-2">Field</th><th scope="col" class="py-1 pr-2">Yours</th><th scope="col" class="py-1">Theirs</th></tr>
          </thead>
          <tbody>
            @for (c of conflict().changes; track c.field) {
              <tr class="border-t border-amber-200 align-top">
                <th scope="row" class="py-1.5 pr-2 font-medium">{{ c.label }}</th>
                <td class="py-1.5 pr-2 break-all">{{ c.before }}</td>
                <td class="py-1.5 break-all">{{ c.after }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="mt-2 text-sm text-amber-900">Their saved values are the same as yours.</p>
      }
      <div class="mt-3 flex flex-wrap gap-2">
        <button type="button" class="rounded-lg bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-600" (click)="keepMine.emit()">
          Keep mine
        </button>
        <button type="button" class="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50" (click)="useTheirs.emit()">
          Use theirs
        </button>
      </div>
    </section>
  `,
})
export class EditConflictComponent {
  readonly conflict = input.required<Conflict>();
  readonly keepMine = output<void>();
  readonly useTheirs = output<void>();

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    // Move focus to the choice so keyboard and screen-reader users meet it at once.
    afterNextRender(() => host.nativeElement.querySelector<HTMLElement>('section')?.focus());
  }
}
