import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract v1.1, delivery beyond the inbox. Users may have an email (encrypted like every
 * personal value). Each notification to be mailed or POSTed to the webhook gets one row per
 * channel, written in the notification's own transaction; the worker claims due rows, delivers,
 * and either marks them delivered or sets the next attempt (backoff). Rows of one channel and one
 * recipient never wait on each other: a receiver that fails only delays its own rows.
 */
export class CreateNotificationDeliveries1763900015000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN email_enc text`);
    await db.query(`
      CREATE TABLE notification_deliveries (
        notification_id uuid NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        -- Why the last attempt failed, as a short code or status ("smtp 550", "http 503", "timeout"): never a body.
        last_error text CHECK (length(last_error) <= 200),
        PRIMARY KEY (notification_id, channel)
      )`);
    // What the worker reads: the rows still to deliver, earliest attempt first.
    await db.query(
      `CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE delivered_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_deliveries`);
    await db.query(`ALTER TABLE users DROP COLUMN email_enc`);
  }
}
