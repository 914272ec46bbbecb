import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Subject } from 'rxjs';
import type { Contact, ContactFields } from '@contacts/wire-types';
import { parseApiError, type ParsedApiError } from '../shared/api-error';
import { emptyForm, formFromFields, formIsEmpty, fullFields, type ContactForm, type FullContactFields } from '../shared/contact-form';
import { fullName, hasErrors, trimFields, type ClientFieldErrors } from '../shared/contact-validation';
import { ToastService } from '../shared/toast.service';
import { newIdempotencyKey } from '../shared/uuid';
import { LocalEchoService } from '../realtime/local-echo.service';
import { ContactsApiService } from './contacts-api.service';

export const DEFAULT_CREATE_DELAY_MS = 20_000;
/** The bar never claims completion before the server answers. */
export const MAX_PENDING_PROGRESS = 0.95;
const TICK_MS = 200;

export interface PendingCreate {
  /** Idempotency-Key of this submission; reused by "Retry". */
  key: string;
  /** As sent (trimmed, complete): a retry sends them again, "Edit" puts them back into the form. */
  fields: FullContactFields;
  /** The book it goes to; null: the server's default (the caller's first own book). */
  addressBook: number | null;
  startedAt: number;
  status: 'pending' | 'failed';
  error?: ParsedApiError;
}

/**
 * Creates that the server is still holding (CREATE_DELAY_MS), plus the create form's draft.
 * The draft lives here so a create rejected at once (400/409) can go straight back into the
 * form with its field errors, and so it survives navigation.
 */
@Injectable({ providedIn: 'root' })
export class PendingCreatesStore {
  private readonly api = inject(ContactsApiService);
  private readonly toasts = inject(ToastService);
  private readonly echo = inject(LocalEchoService);
  private readonly doc = inject(DOCUMENT);

  readonly delayMs = readCreateDelay(this.doc);
  private readonly _items = signal<readonly PendingCreate[]>([]);
  readonly items = this._items.asReadonly();
  /** Ticks while something is pending, driving the progress bars. */
  readonly now = signal(Date.now());

  readonly draft = signal<ContactForm>(emptyForm());
  readonly draftErrors = signal<ClientFieldErrors>({});
  /** The book the form creates into (null: the server's default). */
  readonly draftBook = signal<number | null>(null);
  readonly draftIsEmpty = computed(() => formIsEmpty(this.draft()));

  private readonly createdSubject = new Subject<Contact>();
  /** Contacts this tab created, as soon as the server confirms them. */
  readonly created$ = this.createdSubject.asObservable();

  private readonly returnedSubject = new Subject<ClientFieldErrors>();
  /** A create came back into the form with server field errors (so the form can move focus there). */
  readonly returnedToForm$ = this.returnedSubject.asObservable();

  private ticker: ReturnType<typeof setInterval> | undefined;

  /** Starts a create and returns its key; the caller clears the form at once. */
  submit(fields: ContactFields, addressBook: number | null = null): string {
    const item: PendingCreate = {
      key: newIdempotencyKey(),
      fields: { ...fullFields(fields), ...trimFields(fields) },
      addressBook,
      startedAt: Date.now(),
      status: 'pending',
    };
    this._items.update((list) => [item, ...list]);
    this.send(item);
    return item.key;
  }

  /** Re-sends a failed create with the same Idempotency-Key (same fields, so never a double create). */
  retry(key: string): void {
    const item = this.find(key);
    if (!item || item.status !== 'failed') return;
    const again: PendingCreate = { ...item, status: 'pending', error: undefined, startedAt: Date.now() };
    this.replace(again);
    this.send(again);
  }

  /** Moves a failed create back into the form (a new submission, so a new key later). */
  edit(key: string): boolean {
    const item = this.find(key);
    if (!item) return false;
    if (!this.draftIsEmpty()) return false;
    this.draft.set(formFromFields(item.fields));
    this.draftErrors.set(item.error?.fields ?? {});
    if (item.addressBook !== null) this.draftBook.set(item.addressBook);
    this.discard(key);
    return true;
  }

  discard(key: string): void {
    this._items.update((list) => list.filter((i) => i.key !== key));
    this.syncTicker();
  }

  progress(item: PendingCreate, now = this.now()): number {
    if (item.status !== 'pending') return 0;
    const elapsed = Math.max(0, now - item.startedAt);
    return Math.min(1, elapsed / this.delayMs) * MAX_PENDING_PROGRESS;
  }

  private send(item: PendingCreate): void {
    this.syncTicker();
    const done = this.echo.beginCreate(item.fields.email);
    this.api.create(item.fields, item.key, item.addressBook).subscribe({
      next: (contact) => {
        done();
        this.echo.recordResult(contact);
        this.discard(item.key);
        this.createdSubject.next(contact);
        this.toasts.success(`${fullName(contact)} was created`);
      },
      error: (err: unknown) => {
        done();
        this.fail(item, parseApiError(err));
      },
    });
  }

  private fail(item: PendingCreate, error: ParsedApiError): void {
    const name = fullName(item.fields);
    const detail = Object.values(error.fields)[0] ?? error.message;
    if (hasErrors(error.fields) && this.draftIsEmpty()) {
      // Rejected on validation: hand it back to the (empty) form with the messages on the fields.
      this.discard(item.key);
      this.draft.set(formFromFields(item.fields));
      this.draftErrors.set(error.fields);
      if (item.addressBook !== null) this.draftBook.set(item.addressBook);
      this.returnedSubject.next(error.fields);
      this.toasts.error(`Could not create ${name}: ${detail}`);
      return;
    }
    this.replace({ ...item, status: 'failed', error });
    this.syncTicker();
    this.toasts.error(`Could not create ${name}: ${detail}`);
  }

  private find(key: string): PendingCreate | undefined {
    return this._items().find((i) => i.key === key);
  }

  private replace(item: PendingCreate): void {
    this._items.update((list) => list.map((i) => (i.key === item.key ? item : i)));
  }

  private syncTicker(): void {
    const active = this._items().some((i) => i.status === 'pending');
    if (active && !this.ticker) {
      this.ticker = setInterval(() => this.now.set(Date.now()), TICK_MS);
    } else if (!active && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
    this.now.set(Date.now());
  }
}

function readCreateDelay(doc: Document): number {
  const raw = doc.querySelector('meta[name="contacts-create-delay-ms"]')?.getAttribute('content');
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_CREATE_DELAY_MS;
}
