import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { emptyContactDetails, type Contact, type ContactFields } from '@contacts/wire-types';
import { ToastService } from '../shared/toast.service';
import { DEFAULT_CREATE_DELAY_MS, MAX_PENDING_PROGRESS, PendingCreatesStore } from './pending-creates.store';

const fields: ContactFields = { first_name: ' Ada ', last_name: 'Lovelace', email: 'ada@example.com', phone: '+1 555' };
const created: Contact = {
  id: 1,
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  phone: '+1 555',
  address_book: 1,
  ...emptyContactDetails(),
  uid: 'uid-1',
  created_at: '2026-11-26T10:00:00.000Z',
  updated_at: '2026-11-26T10:00:00.000Z',
};

describe('PendingCreatesStore', () => {
  let store: PendingCreatesStore;
  let http: HttpTestingController;
  let toasts: ToastService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(PendingCreatesStore);
    http = TestBed.inject(HttpTestingController);
    toasts = TestBed.inject(ToastService);
  });

  afterEach(() => http.verify());

  it('shows a pending row at once and posts trimmed fields with an Idempotency-Key', () => {
    const key = store.submit(fields);
    expect(store.items()).toHaveLength(1);
    expect(store.items()[0].status).toBe('pending');
    const req = http.expectOne('/api/contacts/');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('Idempotency-Key')).toBe(key);
    // Complete: the details the form left empty are sent empty.
    expect(req.request.body).toEqual({ ...fields, first_name: 'Ada', ...emptyContactDetails() });
    req.flush(created, { status: 201, statusText: 'Created' });
    expect(store.items()).toHaveLength(0);
    expect(toasts.toasts().map((t) => t.message)).toContain('Ada Lovelace was created');
  });

  it('keeps several creates pending independently', () => {
    store.submit(fields);
    store.submit({ ...fields, email: 'b@example.com' });
    const reqs = http.match('/api/contacts/');
    expect(reqs).toHaveLength(2);
    expect(store.items()).toHaveLength(2);
    reqs[1].flush({ ...created, id: 2, email: 'b@example.com' }, { status: 201, statusText: 'Created' });
    expect(store.items().map((i) => i.fields.email)).toEqual(['ada@example.com']);
    reqs[0].flush(created, { status: 201, statusText: 'Created' });
    expect(store.items()).toEqual([]);
  });

  it('animates progress over the delay and never reaches 100% before the answer', () => {
    store.submit(fields);
    const item = store.items()[0];
    expect(store.progress(item, item.startedAt)).toBe(0);
    expect(store.progress(item, item.startedAt + DEFAULT_CREATE_DELAY_MS / 2)).toBeCloseTo(MAX_PENDING_PROGRESS / 2);
    expect(store.progress(item, item.startedAt + DEFAULT_CREATE_DELAY_MS * 3)).toBe(MAX_PENDING_PROGRESS);
    http.expectOne('/api/contacts/').flush(created, { status: 201, statusText: 'Created' });
  });

  it('hands a field-rejected create back to the empty form with the server message on the field', () => {
    store.submit(fields);
    http
      .expectOne('/api/contacts/')
      .flush({ email: ['Email must be unique.'] }, { status: 400, statusText: 'Bad Request' });
    expect(store.items()).toEqual([]);
    expect(store.draft().email).toBe('ada@example.com');
    expect(store.draftErrors()).toEqual({ email: 'Email must be unique.' });
  });

  it('keeps a failed row when the user is already typing the next contact', () => {
    store.submit(fields);
    store.draft.set({ ...store.draft(), first_name: 'Bob' });
    http.expectOne('/api/contacts/').flush({ email: ['Email must be unique.'] }, { status: 409, statusText: 'Conflict' });
    expect(store.items()[0].status).toBe('failed');
    expect(store.items()[0].error?.fields.email).toBe('Email must be unique.');
    expect(store.draft().first_name).toBe('Bob');
  });

  it('retries a failed create with the same Idempotency-Key', () => {
    store.draft.set({ ...store.draft(), first_name: 'typing' });
    const key = store.submit(fields);
    http.expectOne('/api/contacts/').error(new ProgressEvent('error'), { status: 0 });
    expect(store.items()[0].status).toBe('failed');
    store.retry(key);
    const again = http.expectOne('/api/contacts/');
    expect(again.request.headers.get('Idempotency-Key')).toBe(key);
    again.flush(created, { status: 201, statusText: 'Created' });
    expect(store.items()).toEqual([]);
  });
});
