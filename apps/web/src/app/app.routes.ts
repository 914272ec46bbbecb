import type { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Contacts',
    loadComponent: () => import('./contacts/contacts-page.component').then((m) => m.ContactsPageComponent),
  },
  {
    path: 'contacts/:id/history',
    title: 'History · Contacts',
    loadComponent: () => import('./history/contact-history.component').then((m) => m.ContactHistoryComponent),
  },
  {
    path: 'deleted',
    title: 'Recently deleted · Contacts',
    loadComponent: () => import('./history/deleted-contacts.component').then((m) => m.DeletedContactsComponent),
  },
  { path: '**', redirectTo: '' },
];
