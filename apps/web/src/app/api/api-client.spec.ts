import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiClient } from './api-client';

describe('ApiClient (typed by the generated OpenAPI schema)', () => {
  let api: ApiClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ApiClient);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('fills path parameters, leaves out unset query and header parameters, and sends the JSON body', () => {
    let etag: string | null = null;
    api
      .request('patch', '/api/contacts/{id}/', { path: { id: 7 }, body: { phone: '+1 555' }, headers: { 'If-Match': undefined } })
      .subscribe((res) => (etag = res.headers.get('ETag')));
    const req = http.expectOne('/api/contacts/7/');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ phone: '+1 555' });
    expect(req.request.headers.has('If-Match')).toBe(false);
    req.flush({}, { headers: { ETag: '"7-x"' } });
    expect(etag).toBe('"7-x"');
  });

  it('sends query parameters in the order given and headers by their documented names', () => {
    api.request('get', '/api/contacts/', { query: { search: 'ada', page: undefined, page_size: 20 } }).subscribe();
    http.expectOne('/api/contacts/?search=ada&page_size=20').flush({ count: 0, next: null, previous: null, results: [] });
    api.request('post', '/api/contacts/', { body: { first_name: 'A', last_name: 'B', email: 'a@b.example', phone: '1' }, headers: { 'Idempotency-Key': 'k1' } }).subscribe();
    const req = http.expectOne('/api/contacts/');
    expect(req.request.headers.get('Idempotency-Key')).toBe('k1');
    req.flush({}, { status: 201, statusText: 'Created' });
  });

  it('escapes path parameters', () => {
    api.request('get', '/api/contacts/{id}/history/', { path: { id: 'a/b' as unknown as number } }).subscribe();
    http.expectOne('/api/contacts/a%2Fb/history/').flush([]);
  });
});

/** Compile-time checks: each line below must be a type error (the spec does not build otherwise). */
export function wrongCallsDoNotCompile(api: ApiClient): void {
  // @ts-expect-error a path the document does not name (no trailing slash)
  api.request('get', '/api/contacts', {});
  // @ts-expect-error a method the path does not have
  api.request('put', '/api/contacts/', {});
  // @ts-expect-error the path parameter is missing
  api.request('get', '/api/contacts/{id}/', {});
  // @ts-expect-error a field value must be a string
  api.request('patch', '/api/contacts/{id}/', { path: { id: 1 }, body: { email: 7 } });
  // @ts-expect-error an undocumented query parameter
  api.request('get', '/api/contacts/', { query: { pagesize: 3 } });
  // @ts-expect-error POST /api/contacts/ needs its body
  api.request('post', '/api/contacts/', {});
  api.request('get', '/api/contacts/{id}/', { path: { id: 1 } }).subscribe((res) => {
    // @ts-expect-error the answer is a Contact, which has no such field
    void res.body?.nickname;
  });
}
