import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subject, catchError, filter, forkJoin, map, of, switchMap, tap, throwError } from 'rxjs';
import { MAX_MERGE_OTHERS, type Contact } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { selectedBookId } from '../books/book-sidebar.component';
import { ContactsApiService, type ContactWithEtag } from '../contacts/contacts-api.service';
import { ContactEventsService } from '../realtime/contact-events.service';
import { LocalEchoService } from '../realtime/local-echo.service';
import { parseApiError } from '../shared/api-error';
import { fullName, type ClientFieldErrors } from '../shared/contact-validation';
import { describeErrorPath } from '../shared/error-path-label';
import { formatFieldValue, formatLabeledValue } from '../shared/field-diff';
import { absoluteTime } from '../shared/time';
import { MergeActionsService } from './merge-actions.service';
import {
  COMPARED_FIELDS,
  COMPARED_FIELD_LABELS,
  defaultPicks,
  defaultSurvivor,
  filledFieldCount,
  keptContactPoints,
  mergeValues,
  type ComparedField,
  type FieldPicks,
} from './merge-plan';

/** `?ids=3,8,12`: the contacts to compare, in order, each once. */
export function parseCompareIds(raw: string | null): number[] {
  const ids = (raw ?? '')
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isInteger(id) && id > 0);
  return [...new Set(ids)];
}

/** The contacts and ETags read, and the ids that are gone (merged or deleted since the list was read). */
interface Loaded {
  found: ContactWithEtag[];
  missing: number[];
}

/**
 * Side by side: one column per contact, one row per field. The user picks the contact that
 * survives (it keeps its id and history), the value kept for each field, and may leave contacts
 * out; every email and phone of the merged contacts is kept.
 */
@Component({
  selector: 'app-merge-compare',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './merge-compare.component.html',
})
export class MergeCompareComponent {
  private readonly contactsApi = inject(ContactsApiService);
  private readonly actions = inject(MergeActionsService);
  private readonly events = inject(ContactEventsService);
  private readonly echo = inject(LocalEchoService);
  private readonly router = inject(Router);
  protected readonly books = inject(AddressBooksStore);

  private readonly params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  protected readonly ids = computed(() => parseCompareIds(this.params().get('ids')));
  /** The book the duplicates list showed, to go back to it. */
  protected readonly backBook = computed(() => selectedBookId(this.params().get('book')));

  protected readonly status = signal<'loading' | 'ready' | 'too-few' | 'error'>('loading');
  protected readonly error = signal('');
  protected readonly contacts = signal<readonly Contact[]>([]);
  private etags = new Map<number, string | null>();
  /** Asked for but gone: merged or deleted since the duplicates were listed. */
  protected readonly missing = signal<readonly number[]>([]);

  protected readonly survivorId = signal<number | null>(null);
  protected readonly excluded = signal<ReadonlySet<number>>(new Set());
  protected readonly picks = signal<FieldPicks | null>(null);
  /** Fields whose value the user chose; the others follow the survivor when it changes. */
  private readonly touched = new Set<ComparedField>();

  protected readonly busy = signal(false);
  protected readonly message = signal('');
  /** Why the comparison was read again (a 412: one of them changed meanwhile). */
  protected readonly notice = signal('');
  protected readonly fieldErrors = signal<ClientFieldErrors>({});
  protected readonly changedElsewhere = signal(false);

  protected readonly survivor = computed(() => this.contacts().find((c) => c.id === this.survivorId()) ?? null);
  protected readonly included = computed(() => this.contacts().filter((c) => !this.excluded().has(c.id)));
  /** The contacts merged into the survivor, in the order shown (the request's order). */
  protected readonly others = computed(() => this.included().filter((c) => c.id !== this.survivorId()));
  protected readonly values = computed(() => {
    const survivor = this.survivor();
    const picks = this.picks();
    return survivor && picks ? mergeValues(survivor, this.others(), picks) : {};
  });
  protected readonly kept = computed(() => {
    const survivor = this.survivor();
    return survivor ? keptContactPoints(survivor, this.others(), this.values()) : null;
  });
  protected readonly canWrite = computed(() => this.books.canWrite(this.survivor()?.address_book));
  /** Why Merge cannot be pressed yet, or '' when it can. */
  protected readonly blocker = computed(() => {
    const kept = this.kept();
    if (!this.canWrite()) return 'You can view these contacts but not merge them.';
    if (this.others().length < 1) return 'Choose at least two contacts to merge.';
    if (this.others().length > MAX_MERGE_OTHERS) return `At most ${MAX_MERGE_OTHERS + 1} contacts merge at a time: leave some out.`;
    if (kept?.tooManyEmails) return 'Together they have more than 10 other emails: leave a contact out, or edit it first.';
    if (kept?.tooManyPhones) return 'Together they have more than 10 other phones: leave a contact out, or edit it first.';
    return '';
  });

  protected readonly fields = COMPARED_FIELDS;
  protected readonly fieldLabels = COMPARED_FIELD_LABELS;
  protected readonly fullName = fullName;
  protected readonly absoluteTime = absoluteTime;
  protected readonly filledFieldCount = filledFieldCount;
  protected readonly formatLabeledValue = formatLabeledValue;

  private readonly loads = new Subject<boolean>();

