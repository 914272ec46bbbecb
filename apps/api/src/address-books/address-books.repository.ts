import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { BookRole, MemberUser } from '@contacts/wire-types';
import { DatabaseReader } from '../database/database-reader.js';

/** A book with what its wire form needs; `role` is the role of the member the row was read for. */
export interface BookRow {
  id: number;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  created_at: string;
  contact_count: number;
}

export interface MemberBookRow extends BookRow {
  user_id: number;
  role: BookRole;
}

export interface MemberRow {
  user: MemberUser;
  role: BookRole;
}

type Raw = Record<string, unknown>;

const BOOK_COLUMNS = 'b.id, b.name, b.owner_id, u.name AS owner_name, b.created_at, COALESCE(cc.contacts, 0) AS contact_count';

/**
 * All SQL about address books and their members, plus the two reads of the users table
 * this feature needs (names and emails of members, an account by email): accounts'
 * repositories are its own. Writes, and the reads a write makes, take the transaction's
 * manager; every other read goes to the reader (committed rows only). Contact counts are
 * read from address_book_contact_counts, which the database's triggers keep exact.
 */
@Injectable()
export class AddressBooksRepository {
  private readonly dataSource: DataSource;
  private readonly postgres: boolean;

  constructor(reader: DatabaseReader) {
    this.dataSource = reader.dataSource;
    this.postgres = this.dataSource.options.type === 'postgres';
  }

  get reader(): EntityManager {
    return this.dataSource.manager;
  }

  /** The books `userId` is a member of (owner included), their own first, then oldest first. */
  async booksOf(userId: number, manager: EntityManager = this.reader): Promise<MemberBookRow[]> {
    const rows = await this.run(
      manager,
      `SELECT ${BOOK_COLUMNS}, m.user_id, m.role
       FROM address_book_members m
       JOIN address_books b ON b.id = m.address_book_id
       LEFT JOIN users u ON u.id = b.owner_id
       LEFT JOIN address_book_contact_counts cc ON cc.address_book_id = b.id
       WHERE m.user_id = :user
       ORDER BY CASE WHEN b.owner_id = :user THEN 0 ELSE 1 END, b.id`,
      { user: userId },
    );
    return rows.map(memberBookRow);
  }

  /** Every book, oldest first (AUTH=none and the service token see them all). */
  async allBooks(manager: EntityManager = this.reader): Promise<BookRow[]> {
    const rows = await this.run(
      manager,
      `SELECT ${BOOK_COLUMNS}
       FROM address_books b
       LEFT JOIN users u ON u.id = b.owner_id
       LEFT JOIN address_book_contact_counts cc ON cc.address_book_id = b.id
       ORDER BY b.id`,
      {},
    );
    return rows.map(bookRow);
  }

  /** The book as each of its members sees it (one row per member), or only as `userId` sees it. */
  async memberViews(manager: EntityManager, bookId: number, userId?: number): Promise<MemberBookRow[]> {
    const rows = await this.run(
      manager,
      `SELECT ${BOOK_COLUMNS}, m.user_id, m.role
       FROM address_book_members m
       JOIN address_books b ON b.id = m.address_book_id
       LEFT JOIN users u ON u.id = b.owner_id
       LEFT JOIN address_book_contact_counts cc ON cc.address_book_id = b.id
       WHERE m.address_book_id = :book ${userId === undefined ? '' : 'AND m.user_id = :user'}
       ORDER BY m.user_id`,
      userId === undefined ? { book: bookId } : { book: bookId, user: userId },
    );
    return rows.map(memberBookRow);
  }

  async exists(bookId: number, manager: EntityManager = this.reader): Promise<boolean> {
    const rows = await this.run(manager, 'SELECT id FROM address_books WHERE id = :book', { book: bookId });
    return rows.length > 0;
  }

  async ownBookCount(userId: number, manager: EntityManager = this.reader): Promise<number> {
    const [row] = await this.run(manager, 'SELECT COUNT(*) AS n FROM address_books WHERE owner_id = :user', { user: userId });
    return Number(row.n);
  }

  async contactCount(manager: EntityManager, bookId: number): Promise<number> {
    const [row] = await this.run(manager, 'SELECT contacts AS n FROM address_book_contact_counts WHERE address_book_id = :book', { book: bookId });
    return Number(row?.n ?? 0);
  }

  /** A new book and its owner's member row; its id. */
  async createBook(manager: EntityManager, name: string, ownerId: number, at: string): Promise<number> {
    const [row] = await this.run(
      manager,
      'INSERT INTO address_books (name, owner_id, created_at) VALUES (:name, :owner, :at) RETURNING id',
      { name, owner: ownerId, at },
    );
    const id = Number(row.id);
    await this.addMember(manager, id, ownerId, 'owner', at);
    return id;
  }

  async rename(manager: EntityManager, bookId: number, name: string): Promise<void> {
    await this.run(manager, 'UPDATE address_books SET name = :name WHERE id = :book', { name, book: bookId });
  }

