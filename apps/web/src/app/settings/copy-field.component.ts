import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { ToastService } from '../shared/toast.service';

/** A labelled read-only value with a Copy button: what a person types into another device. */
@Component({
  selector: 'app-copy-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'flex flex-col gap-1' },
  template: `
    <label [for]="fieldId()" class="text-sm font-medium text-slate-700">{{ label() }}</label>
    <div class="flex flex-wrap items-center gap-2">
      <input
        #field
        [id]="fieldId()"
        readonly
        class="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
        [value]="value()"
        [attr.aria-describedby]="hint() ? fieldId() + '-hint' : null"
        [attr.data-testid]="testId()"
        (focus)="$any($event.target).select()"
      />
      <button
        type="button"
        class="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        [attr.aria-label]="'Copy ' + label()"
        (click)="copy()"
      >
        {{ copied() ? 'Copied' : 'Copy' }}
      </button>
    </div>
    @if (hint()) {
      <p [id]="fieldId() + '-hint'" class="text-xs text-slate-600">{{ hint() }}</p>
    }
    <!-- Says "copied" to screen readers; the button's own text change is not announced. -->
    <span class="sr-only" aria-live="polite">{{ copied() ? label() + ' copied' : '' }}</span>
  `,
})
export class CopyFieldComponent {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly fieldId = input.required<string>();
  readonly testId = input<string | null>(null);
  readonly hint = input('');

  private readonly doc = inject(DOCUMENT);
  private readonly toasts = inject(ToastService);
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');
  protected readonly copied = signal(false);

  protected async copy(): Promise<void> {
    try {
      const clipboard = this.doc.defaultView?.navigator.clipboard;
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(this.value());
      this.copied.set(true);
    } catch {
      // No clipboard access (plain http, permissions): select it for Ctrl+C instead.
      const input = this.field().nativeElement;
      input.focus();
      input.select();
      this.toasts.show(`Press Ctrl+C (⌘C) to copy the selected ${this.label()}.`);
    }
  }
}
