import { type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { ChangesPage, Contact, ContactBookField, ContactFields, Page, Version } from '@contacts/wire-types';
import { ApiClient } from '../api/api-client';

/** A contact together with the ETag that guards the next PUT/PATCH. */
export interface ContactWithEtag {
  contact: Contact;
  etag: string | null;
}

export interface ListQuery {
  search?: string;
  page?: number;
  pageSize?: number;
  /** One address book; all readable books when left out. */
  addressBook?: number | null;
  /** Cursor mode: '' for the first page, or the token of a `next`/`previous` link. */
  cursor?: string;
}

/** Where a page's `next` or `previous` link points: its cursor (and page, from a server that pages by number). */
export interface PageLink {
  cursor?: string;
  page?: number;
}

/**
 * The paging parameters of a `next`/`previous` link, so the page it names is asked for through
 * the typed client like any other; null for no link. The rest of the link (search, book, size)
 * repeats what the caller already sends.
 */
export function pageLink(url: string | null): PageLink | null {
  if (url === null) return null;
  const params = new URL(url, 'http://link.invalid').searchParams;
  const cursor = params.get('cursor') ?? undefined;
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return { cursor, page: Number.isNaN(page) ? undefined : page };
}

/** A PATCH: any of the four fields, and `address_book` to move the contact to another book. */
export type ContactPatch = Partial<ContactFields> & ContactBookField;

/*
 * Every call goes through ApiClient, whose paths, parameters and answers are the types
 * generated from the served OpenAPI document; the answers are returned as the wire types,
 * so a document that stopped matching them would not compile.
 */
const bodyOf = <T>(res: HttpResponse<T>): T => res.body as T;
const withEtag = (res: HttpResponse<Contact>): ContactWithEtag => ({ contact: res.body as Contact, etag: res.headers.get('ETag') });

/** The REST contract as the app uses it; paths keep their trailing slash as in CONTRACT.md. */
@Injectable({ providedIn: 'root' })
export class ContactsApiService {
  private readonly api = inject(ApiClient);

  list(query: ListQuery = {}): Observable<Page<Contact>> {
    const params = {
      search: query.search || undefined,
      page: query.page && query.page > 1 ? query.page : undefined,
      cursor: query.cursor,
      page_size: query.pageSize || undefined,
      address_book: query.addressBook ?? undefined,
    };
    return this.api.request('get', '/api/contacts/', { query: params }).pipe(map(bodyOf<Page<Contact>>));
  }

  get(id: number): Observable<ContactWithEtag> {
    return this.api.request('get', '/api/contacts/{id}/', { path: { id } }).pipe(map(withEtag));
  }

  /**
   * `idempotencyKey` is reused on retry so the server never creates twice. Without a book the
   * server puts it in the caller's first own book (AUTH=none: the one book).
   */
  create(fields: ContactFields, idempotencyKey: string, addressBook?: number | null): Observable<Contact> {
    const body = addressBook == null ? fields : { ...fields, address_book: addressBook };
    return this.api
      .request('post', '/api/contacts/', { body, headers: { 'Idempotency-Key': idempotencyKey } })
      .pipe(map(bodyOf<Contact>));
  }

  patch(id: number, fields: ContactPatch, etag: string | null): Observable<ContactWithEtag> {
    return this.api
      .request('patch', '/api/contacts/{id}/', { path: { id }, body: fields, headers: { 'If-Match': etag ?? undefined } })
      .pipe(map(withEtag));
  }

  delete(id: number): Observable<void> {
    return this.api.request('delete', '/api/contacts/{id}/', { path: { id } }).pipe(map(() => undefined));
  }

  restore(id: number): Observable<Contact> {
    return this.api.request('post', '/api/contacts/{id}/restore/', { path: { id } }).pipe(map(bodyOf<Contact>));
  }

  history(id: number): Observable<Version[]> {
    return this.api.request('get', '/api/contacts/{id}/history/', { path: { id } }).pipe(map(bodyOf<Version[]>));
  }

  revert(id: number, versionId: number): Observable<Contact> {
    return this.api.request('post', '/api/contacts/{id}/revert/', { path: { id }, body: { version: versionId } }).pipe(map(bodyOf<Contact>));
  }

  deleted(page = 1): Observable<Page<Contact>> {
    return this.api
      .request('get', '/api/contacts/deleted/', { query: { page: page > 1 ? page : undefined } })
      .pipe(map(bodyOf<Page<Contact>>));
  }

  changes(since: number): Observable<ChangesPage> {
    return this.api.request('get', '/api/changes/', { query: { since } }).pipe(map(bodyOf<ChangesPage>));
  }
}
