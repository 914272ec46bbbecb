import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reservation is keyed by the lower-cased email, and lower-casing can lengthen it: `İ`
 * becomes `i` plus a combining dot, so a valid 254-character email can have a longer key.
 * VARCHAR(254) refused such keys on PostgreSQL (a 500 on create); SQLite never enforced
 * the length. The key is unbounded text now.
 */
export class PostgresReservationKey1764420000000 implements MigrationInterface {
  name = 'PostgresReservationKey1764420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE email_reservations ALTER COLUMN email_key TYPE TEXT');
  }

  async down(db: QueryRunner): Promise<void> {
    // Reservations last one create delay: dropping the long ones only fails those creates' holds.
    await db.query('DELETE FROM email_reservations WHERE char_length(email_key) > 254');
    await db.query('ALTER TABLE email_reservations ALTER COLUMN email_key TYPE VARCHAR(254)');
  }
}
