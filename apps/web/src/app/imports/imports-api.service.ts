import { type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { ImportFormat, ImportJob, ImportStarted, OnDuplicate } from '@contacts/wire-types';
import { ApiClient } from '../api/api-client';

/** The answer as its wire type: a schema that stopped matching it does not compile. */
const bodyOf = <T>(res: HttpResponse<T>): T => res.body as T;

export const IMPORT_CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = { vcard: 'text/vcard', csv: 'text/csv' };

export interface ExportQuery {
  format: ImportFormat;
  /** One book; every readable book when null. */
  addressBook: number | null;
  search: string;
}

/** `GET /api/contacts/export/…`: a plain link, so the browser downloads it (streamed, with the session cookie). */
export function exportUrl(query: ExportQuery): string {
  const params = new URLSearchParams({ format: query.format });
  if (query.addressBook !== null) params.set('address_book', String(query.addressBook));
  if (query.search) params.set('search', query.search);
  return `/api/contacts/export/?${params.toString()}`;
}

/** Imports (CONTRACT.md Part 2 "vCard and CSV"): the file is the raw body, the job is polled by id. */
@Injectable({ providedIn: 'root' })
export class ImportsApiService {
  private readonly api = inject(ApiClient);

  /** Without a book the server imports into the caller's default book (AUTH=none: the one book). */
  start(file: Blob, format: ImportFormat, addressBook: number | null, onDuplicate: OnDuplicate): Observable<ImportStarted> {
    return this.api
      .upload('/api/contacts/import/', {
        query: { address_book: addressBook ?? undefined, on_duplicate: onDuplicate },
        body: file,
        contentType: IMPORT_CONTENT_TYPES[format],
      })
      .pipe(map(bodyOf<ImportStarted>));
  }

  get(id: string): Observable<ImportJob> {
    return this.api.request('get', '/api/imports/{id}/', { path: { id } }).pipe(map(bodyOf<ImportJob>));
  }
}
