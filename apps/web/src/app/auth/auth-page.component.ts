import { ChangeDetectionStrategy, Component, DestroyRef, afterNextRender, computed, effect, inject, signal, untracked, viewChild } from '@angular/core';
import { DOCUMENT } from '@angular/common';
import { AuthFormComponent, type AuthFormMode } from './auth-form.component';
import { SessionStore } from './session.store';

/**
 * Shown instead of the app while nobody is signed in (AUTH=accounts): sign-in, and sign-up when
 * it is allowed. While no account exists, sign-up is all there is: the first account becomes the
 * administrator.
 */
@Component({
  selector: 'app-auth-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthFormComponent],
  template: `
    <div class="mx-auto flex max-w-md flex-col gap-6 py-8">
      <section class="rounded-card border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="auth-heading">
        @if (firstRun()) {
          <h1 id="auth-heading" class="text-xl font-bold tracking-tight text-slate-900">Create the first account — it will be the administrator</h1>
          <p class="mt-2 text-sm text-slate-600">
            No one has signed up yet. This account owns the contacts already here and can create accounts for other people.
          </p>
        } @else if (mode() === 'sign-up') {
          <h1 id="auth-heading" class="text-xl font-bold tracking-tight text-slate-900">Create your account</h1>
          <p class="mt-2 text-sm text-slate-600">You get your own address book; others can share theirs with you.</p>
        } @else {
          <h1 id="auth-heading" class="text-xl font-bold tracking-tight text-slate-900">Sign in to Contacts</h1>
        }
        <div class="mt-5">
          @if (mode() === 'sign-up') {
            <app-auth-form mode="sign-up" idPrefix="signup" [submitLabel]="firstRun() ? 'Create administrator account' : 'Create account'" />
          } @else {
            <app-auth-form mode="sign-in" idPrefix="signin" submitLabel="Sign in" />
          }
        </div>
      </section>
      @if (!firstRun()) {
        <p class="text-center text-sm text-slate-600">
          @if (mode() === 'sign-in') {
            @if (signupOpen()) {
              New here?
              <button type="button" class="font-medium text-brand-800 underline-offset-2 hover:underline" (click)="show('sign-up')">Create an account</button>
            } @else {
              No account yet? Ask your administrator to create one for you.
            }
          } @else {
            Already have an account?
            <button type="button" class="font-medium text-brand-800 underline-offset-2 hover:underline" (click)="show('sign-in')">Sign in</button>
          }
        </p>
      }
    </div>
  `,
})
export class AuthPageComponent {
  private readonly session = inject(SessionStore);
  private readonly doc = inject(DOCUMENT);
  private readonly form = viewChild(AuthFormComponent);

  protected readonly firstRun = computed(() => this.session.config()?.signup === 'first_user');
  protected readonly signupOpen = computed(() => this.session.config()?.signup === 'open');
  private readonly chosen = signal<AuthFormMode>('sign-in');
  protected readonly mode = computed<AuthFormMode>(() => (this.firstRun() ? 'sign-up' : this.signupOpen() ? this.chosen() : 'sign-in'));

  constructor() {
    const previousTitle = this.doc.title;
    effect(() => {
      const title = this.firstRun() ? 'Create the first account' : this.mode() === 'sign-up' ? 'Create an account' : 'Sign in';
      untracked(() => (this.doc.title = `${title} · Contacts`));
    });
    inject(DestroyRef).onDestroy(() => (this.doc.title = previousTitle));
    afterNextRender(() => this.form()?.focus());
  }

  protected show(mode: AuthFormMode): void {
    this.chosen.set(mode);
    setTimeout(() => this.form()?.focus());
  }
}
