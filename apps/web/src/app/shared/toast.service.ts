import { Injectable, signal } from '@angular/core';

export type ToastKind = 'success' | 'error' | 'info';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction;
}

/** App-wide toasts; rendered by ToastRegionComponent inside an aria-live region. */
@Injectable({ providedIn: 'root' })
export class ToastService {
  private nextId = 1;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly _toasts = signal<readonly Toast[]>([]);
  readonly toasts = this._toasts.asReadonly();

  show(message: string, kind: ToastKind = 'info', action?: ToastAction): number {
    const id = this.nextId++;
    // Keep the stack short: a burst of remote edits must not bury the screen.
    this._toasts.update((list) => [...list.slice(-4), { id, kind, message, action }]);
    // Toasts with an action (Undo) stay longer so there is time to reach them by keyboard.
    this.timers.set(id, setTimeout(() => this.dismiss(id), action ? 10_000 : 5_000));
    return id;
  }

  success(message: string, action?: ToastAction): number {
    return this.show(message, 'success', action);
  }

  error(message: string, action?: ToastAction): number {
    return this.show(message, 'error', action);
  }

  dismiss(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this._toasts.update((list) => list.filter((t) => t.id !== id));
  }
}
