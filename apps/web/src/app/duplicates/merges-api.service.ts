import type { HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type {
  DismissRequest,
  DuplicateDismissal,
  DuplicateGroup,
  Merge,
  MergeRequest,
  MergeResult,
  UnmergeResult,
} from '@contacts/wire-types';
import { ApiClient } from '../api/api-client';

/** A merge's answer with the survivor's new ETag. */
export interface MergeOutcome {
  result: MergeResult;
  etag: string | null;
}

export interface MergeListQuery {
  /** Merges where this contact is the survivor or one of the others. */
  contact?: number;
  addressBook?: number;
}

/** Typed as the wire type: a generated answer that stopped matching it would not compile. */
const bodyOf = <T>(res: HttpResponse<T>): T => res.body as T;

/**
 * Duplicates, merge and undo (CONTRACT.md "Duplicates and merging") through the generated
 * client; the answers are returned as the wire types.
 */
@Injectable({ providedIn: 'root' })
export class MergesApiService {
  private readonly api = inject(ApiClient);

  /** Suggestions in one book, or in every book I can read. */
  duplicates(addressBook: number | null = null): Observable<DuplicateGroup[]> {
    return this.api
      .request('get', '/api/contacts/duplicates/', { query: { address_book: addressBook ?? undefined } })
      .pipe(map(bodyOf<DuplicateGroup[]>));
  }

  /** "Not the same person": no two of these contacts are suggested together again. */
  dismiss(contacts: readonly number[]): Observable<DuplicateDismissal> {
    const body: DismissRequest = { contacts: [...contacts] };
    return this.api.request('post', '/api/contacts/duplicates/dismissals/', { body }).pipe(map(bodyOf<DuplicateDismissal>));
  }

  /** Dismissed groups in one book, or in every book I can read; newest first. */
  dismissals(addressBook: number | null = null): Observable<DuplicateDismissal[]> {
    return this.api
      .request('get', '/api/contacts/duplicates/dismissals/', { query: { address_book: addressBook ?? undefined } })
      .pipe(map(bodyOf<DuplicateDismissal[]>));
  }

  /** Takes a dismissal back: its contacts may be suggested together again. */
  undismiss(dismissalId: number): Observable<void> {
    return this.api
      .request('delete', '/api/contacts/duplicates/dismissals/{id}/', { path: { id: dismissalId } })
      .pipe(map(() => undefined));
  }

  /** `etag`: the survivor's, as the compare screen read it (a 412 says it changed since). */
  merge(survivor: number, request: MergeRequest, etag: string | null): Observable<MergeOutcome> {
    return this.api
      .request('post', '/api/contacts/{id}/merge/', { path: { id: survivor }, body: request, headers: { 'If-Match': etag ?? undefined } })
      .pipe(map((res: HttpResponse<MergeResult>) => ({ result: res.body as MergeResult, etag: res.headers.get('ETag') })));
  }

  undo(mergeId: number): Observable<UnmergeResult> {
    return this.api.request('post', '/api/merges/{id}/undo/', { path: { id: mergeId } }).pipe(map(bodyOf<UnmergeResult>));
  }

  list(query: MergeListQuery = {}): Observable<Merge[]> {
    return this.api
      .request('get', '/api/merges/', { query: { contact: query.contact, address_book: query.addressBook } })
      .pipe(map(bodyOf<Merge[]>));
  }

  get(mergeId: number): Observable<Merge> {
    return this.api.request('get', '/api/merges/{id}/', { path: { id: mergeId } }).pipe(map(bodyOf<Merge>));
  }
}
