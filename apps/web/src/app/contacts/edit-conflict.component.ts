import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import type { Contact } from '@contacts/wire-types';
import { FORM_FIELD_ORDER, fullFields, sameValue, type FullContactFields, type WritableFieldName } from '../shared/contact-form';
import { WRITABLE_FIELD_LABELS } from '../shared/contact-validation';
import { formatFieldValue } from '../shared/field-diff';

export interface ConflictRow {
  field: WritableFieldName;
  label: string;
  /** My edited value, or null when I did not edit this field (theirs is kept either way). */
  yours: string | null;
  theirs: string;
}

/** A 412 answer: the server's current contact differs from the version the edit started from. */
export interface Conflict {
  theirs: Contact;
  etag: string | null;
  /** Their version with my edits on top: what "Keep mine" saves. */
  merged: FullContactFields;
  rows: ConflictRow[];
}

/**
 * Three-way comparison: `original` is what I started editing, `mine` the form, `theirs` the
 * server's current contact. "Keep mine" writes only the fields I edited, so a field that only
 * they changed is not reverted by accident.
 */
export function buildConflict(original: FullContactFields, mine: FullContactFields, theirs: Contact, etag: string | null): Conflict {
  const current = fullFields(theirs);
  const merged: Record<WritableFieldName, unknown> = { ...current };
  const rows: ConflictRow[] = [];
  for (const field of FORM_FIELD_ORDER) {
    const edited = !sameValue(mine[field], original[field]);
    if (edited) merged[field] = mine[field];
    if (!sameValue(mine[field], current[field])) {
      rows.push({
        field,
        label: WRITABLE_FIELD_LABELS[field],
        yours: edited ? formatFieldValue(field, mine[field]) : null,
        theirs: formatFieldValue(field, current[field]),
      });
    }
  }
  return { theirs, etag, merged: merged as FullContactFields, rows };
}

@Component({
  selector: 'app-edit-conflict',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="rounded-xl border border-amber-300 bg-amber-50 p-4" aria-labelledby="conflict-title" tabindex="-1">
      <h3 id="conflict-title" class="font-semibold text-amber-900">Someone else changed this contact while you were editing</h3>
      @if (conflict().rows.length) {
        <table class="mt-3 w-full text-left text-sm">
          <caption class="sr-only">Your values compared with the saved values</caption>
          <thead class="text-xs uppercase text-amber-900">
            <tr><th scope="col" class="py-1 pr-2">Field</th><th scope="col" class="py-1 pr-2">Yours</th><th scope="col" class="py-1">Theirs</th></tr>
          </thead>
          <tbody>
            @for (r of conflict().rows; track r.field) {
              <tr class="border-t border-amber-200 align-top">
                <th scope="row" class="py-1.5 pr-2 font-medium">{{ r.label }}</th>
                <td class="py-1.5 pr-2 break-all">
                  @if (r.yours !== null) {
                    {{ r.yours }}
                  } @else {
                    <span class="italic text-slate-600">not edited</span>
                  }
                </td>
                <td class="py-1.5 break-all">{{ r.theirs }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else {
        <p class="mt-2 text-sm text-amber-900">Their saved values are the same as yours.</p>
      }
      <p class="mt-2 text-xs text-amber-950">“Keep mine” saves your edits on top of their version; fields you did not edit keep their value.</p>
      <div class="mt-3 flex flex-wrap gap-2">
        <button type="button" class="rounded-lg bg-brand-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-900" (click)="keepMine.emit()">
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
