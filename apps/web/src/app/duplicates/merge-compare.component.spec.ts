import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Subject } from 'rxjs';
import type { Contact, MergeResult, UnmergeResult } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ToastService } from '../shared/toast.service';
import { testContact } from '../testing/contact-fixtures';
import { MergeCompareComponent, parseCompareIds } from './merge-compare.component';

@Component({ template: 'duplicates list' })
class ListStubComponent {}

/** The richer one (organization, job title): kept by default. */
const ada: Contact = {
  ...testContact(1),
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0000',
  organization: 'Analytical Engines',
  job_title: 'Analyst',
};
const augusta: Contact = {
  ...testContact(2),
  first_name: 'Augusta Ada',
  last_name: 'King',
  email: 'countess@example.com',
  phone: '020 7946 0000',
  notes: 'Prefers letters.',
  other_phones: [{ label: 'mobile', value: '+44 7700 900000' }],
};
const stranger: Contact = { ...testContact(3), first_name: 'Ada', last_name: 'Byron', email: 'byron@example.com', phone: '+1 555 0100' };

describe('MergeCompareComponent', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'duplicates/compare', component: MergeCompareComponent },
          { path: 'duplicates', component: ListStubComponent },
        ]),
        { provide: SessionStore, useValue: { accounts: signal(false), user: () => null } },
        { provide: ContactEventsService, useValue: { events$: new Subject(), resync$: new Subject(), bookEvents$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  const open = async (ids: string, contacts: Contact[], etags: string[]) => {
    await harness.navigateByUrl(`/duplicates/compare?ids=${ids}`);
    root = harness.routeNativeElement!;
    flushContacts(contacts, etags);
    await settle();
  };
  const flushContacts = (contacts: Contact[], etags: string[]) =>
    contacts.forEach((c, i) => http.expectOne(`/api/contacts/${c.id}/`).flush(c, { headers: { ETag: etags[i] } }));
  const settle = async () => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  const choice = (field: string, contactId: number) =>
    root.querySelector<HTMLInputElement>(`[data-testid=compare-row][data-field=${field}] input[data-contact-id="${contactId}"]`)!;
  const mergeButton = () => root.querySelector<HTMLButtonElement>('[data-testid=merge-button]')!;
  const texts = (selector: string) => Array.from(root.querySelectorAll(selector)).map((e) => e.textContent?.replace(/\s+/g, ' ').trim());

  it('keeps the richer contact by default, and shows every email and phone that will be kept', async () => {
    await open('1,2', [ada, augusta], ['"1-a"', '"2-a"']);
    const survivor = root.querySelector<HTMLInputElement>(
      '[data-testid=compare-column][data-contact-id="1"] [data-testid=survivor-choice]',
    )!;
    expect(survivor.checked).toBe(true);
    // Each field starts on the survivor's value, or the first other one that has a value.
    expect(choice('last_name', 1).checked).toBe(true);
    expect(choice('notes', 2).checked).toBe(true);
    expect(texts('[data-testid=kept-emails] li')).toEqual(['ada@example.com (primary)', 'countess@example.com']);
    // "020 7946 0000" is the same number as the survivor's: kept once.
    expect(texts('[data-testid=kept-phones] li')).toEqual(['+44 20 7946 0000 (primary)', 'mobile: +44 7700 900000']);
    expect(mergeButton().textContent?.trim()).toBe('Merge 2 contacts');
  });

  it("posts the survivor's merge with the picked values and its ETag, toasts with Undo, and goes back to the list", async () => {
    await open('1,2', [ada, augusta], ['"1-a"', '"2-a"']);
    choice('last_name', 2).click();
    choice('email', 2).click();
    await settle();
    expect(texts('[data-testid=kept-emails] li')).toEqual(['countess@example.com (primary)', 'ada@example.com']);

    mergeButton().click();
    await settle();
    // One request however often it is pressed while busy.
    expect(mergeButton().disabled).toBe(true);
    mergeButton().click();
    const req = http.expectOne('/api/contacts/1/merge/');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('If-Match')).toBe('"1-a"');
    expect(req.request.body).toEqual({ others: [2], values: { last_name: 'King', email: 'countess@example.com' } });
    const merged: MergeResult = { contact: { ...ada, last_name: 'King', email: 'countess@example.com' }, merge_id: 5 };
    req.flush(merged, { headers: { ETag: '"1-b"' } });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/duplicates'));

    const toasts = TestBed.inject(ToastService);
    const toast = toasts.toasts().at(-1)!;
    expect(toast.message).toBe('Merged 2 contacts into Ada King');
    expect(toast.action?.label).toBe('Undo');
    toast.action!.run();
    const undo = http.expectOne('/api/merges/5/undo/');
    expect(undo.request.method).toBe('POST');
    const undone: UnmergeResult = {
      contact: ada,
      restored: [augusta],
      merge: {
        id: 5,
        address_book: 1,
        contact: 1,
        others: [2],
        version: 9,
        merged_at: '',
        merged_by: null,
        undone_at: '',
        undone_by: null,
      },
    };
    undo.flush(undone);
    await vi.waitFor(() => expect(toasts.toasts().at(-1)?.message).toBe('Merge undone'));
  });

  it('on 412 says one of them changed meanwhile, reads them again, and merges with the new ETag', async () => {
    await open('1,2', [ada, augusta], ['"1-a"', '"2-a"']);
    choice('last_name', 2).click();
    mergeButton().click();
    http
      .expectOne('/api/contacts/1/merge/')
      .flush({ ...ada, job_title: 'Countess' }, { status: 412, statusText: 'Precondition Failed', headers: { ETag: '"1-b"' } });
    await settle();
    flushContacts([{ ...ada, job_title: 'Countess' }, augusta], ['"1-b"', '"2-a"']);
    await settle();
    expect(texts('[data-testid=merge-notice]')[0]).toContain('One of these contacts changed meanwhile');
    // The new value is shown, and the user's pick is still there.
    expect(texts('[data-testid=compare-row][data-field=job_title] td')[0]).toBe('Countess');
    expect(choice('last_name', 2).checked).toBe(true);

    mergeButton().click();
    const again = http.expectOne('/api/contacts/1/merge/');
    expect(again.request.headers.get('If-Match')).toBe('"1-b"');
    again.flush({ contact: ada, merge_id: 6 });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/duplicates'));
  });

  it("shows the server's field message next to the field", async () => {
    await open('1,2', [ada, augusta], ['"1-a"', '"2-a"']);
    choice('email', 2).click();
    mergeButton().click();
    http
      .expectOne('/api/contacts/1/merge/')
      .flush({ email: ['This email is used by another contact in this address book.'] }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(texts('[data-testid=compare-row][data-field=email] [data-testid=field-error]')).toEqual([
      'This email is used by another contact in this address book.',
    ]);
    expect(texts('[data-testid=merge-error]')[0]).toContain('Email: This email is used by another contact');
    expect(mergeButton().disabled).toBe(false);
  });

  it('leaves a contact out of the merge', async () => {
    await open('1,2,3', [ada, augusta, stranger], ['"1-a"', '"2-a"', '"3-a"']);
    const include = root.querySelector<HTMLInputElement>('[data-testid=compare-column][data-contact-id="3"] [data-testid=include-choice]')!;
    include.click();
    await settle();
    expect(choice('first_name', 3).disabled).toBe(true);
    expect(texts('[data-testid=kept-phones] li')).not.toContain('+1 555 0100');
    mergeButton().click();
    const req = http.expectOne('/api/contacts/1/merge/');
    expect(req.request.body).toEqual({ others: [2], values: {} });
    req.flush({ contact: ada, merge_id: 7 });
    await vi.waitFor(() => expect(TestBed.inject(Router).url).toBe('/duplicates'));
  });

  it('compares what is left when a contact was merged or deleted meanwhile', async () => {
    await harness.navigateByUrl('/duplicates/compare?ids=1,2,3');
    root = harness.routeNativeElement!;
    http.expectOne('/api/contacts/1/').flush(ada, { headers: { ETag: '"1-a"' } });
    http.expectOne('/api/contacts/2/').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/contacts/3/').flush(stranger, { headers: { ETag: '"3-a"' } });
    await settle();
    expect(texts('[data-testid=missing-contacts]')[0]).toContain('One contact of this group was merged or deleted meanwhile');
    expect(root.querySelectorAll('[data-testid=compare-column]')).toHaveLength(2);
  });
});

describe('parseCompareIds', () => {
  it('reads positive ids once each, in order', () => {
    expect(parseCompareIds('3, 8,3,x,-1,12')).toEqual([3, 8, 12]);
    expect(parseCompareIds(null)).toEqual([]);
  });
});
