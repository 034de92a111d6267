import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { NotificationKind } from './notification-kinds';
import { retryDelaySeconds } from './retry-backoff';

export const DELIVERY_CHANNELS = ['email', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** One notification to deliver on one channel, as the worker claimed it. */
export interface ClaimedDelivery {
  channel: DeliveryChannel;
  /** This attempt's number: 1 for the first. */
  attempt: number;
  id: string;
  kind: NotificationKind;
  caseId: string;
  caseNumber: string;
  interventionId: string | null;
  deadlineKind: string | null;
  dueAt: Date | null;
  createdAt: Date;
  recipientId: string;
  recipientUsername: string;
  /** The recipient's email, still encrypted (context `users.email`). */
  recipientEmailEnc: string | null;
}

/**
 * The delivery rows of `notification_deliveries` (the table's one owner). Writers of notifications
 * wrap their INSERT with `statementQueuing`, so every new notification is queued on the channels
 * this configuration delivers to in the same statement and transaction: nothing is made without
 * being queued, nothing queued that was not made. The worker then claims, delivers and settles.
 */
@Injectable()
export class DeliveryQueue {
  /** The channels configured here (mail needs SMTP_URL, the webhook NOTIFY_WEBHOOK_URL). */
  readonly channels: DeliveryChannel[];
  private readonly retry: { base: number; max: number };
  /** A claimed row comes back to the queue after this many seconds if its worker died mid-attempt. */
  private readonly leaseSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { smtpUrl, webhookUrl, retryBaseSeconds, retryMaxSeconds, timeoutSeconds } = config.delivery;
    this.channels = DELIVERY_CHANNELS.filter((channel) => (channel === 'email' ? smtpUrl : webhookUrl));
    this.retry = { base: retryBaseSeconds, max: retryMaxSeconds };
    this.leaseSeconds = 2 * timeoutSeconds + 30;
  }

  /**
   * `insert` (an `INSERT INTO notifications … ON CONFLICT DO NOTHING`, without RETURNING) made a
   * statement that also queues each new row and answers `made`, the number of new notifications.
   * `channelsParam` is the placeholder the caller binds to `this.channels`; `ctes` go first.
   * Mail is queued only for recipients with an email.
   */
  statementQueuing(insert: string, channelsParam: string, ctes = ''): string {
    return `WITH ${ctes ? `${ctes},` : ''}
       made AS (${insert} RETURNING id, recipient_id),
       queued AS (
         INSERT INTO notification_deliveries (notification_id, channel)
         SELECT m.id, channel FROM made m
           JOIN users u ON u.id = m.recipient_id
          CROSS JOIN unnest(${channelsParam}::text[]) channel
          WHERE channel <> 'email' OR u.email_enc IS NOT NULL)
     SELECT count(*)::int AS made FROM made`;
  }

  /** Runs a statement made by `statementQueuing`; answers the number of new notifications. */
  async run(manager: EntityManager, statement: string, params: unknown[]): Promise<number> {
    const [{ made }] = (await manager.query(statement, params)) as { made: number }[];
    return made;
  }

  /**
   * Takes up to `limit` due deliveries of this process's channels, earliest first, and leases
   * them (another worker skips them until the lease ends); their attempt counts go up by one.
   */
  async claim(db: DataSource, limit: number): Promise<ClaimedDelivery[]> {
    if (!this.channels.length) return [];
    return (await db.query(
      `WITH due AS (
         SELECT notification_id, channel FROM notification_deliveries
          WHERE delivered_at IS NULL AND next_attempt_at <= now() AND channel = ANY($1::text[])
          ORDER BY next_attempt_at LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE notification_deliveries d
            SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $3)
           FROM due WHERE d.notification_id = due.notification_id AND d.channel = due.channel
         RETURNING d.notification_id, d.channel, d.attempts)
       SELECT c.channel, c.attempts AS attempt, n.id, n.kind, n.case_id AS "caseId", n.case_number AS "caseNumber",
              n.intervention_id AS "interventionId", n.deadline_kind AS "deadlineKind", n.due_at AS "dueAt",
              n.created_at AS "createdAt", u.id AS "recipientId", u.username AS "recipientUsername",
              u.email_enc AS "recipientEmailEnc"
         FROM claimed c
         JOIN notifications n ON n.id = c.notification_id
         JOIN users u ON u.id = n.recipient_id
        ORDER BY n.created_at`,
      [this.channels, limit, this.leaseSeconds],
    )) as ClaimedDelivery[];
  }

  /** The receiver accepted it: never again. */
  async delivered(db: DataSource, delivery: ClaimedDelivery): Promise<void> {
    await db.query(
      `UPDATE notification_deliveries SET delivered_at = now(), last_error = NULL
        WHERE notification_id = $1 AND channel = $2`,
      [delivery.id, delivery.channel],
    );
  }

  /** The attempt failed (`reason`: a short code, never a body): try again after the backoff. */
  async failed(db: DataSource, delivery: ClaimedDelivery, reason: string): Promise<void> {
    const wait = retryDelaySeconds(delivery.attempt, this.retry.base, this.retry.max);
    await db.query(
      `UPDATE notification_deliveries SET next_attempt_at = now() + make_interval(secs => $3), last_error = $4
        WHERE notification_id = $1 AND channel = $2 AND delivered_at IS NULL`,
      [delivery.id, delivery.channel, wait, reason.slice(0, 200)],
    );
  }
}
