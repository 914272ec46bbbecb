import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AddMemberRequest, AddressBook, AddressBookMember, MemberRole } from '@contacts/wire-types';

const book = (id: number) => `/api/address-books/${encodeURIComponent(id)}/`;

/**
 * Address books and their members (CONTRACT.md Part 2 "Address books"). HttpClient with the wire
 * types until the generated OpenAPI schema has these routes; then they move onto ApiClient.
 */
@Injectable({ providedIn: 'root' })
export class AddressBooksApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<AddressBook[]> {
    return this.http.get<AddressBook[]>('/api/address-books/');
  }

  create(name: string): Observable<AddressBook> {
    return this.http.post<AddressBook>('/api/address-books/', { name });
  }

  rename(id: number, name: string): Observable<AddressBook> {
    return this.http.patch<AddressBook>(book(id), { name });
  }

  delete(id: number): Observable<void> {
    return this.http.delete<void>(book(id));
  }

  members(id: number): Observable<AddressBookMember[]> {
    return this.http.get<AddressBookMember[]>(`${book(id)}members/`);
  }

  addMember(id: number, body: AddMemberRequest): Observable<AddressBookMember> {
    return this.http.post<AddressBookMember>(`${book(id)}members/`, body);
  }

  changeMember(id: number, userId: number, role: MemberRole): Observable<AddressBookMember> {
    return this.http.patch<AddressBookMember>(`${book(id)}members/${encodeURIComponent(userId)}/`, { role });
  }

  /** The owner removes a member, or a member (userId = themselves) leaves. */
  removeMember(id: number, userId: number): Observable<void> {
    return this.http.delete<void>(`${book(id)}members/${encodeURIComponent(userId)}/`);
  }
}
