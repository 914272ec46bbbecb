import { Injectable } from '@nestjs/common';
import type { BookRole } from '@contacts/wire-types';
import { BookRolesRepository } from './book-roles.repository.js';

/** What the access policy asks about books on every request. */
@Injectable()
export class BookRoles {
  constructor(private readonly roles: BookRolesRepository) {}

  rolesOf(userId: number): Promise<Map<number, BookRole>> {
    return this.roles.rolesOf(userId);
  }

  firstBook(): Promise<number | null> {
    return this.roles.firstBook();
  }
}
