import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, viewChild } from '@angular/core';
import { openModalOnRender } from '../shared/modal-dialog';
import { AuthFormComponent } from './auth-form.component';
import { SessionStore } from './session.store';

/**
 * The session ended while the app was open. Everything stays as it was behind this dialog (open
 * forms, what was typed, a save that met the 401); signing in again as the same account closes it
 * and sends the held requests again. It cannot be dismissed: without a session nothing works.
 */
@Component({
  selector: 'app-session-expired-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthFormComponent],
  template: `
    <dialog
      #dialog
      class="m-auto w-[calc(100%-1.5rem)] max-w-md rounded-card border border-slate-200 bg-white p-0 shadow-2xl"
      aria-labelledby="expired-title"
      aria-describedby="expired-message"
      data-testid="session-expired"
      (cancel)="$event.preventDefault()"
    >
      <div class="flex flex-col gap-4 p-6">
        <div>
          <h2 id="expired-title" class="text-lg font-semibold text-slate-900">Your session has ended</h2>
          <p id="expired-message" class="mt-1 text-sm text-slate-600">
            Sign in again to carry on. Nothing you were typing is lost, and a change you were saving is sent once you are back.
          </p>
        </div>
        <app-auth-form mode="sign-in" idPrefix="resume" submitLabel="Sign in again" [lockedEmail]="session.user()?.email ?? null" />
        <p class="text-center text-sm text-slate-600">
          Not {{ session.user()?.name }}?
          <button type="button" class="font-medium text-brand-800 underline-offset-2 hover:underline" (click)="session.restart()">
            Sign in as someone else
          </button>
          <span class="block text-xs">(unsaved changes are discarded)</span>
        </p>
      </div>
    </dialog>
  `,
})
export class SessionExpiredDialogComponent {
  protected readonly session = inject(SessionStore);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly form = viewChild.required(AuthFormComponent);

  constructor() {
    openModalOnRender(this.dialog);
    afterNextRender(() => this.form().focus());
  }
}
