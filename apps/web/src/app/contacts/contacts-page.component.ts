import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { AddressBooksStore } from '../books/address-books.store';
import { BookSidebarComponent, selectedBookId } from '../books/book-sidebar.component';
import { ContactCreateFormComponent } from './contact-create-form.component';
import { ContactListComponent } from './contact-list.component';

@Component({
  selector: 'app-contacts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ContactCreateFormComponent, ContactListComponent, BookSidebarComponent],
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
  `,
})
export class ContactsPageComponent {
  protected readonly books = inject(AddressBooksStore);
  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  protected readonly selected = computed(() => selectedBookId(this.params().get('book')));
}
