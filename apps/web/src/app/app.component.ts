import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AccountMenuComponent } from './auth/account-menu.component';
import { AuthPageComponent } from './auth/auth-page.component';
import { SessionExpiredDialogComponent } from './auth/session-expired-dialog.component';
import { SessionStore } from './auth/session.store';
import { AddressBooksStore } from './books/address-books.store';
import { ConnectionIndicatorComponent } from './realtime/connection-indicator.component';
import { ContactEventsService } from './realtime/contact-events.service';
import { RemoteChangeNotifier } from './realtime/remote-change-notifier.service';
import { ToastRegionComponent } from './shared/toast-region.component';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    ConnectionIndicatorComponent,
    ToastRegionComponent,
    AccountMenuComponent,
    AuthPageComponent,
    SessionExpiredDialogComponent,
  ],
  template: `
    <a
      href="#main"
      class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2"
      >Skip to content</a
    >
    <header class="border-b border-slate-200 bg-white">
      <div class="mx-auto flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3" [class]="width()">
        <a routerLink="/" class="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <span class="grid size-8 place-items-center rounded-lg bg-brand-800 text-white" aria-hidden="true">C</span>
          Contacts
        </a>
        @if (session.appVisible()) {
          <nav aria-label="Main" class="flex gap-1 text-sm">
            <a
              routerLink="/"
              routerLinkActive="bg-slate-100 text-slate-900"
              [routerLinkActiveOptions]="{ exact: true }"
              ariaCurrentWhenActive="page"
              class="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100"
              >All contacts</a
            >
            <a
              routerLink="/deleted"
              routerLinkActive="bg-slate-100 text-slate-900"
              ariaCurrentWhenActive="page"
              class="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100"
              >Recently deleted</a
            >
            <a
              routerLink="/duplicates"
              [queryParams]="{ book: currentBook() }"
              routerLinkActive="bg-slate-100 text-slate-900"
              ariaCurrentWhenActive="page"
              class="rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100"
              >Duplicates</a
            >
          </nav>
          <div class="ml-auto flex items-center gap-3">
            <app-connection-indicator />
            @if (session.accounts()) {
              <app-account-menu />
            } @else {
              <!-- Without accounts there is no account menu to hold it. -->
              <a
                routerLink="/settings/sync"
                routerLinkActive="bg-slate-100 text-slate-900"
                ariaCurrentWhenActive="page"
                class="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
                >Sync with your phone</a
              >
            }
          </div>
        }
      </div>
    </header>
    <main id="main" class="mx-auto px-4 py-6" [class]="width()" tabindex="-1">
      @switch (session.status()) {
        @case ('starting') {
          <div class="flex flex-col gap-3" aria-busy="true" aria-label="Loading">
            <div class="skeleton h-40 rounded-card"></div>
            <div class="skeleton h-64 rounded-card"></div>
          </div>
        }
        @case ('unavailable') {
          <div class="mx-auto max-w-md rounded-card border border-slate-200 bg-white p-8 text-center" role="alert">
            <p class="font-medium text-slate-900">Contacts could not start.</p>
            <p class="mt-1 text-sm text-slate-600">{{ session.startError() }}</p>
            <button type="button" class="mt-4 rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50" (click)="session.retry()">Retry</button>
          </div>
        }
        @case ('signed-out') {
          <app-auth-page />
        }
        @default {
          <router-outlet />
        }
      }
    </main>
    @if (session.status() === 'expired') {
      <app-session-expired-dialog />
    }
    <app-toast-region />
  `,
})
export class AppComponent {
  protected readonly session = inject(SessionStore);
  private readonly events = inject(ContactEventsService);
  private readonly notifier = inject(RemoteChangeNotifier);
  private readonly books = inject(AddressBooksStore);
  /** Room for the books sidebar when there are books to show. */
  protected readonly width = computed(() => (this.session.accounts() && this.session.appVisible() ? 'max-w-6xl' : 'max-w-5xl'));
  private readonly router = inject(Router);
  /** The book the page shows (`?book=`), so Duplicates looks in the same one (it checks the value). */
  protected readonly currentBook = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => this.router.parseUrl(this.router.url).queryParamMap.get('book')),
    ),
    { initialValue: null },
  );

  constructor() {
    void this.session.start();
    // One socket for the whole app, opened once there is someone to open it for (with accounts
    // the handshake carries the session cookie, so not before sign-in).
    effect(() => {
      const status = this.session.status();
      if (status !== 'open' && status !== 'signed-in') return;
      untracked(() => {
        this.notifier.start();
        this.events.start();
        this.books.start();
      });
    });
    // The server refused the socket: the session is gone. Back after sign-in: connect again.
    this.events.unauthorized$.pipe(takeUntilDestroyed()).subscribe(() => this.session.sessionEnded());
    this.session.resumed$.pipe(takeUntilDestroyed()).subscribe(() => {
      this.events.resume();
      void this.books.load(true);
    });
  }
}
