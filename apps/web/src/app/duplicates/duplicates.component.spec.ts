import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import type { Contact, ContactEvent, DuplicateGroup } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { testContact } from '../testing/contact-fixtures';
import { DuplicatesComponent } from './duplicates.component';

const ada = (id: number, fields: Partial<Contact> = {}): Contact => ({
  ...testContact(id),
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: `ada${id}@example.com`,
  phone: '+44 20 7946 0000',
  ...fields,
});

const pair: DuplicateGroup = { contacts: [ada(1, { organization: 'Analytical Engines' }), ada(2)], reasons: ['same phone', 'same name'] };

describe('DuplicatesComponent', () => {
  let fixture: ComponentFixture<DuplicatesComponent>;
  let root: HTMLElement;
  let http: HttpTestingController;
  let events: Subject<ContactEvent>;

  beforeEach(() => {
    events = new Subject();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        // AUTH=none: one book, everything allowed.
        { provide: SessionStore, useValue: { accounts: signal(false), user: () => null } },
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject(), bookEvents$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DuplicatesComponent);
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const text = (selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const groups = () => root.querySelectorAll('[data-testid=duplicate-group]');
  const rendered = async () => {
    await fixture.whenStable();
    fixture.detectChanges();
  };

  it('shows a loading state, then each group with its contacts and its reasons as chips', async () => {
    expect(root.querySelector('[aria-busy=true]')).not.toBeNull();
    http.expectOne('/api/contacts/duplicates/').flush([pair]);
    await rendered();
    expect(root.querySelector('[aria-busy=true]')).toBeNull();
    expect(groups()).toHaveLength(1);
    expect(Array.from(root.querySelectorAll('[data-testid=duplicate-reason]')).map((c) => c.textContent?.trim())).toEqual([
      'Same phone',
      'Same name',
    ]);
    const contacts = Array.from(root.querySelectorAll('[data-testid=duplicate-contact]')).map((c) =>
      Array.from(c.children).map((part) => part.textContent?.trim()),
    );
    expect(contacts).toEqual([
      ['Ada Lovelace', 'ada1@example.com · +44 20 7946 0000 · Analytical Engines'],
      ['Ada Lovelace', 'ada2@example.com · +44 20 7946 0000'],
    ]);
    const compare = root.querySelector('[data-testid=compare-link]');
    expect(compare?.getAttribute('href')).toBe('/duplicates/compare?ids=1,2');
  });

  it('says when there are no duplicates, and what is looked at', async () => {
    http.expectOne('/api/contacts/duplicates/').flush([]);
    await rendered();
    expect(text('[data-testid=duplicates-empty]')).toContain('No duplicates found');
    expect(text('[data-testid=duplicates-empty]')).toContain('compared by email, phone and name');
    expect(groups()).toHaveLength(0);
  });

  it('shows the error with Retry, which asks again', async () => {
    http.expectOne('/api/contacts/duplicates/').flush({ detail: 'The database is busy.' }, { status: 503, statusText: 'Unavailable' });
    await rendered();
    expect(text('[data-testid=duplicates-error]')).toContain('The database is busy.');
    (root.querySelector('[data-testid=duplicates-error] button') as HTMLButtonElement).click();
    http.expectOne('/api/contacts/duplicates/').flush([pair]);
    await rendered();
    expect(groups()).toHaveLength(1);
    expect(root.querySelector('[data-testid=duplicates-error]')).toBeNull();
  });

  it('reads the groups again after a burst of contact events (a merge elsewhere), once', async () => {
    http.expectOne('/api/contacts/duplicates/').flush([pair]);
    await rendered();
    // A merge elsewhere: the other is deleted, then the survivor updated.
    events.next({ type: 'contact.deleted', contact_id: 2, seq: 7, edited_by: null, address_book: 1 });
    events.next({ type: 'contact.updated', contact: ada(1), seq: 8, edited_by: null, address_book: 1 });
    await vi.waitFor(() => http.expectOne('/api/contacts/duplicates/').flush([]));
    await rendered();
    expect(groups()).toHaveLength(0);
    expect(text('[data-testid=duplicates-empty]')).toContain('No duplicates found');
  });
});

describe('DuplicatesComponent with shared books', () => {
  it('names each group’s book, and a viewer’s group can be looked at but not merged', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: SessionStore, useValue: { accounts: signal(true), user: () => GRACE } },
        { provide: ContactEventsService, useValue: { events$: new Subject(), resync$: new Subject(), bookEvents$: new Subject() } },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(AddressBooksStore).start();
    http.expectOne('/api/address-books/').flush([testBook(3, 'Family', 'owner', 2, GRACE), testBook(8, 'Work', 'viewer', 2, ADA)]);
    const fixture = TestBed.createComponent(DuplicatesComponent);
    const root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/contacts/duplicates/').flush([
      { contacts: [ada(1, { address_book: 3 }), ada(2, { address_book: 3 })], reasons: ['same name'] },
      { contacts: [ada(5, { address_book: 8 }), ada(6, { address_book: 8 })], reasons: ['same phone'] },
    ]);
    await fixture.whenStable();
    fixture.detectChanges();
    const groups = Array.from(root.querySelectorAll('[data-testid=duplicate-group]'));
    expect(groups.map((g) => g.querySelector('[data-testid=duplicate-book]')?.textContent?.trim())).toEqual(['in “Family”', 'in “Work”']);
    expect(groups.map((g) => g.querySelector('[data-testid=compare-link]') !== null)).toEqual([true, false]);
    expect(groups[1].textContent).toContain('View only');
    http.verify();
  });
});
