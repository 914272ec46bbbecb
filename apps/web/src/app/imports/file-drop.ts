import { DOCUMENT } from '@angular/common';
import { DestroyRef, inject, signal, type Signal } from '@angular/core';

/**
 * While the calling view lives, a file dragged anywhere over the page (its dialogs included) can
 * be dropped to import it, instead of the browser navigating away to show it. Only drags that
 * carry files are touched: dragging text into an input works as before. Returns whether a file
 * is being dragged over the page now.
 */
export function listenForFileDrops(onDrop: (file: File) => void): Signal<boolean> {
  const doc = inject(DOCUMENT);
  const dragging = signal(false);
  // dragenter/dragleave fire for every element crossed: count them to know when the drag left the page.
  let depth = 0;
  const carriesFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
  const listeners: Record<'dragenter' | 'dragover' | 'dragleave' | 'drop', (e: DragEvent) => void> = {
    dragenter: (e) => {
      if (!carriesFiles(e)) return;
      depth++;
      dragging.set(true);
    },
    dragover: (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    },
    dragleave: (e) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (!depth) dragging.set(false);
    },
    drop: (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      dragging.set(false);
      const file = e.dataTransfer?.files[0];
      if (file) onDrop(file);
    },
  };
  for (const [type, fn] of Object.entries(listeners)) doc.addEventListener(type, fn as EventListener);
  inject(DestroyRef).onDestroy(() => {
    for (const [type, fn] of Object.entries(listeners)) doc.removeEventListener(type, fn as EventListener);
  });
  return dragging.asReadonly();
}
