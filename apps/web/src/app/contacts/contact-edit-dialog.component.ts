import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, OnInit, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { firstValueFrom } from 'rxjs';
import type { Contact } from '@contacts/wire-types';
import { parseApiError } from '../shared/api-error';
import { ContactFieldsComponent } from '../shared/contact-fields.component';
import { changedFields, emptyForm, formFromFields, formToFields, fullFields, type ContactForm } from '../shared/contact-form';
import { fullName, hasErrors, validateContact, type ClientFieldErrors } from '../shared/contact-validation';
import { diffFields, describeChangedFields } from '../shared/field-diff';
import { openModalOnRender } from '../shared/modal-dialog';
import { ToastService } from '../shared/toast.service';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { LocalEchoService } from '../realtime/local-echo.service';
import { ContactsApiService, type ContactPatch } from './contacts-api.service';
import { EditConflictComponent, buildConflict, type Conflict } from './edit-conflict.component';
import { isNewerThanBase } from './remote-change';

/** A change to this contact made elsewhere while the dialog is open. */
interface RemoteChange {
  deleted: boolean;
  summary: string;
  contact: Contact | null;
}

@Component({
  selector: 'app-contact-edit-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ContactFieldsComponent, EditConflictComponent],
  templateUrl: './contact-edit-dialog.component.html',
})
export class ContactEditDialogComponent implements OnInit {
  private readonly api = inject(ContactsApiService);
  private readonly events = inject(ContactEventsService);
  private readonly echo = inject(LocalEchoService);
  private readonly toasts = inject(ToastService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly books = inject(AddressBooksStore);

  readonly contactId = input.required<number>();
  /** Emits the saved contact, or null when cancelled. */
  readonly closed = output<Contact | null>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly fields = viewChild(ContactFieldsComponent);

  protected readonly status = signal<'loading' | 'ready' | 'error'>('loading');
  /** The server version the form was based on, and the ETag that guards saving over it. */
  protected readonly base = signal<Contact | null>(null);
  private etag: string | null = null;
  protected readonly form = signal<ContactForm>(emptyForm());
  protected readonly errors = signal<ClientFieldErrors>({});
  protected readonly message = signal('');
  protected readonly saving = signal(false);
  protected readonly remote = signal<RemoteChange | null>(null);
  protected readonly conflict = signal<Conflict | null>(null);
  /** The book the contact is in, or is to be moved to on save. */
  protected readonly book = signal<number | null>(null);
  /** Moving is choosing another book I may edit; only offered when there is more than one. */
  protected readonly bookChoices = computed(() => (this.books.enabled() ? this.books.writable() : []));

  constructor() {
    openModalOnRender(this.dialog);
  }

  ngOnInit(): void {
    void this.load();
    this.events.events$.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((e) => {
      const id = this.contactId();
      if (e.type === 'contact.deleted' && e.contact_id === id && !this.echo.isLocal(e)) {
        this.remote.set({ deleted: true, summary: 'This contact was deleted elsewhere.', contact: null });
      } else if (e.type !== 'contact.deleted' && e.contact.id === id && !this.echo.isLocal(e)) {
        const base = this.base();
        if (!isNewerThanBase(base, e.contact)) return;
        const changes = diffFields(base, e.contact);
        const editor = e.edited_by?.name.trim();
        const now = changes.map((c) => (c.after ? `${c.label} is now “${c.after}”` : `${c.label} was cleared`)).join('; ');
        const summary = changes.length
          ? editor
            ? `${editor} changed ${describeChangedFields(changes)}: ${now}.`
            : `${describeChangedFields(changes)} changed elsewhere: ${now}.`
          : editor
            ? `${editor} saved this contact.`
            : 'This contact was saved elsewhere.';
        // Never touch the form: the user decides (reload theirs, or keep editing and resolve on save).
        this.remote.set({ deleted: false, summary, contact: e.contact });
      }
    });
  }

  protected async load(): Promise<void> {
    this.status.set('loading');
    try {
      const { contact, etag } = await firstValueFrom(this.api.get(this.contactId()));
      this.adopt(contact, etag);
      this.status.set('ready');
      setTimeout(() => this.fields()?.focus('first_name'));
    } catch (err) {
      this.message.set(parseApiError(err).message);
      this.status.set('error');
    }
  }

  protected async save(): Promise<void> {
    const base = this.base();
    if (!base || this.saving()) return;
    const errors = validateContact(this.form());
    this.errors.set(errors);
    if (hasErrors(errors)) {
      this.fields()?.focusFirstInvalid(errors);
      return;
    }
    // Only what changed: a field someone else edited meanwhile is not written back unchanged.
    const patch: ContactPatch = changedFields(fullFields(base), formToFields(this.form()));
    const book = this.book();
    const moving = book !== null && book !== base.address_book;
    if (!Object.keys(patch).length && !moving) {
      this.closed.emit(null);
      return;
    }
    if (moving) patch.address_book = book;
    await this.send(base.id, patch);
  }

  /** 412 resolution: write my values over the current server version. */
  protected async keepMine(): Promise<void> {
    const conflict = this.conflict();
    if (!conflict) return;
    this.adoptBaseOnly(conflict.theirs, conflict.etag ?? (await this.fetchEtag()));
    this.form.set(formFromFields(conflict.merged));
    this.conflict.set(null);
    await this.save();
  }

  /** 412 resolution or remote banner: take the server's version and drop my edits. */
  protected async useTheirs(): Promise<void> {
    const conflict = this.conflict();
    this.book.set(null);
    if (conflict) {
      this.adopt(conflict.theirs, conflict.etag ?? (await this.fetchEtag()));
      this.conflict.set(null);
    } else {
      await this.load();
    }
    this.remote.set(null);
    this.errors.set({});
  }

  protected dismissRemote(): void {
    this.remote.set(null);
  }

  protected cancel(): void {
    this.closed.emit(null);
  }

  /** Once a field shows a message, re-check it as the user types; the other fields' messages stay. */
  protected recheck(path: string): void {
    const current = this.errors();
    if (!current[path]) return;
    const next = { ...current };
    const message = validateContact(this.form())[path];
    if (message) next[path] = message;
    else delete next[path];
    this.errors.set(next);
  }

  protected readonly fullName = fullName;

  private async send(id: number, patch: ContactPatch): Promise<void> {
    this.saving.set(true);
    this.message.set('');
    const done = this.echo.begin(id);
    try {
      const { contact } = await firstValueFrom(this.api.patch(id, patch, this.etag));
      this.echo.recordResult(contact);
      const moved = patch.address_book !== undefined ? this.books.book(contact.address_book) : undefined;
      this.toasts.success(moved ? `${fullName(contact)} was moved to “${moved.name}”` : `${fullName(contact)} was saved`);
      this.closed.emit(contact);
    } catch (err) {
      if (err instanceof HttpErrorResponse && err.status === 412 && err.error && typeof err.error === 'object') {
        const original = this.base();
        const mine = formToFields(this.form());
        this.conflict.set(buildConflict(original ? fullFields(original) : mine, mine, err.error as Contact, err.headers.get('ETag')));
        this.remote.set(null);
      } else {
        const parsed = parseApiError(err);
        this.errors.set(parsed.fields);
        // Refused: my role may have changed since the books were read; read them again.
        if (parsed.status === 403) this.books.scheduleRefresh();
        this.message.set(
          parsed.status === 404
            ? 'This contact no longer exists, or you no longer have access to it.'
            : parsed.status === 403
              ? 'You can no longer edit this contact: your access to its book changed.'
              : parsed.message,
        );
        this.fields()?.focusFirstInvalid(parsed.fields);
      }
    } finally {
      done();
      this.saving.set(false);
    }
  }

  private adopt(contact: Contact, etag: string | null): void {
    this.adoptBaseOnly(contact, etag);
    this.form.set(formFromFields(contact));
  }

  private adoptBaseOnly(contact: Contact, etag: string | null): void {
    // A move I chose is kept when the base is refreshed (412 resolution); otherwise follow the contact.
    const base = this.base();
    if (!base || this.book() === null || this.book() === base.address_book) this.book.set(contact.address_book);
    this.base.set(contact);
    this.etag = etag;
  }

  private async fetchEtag(): Promise<string | null> {
    try {
      return (await firstValueFrom(this.api.get(this.contactId()))).etag;
    } catch {
      return null;
    }
  }
}
