import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal } from '@angular/core';
import { EMAIL_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USER_NAME_MAX_LENGTH, type User } from '@contacts/wire-types';
import { parseFormError } from '../shared/api-error';
import { SessionStore } from './session.store';

export type AuthFormMode = 'sign-in' | 'sign-up';
type Field = 'name' | 'email' | 'password';
type Errors = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['name', 'email', 'password'];

/** Checks that mirror the server's, so most mistakes never make a round trip. */
export function validateAuthForm(mode: AuthFormMode, v: Record<Field, string>): Errors {
  const errors: Errors = {};
  if (mode === 'sign-up') {
    if (!v.name.trim()) errors.name = 'Name is required.';
    else if ([...v.name.trim()].length > USER_NAME_MAX_LENGTH) errors.name = `Name must be at most ${USER_NAME_MAX_LENGTH} characters.`;
  }
  if (!v.email.trim()) errors.email = 'Email is required.';
  else if (!EMAIL_PATTERN.test(v.email.trim())) errors.email = 'Enter a valid email address.';
  if (!v.password) errors.password = 'Password is required.';
  else if (mode === 'sign-up' && [...v.password].length < PASSWORD_MIN_LENGTH) errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  else if ([...v.password].length > PASSWORD_MAX_LENGTH) errors.password = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return errors;
}