  constructor() {
    this.loads
      .pipe(
        tap((silent) => silent || this.status.set('loading')),
        switchMap(() =>
          this.read(this.ids()).pipe(
            tap((loaded) => this.adopt(loaded)),
            catchError((err: unknown) => {
              this.error.set(parseApiError(err).message);
              this.status.set('error');
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
    effect(() => {
      this.ids();
      untracked(() => {
        this.survivorId.set(null);
        this.excluded.set(new Set());
        this.touched.clear();
        this.loads.next(false);
      });
    });
    // Changed elsewhere while being compared: say so (a merge now would be refused with 412 anyway).
    this.events.events$
      .pipe(
        filter((e) => this.ids().includes(e.type === 'contact.deleted' ? e.contact_id : e.contact.id)),
        filter((e) => !this.busy() && !this.echo.isLocal(e)),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.changedElsewhere.set(true));
  }

  protected reload(): void {
    this.notice.set('');
    this.loads.next(true);
  }

  protected chooseSurvivor(id: number): void {
    this.survivorId.set(id);
    this.refreshPicks();
  }

  protected setIncluded(id: number, include: boolean): void {
    // The contact kept is always in the merge (its checkbox is disabled).
    if (id === this.survivorId()) return;
    const next = new Set(this.excluded());
    if (include) next.delete(id);
    else next.add(id);
    this.excluded.set(next);
    this.refreshPicks();
  }

  protected pick(field: ComparedField, id: number): void {
    const picks = this.picks();
    if (!picks) return;
    this.touched.add(field);
    this.picks.set({ ...picks, [field]: id });
  }

  protected cell(field: ComparedField, c: Contact): string {
    return formatFieldValue(field, c[field]);
  }

  /** The server's message about a row: the field itself, or one of its entries (`addresses[0].city`). */
  protected rowError(field: ComparedField): string {
    const errors = this.fieldErrors();
    if (errors[field]) return errors[field];
    const entry = Object.keys(errors).find((path) => path.startsWith(`${field}[`));
    return entry ? `${describeErrorPath(entry)}: ${errors[entry]}` : '';
  }

  /** Messages about the kept emails or phones (`other_emails`, `other_phones[2].value`). */
  protected listErrors(field: 'other_emails' | 'other_phones'): string[] {
    return Object.entries(this.fieldErrors())
      .filter(([path]) => path === field || path.startsWith(`${field}[`))
      .map(([path, text]) => (path === field ? (text ?? '') : `${describeErrorPath(path)}: ${text}`));
  }

  protected async merge(): Promise<void> {
    const survivor = this.survivor();
    if (!survivor || this.busy() || this.blocker()) return;
    const others = this.others().map((c) => c.id);
    const request = { others, values: this.values() };
    this.busy.set(true);
    this.message.set('');
    this.notice.set('');
    this.fieldErrors.set({});
    try {
      const outcome = await this.actions.merge(survivor.id, request, this.etags.get(survivor.id) ?? null);
      this.actions.announceMerged(outcome, others);
      // Back to the list: the next group is the next thing to look at.
      void this.router.navigate(['/duplicates'], { queryParams: { book: this.backBook() } });
    } catch (err) {
      const e = parseApiError(err);
      if (e.status === 412) {
        this.notice.set('One of these contacts changed meanwhile. Their current values are shown now: check your choices and merge again.');
        this.loads.next(true);
      } else if (e.status === 404) {
        this.message.set('The contact to keep no longer exists, or you no longer have access to it.');
        this.loads.next(true);
      } else {
        if (e.status === 403) this.books.scheduleRefresh();
        this.fieldErrors.set(e.fields);
        const named = Object.entries(e.fields).map(([path, text]) => `${describeErrorPath(path) || path}: ${text}`);
        this.message.set(
          e.status === 403
            ? 'You can no longer merge contacts in this book: your access to it changed.'
            : named.length
              ? `The merge was refused. ${named.join(' ')}`
              : e.message,
        );
        // 409 about an other deleted or merged meanwhile: show what is left.
        if (e.status === 409 && !named.length) this.loads.next(true);
      }
    } finally {
      this.busy.set(false);
    }
  }

  private read(ids: readonly number[]) {
    if (!ids.length) return of<Loaded>({ found: [], missing: [] });
    return forkJoin(
      ids.map((id) =>
        this.contactsApi.get(id).pipe(
          // Gone since the list was read: compare the rest.
          catchError((err: unknown) => (parseApiError(err).status === 404 ? of(null) : throwError(() => err))),
        ),
      ),
    ).pipe(
      map((results): Loaded => ({
        found: results.filter((r): r is ContactWithEtag => r !== null),
        missing: ids.filter((_, i) => results[i] === null),
      })),
    );
  }

  /** Fresh contacts; the user's choices stay where they still apply. */
  private adopt({ found, missing }: Loaded): void {
    this.contacts.set(found.map((r) => r.contact));
    this.etags = new Map(found.map((r) => [r.contact.id, r.etag]));
    this.missing.set(missing);
    this.changedElsewhere.set(false);
    const present = new Set(found.map((r) => r.contact.id));
    this.excluded.set(new Set([...this.excluded()].filter((id) => present.has(id))));
    if (found.length < 2) {
      this.status.set('too-few');
      return;
    }
    const survivor = this.survivorId();
    if (survivor === null || !present.has(survivor) || this.excluded().has(survivor))
      this.survivorId.set(defaultSurvivor(this.included()).id);
    this.refreshPicks();
    this.status.set('ready');
  }

  /** Picks the user made stay while their contact is in the merge; the rest follow the survivor. */
  private refreshPicks(): void {
    const survivor = this.survivor();
    if (!survivor) return;
    const defaults = defaultPicks(survivor, this.others());
    const current = this.picks();
    const inMerge = new Set(this.included().map((c) => c.id));
    const next = { ...defaults };
    for (const field of COMPARED_FIELDS) {
      if (this.touched.has(field) && current && inMerge.has(current[field])) next[field] = current[field];
      else this.touched.delete(field);
    }
    this.picks.set(next);
  }
}
