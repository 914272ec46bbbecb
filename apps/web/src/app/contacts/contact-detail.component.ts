import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Subject, catchError, filter, map, of, switchMap, tap, type Observable } from 'rxjs';
import { POSTAL_ADDRESS_PARTS, type Contact, type Merge, type PostalAddress } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { MergeActionsService } from '../duplicates/merge-actions.service';
import { MergesApiService } from '../duplicates/merges-api.service';
import { mergedAwayBy } from '../duplicates/merged-away';
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

/** A contact that is gone because it was merged into another one, which lives on. */
export interface MergedAway {
  merge: Merge;
  /** The merged-away contact's name (its last version). */
  name: string;
  /** Empty when the survivor could not be read (deleted since, say). */
  survivorName: string;
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
  private readonly mergesApi = inject(MergesApiService);
  private readonly mergeActions = inject(MergeActionsService);
  protected readonly books = inject(AddressBooksStore);

  /** Route parameter (component input binding). */
  readonly id = input.required<string>();
  protected readonly contactId = computed(() => Number(this.id()));

  /** `merged`: not found because it was merged into another contact (`mergedInto` says which). */
  protected readonly status = signal<'loading' | 'ready' | 'missing' | 'merged' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly contact = signal<Contact | null>(null);
  /** Deleted elsewhere while shown: the page says so instead of pretending it is still there. */
  protected readonly deletedElsewhere = signal(false);
  /** Set when it was merged away, on opening the page or while it was shown. */
  protected readonly mergedInto = signal<MergedAway | null>(null);
  /** Deleted while shown, and not yet known whether by a merge: no banner until we know which one to show. */
  protected readonly checkingMerge = signal(false);
  /** Only editors and owners of the merge's book may undo it. */
  protected readonly canUndoMerge = computed(() => {
    const m = this.mergedInto();
    return !!m && this.books.canWrite(m.merge.address_book);
  });
  protected readonly undoing = signal(false);
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
  /** A contact id deleted while shown, to look up whether by a merge; null drops a pending look-up (it is back). */
  private readonly mergeChecks = new Subject<number | null>();

  constructor() {
    this.loads
      .pipe(
        tap((silent) => silent || this.status.set('loading')),
        switchMap(() => {
          const id = this.contactId();
          return this.api.get(id).pipe(
            map(({ contact }) => ({ contact, mergedAway: null })),
            catchError((err: unknown) => {
              const parsed = parseApiError(err);
              if (parsed.status !== 404) throw err;
              // Not found: say so, unless it was merged into another contact, which is where to go instead.
              return this.findMergedAway(id, null).pipe(map((mergedAway) => ({ contact: null, mergedAway })));
            }),
            tap(({ contact, mergedAway }) => {
              this.mergeChecks.next(null);
              this.checkingMerge.set(false);
              this.deletedElsewhere.set(false);
              this.mergedInto.set(mergedAway);
              if (contact) this.contact.set(contact);
              this.status.set(contact ? 'ready' : mergedAway ? 'merged' : 'missing');
            }),
            catchError((err: unknown) => {
              this.error.set(parseApiError(err).message);
              this.status.set('error');
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
    this.mergeChecks
      .pipe(
        switchMap((id) => (id === null ? of(null) : this.findMergedAway(id, this.contact()))),
        takeUntilDestroyed(),
      )
      .subscribe((mergedAway) => {
        this.checkingMerge.set(false);
        this.mergedInto.set(mergedAway);
      });
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
        if (e.type === 'contact.deleted') {
          // Only a contact on screen can go; the first event is enough (a late echo asks nothing again).
          if (this.status() !== 'ready' || this.deletedElsewhere()) return;
          this.deletedElsewhere.set(true);
          this.checkingMerge.set(true);
          this.mergeChecks.next(this.contactId());
        } else if (this.status() === 'merged') {
          // Back: its merge was undone elsewhere.
          this.loads.next(true);
        } else if (isNewerThanBase(this.contact(), e.contact)) {
          this.mergeChecks.next(null);
          this.contact.set(e.contact);
          this.deletedElsewhere.set(false);
          this.checkingMerge.set(false);
          this.mergedInto.set(null);
        }
      });
    this.events.resync$.pipe(takeUntilDestroyed()).subscribe(() => this.loads.next(true));
  }

  protected reload(): void {
    this.loads.next(false);
  }

  /** Undoes the merge that took this contact away; the page then shows it as it came back. */
  protected async undoMerge(): Promise<void> {
    const away = this.mergedInto();
    if (!away || this.undoing()) return;
    const { merge } = away;
    this.undoing.set(true);
    const undone = await this.mergeActions.undo(merge.id, [merge.contact, ...merge.others]);
    this.undoing.set(false);
    if (!undone) return;
    const restored = undone.restored.find((c) => c.id === this.contactId());
    if (!restored) {
      this.reload();
      return;
    }
    this.mergeChecks.next(null);
    this.contact.set(restored);
    this.deletedElsewhere.set(false);
    this.checkingMerge.set(false);
    this.mergedInto.set(null);
    this.status.set('ready');
  }

  /**
   * The open merge that took contact `id` away, read like its history page does: only when its
   * latest version is a merge (deleted plainly after a restore is not "merged"). `shown`: the
   * contact as this page had it, for its name. Any failure on the way means "not known to be
   * merged": the page then falls back to what it says of a deleted contact.
   */
  private findMergedAway(id: number, shown: Contact | null): Observable<MergedAway | null> {
    return this.api.history(id).pipe(
      switchMap((versions) => {
        if (versions[0]?.edited_reason !== 'merged') return of(null);
        const name = fullName(shown ?? versions[0]);
        return this.mergesApi.list({ contact: id }).pipe(
          switchMap((merges) => {
            const merge = mergedAwayBy(id, versions, merges);
            if (!merge) return of(null);
            return this.api.get(merge.contact).pipe(
              map(({ contact }) => fullName(contact)),
              catchError(() => of('')),
              map((survivorName) => ({ merge, name, survivorName })),
            );
          }),
        );
      }),
      catchError(() => of(null)),
    );
  }

  protected onEdited(saved: Contact | null): void {
    this.editing.set(false);
    if (saved && isNewerThanBase(this.contact(), saved)) this.contact.set(saved);
  }

  protected initials(c: Contact): string {
    return `${c.first_name.charAt(0)}${c.last_name.charAt(0)}`.toUpperCase();
  }
}
