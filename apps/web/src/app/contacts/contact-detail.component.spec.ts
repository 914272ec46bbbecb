import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import { emptyContactDetails, type Contact, type ContactEvent, type Merge, type Version } from '@contacts/wire-types';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ToastService } from '../shared/toast.service';
import { testContact } from '../testing/contact-fixtures';
import { ContactDetailComponent, addressLines, telHref } from './contact-detail.component';

const ada: Contact = {
  ...testContact(1),
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 (20) 7946-0000',
  organization: 'Analytical Engines',
  job_title: 'Analyst',
  notes: 'Prefers letters.\nNever calls before noon.',
  birthday: '--12-10',
  other_emails: [{ label: 'work', value: 'ada@work.example' }],
  other_phones: [
    { label: 'mobile', value: '+44 7700 900000' },
    { label: 'Lab', value: '+44 20 7946 0001' },
  ],
  addresses: [{ label: 'home', street: '12 St James’s Square', city: 'London', region: '', postal_code: 'SW1Y 4JH', country: 'UK' }],
  updated_at: '2026-11-26T10:00:05.000Z',
};

function version(id: number, contact: number, reason: Version['edited_reason'], fields: Partial<Version> = {}): Version {
  return {
    id,
    contact,
    address_book: 1,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: `ada${contact}@example.com`,
    phone: '+44 20 7946 0000',
    ...emptyContactDetails(),
    edited_at: `2026-11-26T10:00:${String(id).padStart(2, '0')}.000Z`,
    edited_reason: reason,
    edited_by: { id: 1, name: 'Grace Hopper' },
    edited_via: 'web',
    ...fields,
  };
}

/** Contact 1 (Ada) merged into contact 7: its own `merged` version is 8, the survivor's 9. */
const mergeIntoSeven: Merge = {
  id: 5,
  address_book: 1,
  contact: 7,
  others: [1],
  version: 9,
  merged_at: '2026-11-26T10:00:09.000Z',
  merged_by: { id: 1, name: 'Grace Hopper' },
  undone_at: null,
  undone_by: null,
};
const survivor: Contact = { ...testContact(7), first_name: 'Augusta Ada', last_name: 'King' };

