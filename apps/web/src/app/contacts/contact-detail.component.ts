import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Subject, catchError, filter, of, switchMap, tap } from 'rxjs';
import { POSTAL_ADDRESS_PARTS, type Contact, type PostalAddress } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { parseApiError } from '../shared/api-error';
import { fullName } from '../shared/contact-validation';
import { formatBirthday } from '../shared/field-diff';
import { absoluteTime, relativeTime } from '../shared/time';
import { ContactEditDialogComponent } from './contact-edit-dialog.component';
import { ContactsApiService } from './contacts-api.service';
import { isNewerThanBase } from './remote-change';

/** `tel:` wants the number without its visual separators (RFC 3966 allows them, dialers do not all). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** The parts of an address as lines: street (may hold line breaks), then "postal code city", region, country. */
export function addressLines(a: PostalAddress): string[] {
  const cityLine = [a.postal_code, a.city].filter((p) => p).join(' ');
  return [...a.street.split('\n'), cityLine, a.region, a.country].map((l) => l.trim()).filter((l) => l);
}

/** One contact with every field: links to write or call, edit, history, the vCard. Follows changes live. */
@Component({
  selector: 'app-contact-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ContactEditDialogComponent],
  templateUrl: './contact-detail.component.html',
})
export class ContactDetailComponent {
  private readonly api = inject(ContactsApiService);
  private readonly events = inject(ContactEventsService);
  protected readonly books = inject(AddressBooksStore);

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();
  protected readonly contactId = computed(() => Number(this.id()));

  protected readonly status = signal<'loading' | 'ready' | 'missing' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly contact = signal<Contact | null>(null);
  /** Deleted elsewhere while shown: the page says so instead of pretending it is still there. */
  protected readonly deletedElsewhere = signal(false);
  protected readonly editing = signal(false);

  protected readonly canEdit = computed(() => {
    const c = this.contact();
    return !!c && !this.deletedElsewhere() && this.books.canWrite(c.address_book);
  });
  protected readonly bookName = computed(() => (this.books.enabled() ? (this.books.book(this.contact()?.address_book)?.name ?? '') : ''));
  protected readonly subtitle = computed(() => {
    const c = this.contact();
    return c ? [c.job_title, c.organization].filter((p) => p).join(' · ') : '';
  });
  protected readonly birthday = computed(() => {
    const b = this.contact()?.birthday;
    return b ? formatBirthday(b) : '';
  });
  protected readonly hasAddressParts = (a: PostalAddress) => POSTAL_ADDRESS_PARTS.some((p) => a[p]);

  protected readonly fullName = fullName;
  protected readonly telHref = telHref;
  protected readonly addressLines = addressLines;
  protected readonly relativeTime = relativeTime;
  protected readonly absoluteTime = absoluteTime;

  private readonly loads = new Subject<boolean>();

  constructor() {
    this.loads
      .pipe(
        tap((silent) => silent || this.status.set('loading')),
        switchMap(() =>
          this.api.get(this.contactId()).pipe(
            tap(({ contact }) => {
              this.contact.set(contact);
              this.deletedElsewhere.set(false);
              this.status.set('ready');
            }),
            catchError((err: unknown) => {
              const parsed = parseApiError(err);
              if (parsed.status === 404) this.status.set('missing');
              else {
                this.error.set(parsed.message);
                this.status.set('error');
              }
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
    effect(() => {
      this.contactId();
      untracked(() => this.loads.next(false));
    });
    this.events.events$
      .pipe(
        filter((e) => (e.type === 'contact.deleted' ? e.contact_id : e.contact.id) === this.contactId()),
        takeUntilDestroyed(),
      )
      .subscribe((e) => {
        if (e.type === 'contact.deleted') this.deletedElsewhere.set(true);
        else if (isNewerThanBase(this.contact(), e.contact)) {
          this.contact.set(e.contact);
          this.deletedElsewhere.set(false);
        }
      });
    this.events.resync$.pipe(takeUntilDestroyed()).subscribe(() => this.loads.next(true));
  }

  protected reload(): void {
    this.loads.next(false);
  }

  protected onEdited(saved: Contact | null): void {
    this.editing.set(false);
    if (saved && isNewerThanBase(this.contact(), saved)) this.contact.set(saved);
  }

  protected initials(c: Contact): string {
    return `${c.first_name.charAt(0)}${c.last_name.charAt(0)}`.toUpperCase();
  }
}
