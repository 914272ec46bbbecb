import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService } from '../realtime/contact-events.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { ContactCreateFormComponent } from './contact-create-form.component';
import { PendingCreatesStore } from './pending-creates.store';

function type(root: HTMLElement, label: string, value: string): void {
  const id = Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.trim() === label)?.getAttribute('for');
  const input = root.querySelector<HTMLInputElement>(`#${id}`);
  if (!input) throw new Error(`no input labelled ${label}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('ContactCreateFormComponent', () => {
  let root: HTMLElement;
  let http: HttpTestingController;
  let store: PendingCreatesStore;
  let stable: () => Promise<void>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(ContactCreateFormComponent);
    await fixture.whenStable();
    root = fixture.nativeElement as HTMLElement;
    stable = () => fixture.whenStable();
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PendingCreatesStore);
  });

  const submit = async () => {
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await stable();
  };

  it('has the four labelled inputs and the create button', () => {
    const labels = Array.from(root.querySelectorAll('label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['First name', 'Last name', 'Email', 'Phone']);
    expect(root.querySelector('button[type=submit]')?.textContent?.trim()).toBe('Create contact');
  });

  it('shows client-side errors on the fields and sends nothing', async () => {
    type(root, 'First name', 'Ada');
    type(root, 'Email', 'not-an-email');
    type(root, 'Phone', 'abc');
    await submit();
    http.expectNone('/api/contacts/');
    const errors = Array.from(root.querySelectorAll('[data-testid=field-error]')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Last name is required.', 'Enter a valid email address.', 'Use digits and + - ( ) . or spaces.']);
    expect(root.querySelector('#create-email')?.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('#create-email')?.getAttribute('aria-describedby')).toBe('create-email-error');
  });

  it('submits a valid contact and clears the form at once', async () => {
    type(root, 'First name', 'Ada');
    type(root, 'Last name', 'Lovelace');
    type(root, 'Email', 'ada@example.com');
    type(root, 'Phone', '+1 555 1000');
    await stable();
    await submit();
    const req = http.expectOne('/api/contacts/');
    expect(req.request.body.email).toBe('ada@example.com');
    expect(store.items()).toHaveLength(1);
    expect(store.draftIsEmpty()).toBe(true);
    expect(root.querySelector<HTMLInputElement>('#create-first_name')?.value).toBe('');
  });
});

describe('ContactCreateFormComponent, the details', () => {
  let root: HTMLElement;
  let http: HttpTestingController;
  let store: PendingCreatesStore;
  let fixture: ComponentFixture<ContactCreateFormComponent>;
  const button = (text: string) => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim().startsWith(text))!;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(ContactCreateFormComponent);
    await fixture.whenStable();
    root = fixture.nativeElement as HTMLElement;
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(PendingCreatesStore);
  });

  it('opens "More details", sends them with the create, and a rejected row comes back with its message on it', async () => {
    expect(root.querySelector('#create-organization')).toBeNull();
    button('More details').click();
    await fixture.whenStable();
    type(root, 'First name', 'Ada');
    type(root, 'Last name', 'Lovelace');
    type(root, 'Email', 'ada@example.com');
    type(root, 'Phone', '+1 555 1000');
    type(root, 'Organization', 'Analytical Engines');
    button('+ Add email').click();
    await fixture.whenStable();
    type(root, 'Other email 1', 'ada@work.example');
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const req = http.expectOne('/api/contacts/');
    expect(req.request.body).toMatchObject({ organization: 'Analytical Engines', other_emails: [{ label: 'work', value: 'ada@work.example' }], birthday: null });
    // The form is free at once, details folded away again.
    await fixture.whenStable();
    expect(store.draftIsEmpty()).toBe(true);
    req.flush({ 'other_emails[0].value': ['Enter a valid email address.'] }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    await vi.waitFor(() => expect(root.querySelector('#create-other_emails-0-value')?.getAttribute('aria-invalid')).toBe('true'));
    expect(root.querySelector<HTMLInputElement>('#create-other_emails-0-value')?.value).toBe('ada@work.example');
    expect(root.querySelector('#create-other_emails-0-value-error')?.textContent?.trim()).toBe('Enter a valid email address.');
  });
});

describe('ContactCreateFormComponent with address books', () => {
  let root: HTMLElement;
  let http: HttpTestingController;
  let fixture: ComponentFixture<ContactCreateFormComponent>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { accounts: signal(true), user: () => GRACE } },
        { provide: ContactEventsService, useValue: { bookEvents$: new Subject(), events$: new Subject(), resync$: new Subject() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AddressBooksStore).start();
    http
      .expectOne('/api/address-books/')
      .flush([testBook(3, 'Contacts', 'owner', 0, GRACE), testBook(7, 'Family', 'editor', 0, ADA), testBook(8, 'Work', 'viewer', 0, ADA)]);
    fixture = TestBed.createComponent(ContactCreateFormComponent);
    root = fixture.nativeElement as HTMLElement;
    await vi.waitFor(() => expect(root.querySelector('#create-book')).not.toBeNull());
  });

  const options = () => Array.from(root.querySelectorAll<HTMLOptionElement>('#create-book option')).map((o) => [o.textContent?.trim(), o.selected]);

  async function fillAndSubmit(): Promise<{ address_book?: number }> {
    type(root, 'First name', 'Ada');
    type(root, 'Last name', 'Lovelace');
    type(root, 'Email', 'ada@example.com');
    type(root, 'Phone', '+1 555 1000');
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const req = http.expectOne('/api/contacts/');
    return req.request.body as { address_book?: number };
  }

  it('offers the books I can write to (not the one I only view), my own first by default', async () => {
    expect(options()).toEqual([
      ['Contacts', true],
      ['Family (shared)', false],
    ]);
    expect((await fillAndSubmit()).address_book).toBe(3);
  });

  it('follows the book selected in the sidebar when I may add to it, and the choice goes with the create', async () => {
    fixture.componentRef.setInput('selectedBook', 7);
    await fixture.whenStable();
    expect(options()).toEqual([
      ['Contacts', false],
      ['Family (shared)', true],
    ]);
    // A book I only view: the form keeps a book I can write to.
    fixture.componentRef.setInput('selectedBook', 8);
    await fixture.whenStable();
    expect(options().find(([, selected]) => selected)?.[0]).toBe('Family (shared)');
    const select = root.querySelector<HTMLSelectElement>('#create-book')!;
    select.value = '3';
    select.dispatchEvent(new Event('change'));
    expect((await fillAndSubmit()).address_book).toBe(3);
  });
});