describe('ContactDetailComponent', () => {
  let fixture: ComponentFixture<ContactDetailComponent>;
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
        { provide: ContactEventsService, useValue: { events$: events, resync$: new Subject(), bookEvents$: new Subject(), state: () => 'live' } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ContactDetailComponent);
    fixture.componentRef.setInput('id', '1');
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  const texts = (selector: string) => Array.from(root.querySelectorAll(selector)).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

  it('shows every field, with links to write and call', async () => {
    http.expectOne('/api/contacts/1/').flush(ada);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=contact-detail]')).not.toBeNull());
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Ada Lovelace');
    expect(texts('[data-testid=contact-subtitle]')).toEqual(['Analyst · Analytical Engines']);
    expect(texts('[data-testid=detail-phone]')).toEqual(['+44 (20) 7946-0000, primary', '+44 7700 900000, mobile', '+44 20 7946 0001, Lab']);
    expect(Array.from(root.querySelectorAll('[data-testid=detail-phone] a')).map((a) => a.getAttribute('href'))).toEqual([
      'tel:+442079460000',
      'tel:+447700900000',
      'tel:+442079460001',
    ]);
    expect(Array.from(root.querySelectorAll('[data-testid=detail-emails] a')).map((a) => a.getAttribute('href'))).toEqual([
      'mailto:ada@example.com',
      'mailto:ada@work.example',
    ]);
    expect(texts('[data-testid=detail-addresses] address span')).toEqual(['12 St James’s Square', 'SW1Y 4JH London', 'UK']);
    expect(root.querySelector('[data-testid=detail-birthday]')?.textContent?.trim()).toMatch(/10|December/);
    expect(root.querySelector('[data-testid=detail-notes]')?.textContent).toContain('Never calls before noon.');
    expect(root.querySelector('[data-testid=contact-vcard]')?.getAttribute('href')).toBe('/api/contacts/1/vcard/');
  });

  it('follows a newer version live, and says when the contact was deleted elsewhere', async () => {
    http.expectOne('/api/contacts/1/').flush(ada);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=contact-detail]')).not.toBeNull());
    events.next({ type: 'contact.updated', contact: { ...ada, job_title: 'Countess', updated_at: '2026-11-26T10:00:09.000Z' }, seq: 9, edited_by: null, address_book: 1 });
    await vi.waitFor(() => expect(texts('[data-testid=contact-subtitle]')).toEqual(['Countess · Analytical Engines']));
    events.next({ type: 'contact.deleted', contact_id: 1, seq: 10, edited_by: null, address_book: 1 });
    // A plain deletion: its history ends with it, so no merge is looked up.
    http.expectOne('/api/contacts/1/history/').flush([version(10, 1, 'deleted'), version(1, 1, 'created')]);
    await vi.waitFor(() => expect(root.textContent).toContain('This contact was just deleted elsewhere.'));
    expect(root.querySelector('button[aria-label="Edit Ada Lovelace"]')).toBeNull();
    expect(root.querySelector('[data-testid=merged-into]')).toBeNull();
    http.verify();
  });

  it('says when there is no such contact', async () => {
    http.expectOne('/api/contacts/1/').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/contacts/1/history/').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=contact-missing]')).not.toBeNull());
    http.verify();
  });

  it('says a deleted contact does not exist, as before, without asking for merges', async () => {
    http.expectOne('/api/contacts/1/').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/contacts/1/history/').flush([version(10, 1, 'deleted'), version(1, 1, 'created')]);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=contact-missing]')).not.toBeNull());
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('This contact does not exist');
    expect(root.querySelector('[data-testid=merged-into]')).toBeNull();
    http.verify();
  });

  it('says a merged-away contact was merged into the survivor, links to it, and Undo merge shows it back', async () => {
    http.expectOne('/api/contacts/1/').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/contacts/1/history/').flush([version(8, 1, 'merged'), version(1, 1, 'created')]);
    // An older merge of the same contact that was undone says nothing about where it is now.
    http.expectOne('/api/merges/?contact=1').flush([mergeIntoSeven, { ...mergeIntoSeven, id: 3, contact: 6, undone_at: '2026-11-26T10:00:04.000Z' }]);
    http.expectOne('/api/contacts/7/').flush(survivor);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=merged-into]')).not.toBeNull());
    const banner = root.querySelector('[data-testid=merged-into]')!;
    expect(texts('[data-testid=merged-into-text]')).toEqual(['Ada Lovelace was merged into Augusta Ada King']);
    expect(banner.querySelector('[data-testid=merged-into-link]')?.getAttribute('href')).toBe('/contacts/7');
    expect(root.querySelector('[data-testid=contact-missing]')).toBeNull();
    const undo = Array.from(banner.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Undo merge')!;
    expect(undo).toBeDefined();

    undo.click();
    const restored: Contact = { ...ada, updated_at: '2026-11-26T10:01:00.000Z' };
    http
      .expectOne({ method: 'POST', url: '/api/merges/5/undo/' })
      .flush({ contact: testContact(7), restored: [restored], merge: { ...mergeIntoSeven, undone_at: '2026-11-26T10:01:00.000Z' } });
    await vi.waitFor(() => expect(TestBed.inject(ToastService).toasts().at(-1)?.message).toBe('Merge undone'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid=contact-detail]')).not.toBeNull());
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Ada Lovelace');
    expect(root.querySelector('[data-testid=merged-into]')).toBeNull();
    expect(root.querySelector('button[aria-label="Edit Ada Lovelace"]')).not.toBeNull();
    http.verify();
  });

  it('offers no Undo merge to a viewer of the book', async () => {
    vi.spyOn(TestBed.inject(AddressBooksStore), 'canWrite').mockReturnValue(false);
    http.expectOne('/api/contacts/1/').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/contacts/1/history/').flush([version(8, 1, 'merged'), version(1, 1, 'created')]);
    http.expectOne('/api/merges/?contact=1').flush([mergeIntoSeven]);
    http.expectOne('/api/contacts/7/').flush(survivor);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=merged-into]')).not.toBeNull());
    expect(Array.from(root.querySelectorAll('button')).map((b) => b.textContent?.trim())).not.toContain('Undo merge');
  });

  it('says so when the contact shown is merged into another one elsewhere, instead of a bare "deleted"', async () => {
    http.expectOne('/api/contacts/1/').flush(ada);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=contact-detail]')).not.toBeNull());
    events.next({ type: 'contact.deleted', contact_id: 1, seq: 10, edited_by: null, address_book: 1 });
    http.expectOne('/api/contacts/1/history/').flush([version(8, 1, 'merged'), version(1, 1, 'created')]);
    http.expectOne('/api/merges/?contact=1').flush([mergeIntoSeven]);
    http.expectOne('/api/contacts/7/').flush(survivor);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=merged-into]')).not.toBeNull());
    expect(texts('[data-testid=merged-into-text]')).toEqual(['Ada Lovelace was merged into Augusta Ada King']);
    expect(root.querySelector('[data-testid=merged-into-link]')?.getAttribute('href')).toBe('/contacts/7');
    expect(root.textContent).not.toContain('deleted elsewhere');
    expect(root.querySelector('button[aria-label="Edit Ada Lovelace"]')).toBeNull();
    expect(Array.from(root.querySelectorAll('[data-testid=merged-into] button')).map((b) => b.textContent?.trim())).toEqual(['Undo merge']);
  });
});

describe('contact links and lines', () => {
  it('dials digits and the plus only', () => {
    expect(telHref('+1 (555) 100-0.1')).toBe('tel:+155510001');
  });

  it('writes an address as postal lines, leaving out empty parts', () => {
    expect(addressLines({ label: '', street: '1 Main St\nApt 4', city: 'Springfield', region: 'IL', postal_code: '62701', country: '' })).toEqual([
      '1 Main St',
      'Apt 4',
      '62701 Springfield',
      'IL',
    ]);
  });
});
