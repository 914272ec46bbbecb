import { ChangeDetectionStrategy, Component, ElementRef, OnInit, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { EMAIL_PATTERN, MEMBER_ROLES, type AddressBook, type AddressBookMember, type MemberRole } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { parseFormError } from '../shared/api-error';
import { openModalOnRender } from '../shared/modal-dialog';
import { ToastService } from '../shared/toast.service';
import { AddressBooksApiService } from './address-books-api.service';

export const ROLE_LABELS: Readonly<Record<AddressBookMember['role'], string>> = { owner: 'Owner', editor: 'Can edit', viewer: 'Can view' };

/**
 * Who has a book and with which role. The owner adds people by email, changes their role and
 * removes them; a member sees the list and can leave.
 */
@Component({
  selector: 'app-share-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="m-auto w-[calc(100%-1.5rem)] max-w-lg rounded-card border border-slate-200 bg-white p-0 shadow-2xl"
      aria-labelledby="share-title"
      (cancel)="$event.preventDefault(); closed.emit()"
    >
      <div class="flex flex-col gap-5 p-6">
        <div class="flex items-start justify-between gap-4">
          <div>
            <h2 id="share-title" class="text-lg font-semibold text-slate-900">{{ isOwner() ? 'Share' : 'Members of' }} “{{ book().name }}”</h2>
            @if (!isOwner() && book().owner; as owner) {
              <p class="text-sm text-slate-600">Shared with you by {{ owner.name }}. You {{ book().role === 'viewer' ? 'can view its contacts' : 'can view and edit its contacts' }}.</p>
            }
          </div>
          <button type="button" class="rounded-md px-2 text-xl text-slate-500 hover:bg-slate-100" aria-label="Close" (click)="closed.emit()">×</button>
        </div>

        @if (isOwner()) {
          <form class="flex flex-col gap-2" novalidate (submit)="$event.preventDefault(); add()" aria-label="Add a person">
            <div class="flex flex-wrap items-end gap-2">
              <div class="flex min-w-48 flex-1 flex-col gap-1">
                <label for="share-email" class="text-sm font-medium text-slate-700">Email of the person</label>
                <input
                  #emailInput
                  id="share-email"
                  name="email"
                  type="email"
                  autocomplete="off"
                  class="rounded-lg border bg-white px-3 py-2 text-sm"
                  [class.border-red-500]="!!emailError()"
                  [class.border-slate-300]="!emailError()"
                  [value]="email()"
                  (input)="email.set($any($event.target).value); emailError.set('')"
                  [attr.aria-invalid]="emailError() ? 'true' : null"
                  [attr.aria-describedby]="emailError() ? 'share-email-error' : null"
                />
              </div>
              <div class="flex flex-col gap-1">
                <label for="share-role" class="text-sm font-medium text-slate-700">Role</label>
                <select id="share-role" class="rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm" (change)="role.set($any($event.target).value)">
                  @for (r of roles; track r) {
                    <option [value]="r" [selected]="r === role()">{{ roleLabels[r] }}</option>
                  }
                </select>
              </div>
              <button type="submit" class="rounded-lg bg-brand-800 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 disabled:opacity-60" [disabled]="adding()">
                {{ adding() ? 'Sharing…' : 'Share' }}
              </button>
            </div>
            @if (emailError()) {
              <p id="share-email-error" class="text-xs font-medium text-red-700" data-testid="field-error">{{ emailError() }}</p>
            }
          </form>
        }

        <section aria-labelledby="members-heading">
          <h3 id="members-heading" class="text-sm font-semibold text-slate-900">People with access</h3>
          @switch (status()) {
            @case ('loading') {
              <div class="mt-2 flex flex-col gap-2" aria-busy="true" aria-label="Loading members">
                @for (i of [1, 2]; track i) {
                  <div class="skeleton h-10 rounded-lg"></div>
                }
              </div>
            }
            @case ('error') {
              <div class="mt-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm" role="alert">
                <p>{{ error() }}</p>
                <button type="button" class="mt-2 rounded-md border border-slate-300 bg-white px-2.5 py-1" (click)="load()">Retry</button>
              </div>
            }
            @default {
              <ul class="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Members">
                @for (m of members(); track m.user.id) {
                  <li class="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2" data-testid="member-row" [attr.data-user-id]="m.user.id">
                    <div class="min-w-0 flex-1">
                      <p class="truncate text-sm font-medium text-slate-900">{{ m.user.name }}{{ m.user.id === meId() ? ' (you)' : '' }}</p>
                      <p class="truncate text-xs text-slate-600">{{ m.user.email }}</p>
                    </div>
                    @if (isOwner() && m.role !== 'owner') {
                      <label class="sr-only" [for]="'member-role-' + m.user.id">Role of {{ m.user.name }}</label>
                      <select
                        [id]="'member-role-' + m.user.id"
                        class="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                        [disabled]="busyId() === m.user.id"
                        (change)="changeRole(m, $any($event.target))"
                      >
                        @for (r of roles; track r) {
                          <option [value]="r" [selected]="r === m.role">{{ roleLabels[r] }}</option>
                        }
                      </select>
                      <button
                        type="button"
                        class="rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60"
                        [attr.aria-label]="'Remove ' + m.user.name"
                        [disabled]="busyId() === m.user.id"
                        (click)="remove(m)"
                      >
                        Remove
                      </button>
                    } @else {
                      <span class="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{{ roleLabels[m.role] }}</span>
                    }
                  </li>
                }
              </ul>
            }
          }
        </section>

        <div class="flex flex-wrap justify-between gap-3">
          @if (!isOwner()) {
            <button type="button" class="rounded-lg border border-red-300 px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50" (click)="leave.emit()">
              Leave this book
            </button>
          }
          <button type="button" class="ml-auto rounded-lg border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50" (click)="closed.emit()">Done</button>
        </div>
      </div>
    </dialog>
  `,
})
export class ShareDialogComponent implements OnInit {
  private readonly api = inject(AddressBooksApiService);
  private readonly session = inject(SessionStore);
  private readonly toasts = inject(ToastService);

  readonly book = input.required<AddressBook>();
  readonly closed = output<void>();
  /** A member asked to leave (the parent confirms). */
  readonly leave = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');
  protected readonly roles = MEMBER_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly isOwner = computed(() => this.book().role === 'owner');
  protected readonly meId = computed(() => this.session.user()?.id ?? null);
  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly members = signal<readonly AddressBookMember[]>([]);
  protected readonly email = signal('');
  protected readonly role = signal<MemberRole>('editor');
  protected readonly emailError = signal('');
  protected readonly adding = signal(false);
  protected readonly busyId = signal<number | null>(null);

  constructor() {
    openModalOnRender(this.dialog);
  }

  ngOnInit(): void {
    void this.load();
    setTimeout(() => this.emailInput()?.nativeElement.focus());
  }

  protected async load(): Promise<void> {
    this.status.set('loading');
    try {
      this.members.set(await firstValueFrom(this.api.members(this.book().id)));
      this.status.set('ready');
    } catch (err) {
      this.error.set(parseFormError(err, []).message);
      this.status.set('error');
    }
  }

  protected async add(): Promise<void> {
    const email = this.email().trim();
    if (!email || !EMAIL_PATTERN.test(email)) return this.invalidEmail(email ? 'Enter a valid email address.' : 'Enter the email of the person to share with.');
    if (this.members().some((m) => m.user.email.toLowerCase() === email.toLowerCase())) return this.invalidEmail('This person already has access.');
    this.adding.set(true);
    try {
      const member = await firstValueFrom(this.api.addMember(this.book().id, { email, role: this.role() }));
      this.members.update((list) => [...list.filter((m) => m.user.id !== member.user.id), member]);
      this.email.set('');
      this.toasts.success(`“${this.book().name}” is shared with ${member.user.name}`);
      this.emailInput()?.nativeElement.focus();
    } catch (err) {
      const parsed = parseFormError(err, ['email', 'role']);
      this.invalidEmail(parsed.fields.email ?? parsed.fields.role ?? parsed.message);
    } finally {
      this.adding.set(false);
    }
  }

  protected async changeRole(member: AddressBookMember, select: HTMLSelectElement): Promise<void> {
    const role = select.value as MemberRole;
    if (role === member.role) return;
    this.busyId.set(member.user.id);
    try {
      const changed = await firstValueFrom(this.api.changeMember(this.book().id, member.user.id, role));
      this.members.update((list) => list.map((m) => (m.user.id === changed.user.id ? changed : m)));
      this.toasts.success(`${member.user.name} ${role === 'viewer' ? 'can now only view' : 'can now edit'} “${this.book().name}”`);
    } catch (err) {
      this.toasts.error(`Could not change the role of ${member.user.name}: ${parseFormError(err, []).message}`);
      // Put the select back to the role the member still has.
      select.value = member.role;
    } finally {
      this.busyId.set(null);
    }
  }

  protected async remove(member: AddressBookMember): Promise<void> {
    this.busyId.set(member.user.id);
    try {
      await firstValueFrom(this.api.removeMember(this.book().id, member.user.id));
      this.members.update((list) => list.filter((m) => m.user.id !== member.user.id));
      this.toasts.success(`${member.user.name} no longer has “${this.book().name}”`);
    } catch (err) {
      const parsed = parseFormError(err, []);
      if (parsed.status === 404) this.members.update((list) => list.filter((m) => m.user.id !== member.user.id));
      else this.toasts.error(`Could not remove ${member.user.name}: ${parsed.message}`);
    } finally {
      this.busyId.set(null);
    }
  }

  private invalidEmail(message: string): void {
    this.emailError.set(message);
    this.emailInput()?.nativeElement.focus();
  }
}