  /** The book row; its member rows go with it (ON DELETE CASCADE). */
  async deleteBook(manager: EntityManager, bookId: number): Promise<void> {
    await this.run(manager, 'DELETE FROM address_books WHERE id = :book', { book: bookId });
  }

  /** Every book nobody owns (AUTH=none's shared book) becomes `userId`'s, with its owner row. */
  async claimOwnerless(manager: EntityManager, userId: number, at: string): Promise<void> {
    const books = await this.run(manager, 'SELECT id FROM address_books WHERE owner_id IS NULL ORDER BY id', {});
    if (books.length === 0) return;
    await this.run(manager, 'UPDATE address_books SET owner_id = :user WHERE owner_id IS NULL', { user: userId });
    for (const book of books) {
      await this.run(
        manager,
        `INSERT INTO address_book_members (address_book_id, user_id, role, created_at) VALUES (:book, :user, 'owner', :at)
         ON CONFLICT (address_book_id, user_id) DO UPDATE SET role = 'owner'`,
        { book: Number(book.id), user: userId, at },
      );
    }
  }

  /** The oldest account's id (the first to sign up), if any. */
  async firstUserId(manager: EntityManager): Promise<number | null> {
    const [row] = await this.run(manager, 'SELECT MIN(id) AS id FROM users', {});
    return row?.id === null || row?.id === undefined ? null : Number(row.id);
  }

  /** The book's members, owner first, then by name. */
  async members(bookId: number, manager: EntityManager = this.reader): Promise<MemberRow[]> {
    const rows = await this.run(
      manager,
      `SELECT u.id, u.name, u.email, m.role
       FROM address_book_members m JOIN users u ON u.id = m.user_id
       WHERE m.address_book_id = :book
       ORDER BY CASE WHEN m.role = 'owner' THEN 0 ELSE 1 END, lower(u.name), u.id`,
      { book: bookId },
    );
    return rows.map(memberRow);
  }

  async member(manager: EntityManager, bookId: number, userId: number): Promise<MemberRow | null> {
    const [row] = await this.run(
      manager,
      `SELECT u.id, u.name, u.email, m.role
       FROM address_book_members m JOIN users u ON u.id = m.user_id
       WHERE m.address_book_id = :book AND m.user_id = :user`,
      { book: bookId, user: userId },
    );
    return row ? memberRow(row) : null;
  }

  /** The account with this email, case-insensitively (emails are unique that way). */
  async userByEmail(manager: EntityManager, email: string): Promise<MemberUser | null> {
    const [row] = await this.run(manager, 'SELECT id, name, email FROM users WHERE lower(email) = lower(:email)', { email });
    return row ? { id: Number(row.id), name: String(row.name), email: String(row.email) } : null;
  }

  async addMember(manager: EntityManager, bookId: number, userId: number, role: BookRole, at: string): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO address_book_members (address_book_id, user_id, role, created_at) VALUES (:book, :user, :role, :at)',
      { book: bookId, user: userId, role, at },
    );
  }

  async setRole(manager: EntityManager, bookId: number, userId: number, role: BookRole): Promise<void> {
    await this.run(manager, 'UPDATE address_book_members SET role = :role WHERE address_book_id = :book AND user_id = :user', {
      role,
      book: bookId,
      user: userId,
    });
  }

  async removeMember(manager: EntityManager, bookId: number, userId: number): Promise<void> {
    await this.run(manager, 'DELETE FROM address_book_members WHERE address_book_id = :book AND user_id = :user', { book: bookId, user: userId });
  }

  /**
   * `:name` parameters, as each driver binds them: SQLite takes `?` once per use,
   * PostgreSQL `$n` once per name.
   */
  private async run(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<Raw[]> {
    const values: unknown[] = [];
    const numbers = new Map<string, number>();
    const text = sql.replace(/:([a-z]+)\b/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`no value for :${name}`);
      if (!this.postgres) {
        values.push(params[name]);
        return '?';
      }
      if (!numbers.has(name)) {
        values.push(params[name]);
        numbers.set(name, values.length);
      }
      return `$${numbers.get(name)}`;
    });
    const result: unknown = await manager.query(text, values);
    // Rows come back from SELECT and RETURNING; what UPDATE and DELETE answer (PostgreSQL
    // [rows, count], SQLite a run summary) is never read.
    return Array.isArray(result) && !Array.isArray(result[0]) ? (result as Raw[]) : [];
  }
}

function bookRow(row: Raw): BookRow {
  return {
    id: Number(row.id),
    name: String(row.name),
    owner_id: row.owner_id === null || row.owner_id === undefined ? null : Number(row.owner_id),
    owner_name: row.owner_name === null || row.owner_name === undefined ? null : String(row.owner_name),
    created_at: String(row.created_at),
    contact_count: Number(row.contact_count),
  };
}

function memberBookRow(row: Raw): MemberBookRow {
  return { ...bookRow(row), user_id: Number(row.user_id), role: row.role as BookRole };
}

function memberRow(row: Raw): MemberRow {
  return { user: { id: Number(row.id), name: String(row.name), email: String(row.email) }, role: row.role as BookRole };
}
