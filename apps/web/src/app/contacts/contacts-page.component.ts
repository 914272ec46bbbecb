import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ContactCreateFormComponent } from './contact-create-form.component';
import { ContactListComponent } from './contact-list.component';

@Component({
  selector: 'app-contacts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ContactCreateFormComponent, ContactListComponent],
  template: `
    <h1 class="sr-only">Contacts</h1>
    <div class="flex flex-col gap-6">
      <app-contact-create-form />
      <app-contact-list />
    </div>
  `,
})
export class ContactsPageComponent {}
