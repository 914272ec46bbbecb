import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { WriteTransactions } from '../database/write-transactions.js';

/** A crashed process's reservation is ignored once the delay plus this margin has passed. */
const RESERVATION_MARGIN_MS = 30_000;

/**
 * While a create waits out its delay, its email is held in the database, where every
 * replica sees it; a hold names its owner and expires on its own.
 */
@Injectable()
export class EmailReservations {
  constructor(
    private readonly writes: WriteTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** True if this owner now holds the email; false if a live hold of someone else has it. */
  reserve(email: string, owner: string): Promise<boolean> {
    const key = email.toLowerCase();
    const now = Date.now();
    return this.writes.run(async (manager) => {
      await manager.createQueryBuilder().delete().from('email_reservations').where('expires_at < :now', { now }).execute();
      if (await this.heldByOther(manager, email, owner)) return false;
      const expires = now + this.config.createDelayMs + RESERVATION_MARGIN_MS;
      await manager
        .createQueryBuilder()
        .insert()
        .into('email_reservations')
        .values({ email_key: key, owner, expires_at: expires })
        .execute();
      return true;
    });
  }

  async release(email: string, owner: string): Promise<void> {
    await this.writes.run((manager) => this.releaseWithin(manager, email, owner));
  }

  /** Inside a write transaction: drop this owner's hold (no-op when it has none). */
  async releaseWithin(manager: EntityManager, email: string, owner: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from('email_reservations')
      .where('email_key = :key AND owner = :owner', { key: email.toLowerCase(), owner })
      .execute();
  }

  /** Inside a write transaction: is this email held by a pending create other than `owner`? */
  async heldByOther(manager: EntityManager, email: string, owner?: string): Promise<boolean> {
    const row = await manager
      .createQueryBuilder()
      .select('owner')
      .from('email_reservations', 'r')
      .where('r.email_key = :key AND r.expires_at >= :now', { key: email.toLowerCase(), now: Date.now() })
      .getRawOne<{ owner: string }>();
    return row !== undefined && row.owner !== owner;
  }
}
