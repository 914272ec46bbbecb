import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { fullName } from '../shared/contact-validation';
import { ToastService } from '../shared/toast.service';
import { PendingCreatesStore, type PendingCreate } from './pending-creates.store';

@Component({
  selector: 'app-pending-create-row',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    @let p = item();
    <div
      class="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3"
      [class]="p.status === 'failed' ? 'bg-red-50' : 'bg-sky-50/70'"
      [attr.data-status]="p.status"
      data-testid="pending-row"
    >
      <span
        class="grid size-10 shrink-0 place-items-center rounded-full"
        [class]="p.status === 'failed' ? 'bg-red-100 text-red-800' : 'bg-white text-brand-800'"
        aria-hidden="true"
      >
        @if (p.status === 'pending') {
          <span class="size-5 animate-spin rounded-full border-2 border-brand-600 border-t-transparent motion-reduce:animate-none"></span>
        } @else {
          <span class="font-bold">!</span>
        }
      </span>
      <div class="min-w-0 flex-1">
        <p class="truncate font-medium text-slate-900">{{ name() }}</p>
        <p class="truncate text-sm text-slate-600">{{ p.fields.email }} · {{ p.fields.phone }}</p>
      </div>
      @if (p.status === 'pending') {
        <div class="flex w-full flex-col gap-1 sm:w-56">
          <div
            class="h-2 overflow-hidden rounded-full bg-slate-200"
            role="progressbar"
            [attr.aria-label]="'Saving ' + name()"
            aria-valuemin="0"
            aria-valuemax="100"
            [attr.aria-valuenow]="percent()"
          >
            <div class="h-full rounded-full bg-brand-600 transition-[width] duration-200 ease-linear" [style.width.%]="percent()"></div>
          </div>
          <p class="text-xs text-slate-600">{{ hint() }}</p>
        </div>
      } @else {
        <p class="w-full text-sm font-medium text-red-800 sm:w-auto sm:flex-1" data-testid="pending-error">{{ error() }}</p>
        <div class="flex gap-2">
          <button type="button" class="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-50" (click)="edit()">
            Edit
          </button>
          @if (retryable()) {
            <button type="button" class="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-50" (click)="store.retry(p.key)">
              Retry
            </button>
          }
          <button type="button" class="rounded-md px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-100" (click)="store.discard(p.key)">
            Discard
          </button>
        </div>
      }
    </div>
  `,
})
export class PendingCreateRowComponent {
  protected readonly store = inject(PendingCreatesStore);
  private readonly toasts = inject(ToastService);
  readonly item = input.required<PendingCreate>();

  protected readonly name = computed(() => fullName(this.item().fields));
  protected readonly percent = computed(() => Math.round(this.store.progress(this.item(), this.store.now()) * 100));
  protected readonly hint = computed(() => {
    const left = Math.ceil((this.item().startedAt + this.store.delayMs - this.store.now()) / 1000);
    return left > 0 ? `Saving… about ${left} s left` : 'Saving… waiting for the server';
  });
  protected readonly error = computed(() => {
    const e = this.item().error;
    return e ? (Object.values(e.fields)[0] ?? e.message) : '';
  });
  /** Field errors need an edit; only transport/server failures are worth a plain retry. */
  protected readonly retryable = computed(() => {
    const e = this.item().error;
    return !!e && !Object.keys(e.fields).length && (e.status === 0 || e.status >= 500 || e.status === 429);
  });

  protected edit(): void {
    if (!this.store.edit(this.item().key)) {
      this.toasts.show('Finish or clear the new-contact form first, then edit this one.');
      return;
    }
    document.getElementById('create-first_name')?.focus();
  }
}
