import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import type { AddressBookEvent } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { testContact } from '../testing/contact-fixtures';
import { ContactListComponent } from './contact-list.component';

describe('ContactListComponent with shared books', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  let bookEvents: Subject<AddressBookEvent>;

  beforeEach(async () => {
    bookEvents = new Subject();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { accounts: signal(true), user: () => GRACE } },
        { provide: ContactEventsService, useValue: { bookEvents$: bookEvents, events$: new Subject(), resync$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AddressBooksStore).start();
    http.expectOne('/api/address-books/').flush([testBook(3, 'Contacts', 'owner', 1, GRACE), testBook(8, 'Work', 'viewer', 1, ADA)]);
    const fixture = TestBed.createComponent(ContactListComponent);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/contacts/?cursor=&page_size=50').flush({
      count: 2,
      next: null,
      previous: null,
      results: [
        { ...testContact(1), first_name: 'Mine', address_book: 3 },
        { ...testContact(2), first_name: 'Theirs', address_book: 8 },
      ],
    });
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=contact-row]')).toHaveLength(2));
  });

  const row = (id: number) => root.querySelector(`[data-testid=contact-row][data-contact-id="${id}"]`)!;
  const buttons = (id: number) => Array.from(row(id).querySelectorAll('button, a')).map((b) => b.textContent?.trim());

  it('a viewer’s contacts have History but no Edit or Delete; my own have all three', () => {
    // The name opens the contact's page, which everyone who can read the book may see.
    expect(buttons(1)).toEqual(['Mine 1', 'c1@example.com', 'Edit', 'History', 'Delete']);
    expect(buttons(2)).toEqual(['Theirs 2', 'c2@example.com', 'History']);
    expect(row(2).querySelector('[data-testid=read-only]')?.textContent?.trim()).toBe('View only');
  });

  it('names each row’s book when the list mixes books', () => {
    expect(row(1).querySelector('[data-testid=contact-book]')?.textContent).toContain('Contacts');
    expect(row(2).querySelector('[data-testid=contact-book]')?.textContent).toContain('Work');
  });

  it('a book unshared live takes its contacts off the list without a reload', async () => {
    bookEvents.next({ type: 'address_book.unshared', address_book_id: 8 });
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=contact-row]')).toHaveLength(1));
    expect(row(1)).not.toBeNull();
  });
});

describe('ContactListComponent scrolling', () => {
  let http: HttpTestingController;
  let root: HTMLElement;
  /** The observers the list made, to play the browser telling them their target came near. */
  let observers: { callback: IntersectionObserverCallback; targets: Element[] }[];
  const first = '/api/contacts/?cursor=&page_size=50';
  const link = (token: string) => `http://localhost/api/contacts/?cursor=${token}&page_size=50`;
  const page = (from: number, count: number, next: string | null) => ({
    count,
    next: next && link(next),
    previous: null,
    results: Array.from({ length: 50 }, (_, i) => testContact(from - i)),
  });
  const rows = () => root.querySelectorAll('[data-testid=contact-row]');
  const nearEnd = () => {
    for (const o of observers) {
      const sentinel = o.targets.find((t) => t.matches('[data-testid=loading-more]'));
      if (sentinel) o.callback([{ isIntersecting: true, target: sentinel } as unknown as IntersectionObserverEntry], {} as IntersectionObserver);
    }
  };

  beforeEach(async () => {
    observers = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        private readonly entry: { callback: IntersectionObserverCallback; targets: Element[] };
        constructor(callback: IntersectionObserverCallback) {
          this.entry = { callback, targets: [] };
          observers.push(this.entry);
        }
        observe(target: Element): void {
          this.entry.targets.push(target);
        }
        disconnect(): void {
          observers = observers.filter((o) => o !== this.entry);
        }
      },
    );
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { accounts: signal(false), user: () => null } },
        { provide: ContactEventsService, useValue: { bookEvents$: new Subject(), events$: new Subject(), resync$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ContactListComponent);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(first).flush(page(1_000_000, 1_000_000, 'p2'));
    await vi.waitFor(() => expect(rows()).toHaveLength(50));
  });

  afterEach(() => vi.unstubAllGlobals());

  it('announces the count and loads the next page as the end comes near', async () => {
    expect(root.querySelector('#contacts-count')?.textContent?.trim()).toBe('1,000,000 contacts');
    expect(root.querySelector('[data-testid=contact-list]')?.getAttribute('aria-describedby')).toBe('contacts-count');
    expect(rows()[49].getAttribute('aria-posinset')).toBe('50');
    expect(rows()[49].getAttribute('aria-setsize')).toBe('1000000');
    expect(root.querySelector('[data-testid=loading-more]')?.textContent?.trim()).toBe('Loading more…');
    nearEnd();
    http.expectOne('/api/contacts/?cursor=p2&page_size=50').flush(page(999_950, 1_000_000, 'p3'));
    await vi.waitFor(() => expect(rows()).toHaveLength(100));
    expect(Array.from(root.querySelectorAll('button')).some((b) => b.textContent?.trim() === 'Back to top')).toBe(true);
  });

  it('a page that fails shows an error row whose Retry loads it', async () => {
    nearEnd();
    http.expectOne('/api/contacts/?cursor=p2&page_size=50').flush({ detail: 'Server busy' }, { status: 503, statusText: 'Unavailable' });
    const error = await vi.waitFor(() => {
      const el = root.querySelector('[data-testid=more-error]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Server busy');
    expect(rows()).toHaveLength(50);
    error.querySelector('button')!.click();
    http.expectOne('/api/contacts/?cursor=p2&page_size=50').flush(page(999_950, 1_000_000, null));
    await vi.waitFor(() => expect(rows()).toHaveLength(100));
    expect(root.querySelector('[data-testid=more-error]')).toBeNull();
    expect(root.querySelector('[data-testid=loading-more]')).toBeNull();
  });
});
