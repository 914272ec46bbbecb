import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { TOKEN_NAME_MAX_LENGTH, type ApiToken, type CreatedApiToken } from '@contacts/wire-types';
import { AuthApiService } from '../auth/auth-api.service';
import { parseFormError } from '../shared/api-error';
import { ConfirmDialogComponent } from '../shared/confirm-dialog.component';
import { absoluteTime, relativeTime } from '../shared/time';
import { ToastService } from '../shared/toast.service';

/** Personal API tokens: create one with a name (its secret is shown this once), see when each was last used, revoke. */
@Component({
  selector: 'app-tokens-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConfirmDialogComponent],
  template: `
    <div class="flex flex-col gap-5">
      <div>
        <h1 class="text-2xl font-bold tracking-tight text-slate-900">API tokens</h1>
        <p class="text-sm text-slate-600">
          For scripts and other programs: send <code class="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>. A token can do what
          your account can; revoke it when it is no longer needed.
        </p>
      </div>

      <form class="rounded-card border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="new-token-heading" novalidate (submit)="$event.preventDefault(); create()">
        <h2 id="new-token-heading" class="text-base font-semibold text-slate-900">New token</h2>
        <div class="mt-3 flex flex-wrap items-start gap-3">
          <div class="flex min-w-56 flex-1 flex-col gap-1">
            <label for="token-name" class="text-sm font-medium text-slate-700">Name</label>
            <input
              #nameInput
              id="token-name"
              name="name"
              type="text"
              autocomplete="off"
              placeholder="e.g. Backup script"
              [attr.maxlength]="nameCap"
              class="rounded-lg border bg-white px-3 py-2 text-sm"
              [class.border-red-500]="!!nameError()"
              [class.border-slate-300]="!nameError()"
              [value]="name()"
              (input)="name.set($any($event.target).value); nameError.set('')"
              [attr.aria-invalid]="nameError() ? 'true' : null"
              [attr.aria-describedby]="nameError() ? 'token-name-error' : null"
            />
            @if (nameError()) {
              <p id="token-name-error" class="text-xs font-medium text-red-700" data-testid="field-error">{{ nameError() }}</p>
            }
          </div>
          <button
            type="submit"
            class="mt-6 rounded-lg bg-brand-800 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-900 disabled:opacity-60"
            [disabled]="creating()"
          >
            {{ creating() ? 'Creating…' : 'Create token' }}
          </button>
        </div>
      </form>

      @if (created(); as c) {
        <section class="rounded-card border border-emerald-300 bg-emerald-50 p-5" aria-labelledby="secret-heading" data-testid="new-token" tabindex="-1" #secretBox>
          <h2 id="secret-heading" class="font-semibold text-emerald-950">Token “{{ c.name }}” created</h2>
          <p class="mt-1 text-sm font-medium text-emerald-950">Copy it now: you won't see it again.</p>
          <div class="mt-3 flex flex-wrap items-center gap-2">
            <label for="token-secret" class="sr-only">Token secret</label>
            <input
              id="token-secret"
              readonly
              class="min-w-0 flex-1 rounded-lg border border-emerald-300 bg-white px-3 py-2 font-mono text-sm"
              [value]="c.token"
              (focus)="$any($event.target).select()"
              data-testid="token-secret"
            />
            <button type="button" class="rounded-lg bg-brand-800 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-900" (click)="copy(c.token)">
              {{ copied() ? 'Copied' : 'Copy' }}
            </button>
            <button type="button" class="rounded-lg border border-emerald-400 bg-white px-3 py-2 text-sm hover:bg-emerald-100" (click)="created.set(null)">Done</button>
          </div>
        </section>
      }

      <section class="rounded-card border border-slate-200 bg-white shadow-sm" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" class="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">Your tokens</h2>
        @switch (status()) {
          @case ('loading') {
            <div class="flex flex-col gap-2 p-4" aria-busy="true" aria-label="Loading tokens">
              @for (i of [1, 2]; track i) {
                <div class="skeleton h-10 rounded-lg"></div>
              }
            </div>
          }
          @case ('error') {
            <div class="p-8 text-center" role="alert">
              <p class="font-medium">Could not load your tokens.</p>
              <p class="mt-1 text-sm text-slate-600">{{ error() }}</p>
              <button type="button" class="mt-3 rounded-lg border border-slate-300 px-3 py-1.5 text-sm" (click)="load()">Retry</button>
            </div>
          }
          @default {
            @if (!tokens().length) {
              <p class="p-10 text-center text-slate-600" data-testid="empty-state">No tokens yet. Create one above for a script or another program.</p>
            } @else {
              <ul class="divide-y divide-slate-100" aria-label="API tokens">
                @for (t of tokens(); track t.id) {
                  <li class="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3" data-testid="token-row">
                    <div class="min-w-0 flex-1">
                      <p class="truncate font-medium text-slate-900">{{ t.name }}</p>
                      <p class="text-sm text-slate-600">
                        Created <time [attr.datetime]="t.created_at" [title]="absoluteTime(t.created_at)">{{ relativeTime(t.created_at) }}</time>
                        ·
                        @if (t.last_used_at) {
                          last used <time [attr.datetime]="t.last_used_at" [title]="absoluteTime(t.last_used_at)">{{ relativeTime(t.last_used_at) }}</time>
                        } @else {
                          never used
                        }
                      </p>
                    </div>
                    <button
                      type="button"
                      class="rounded-md px-2.5 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
                      [attr.aria-label]="'Revoke ' + t.name"
                      [disabled]="revokingId() === t.id"
                      (click)="revoking.set(t)"
                    >
                      Revoke
                    </button>
                  </li>
                }
              </ul>
            }
          }
        }
      </section>
    </div>

    @if (revoking(); as t) {
      <app-confirm-dialog
        [heading]="'Revoke “' + t.name + '”?'"
        message="Programs using this token stop working at once. This cannot be undone."
        confirmLabel="Revoke"
        (confirmed)="revoke(t)"
        (cancelled)="revoking.set(null)"
      />
    }
  `,
})
export class TokensPageComponent {
  private readonly api = inject(AuthApiService);
  private readonly toasts = inject(ToastService);
  private readonly doc = inject(DOCUMENT);
  private readonly nameInput = viewChild<ElementRef<HTMLInputElement>>('nameInput');
  private readonly secretBox = viewChild<ElementRef<HTMLElement>>('secretBox');

