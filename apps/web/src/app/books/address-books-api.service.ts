import { type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { AddMemberRequest, AddressBook, AddressBookMember, MemberRole } from '@contacts/wire-types';
import { ApiClient } from '../api/api-client';

/** The answer as its wire type: a schema that stopped matching it does not compile. */
const bodyOf = <T>(res: HttpResponse<T>): T => res.body as T;

/** Address books and their members (CONTRACT.md Part 2 "Address books"), through ApiClient. */
@Injectable({ providedIn: 'root' })
export class AddressBooksApiService {
  private readonly api = inject(ApiClient);

  list(): Observable<AddressBook[]> {
    return this.api.request('get', '/api/address-books/', {}).pipe(map(bodyOf<AddressBook[]>));
  }

  create(name: string): Observable<AddressBook> {
    return this.api.request('post', '/api/address-books/', { body: { name } }).pipe(map(bodyOf<AddressBook>));
  }

  rename(id: number, name: string): Observable<AddressBook> {
    return this.api.request('patch', '/api/address-books/{id}/', { path: { id }, body: { name } }).pipe(map(bodyOf<AddressBook>));
  }

  delete(id: number): Observable<void> {
    return this.api.request('delete', '/api/address-books/{id}/', { path: { id } }).pipe(map(() => undefined));
  }

  members(id: number): Observable<AddressBookMember[]> {
    return this.api.request('get', '/api/address-books/{id}/members/', { path: { id } }).pipe(map(bodyOf<AddressBookMember[]>));
  }

  addMember(id: number, body: AddMemberRequest): Observable<AddressBookMember> {
    return this.api.request('post', '/api/address-books/{id}/members/', { path: { id }, body }).pipe(map(bodyOf<AddressBookMember>));
  }

  changeMember(id: number, userId: number, role: MemberRole): Observable<AddressBookMember> {
    return this.api
      .request('patch', '/api/address-books/{id}/members/{user_id}/', { path: { id, user_id: userId }, body: { role } })
      .pipe(map(bodyOf<AddressBookMember>));
  }

  /** The owner removes a member, or a member (userId = themselves) leaves. */
  removeMember(id: number, userId: number): Observable<void> {
    return this.api
      .request('delete', '/api/address-books/{id}/members/{user_id}/', { path: { id, user_id: userId } })
      .pipe(map(() => undefined));
  }
}
