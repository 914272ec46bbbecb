import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ConnectionIndicatorComponent } from './realtime/connection-indicator.component';
import { ContactEventsService } from './realtime/contact-events.service';
import { RemoteChangeNotifier } from './realtime/remote-change-notifier.service';
import { ToastRegionComponent } from './shared/toast-region.component';

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ConnectionIndicatorComponent, ToastRegionComponent],
  template: `
    <a
      href="#main"
      class="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2"
      >Skip to content</a
    >
    <header class="border-b border-slate-200 bg-white">
      <div class="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <a routerLink="/" class="flex items-center gap-2 text-lg font-bold tracking-tight text-slate-900">
          <span class="grid size-8 place-items-center rounded-lg bg-brand-800 text-white" aria-hidden="true">C</span>
          Contacts
        </a>
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
        </nav>
        <div class="ml-auto"><app-connection-indicator /></div>
      </div>
    </header>
    <main id="main" class="mx-auto max-w-5xl px-4 py-6" tabindex="-1">
      <router-outlet />
    </main>
    <app-toast-region />
  `,
})
export class AppComponent {
  constructor() {
    // One socket for the whole app, opened at start-up.
    inject(RemoteChangeNotifier).start();
    inject(ContactEventsService).start();
  }
}
