import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SessionStore } from './session.store';

/** The signed-in account: who it is, phone sync, its API tokens, sign out. A disclosure, closed by Escape or a click outside. */
@Component({
  selector: 'app-account-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  host: { class: 'relative block' },
  template: `
    @if (session.user(); as user) {
      <button
        #toggle
        type="button"
        class="flex items-center gap-2 rounded-full border border-slate-200 py-1 pl-1 pr-3 text-sm font-medium text-slate-800 hover:bg-slate-50"
        aria-haspopup="true"
        [attr.aria-expanded]="open()"
        aria-controls="account-menu"
        data-testid="account-menu-button"
        (click)="open.set(!open())"
      >
        <span class="grid size-7 place-items-center rounded-full bg-brand-800 text-xs font-semibold text-white" aria-hidden="true">{{ initials() }}</span>
        <span class="max-w-40 truncate">{{ user.name }}</span>
        <span class="sr-only">, account menu</span>
      </button>
      @if (open()) {
        <div
          id="account-menu"
          class="absolute right-0 z-40 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
          data-testid="account-menu"
          (keydown.escape)="close(true)"
        >
          <div class="border-b border-slate-100 px-3 pb-2 pt-1">
            <p class="truncate font-medium text-slate-900">{{ user.name }}</p>
            <p class="truncate text-sm text-slate-600">{{ user.email }}</p>
            @if (user.is_admin) {
              <p class="mt-1 inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Administrator</p>
            }
          </div>
          <ul class="mt-1 flex flex-col text-sm">
            <li>
              <a routerLink="/settings/sync" class="block rounded-md px-3 py-2 text-slate-800 hover:bg-slate-100" (click)="close(false)">Sync with your phone</a>
            </li>
            <li>
              <a routerLink="/settings/tokens" class="block rounded-md px-3 py-2 text-slate-800 hover:bg-slate-100" (click)="close(false)">API tokens</a>
            </li>
            @if (user.is_admin) {
              <li>
                <a routerLink="/settings/accounts" class="block rounded-md px-3 py-2 text-slate-800 hover:bg-slate-100" (click)="close(false)">Accounts</a>
              </li>
            }
            <li>
              <button
                type="button"
                class="w-full rounded-md px-3 py-2 text-left text-slate-800 hover:bg-slate-100 disabled:opacity-60"
                [disabled]="signingOut()"
                (click)="signOut()"
              >
                {{ signingOut() ? 'Signing out…' : 'Sign out' }}
              </button>
            </li>
          </ul>
        </div>
      }
    }
  `,
})
export class AccountMenuComponent {
  protected readonly session = inject(SessionStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly toggle = viewChild<ElementRef<HTMLButtonElement>>('toggle');
  protected readonly open = signal(false);
  protected readonly signingOut = signal(false);
  protected readonly initials = computed(() => {
    const parts = (this.session.user()?.name ?? '').trim().split(/\s+/).filter(Boolean);
    return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
  });

  constructor() {
    const doc = inject(DOCUMENT);
    const outside = (event: Event) => {
      if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
    };
    doc.addEventListener('click', outside, true);
    inject(DestroyRef).onDestroy(() => doc.removeEventListener('click', outside, true));
  }

  protected close(refocus: boolean): void {
    this.open.set(false);
    if (refocus) this.toggle()?.nativeElement.focus();
  }

  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    await this.session.signOut();
  }
}