  protected readonly nameCap = TOKEN_NAME_MAX_LENGTH * 2;
  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly tokens = signal<readonly ApiToken[]>([]);
  protected readonly name = signal('');
  protected readonly nameError = signal('');
  protected readonly creating = signal(false);
  protected readonly created = signal<CreatedApiToken | null>(null);
  protected readonly copied = signal(false);
  protected readonly revoking = signal<ApiToken | null>(null);
  protected readonly revokingId = signal<number | null>(null);
  protected readonly relativeTime = relativeTime;
  protected readonly absoluteTime = absoluteTime;

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.status.set('loading');
    try {
      this.tokens.set(await firstValueFrom(this.api.tokens()));
      this.status.set('ready');
    } catch (err) {
      this.error.set(parseFormError(err, []).message);
      this.status.set('error');
    }
  }

  protected async create(): Promise<void> {
    const name = this.name().trim();
    if (!name) {
      this.nameError.set('Give the token a name, so you know later what uses it.');
      this.nameInput()?.nativeElement.focus();
      return;
    }
    if ([...name].length > TOKEN_NAME_MAX_LENGTH) {
      this.nameError.set(`Name must be at most ${TOKEN_NAME_MAX_LENGTH} characters.`);
      this.nameInput()?.nativeElement.focus();
      return;
    }
    this.creating.set(true);
    try {
      const token = await firstValueFrom(this.api.createToken(name));
      const listed: ApiToken = { id: token.id, name: token.name, created_at: token.created_at, last_used_at: token.last_used_at };
      this.tokens.update((list) => [listed, ...list.filter((t) => t.id !== token.id)]);
      this.status.set('ready');
      this.created.set(token);
      this.copied.set(false);
      this.name.set('');
      setTimeout(() => this.secretBox()?.nativeElement.focus());
    } catch (err) {
      const parsed = parseFormError(err, ['name']);
      if (parsed.fields.name) this.nameError.set(parsed.fields.name);
      else this.toasts.error(`Could not create the token: ${parsed.message}`);
      this.nameInput()?.nativeElement.focus();
    } finally {
      this.creating.set(false);
    }
  }

  protected async copy(secret: string): Promise<void> {
    try {
      await this.doc.defaultView?.navigator.clipboard.writeText(secret);
      this.copied.set(true);
    } catch {
      // No clipboard access (plain http, permissions): select it for Ctrl+C instead.
      const input = this.doc.getElementById('token-secret') as HTMLInputElement | null;
      input?.focus();
      input?.select();
      this.toasts.show('Press Ctrl+C (⌘C) to copy the selected token.');
    }
  }

  protected async revoke(token: ApiToken): Promise<void> {
    this.revoking.set(null);
    this.revokingId.set(token.id);
    try {
      await firstValueFrom(this.api.deleteToken(token.id));
      this.tokens.update((list) => list.filter((t) => t.id !== token.id));
      if (this.created()?.id === token.id) this.created.set(null);
      this.toasts.success(`Token “${token.name}” was revoked`);
    } catch (err) {
      const parsed = parseFormError(err, []);
      if (parsed.status === 404) {
        this.tokens.update((list) => list.filter((t) => t.id !== token.id));
        this.toasts.show(`Token “${token.name}” was already revoked`);
      } else {
        this.toasts.error(`Could not revoke “${token.name}”: ${parsed.message}`);
      }
    } finally {
      this.revokingId.set(null);
    }
  }
}
