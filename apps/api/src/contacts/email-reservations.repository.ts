import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** `email_reservations`: one row per email a pending create holds, keyed case-insensitively. Every call runs inside a write transaction. */
@Injectable()
export class EmailReservationsRepository {
  async deleteExpired(manager: EntityManager, now: number): Promise<void> {
    await manager.createQueryBuilder().delete().from('email_reservations').where('expires_at < :now', { now }).execute();
  }

  async insert(manager: EntityManager, emailKey: string, owner: string, expiresAt: number): Promise<void> {
    await manager.createQueryBuilder().insert().into('email_reservations').values({ email_key: emailKey, owner, expires_at: expiresAt }).execute();
  }

  async delete(manager: EntityManager, emailKey: string, owner: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .delete()
      .from('email_reservations')
      .where('email_key = :key AND owner = :owner', { key: emailKey, owner })
      .execute();
  }

  /** The owner of a hold on this key that has not expired at `now`, if any. */
  async liveOwner(manager: EntityManager, emailKey: string, now: number): Promise<string | null> {
    const row = await manager
      .createQueryBuilder()
      .select('owner')
      .from('email_reservations', 'r')
      .where('r.email_key = :key AND r.expires_at >= :now', { key: emailKey, now })
      .getRawOne<{ owner: string }>();
    return row?.owner ?? null;
  }
}
