import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

@Component({
  selector: 'app-pagination',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="flex flex-wrap items-center justify-between gap-3 text-sm" aria-label="Pagination">
      <p class="text-slate-600" aria-live="polite">
        @if (count() > 0) {
          Showing <span class="font-medium text-slate-900">{{ from() }}–{{ to() }}</span> of
          <span class="font-medium text-slate-900" data-testid="total-count">{{ count() }}</span>
        }
      </p>
      @if (pages() > 1) {
        <div class="flex items-center gap-2">
          <button
            type="button"
            class="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50 disabled:opacity-50"
            [disabled]="page() <= 1"
            (click)="go.emit(page() - 1)"
          >
            Previous
          </button>
          <span class="text-slate-700">Page {{ page() }} of {{ pages() }}</span>
          <button
            type="button"
            class="rounded-lg border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50 disabled:opacity-50"
            [disabled]="page() >= pages()"
            (click)="go.emit(page() + 1)"
          >
            Next
          </button>
        </div>
      }
    </nav>
  `,
})
export class PaginationComponent {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly count = input.required<number>();
  readonly go = output<number>();
  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.count() / this.pageSize())));
  protected readonly from = computed(() => (this.page() - 1) * this.pageSize() + 1);
  protected readonly to = computed(() => Math.min(this.count(), this.page() * this.pageSize()));
}
