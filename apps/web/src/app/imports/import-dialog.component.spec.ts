import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Subject } from 'rxjs';
import type { ImportJob, ImportProgressEvent } from '@contacts/wire-types';
import { SessionStore } from '../auth/session.store';
import { AddressBooksStore } from '../books/address-books.store';
import { ContactEventsService, type ConnectionState } from '../realtime/contact-events.service';
import { ADA, GRACE, testBook } from '../testing/account-fixtures';
import { ToastService } from '../shared/toast.service';
import { ImportDialogComponent } from './import-dialog.component';
import { ImportStore } from './import.store';

const job = (fields: Partial<ImportJob> = {}): ImportJob => ({ id: 'j1', status: 'running', total: 4, processed: 0, created: 0, updated: 0, skipped: [], ...fields });

describe('ImportDialogComponent', () => {
  let fixture: ComponentFixture<ImportDialogComponent>;
  let root: HTMLElement;
  let http: HttpTestingController;
  let progress: Subject<ImportProgressEvent>;
  let connection: ReturnType<typeof signal<ConnectionState>>;
  let store: ImportStore;

  beforeEach(async () => {
    progress = new Subject();
    connection = signal<ConnectionState>('live');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: ContactEventsService,
          useValue: { importProgress$: progress, events$: new Subject(), resync$: new Subject(), bookEvents$: new Subject(), state: connection },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ImportStore);
    store.open();
    fixture = TestBed.createComponent(ImportDialogComponent);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => store.close());

  const text = (testId: string) => root.querySelector(`[data-testid=${testId}]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const importButton = () => Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Import')!;
  const pick = async (file: File) => {
    const input = root.querySelector<HTMLInputElement>('#import-file')!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(text('import-file')).toContain(file.name));
  };
  const vcf = () => new File(['BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n'], 'phone.vcf', { type: '' });
  const startUpload = async (file = vcf()) => {
    await pick(file);
    importButton().click();
    await fixture.whenStable();
    return http.expectOne((r) => r.method === 'POST' && r.url === '/api/contacts/import/');
  };

  it('sends the file as the raw body with its detected type, then follows the progress event to the summary', async () => {
    await pick(vcf());
    expect(text('import-format')).toContain('vCard file');
    importButton().click();
    await fixture.whenStable();
    const upload = http.expectOne((r) => r.method === 'POST' && r.url === '/api/contacts/import/');
    expect(upload.request.headers.get('Content-Type')).toBe('text/vcard');
    expect(upload.request.params.get('on_duplicate')).toBe('skip');
    expect(upload.request.params.has('address_book')).toBe(false);
    expect(upload.request.body).toBeInstanceOf(File);
    upload.flush({ id: 'j1', status: 'running' }, { status: 202, statusText: 'Accepted' });
    await vi.waitFor(() => expect(root.querySelector('[role=progressbar]')).not.toBeNull());

    progress.next({ type: 'import.progress', import: job({ processed: 2, created: 2 }) });
    await vi.waitFor(() => expect(root.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('50'));
    expect(text('import-progress-text')).toBe('2 of 4 cards · 2 created · 0 updated · 0 skipped');

    progress.next({
      type: 'import.progress',
      import: job({
        status: 'done',
        processed: 4,
        created: 2,
        updated: 1,
        skipped: [{ index: 3, name: 'Bob Example', errors: { email: ['This field is required.'], 'other_phones[1].value': ['Enter a valid phone number.'] } }],
      }),
    });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=import-summary]')).not.toBeNull());
    expect(text('import-created')).toBe('2');
    expect(text('import-updated')).toBe('1');
    expect(text('import-skipped-count')).toBe('1');
    const card = root.querySelector('[data-testid=skipped-card]')!;
    expect(card.querySelector('p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Bob Example · card 4');
    expect(Array.from(card.querySelectorAll('li')).map((li) => li.textContent?.trim())).toEqual([
      'Email: This field is required.',
      'Other phone 2: Enter a valid phone number.',
    ]);
    expect(document.activeElement?.id).toBe('import-summary-heading');
  });

  it('polls the job when the progress events do not come (the socket is down)', async () => {
    connection.set('reconnecting');
    const upload = await startUpload();
    upload.flush({ id: 'j1', status: 'running' }, { status: 202, statusText: 'Accepted' });
    await vi.waitFor(() => http.expectOne('/api/imports/j1/').flush(job({ status: 'done', processed: 4, created: 4 })), { timeout: 3000 });
    await vi.waitFor(() => expect(text('import-created')).toBe('4'));
  });

  it('says the server no longer knows an import it polls for', async () => {
    connection.set('reconnecting');
    const upload = await startUpload();
    upload.flush({ id: 'j1', status: 'running' }, { status: 202, statusText: 'Accepted' });
    await vi.waitFor(() => http.expectOne('/api/imports/j1/').flush({ detail: 'Not found.' }, { status: 404, statusText: 'Not Found' }), { timeout: 3000 });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=import-summary]')?.textContent).toContain('The server no longer knows this import'));
  });

  it('shows the server’s 413 and 400 and lets the user choose another file', async () => {
    let upload = await startUpload();
    upload.flush({ detail: 'The file is larger than 50 MiB.' }, { status: 413, statusText: 'Payload Too Large' });
    await vi.waitFor(() => expect(text('import-error')).toBe('The file is larger than 50 MiB.'));
    expect(importButton().disabled).toBe(true);

    upload = await startUpload(new File(['Name,Phone\r\nAda,1\r\n'], 'outlook.csv', { type: 'text/csv' }));
    expect(upload.request.headers.get('Content-Type')).toBe('text/csv');
    upload.flush({ detail: 'The CSV header has no column for: email.' }, { status: 400, statusText: 'Bad Request' });
    await vi.waitFor(() => expect(text('import-error')).toBe('The CSV header has no column for: email.'));
  });

  it('refuses a file it cannot read before sending it', async () => {
    await pick(new File(['\x89PNG'], 'photo.png', { type: 'image/png' }));
    expect(text('import-error')).toBe('Choose a vCard (.vcf) or CSV (.csv) file.');
    expect(importButton().disabled).toBe(true);
    http.expectNone('/api/contacts/import/');
  });

  it('goes on in the background when closed, and tells when it is done', async () => {
    const toasts = TestBed.inject(ToastService);
    const upload = await startUpload();
    upload.flush({ id: 'j1', status: 'running' }, { status: 202, statusText: 'Accepted' });
    await vi.waitFor(() => expect(store.state().phase).toBe('running'));
    store.close();
    expect(store.running()).toBe(true);
    progress.next({ type: 'import.progress', import: job({ status: 'done', processed: 4, created: 4 }) });
    expect(toasts.toasts().map((t) => t.message)).toContain('Import finished: 4 created, 0 updated, 0 skipped.');
  });
});

describe('ImportDialogComponent with address books', () => {
  it('imports into the book the page shows when I may add to it, or the one I choose', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionStore, useValue: { accounts: signal(true), user: () => GRACE } },
        {
          provide: ContactEventsService,
          useValue: { importProgress$: new Subject(), events$: new Subject(), resync$: new Subject(), bookEvents$: new Subject(), state: () => 'live' },
        },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(AddressBooksStore).start();
    http.expectOne('/api/address-books/').flush([testBook(3, 'Contacts', 'owner', 0, GRACE), testBook(7, 'Family', 'editor', 0, ADA), testBook(8, 'Work', 'viewer', 0, ADA)]);
    const store = TestBed.inject(ImportStore);
    store.open();
    const fixture = TestBed.createComponent(ImportDialogComponent);
    fixture.componentRef.setInput('selectedBook', 8);
    const root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    await store.choose(new File(['BEGIN:VCARD\r\nEND:VCARD\r\n'], 'a.vcf'));
    await fixture.whenStable();
    const select = root.querySelector<HTMLSelectElement>('#import-book')!;
    // A book I only view is not offered; the default is my own.
    expect(Array.from(select.options).map((o) => [o.textContent?.trim(), o.selected])).toEqual([
      ['Contacts', true],
      ['Family (shared)', false],
    ]);
    fixture.componentRef.setInput('selectedBook', 7);
    await fixture.whenStable();
    expect(select.value).toBe('7');
    const update = root.querySelector<HTMLInputElement>('input[value=update]')!;
    update.checked = true;
    update.dispatchEvent(new Event('change'));
    Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Import')!.click();
    const upload = http.expectOne((r) => r.url === '/api/contacts/import/');
    expect(upload.request.params.get('address_book')).toBe('7');
    expect(upload.request.params.get('on_duplicate')).toBe('update');
    upload.flush({ detail: 'You do not have permission to perform this action.' }, { status: 403, statusText: 'Forbidden' });
    await vi.waitFor(() => expect(root.querySelector('[data-testid=import-error]')?.textContent?.trim()).toBe('You cannot add contacts to this address book.'));
    store.close();
  });
});
