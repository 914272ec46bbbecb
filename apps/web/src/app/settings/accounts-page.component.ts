import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { User } from '@contacts/wire-types';
import { AuthApiService } from '../auth/auth-api.service';
import { validateAuthForm } from '../auth/auth-form.component';
import { parseFormError } from '../shared/api-error';
import { absoluteTime, relativeTime } from '../shared/time';
import { ToastService } from '../shared/toast.service';

type Field = 'name' | 'email' | 'password';
const FIELDS: readonly Field[] = ['name', 'email', 'password'];

/** Administrators create accounts for other people (sign-up is closed unless SIGNUP=open). */
@Component({
  selector: 'app-accounts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="flex flex-col gap-5">
      <div>
        <h1 class="text-2xl font-bold tracking-tight text-slate-900">Accounts</h1>
        <p class="text-sm text-slate-600">Create an account for someone, then tell them their email and password. Each account gets its own address book.</p>
      </div>

      <form class="rounded-card border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="new-account-heading" novalidate (submit)="$event.preventDefault(); create()">
        <h2 id="new-account-heading" class="text-base font-semibold text-slate-900">New account</h2>
        <div class="mt-3 grid gap-3 sm:grid-cols-3">
          @for (f of fields; track f) {
            <div class="flex flex-col gap-1">
              <label [for]="'account-' + f" class="text-sm font-medium text-slate-700">{{ labels[f] }}</label>
              <input
                [id]="'account-' + f"
                [name]="f"
                [type]="f === 'password' ? 'password' : f === 'email' ? 'email' : 'text'"
                [attr.autocomplete]="f === 'password' ? 'new-password' : 'off'"
                class="rounded-lg border bg-white px-3 py-2 text-sm"
                [class.border-red-500]="!!errors()[f]"
                [class.border-slate-300]="!errors()[f]"
                [value]="values()[f]"
                (input)="set(f, $any($event.target).value)"
                [attr.aria-invalid]="errors()[f] ? 'true' : null"
                [attr.aria-describedby]="errors()[f] ? 'account-' + f + '-error' : null"
              />
              @if (errors()[f]; as m) {
                <p [id]="'account-' + f + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ m }}</p>
              }
            </div>
          }
        </div>
        <div class="mt-4 flex flex-wrap items-center justify-between gap-3">
          <label class="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" class="size-4" [checked]="isAdmin()" (change)="isAdmin.set($any($event.target).checked)" />
            Administrator (can create accounts)
          </label>
          <button type="submit" class="rounded-lg bg-brand-800 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:opacity-60" [disabled]="busy()">
            {{ busy() ? 'Creating…' : 'Create account' }}
          </button>
        </div>
        @if (message()) {
          <p class="mt-3 text-sm font-medium text-red-700" role="alert">{{ message() }}</p>
        }
      </form>

      <section class="rounded-card border border-slate-200 bg-white shadow-sm" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" class="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">Everyone</h2>
        @switch (status()) {
          @case ('loading') {
            <div class="flex flex-col gap-2 p-4" aria-busy="true" aria-label="Loading accounts">
              @for (i of [1, 2]; track i) {
                <div class="skeleton h-10 rounded-lg"></div>
              }
            </div>
          }
          @case ('error') {
            <div class="p-8 text-center" role="alert">
              <p class="font-medium">Could not load the accounts.</p>
              <p class="mt-1 text-sm text-slate-600">{{ error() }}</p>
              <button type="button" class="mt-3 rounded-lg border border-slate-300 px-3 py-1.5 text-sm" (click)="load()">Retry</button>
            </div>
          }
          @default {
            <ul class="divide-y divide-slate-100" aria-label="Accounts">
              @for (u of users(); track u.id) {
                <li class="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3" data-testid="account-row">
                  <div class="min-w-0 flex-1">
                    <p class="truncate font-medium text-slate-900">
                      {{ u.name }}
                      @if (u.is_admin) {
                        <span class="ml-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Administrator</span>
                      }
                    </p>
                    <p class="truncate text-sm text-slate-600">{{ u.email }}</p>
                  </div>
                  <time class="text-xs text-slate-500" [attr.datetime]="u.created_at" [title]="absoluteTime(u.created_at)">Joined {{ relativeTime(u.created_at) }}</time>
                </li>
              }
            </ul>
          }
        }
      </section>
    </div>
  `,
})
export class AccountsPageComponent {
  private readonly api = inject(AuthApiService);
  private readonly toasts = inject(ToastService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly fields = FIELDS;
  protected readonly labels: Record<Field, string> = { name: 'Name', email: 'Email', password: 'Password' };
  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly users = signal<readonly User[]>([]);
  protected readonly values = signal<Record<Field, string>>({ name: '', email: '', password: '' });
  protected readonly errors = signal<Partial<Record<Field, string>>>({});
  protected readonly isAdmin = signal(false);
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly relativeTime = relativeTime;
  protected readonly absoluteTime = absoluteTime;

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.status.set('loading');
    try {
      this.users.set(await firstValueFrom(this.api.users()));
      this.status.set('ready');
    } catch (err) {
      this.error.set(parseFormError(err, []).message);
      this.status.set('error');
    }
  }

  protected set(field: Field, value: string): void {
    this.values.update((v) => ({ ...v, [field]: value }));
    if (this.errors()[field]) this.errors.update((e) => ({ ...e, [field]: undefined }));
  }

  protected async create(): Promise<void> {
    const v = this.values();
    const errors = validateAuthForm('sign-up', v);
    this.errors.set(errors);
    this.message.set('');
    if (Object.keys(errors).length) return this.focusFirst(errors);
    this.busy.set(true);
    try {
      const user = await firstValueFrom(this.api.createUser({ name: v.name.trim(), email: v.email.trim(), password: v.password, is_admin: this.isAdmin() }));
      this.users.update((list) => [...list, user]);
      this.values.set({ name: '', email: '', password: '' });
      this.isAdmin.set(false);
      this.toasts.success(`Account for ${user.name} was created`);
    } catch (err) {
      const parsed = parseFormError(err, FIELDS);
      this.errors.set(parsed.fields);
      if (!Object.keys(parsed.fields).length) this.message.set(parsed.message);
      this.focusFirst(parsed.fields);
    } finally {
      this.busy.set(false);
    }
  }

  private focusFirst(errors: Partial<Record<Field, string>>): void {
    const first = FIELDS.find((f) => errors[f]);
    if (first) setTimeout(() => this.host.nativeElement.querySelector<HTMLInputElement>(`#account-${first}`)?.focus());
  }
}
