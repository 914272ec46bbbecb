import { inject } from '@angular/core';
import { Router, type CanMatchFn, type Routes } from '@angular/router';
import { SessionStore } from './auth/session.store';

/** Account pages exist only with AUTH=accounts (the app is shown only once the session has started). */
const accountsOnly: CanMatchFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  await session.start();
  return session.accounts() || router.createUrlTree(['/']);
};

/** Before sign-in the user is unknown: the page is matched, and shows the server's 403 if not an admin. */
const adminOnly: CanMatchFn = async () => {
  const session = inject(SessionStore);
  const router = inject(Router);
  await session.start();
  const user = session.user();
  return (session.accounts() && (!user || user.is_admin)) || router.createUrlTree(['/']);
};

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Contacts',
    loadComponent: () => import('./contacts/contacts-page.component').then((m) => m.ContactsPageComponent),
  },
  {
    path: 'contacts/:id',
    title: 'Contact · Contacts',
    loadComponent: () => import('./contacts/contact-detail.component').then((m) => m.ContactDetailComponent),
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
  {
    path: 'duplicates',
    title: 'Duplicates · Contacts',
    loadComponent: () => import('./duplicates/duplicates.component').then((m) => m.DuplicatesComponent),
  },
  {
    path: 'duplicates/compare',
    title: 'Compare and merge · Contacts',
    loadComponent: () => import('./duplicates/merge-compare.component').then((m) => m.MergeCompareComponent),
  },
  {
    path: 'settings/tokens',
    title: 'API tokens · Contacts',
    canMatch: [accountsOnly],
    loadComponent: () => import('./settings/tokens-page.component').then((m) => m.TokensPageComponent),
  },
  {
    // Both modes: without accounts it says that any user name and password work.
    path: 'settings/sync',
    title: 'Sync with your phone · Contacts',
    loadComponent: () => import('./settings/phone-sync-page.component').then((m) => m.PhoneSyncPageComponent),
  },
  {
    path: 'settings/accounts',
    title: 'Accounts · Contacts',
    canMatch: [adminOnly],
    loadComponent: () => import('./settings/accounts-page.component').then((m) => m.AccountsPageComponent),
  },
  { path: '**', redirectTo: '' },
];
