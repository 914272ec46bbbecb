import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { BookRole } from '@contacts/wire-types';
import { DatabaseReader } from '../database/database-reader.js';
import { AddressBookEntity } from './address-book.entity.js';
import { BookMemberEntity } from './book-member.entity.js';

/** The reads the access policy makes: a user's roles on every request, AUTH=none's book once. */
@Injectable()
export class BookRolesRepository {
  private readonly dataSource: DataSource;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
  }

  /** Plain SQL (one cached statement, served by the (user_id, address_book_id) index): it runs on every request. */
  async rolesOf(userId: number): Promise<Map<number, BookRole>> {
    const mark = this.dataSource.options.type === 'postgres' ? '$1' : '?';
    const rows = (await this.dataSource.query(`SELECT address_book_id, role FROM address_book_members WHERE user_id = ${mark}`, [userId])) as Array<
      Pick<BookMemberEntity, 'address_book_id' | 'role'>
    >;
    return new Map(rows.map((row) => [Number(row.address_book_id), row.role]));
  }

  /** AUTH=none's one shared book: the oldest. */
  async firstBook(): Promise<number | null> {
    const row = await this.dataSource.manager.findOne(AddressBookEntity, { where: {}, order: { id: 'ASC' }, select: { id: true } });
    return row ? Number(row.id) : null;
  }
}