/** The sign-in or sign-up fields, with the server's answers on the fields they are about. */
@Component({
  selector: 'app-auth-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="flex flex-col gap-4" novalidate (submit)="$event.preventDefault(); submit()" [attr.aria-label]="submitLabel()">
      @if (mode() === 'sign-up') {
        <div class="flex flex-col gap-1">
          <label [for]="id('name')" class="text-sm font-medium text-slate-700">Name</label>
          <input
            [id]="id('name')"
            name="name"
            type="text"
            autocomplete="name"
            [attr.maxlength]="nameCap"
            class="rounded-lg border bg-white px-3 py-2 text-sm"
            [class.border-red-500]="!!errors().name"
            [class.border-slate-300]="!errors().name"
            [value]="values().name"
            (input)="set('name', $any($event.target).value)"
            [attr.aria-invalid]="errors().name ? 'true' : null"
            [attr.aria-describedby]="errors().name ? id('name') + '-error' : null"
            required
          />
          @if (errors().name; as m) {
            <p [id]="id('name') + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ m }}</p>
          }
        </div>
      }
      <div class="flex flex-col gap-1">
        <label [for]="id('email')" class="text-sm font-medium text-slate-700">Email</label>
        <input
          [id]="id('email')"
          name="email"
          type="email"
          autocomplete="username"
          class="rounded-lg border bg-white px-3 py-2 text-sm read-only:bg-slate-50"
          [class.border-red-500]="!!errors().email"
          [class.border-slate-300]="!errors().email"
          [value]="values().email"
          [readOnly]="!!lockedEmail()"
          (input)="set('email', $any($event.target).value)"
          [attr.aria-invalid]="errors().email ? 'true' : null"
          [attr.aria-describedby]="errors().email ? id('email') + '-error' : null"
          required
        />
        @if (errors().email; as m) {
          <p [id]="id('email') + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ m }}</p>
        }
      </div>
      <div class="flex flex-col gap-1">
        <label [for]="id('password')" class="text-sm font-medium text-slate-700">Password</label>
        <input
          [id]="id('password')"
          name="password"
          type="password"
          [attr.autocomplete]="mode() === 'sign-up' ? 'new-password' : 'current-password'"
          class="rounded-lg border bg-white px-3 py-2 text-sm"
          [class.border-red-500]="!!errors().password"
          [class.border-slate-300]="!errors().password"
          [value]="values().password"
          (input)="set('password', $any($event.target).value)"
          [attr.aria-invalid]="errors().password ? 'true' : null"
          [attr.aria-describedby]="passwordDescribedBy()"
          required
        />
        @if (mode() === 'sign-up') {
          <p [id]="id('password') + '-hint'" class="text-xs text-slate-600">{{ minLength }}–{{ maxLength }} characters.</p>
        }
        @if (errors().password; as m) {
          <p [id]="id('password') + '-error'" class="text-xs font-medium text-red-700" data-testid="field-error">{{ m }}</p>
        }
      </div>
      @if (message()) {
        <p class="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800" role="alert" data-testid="form-error">
          {{ message() }}
        </p>
      }
      <button
        type="submit"
        class="rounded-lg bg-brand-800 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-900 disabled:opacity-60"
        [disabled]="busy()"
      >
        {{ busy() ? busyLabel() : submitLabel() }}
      </button>
    </form>
  `,
})
export class AuthFormComponent {
  private readonly session = inject(SessionStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly mode = input<AuthFormMode>('sign-in');
  readonly idPrefix = input('auth');
  /** Signing in again as the account whose session ended: its email is fixed. */
  readonly lockedEmail = input<string | null>(null);
  readonly submitLabel = input('Sign in');
  readonly done = output<User>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;
  protected readonly nameCap = USER_NAME_MAX_LENGTH * 2;
  private readonly typed = signal<Record<Field, string>>({ name: '', email: '', password: '' });
  protected readonly values = computed(() => {
    const locked = this.lockedEmail();
    return locked ? { ...this.typed(), email: locked } : this.typed();
  });
  protected readonly errors = signal<Errors>({});
  protected readonly message = signal('');
  protected readonly busy = signal(false);
  protected readonly busyLabel = computed(() => (this.mode() === 'sign-up' ? 'Creating account…' : 'Signing in…'));
  protected readonly passwordDescribedBy = computed(() => {
    const ids = [];
    if (this.mode() === 'sign-up') ids.push(this.id('password') + '-hint');
    if (this.errors().password) ids.push(this.id('password') + '-error');
    return ids.join(' ') || null;
  });

  protected id(field: Field): string {
    return `${this.idPrefix()}-${field}`;
  }

  protected set(field: Field, value: string): void {
    this.typed.update((v) => ({ ...v, [field]: value }));
    // Once a field shows an error, re-check it as the user types so the message clears when fixed.
    if (this.errors()[field]) {
      const next = { ...this.errors() };
      const again = validateAuthForm(this.mode(), this.values())[field];
      if (again) next[field] = again;
      else delete next[field];
      this.errors.set(next);
    }
  }

  focus(): void {
    const first = this.mode() === 'sign-up' ? 'name' : this.lockedEmail() ? 'password' : 'email';
    this.host.nativeElement.querySelector<HTMLInputElement>(`#${this.id(first)}`)?.focus();
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    const v = this.values();
    const errors = validateAuthForm(this.mode(), v);
    this.errors.set(errors);
    this.message.set('');
    if (Object.keys(errors).length) {
      this.focusFirst(errors);
      return;
    }
    this.busy.set(true);
    try {
      const email = v.email.trim();
      const user =
        this.mode() === 'sign-up'
          ? await this.session.signUp({ name: v.name.trim(), email, password: v.password })
          : await this.session.signIn({ email, password: v.password });
      this.typed.update((t) => ({ ...t, password: '' }));
      this.done.emit(user);
    } catch (err) {
      const parsed = parseFormError(err, FIELDS);
      this.errors.set(parsed.fields);
      this.message.set(Object.keys(parsed.fields).length && parsed.message === 'Please fix the highlighted fields.' ? '' : parsed.message);
      if (parsed.status === 403 && this.mode() === 'sign-up') {
        this.message.set('Sign-up is closed. Ask an administrator for an account, or sign in.');
        void this.session.refreshConfig();
      }
      this.focusFirst(parsed.fields);
    } finally {
      this.busy.set(false);
    }
  }

  private focusFirst(errors: Errors): void {
    const first = FIELDS.find((f) => errors[f]);
    if (first) setTimeout(() => this.host.nativeElement.querySelector<HTMLInputElement>(`#${this.id(first)}`)?.focus());
  }
}
