import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { CreatedApiToken } from '@contacts/wire-types';
import { AuthApiService } from '../auth/auth-api.service';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { parseFormError } from '../shared/api-error';
import { CopyFieldComponent } from './copy-field.component';
import { syncClientSteps } from './sync-client-steps';

type TokenState =
  { kind: 'idle' } | { kind: 'creating' } | { kind: 'failed'; message: string } | { kind: 'created'; token: CreatedApiToken };

/** "Phone sync 2026-05-04": the date tells two devices' passwords apart on the API tokens page. */
export function phoneSyncTokenName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Phone sync ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * What a phone or mail program needs to sync over CardDAV: the server URL, the user name and a
 * password made for that device (an API token, shown once). Without accounts (AUTH=none) any
 * user name and password work, so there is nothing to create.
 */
@Component({
  selector: 'app-phone-sync-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CopyFieldComponent, RouterLink],
  template: `
    <div class="flex flex-col gap-5">
      <div>
        <h1 class="text-2xl font-bold tracking-tight text-slate-900">Sync with your phone</h1>
        <p class="text-sm text-slate-600">
          Phones and mail programs keep your address books in sync over CardDAV: a change made there shows here at once, and a change made
          here reaches them at their next sync.
        </p>
      </div>

      <section class="rounded-card border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="sync-details-heading">
        <h2 id="sync-details-heading" class="text-base font-semibold text-slate-900">What to enter on the device</h2>
        <div class="mt-3 flex flex-col gap-4">
          <app-copy-field label="Server URL" fieldId="sync-server-url" testId="sync-server-url" [value]="serverUrl" [hint]="httpHint" />
          @if (user(); as u) {
            <app-copy-field
              label="User name"
              fieldId="sync-username"
              testId="sync-username"
              [value]="u.email"
              hint="Your account's email address."
            />
            <div class="flex flex-col gap-2" data-testid="sync-password">
              <p class="text-sm font-medium text-slate-700">Password</p>
              <p class="text-sm text-slate-600">
                Create an app password for each device. Your account password works too, but an app password can be revoked on its own on
                the
                <a routerLink="/settings/tokens" class="font-medium text-brand-800 underline">API tokens</a> page without changing your
                password.
              </p>
              @switch (token().kind) {
                @case ('created') {
                  @if (createdToken(); as t) {
                    <div
                      class="rounded-xl border border-emerald-300 bg-emerald-50 p-4"
                      tabindex="-1"
                      #secretBox
                      data-testid="sync-token"
                      aria-labelledby="sync-token-heading"
                    >
                      <h3 id="sync-token-heading" class="font-semibold text-emerald-950">App password “{{ t.name }}” created</h3>
                      <p class="mb-3 mt-1 text-sm font-medium text-emerald-950">
                        Copy it now: it will not be shown again. Type it as the password on the device.
                      </p>
                      <app-copy-field label="App password" fieldId="sync-secret" testId="sync-secret" [value]="t.token" />
                      <button
                        type="button"
                        class="mt-3 rounded-lg border border-emerald-400 bg-white px-3 py-1.5 text-sm hover:bg-emerald-100"
                        (click)="done()"
                      >
                        Done
                      </button>
                    </div>
                  }
                }
                @default {
                  @if (failure(); as message) {
                    <p
                      class="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
                      role="alert"
                      data-testid="sync-token-error"
                    >
                      Could not create the app password: {{ message }}
                    </p>
                  }
                  <button
                    #createButton
                    type="button"
                    class="self-start rounded-lg bg-brand-800 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-900 disabled:opacity-60"
                    [disabled]="token().kind === 'creating'"
                    (click)="createToken()"
                  >
                    {{ token().kind === 'creating' ? 'Creating…' : failure() ? 'Try again' : 'Create app password' }}
                  </button>
                }
              }
            </div>
          } @else {
            <p class="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="sync-open-mode">
              This server runs without accounts: <strong>any user name and password work</strong>. Type anything the device asks for.
            </p>
          }
        </div>
      </section>

      @if (user()) {
        <section class="rounded-card border border-slate-200 bg-white shadow-sm" aria-labelledby="sync-books-heading">
          <h2 id="sync-books-heading" class="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
            Address books on your devices
          </h2>
          @switch (books.status()) {
            @case ('error') {
              <div class="p-6 text-center" role="alert">
                <p class="font-medium">Could not load your address books.</p>
                <p class="mt-1 text-sm text-slate-600">{{ books.error() }}</p>
                <button type="button" class="mt-3 rounded-lg border border-slate-300 px-3 py-1.5 text-sm" (click)="books.load()">
                  Retry
                </button>
              </div>
            }
            @case ('ready') {
              @if (!books.books().length) {
                <p class="p-6 text-center text-sm text-slate-600" data-testid="sync-books-empty">
                  No address books yet. Books you make or that are shared with you appear on your devices at their next sync.
                </p>
              } @else {
                <ul class="divide-y divide-slate-100" aria-label="Address books that sync">
                  @for (b of books.books(); track b.id) {
                    <li class="flex flex-wrap items-baseline gap-x-3 px-4 py-2.5 text-sm" data-testid="sync-book">
                      <span class="font-medium text-slate-900">{{ b.name }}</span>
                      <span class="text-slate-600">
                        {{ b.contact_count }} {{ b.contact_count === 1 ? 'contact' : 'contacts' }}
                        @if (b.role !== 'owner' && b.owner) {
                          · shared by {{ b.owner.name }}
                        }
                        @if (b.role === 'viewer') {
                          · read-only on the device
                        }
                      </span>
                    </li>
                  }
                </ul>
              }
            }
            @default {
              <div class="flex flex-col gap-2 p-4" aria-busy="true" aria-label="Loading address books">
                @for (i of [1, 2]; track i) {
                  <div class="skeleton h-8 rounded-lg"></div>
                }
              </div>
            }
          }
        </section>
      }

      <section class="rounded-card border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="sync-steps-heading">
        <h2 id="sync-steps-heading" class="text-base font-semibold text-slate-900">Add the account</h2>
        <div class="mt-2 flex flex-col divide-y divide-slate-100">
          @for (c of steps(); track c.id) {
            <details class="group py-2" [attr.data-testid]="'sync-steps-' + c.id">
              <summary class="cursor-pointer rounded text-sm font-medium text-slate-900">{{ c.client }}</summary>
              <ol class="ml-5 mt-2 list-decimal space-y-1 text-sm text-slate-700">
                @for (s of c.steps; track $index) {
                  <li>{{ s }}</li>
                }
              </ol>
            </details>
          }
        </div>
      </section>
    </div>
  `,
})
export class PhoneSyncPageComponent {
  private readonly api = inject(AuthApiService);
  private readonly session = inject(SessionStore);
  protected readonly books = inject(AddressBooksStore);
  private readonly location = inject(DOCUMENT).location;
  private readonly secretBox = viewChild<ElementRef<HTMLElement>>('secretBox');
  private readonly createButton = viewChild<ElementRef<HTMLButtonElement>>('createButton');

