import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type {
  ChangesPage,
  Contact,
  ContactFields,
  Page,
  RevertRequest,
  Version,
} from '@contacts/wire-types';

/** A contact together with the ETag that guards the next PUT/PATCH. */
export interface ContactWithEtag {
  contact: Contact;
  etag: string | null;
}

export interface ListQuery {
  search?: string;
  page?: number;
  pageSize?: number;
}

const BASE = '/api';

/** Thin typed wrapper over the REST contract; paths keep their trailing slash as in CONTRACT.md. */
@Injectable({ providedIn: 'root' })
export class ContactsApiService {
  private readonly http = inject(HttpClient);

  list(query: ListQuery = {}): Observable<Page<Contact>> {
    let params = new HttpParams();
    if (query.search) params = params.set('search', query.search);
    if (query.page && query.page > 1) params = params.set('page', query.page);
    if (query.pageSize) params = params.set('page_size', query.pageSize);
    return this.http.get<Page<Contact>>(`${BASE}/contacts/`, { params });
  }

  get(id: number): Observable<ContactWithEtag> {
    return this.http
      .get<Contact>(`${BASE}/contacts/${id}/`, { observe: 'response' })
      .pipe(map((res) => ({ contact: res.body as Contact, etag: res.headers.get('ETag') })));
  }

  /** `idempotencyKey` is reused on retry so the server never creates twice. */
  create(fields: ContactFields, idempotencyKey: string): Observable<Contact> {
    const headers = new HttpHeaders({ 'Idempotency-Key': idempotencyKey });
    return this.http.post<Contact>(`${BASE}/contacts/`, fields, { headers });
  }

  patch(id: number, fields: Partial<ContactFields>, etag: string | null): Observable<ContactWithEtag> {
    const headers = etag ? new HttpHeaders({ 'If-Match': etag }) : undefined;
    return this.http
      .patch<Contact>(`${BASE}/contacts/${id}/`, fields, { headers, observe: 'response' })
      .pipe(map((res) => ({ contact: res.body as Contact, etag: res.headers.get('ETag') })));
  }

  delete(id: number): Observable<void> {
    return this.http.delete<void>(`${BASE}/contacts/${id}/`);
  }

  restore(id: number): Observable<Contact> {
    return this.http.post<Contact>(`${BASE}/contacts/${id}/restore/`, {});
  }

  history(id: number): Observable<Version[]> {
    return this.http.get<Version[]>(`${BASE}/contacts/${id}/history/`);
  }

  revert(id: number, versionId: number): Observable<Contact> {
    const body: RevertRequest = { version: versionId };
    return this.http.post<Contact>(`${BASE}/contacts/${id}/revert/`, body);
  }

  deleted(page = 1): Observable<Page<Contact>> {
    const params = page > 1 ? new HttpParams().set('page', page) : undefined;
    return this.http.get<Page<Contact>>(`${BASE}/contacts/deleted/`, { params });
  }

  changes(since: number): Observable<ChangesPage> {
    return this.http.get<ChangesPage>(`${BASE}/changes/`, { params: new HttpParams().set('since', since) });
  }
}
