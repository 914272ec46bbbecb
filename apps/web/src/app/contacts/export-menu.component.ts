import { ChangeDetectionStrategy, Component, ElementRef, computed, input, viewChild } from '@angular/core';
import { exportUrl } from '../imports/imports-api.service';

/** Download what the list shows (its book and search) as vCard or CSV: plain links, streamed by the server. */
@Component({
  selector: 'app-export-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'relative' },
  template: `
    <details #menu class="group" data-testid="export-menu" (keydown.escape)="close(true)" (focusout)="leftMenu($event)">
      <summary
        class="flex cursor-pointer list-none items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        [attr.aria-label]="'Export ' + scope()"
      >
        Export <span aria-hidden="true" class="text-xs text-slate-500 group-open:rotate-180">▾</span>
      </summary>
      <div class="absolute right-0 z-30 mt-1 w-64 rounded-xl border border-slate-200 bg-white p-1 shadow-lg">
        <p class="px-3 py-1.5 text-xs text-slate-600">{{ scope() }}</p>
        <a class="block rounded-md px-3 py-1.5 text-sm hover:bg-slate-100" [href]="vcard()" download (click)="close()" data-testid="export-vcard">
          vCard (.vcf)<span class="block text-xs text-slate-500">For phones, iCloud, Google, Outlook</span>
        </a>
        <a class="block rounded-md px-3 py-1.5 text-sm hover:bg-slate-100" [href]="csv()" download (click)="close()" data-testid="export-csv">
          CSV (.csv)<span class="block text-xs text-slate-500">For spreadsheets</span>
        </a>
      </div>
    </details>
  `,
})
export class ExportMenuComponent {
  /** One book, or null for every book the list shows. */
  readonly book = input<number | null>(null);
  readonly bookName = input('');
  readonly search = input('');
  private readonly menu = viewChild.required<ElementRef<HTMLDetailsElement>>('menu');

  protected readonly vcard = computed(() => exportUrl({ format: 'vcard', addressBook: this.book(), search: this.search() }));
  protected readonly csv = computed(() => exportUrl({ format: 'csv', addressBook: this.book(), search: this.search() }));
  /** What the file will hold, said before downloading it. */
  protected readonly scope = computed(() => {
    const book = this.book() !== null && this.bookName() ? `“${this.bookName()}”` : null;
    if (this.search()) return `${book ? `Contacts in ${book}` : 'All contacts'} matching “${this.search()}”`;
    return book ? `Every contact in ${book}` : 'All contacts';
  });

  protected close(refocus = false): void {
    const menu = this.menu().nativeElement;
    if (!menu.open) return;
    menu.open = false;
    if (refocus) menu.querySelector('summary')?.focus();
  }

  /** Like a menu: it folds away once focus moves elsewhere. */
  protected leftMenu(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.menu().nativeElement.contains(next)) this.close();
  }
}
