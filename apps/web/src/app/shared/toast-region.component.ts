import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ToastService, type Toast } from './toast.service';

@Component({
  selector: 'app-toast-region',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Always in the DOM so screen readers pick up toasts added later. -->
    <div
      class="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end"
      role="status"
      aria-live="polite"
      aria-label="Notifications"
    >
      @for (toast of toasts.toasts(); track toast.id) {
        <div
          class="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl border bg-white px-4 py-3 shadow-lg"
          [class]="border(toast)"
          data-testid="toast"
        >
          <span class="mt-0.5 text-lg leading-none" aria-hidden="true">{{ icon(toast) }}</span>
          <p class="flex-1 text-sm text-slate-800">{{ toast.message }}</p>
          @if (toast.action; as action) {
            <button
              type="button"
              class="rounded-md px-2 py-1 text-sm font-semibold text-brand-800 hover:bg-slate-100"
              (click)="run(toast)"
            >
              {{ action.label }}
            </button>
          }
          <button
            type="button"
            class="rounded-md px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
            aria-label="Dismiss notification"
            (click)="toasts.dismiss(toast.id)"
          >
            ×
          </button>
        </div>
      }
    </div>
  `,
})
export class ToastRegionComponent {
  protected readonly toasts = inject(ToastService);

  protected run(toast: Toast): void {
    toast.action?.run();
    this.toasts.dismiss(toast.id);
  }

  protected icon(toast: Toast): string {
    return toast.kind === 'success' ? '✓' : toast.kind === 'error' ? '!' : 'ℹ';
  }

  protected border(toast: Toast): string {
    return toast.kind === 'success' ? 'border-emerald-300' : toast.kind === 'error' ? 'border-red-300' : 'border-slate-200';
  }
}