  /** The root collection: clients discover the principal and the books from there. */
  protected readonly serverUrl = `${this.location.origin}/dav/`;
  protected readonly httpHint =
    this.location.protocol === 'http:'
      ? 'This address is plain http: on iPhone and Mac, turn off “Use SSL” in the account’s advanced settings.'
      : '';
  /** Null without accounts: nobody is signed in, and any credentials are accepted. */
  protected readonly user = computed(() => (this.session.accounts() ? this.session.user() : null));
  protected readonly token = signal<TokenState>({ kind: 'idle' });
  protected readonly createdToken = computed(() => {
    const t = this.token();
    return t.kind === 'created' ? t.token : null;
  });
  protected readonly failure = computed(() => {
    const t = this.token();
    return t.kind === 'failed' ? t.message : '';
  });
  protected readonly steps = computed(() =>
    syncClientSteps(
      this.user() ? { user: 'the user name', password: 'the app password' } : { user: 'any user name', password: 'any password' },
    ),
  );

  constructor() {
    // Already started by the app shell; safe to call again (and needed when this page is tested alone).
    this.books.start();
  }

  protected async createToken(): Promise<void> {
    if (this.token().kind === 'creating') return;
    this.token.set({ kind: 'creating' });
    try {
      const token = await firstValueFrom(this.api.createToken(phoneSyncTokenName(new Date())));
      this.token.set({ kind: 'created', token });
      setTimeout(() => this.secretBox()?.nativeElement.focus());
    } catch (err) {
      this.token.set({ kind: 'failed', message: parseFormError(err, []).message });
      setTimeout(() => this.createButton()?.nativeElement.focus());
    }
  }

  /** Forgets the secret (it cannot be shown again anyway) and offers to make another. */
  protected done(): void {
    this.token.set({ kind: 'idle' });
    setTimeout(() => this.createButton()?.nativeElement.focus());
  }
}
