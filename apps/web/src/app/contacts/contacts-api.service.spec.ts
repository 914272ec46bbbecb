import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { emptyContactDetails, type Contact } from '@contacts/wire-types';
import { ContactsApiService, pageLink, type ContactWithEtag } from './contacts-api.service';

const contact: Contact = {
  id: 3,
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
const fields = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', phone: '+1 555' };

describe('ContactsApiService: the contract’s requests', () => {
  let api: ContactsApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ContactsApiService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const expectRequest = (method: string, url: string) => {
    const req = http.expectOne(url);
    expect(req.request.method).toBe(method);
    return req;
  };

  it('lists with search, page (past the first) and page size', () => {
    api.list({ search: 'ada', page: 2, pageSize: 20 }).subscribe();
    expectRequest('GET', '/api/contacts/?search=ada&page=2&page_size=20').flush({ count: 0, next: null, previous: null, results: [] });
    api.list({ page: 1 }).subscribe();
    expectRequest('GET', '/api/contacts/').flush({ count: 0, next: null, previous: null, results: [] });
  });

  it('lists in cursor mode: an empty cursor is the first page, a link’s cursor the next', () => {
    api.list({ cursor: '', pageSize: 50, addressBook: 4 }).subscribe();
    expectRequest('GET', '/api/contacts/?cursor=&page_size=50&address_book=4').flush({ count: 0, next: null, previous: null, results: [] });
    const next = pageLink('http://localhost:8000/api/contacts/?address_book=4&cursor=eyJrIjoxfQ&page_size=50');
    expect(next).toEqual({ cursor: 'eyJrIjoxfQ', page: undefined });
    api.list({ ...next, search: 'a b', pageSize: 50 }).subscribe();
    expectRequest('GET', '/api/contacts/?search=a%20b&cursor=eyJrIjoxfQ&page_size=50').flush({ count: 0, next: null, previous: null, results: [] });
    expect(pageLink(null)).toBeNull();
    // A server that pages by number: its links are followed as they are.
    expect(pageLink('http://localhost/api/contacts/?cursor=&page=3')).toEqual({ cursor: '', page: 3 });
  });

  it('reads one contact with its ETag, and patches with If-Match only when it has one', () => {
    const seen: ContactWithEtag[] = [];
    api.get(3).subscribe((c) => seen.push(c));
    expectRequest('GET', '/api/contacts/3/').flush(contact, { headers: { ETag: '"3-a"' } });
    api.patch(3, { phone: '+1 556' }, '"3-a"').subscribe((c) => seen.push(c));
    const withEtag = expectRequest('PATCH', '/api/contacts/3/');
    expect(withEtag.request.headers.get('If-Match')).toBe('"3-a"');
    expect(withEtag.request.body).toEqual({ phone: '+1 556' });
    withEtag.flush({ ...contact, phone: '+1 556' }, { headers: { ETag: '"3-b"' } });
    api.patch(3, { phone: '+1 557' }, null).subscribe();
    const without = expectRequest('PATCH', '/api/contacts/3/');
    expect(without.request.headers.has('If-Match')).toBe(false);
    without.flush({ ...contact, phone: '+1 557' });
    expect(seen.map((c) => [c.contact.phone, c.etag])).toEqual([['+1 555', '"3-a"'], ['+1 556', '"3-b"']]);
  });

  it('creates with the Idempotency-Key, deletes, restores and reverts', () => {
    api.create(fields, 'key-1').subscribe();
    const create = expectRequest('POST', '/api/contacts/');
    expect(create.request.headers.get('Idempotency-Key')).toBe('key-1');
    expect(create.request.body).toEqual(fields);
    create.flush(contact, { status: 201, statusText: 'Created' });
    let deleted = false;
    api.delete(3).subscribe(() => (deleted = true));
    expectRequest('DELETE', '/api/contacts/3/').flush(null, { status: 204, statusText: 'No Content' });
    expect(deleted).toBe(true);
    api.restore(3).subscribe();
    expectRequest('POST', '/api/contacts/3/restore/').flush(contact, { status: 201, statusText: 'Created' });
    api.revert(3, 9).subscribe();
    const revert = expectRequest('POST', '/api/contacts/3/revert/');
    expect(revert.request.body).toEqual({ version: 9 });
    revert.flush(contact);
  });

  it('reads history, recently deleted and the change feed', () => {
    api.history(3).subscribe();
    expectRequest('GET', '/api/contacts/3/history/').flush([]);
    api.deleted(2).subscribe();
    expectRequest('GET', '/api/contacts/deleted/?page=2').flush({ count: 0, next: null, previous: null, results: [] });
    let lastSeq = -1;
    api.changes(41).subscribe((page) => (lastSeq = page.last_seq));
    expectRequest('GET', '/api/changes/?since=41').flush({ results: [], last_seq: 41 });
    expect(lastSeq).toBe(41);
  });

  it('passes HTTP errors through as they came (the components read them with parseApiError)', () => {
    let status = 0;
    api.patch(3, { email: 'x' }, '"old"').subscribe({ error: (err: { status: number; error: unknown }) => (status = err.status) });
    expectRequest('PATCH', '/api/contacts/3/').flush(contact, { status: 412, statusText: 'Precondition Failed' });
    expect(status).toBe(412);
  });
});
