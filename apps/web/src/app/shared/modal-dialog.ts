import { type ElementRef, DestroyRef, afterNextRender, inject } from '@angular/core';

/**
 * Opens a native <dialog> as a modal once rendered (the browser then traps focus and makes the
 * page inert) and gives focus back to whatever opened it when it goes away.
 */
export function openModalOnRender(dialog: () => ElementRef<HTMLDialogElement>): void {
  const opener = document.activeElement as HTMLElement | null;
  afterNextRender(() => {
    const el = dialog().nativeElement;
    if (!el.open) {
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
    }
  });
  inject(DestroyRef).onDestroy(() => {
    // The opener may be gone (e.g. the deleted row's button): fall back to the main region.
    if (opener?.isConnected) opener.focus();
    else document.getElementById('main')?.focus();
  });
}
