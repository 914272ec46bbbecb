import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { AddressBooksStore } from '../books/address-books.store';
import { BookSidebarComponent, selectedBookId } from '../books/book-sidebar.component';
import { listenForFileDrops } from '../imports/file-drop';
import { ImportDialogComponent } from '../imports/import-dialog.component';
import { ImportStore } from '../imports/import.store';
import { ContactCreateFormComponent } from './contact-create-form.component';
import { ContactListComponent } from './contact-list.component';

@Component({
  selector: 'app-contacts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ContactCreateFormComponent, ContactListComponent, BookSidebarComponent, ImportDialogComponent],
  template: `
    <h1 class="sr-only">Contacts</h1>
    @if (books.enabled()) {
      <div class="grid items-start gap-6 md:grid-cols-[15rem_minmax(0,1fr)]">
        <app-book-sidebar class="md:sticky md:top-4" />
        <div class="flex min-w-0 flex-col gap-6">
          <app-contact-create-form [selectedBook]="selected()" />
          <app-contact-list />
        </div>
      </div>
    } @else {
      <!-- AUTH=none: one shared book, nothing to choose. -->
      <div class="flex flex-col gap-6">
        <app-contact-create-form />
        <app-contact-list />
      </div>
    }
    @if (dragging() && !imports.dialogOpen()) {
      <div
        class="pointer-events-none fixed inset-3 z-40 grid place-items-center rounded-card border-4 border-dashed border-brand-600 bg-white/80"
        data-testid="page-drop-overlay"
      >
        <p class="text-lg font-semibold text-brand-900">Drop a vCard or CSV file to import it</p>
      </div>
    }
    @if (imports.dialogOpen()) {
      <app-import-dialog [selectedBook]="selected()" [dragging]="dragging()" />
    }
  `,
})
export class ContactsPageComponent {
  protected readonly books = inject(AddressBooksStore);
  protected readonly imports = inject(ImportStore);
  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  protected readonly selected = computed(() => selectedBookId(this.params().get('book')));
  /** A file dropped anywhere on the page opens the import with it. */
  protected readonly dragging = listenForFileDrops((file) => this.imports.open(file));
}
