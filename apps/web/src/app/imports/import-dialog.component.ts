import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import type { OnDuplicate, SkippedCard } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { openModalOnRender } from '../shared/modal-dialog';
import { importPercent } from './import-flow';
import { formatBytes, IMPORT_MAX_BYTES } from './import-format';
import { ImportStore, importSummary } from './import.store';
import { skipReasons } from './skip-reasons';

/** Enough of a long skipped list to see what went wrong; the rest is counted. */
const SKIPPED_SHOWN = 100;

/** Choose or drop a vCard/CSV file, follow the import's progress, then read what was skipped and why. */
@Component({
  selector: 'app-import-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import-dialog.component.html',
})
export class ImportDialogComponent {
  protected readonly store = inject(ImportStore);
  protected readonly books = inject(AddressBooksStore);
  private readonly injector = inject(Injector);

  /** The book the page shows (null: all books): the import goes there when I may add to it. */
  readonly selectedBook = input<number | null>(null);
  /** A file is being dragged over the page. */
  readonly dragging = input(false);

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly summaryHeading = viewChild<ElementRef<HTMLElement>>('summaryHeading');

  protected readonly state = this.store.state;
  protected readonly phase = computed(() => this.state().phase);
  /** What the dialog shows: the file to choose, the progress, or the outcome. */
  protected readonly view = computed(() => {
    const phase = this.phase();
    if (phase === 'uploading' || phase === 'running') return 'progress';
    return phase === 'done' || phase === 'failed' ? 'outcome' : 'choose';
  });
  protected readonly percent = computed(() => importPercent(this.state().job));
  protected readonly bookChoices = computed(() => (this.books.enabled() ? this.books.writable() : []));
  /** Chosen in the dialog; until then the page's book if writable, else my first own book. */
  private readonly chosenBook = signal<number | null>(null);
  protected readonly book = computed(() => {
    if (!this.books.enabled()) return null;
    const chosen = this.chosenBook();
    if (chosen !== null && this.books.canWrite(chosen)) return chosen;
    return this.books.defaultBookFor(this.selectedBook());
  });
  protected readonly bookName = computed(() => this.books.book(this.book())?.name ?? '');
  protected readonly onDuplicate = signal<OnDuplicate>('skip');
  protected readonly skippedShown = computed(() => (this.state().job?.skipped ?? []).slice(0, SKIPPED_SHOWN));
  protected readonly skippedMore = computed(() => Math.max(0, (this.state().job?.skipped.length ?? 0) - SKIPPED_SHOWN));
  protected readonly maxSize = formatBytes(IMPORT_MAX_BYTES);
  protected readonly formatBytes = formatBytes;
  protected readonly summary = importSummary;
  protected readonly reasons = (card: SkippedCard) => skipReasons(card.errors);

  constructor() {
    openModalOnRender(this.dialog);
    // The outcome is news: move there, so keyboard and screen-reader users meet it at once.
    effect(() => {
      const phase = this.phase();
      if (phase !== 'done' && phase !== 'failed') return;
      untracked(() => afterNextRender(() => this.summaryHeading()?.nativeElement.focus(), { injector: this.injector }));
    });
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void this.store.choose(file);
    // The same file again (after fixing it) must fire `change` again.
    input.value = '';
  }

  protected chooseBook(id: string): void {
    this.chosenBook.set(Number(id));
  }

  protected start(): void {
    void this.store.start(this.book(), this.onDuplicate());
  }

  protected another(): void {
    this.store.reset();
  }

  protected close(): void {
    this.store.close();
  }

  protected cardName(card: SkippedCard): string {
    return card.name.trim() || `Card ${card.index + 1}`;
  }
}
