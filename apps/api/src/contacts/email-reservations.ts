import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { EmailReservationsRepository } from './email-reservations.repository.js';

/** A crashed process's reservation is ignored once the delay plus this margin has passed. */
const RESERVATION_MARGIN_MS = 30_000;

/** Emails are unique per book, so holds are too. */
const keyOf = (book: number, email: string) => `${book}:${email.toLowerCase()}`;

/**
 * While a create waits out its delay, its email is held (in its book) in the database,
 * where every replica sees it; a hold names its owner and expires on its own.
 */
@Injectable()
export class EmailReservations {
  constructor(
    private readonly writes: WriteTransactions,
    private readonly rows: EmailReservationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** True if this owner now holds the email; false if a live hold of someone else has it. */
  reserve(book: number, email: string, owner: string): Promise<boolean> {
    const now = Date.now();
    return this.writes.run(async (manager) => {
      await this.rows.deleteExpired(manager, now);
      if (await this.heldByOther(manager, book, email, owner)) return false;
      await this.rows.insert(manager, keyOf(book, email), owner, now + this.config.createDelayMs + RESERVATION_MARGIN_MS);
      return true;
    });
  }

  async release(book: number, email: string, owner: string): Promise<void> {
    await this.writes.run((manager) => this.releaseWithin(manager, book, email, owner));
  }

  /** Inside a write transaction: drop this owner's hold (no-op when it has none). */
  releaseWithin(manager: EntityManager, book: number, email: string, owner: string): Promise<void> {
    return this.rows.delete(manager, keyOf(book, email), owner);
  }

  /** Inside a write transaction: is this email held in `book` by a pending create other than `owner`? */
  async heldByOther(manager: EntityManager, book: number, email: string, owner?: string): Promise<boolean> {
    const holder = await this.rows.liveOwner(manager, keyOf(book, email), Date.now());
    return holder !== null && holder !== owner;
  }
}
