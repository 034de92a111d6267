import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ClaimedDelivery, DeliveryQueue } from '../notifications/delivery-queue';
import { PiiService } from '../privacy/pii.service';
import { outgoing } from './delivery-message';
import { mailFailure } from '../common/mailer';
import { EmailSender } from './email-sender';
import { WebhookRefused, WebhookSender } from './webhook-sender';

/** Deliveries claimed at once; they are attempted side by side, so one slow receiver holds up no other. */
const BATCH = 25;

export interface DeliveryRun {
  delivered: number;
  failed: number;
}

/**
 * Delivers the queued notifications by mail and webhook, at least once: a delivery is marked done
 * only after its receiver accepted it, and otherwise tried again after a growing wait (a worker
 * that dies mid-attempt leaves it leased, then due again). Runs every NOTIFY_DELIVERY_SECONDS
 * inside the service unless WORKER_IN_SERVICE=false; `npm run worker` runs it alone; any number
 * of workers may run side by side (claims skip each other's rows).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private readonly email?: EmailSender;
  private readonly webhook?: WebhookSender;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly queue: DeliveryQueue,
    private readonly pii: PiiService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { smtpUrl, webhookUrl, webhookSecret } = config.delivery;
    if (smtpUrl) this.email = new EmailSender({ ...config.delivery, smtpUrl });
    if (webhookUrl && webhookSecret)
      this.webhook = new WebhookSender({ ...config.delivery, webhookUrl, webhookSecret });
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.delivery.pollSeconds;
    if (!seconds || !this.config.workerInService || !this.queue.channels.length) return;
    this.timer = setInterval(() => this.tick(), seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.email?.close();
  }

  /** Delivers everything due now, batch after batch, until nothing due is left. */
  async deliverDue(): Promise<DeliveryRun> {
    const run: DeliveryRun = { delivered: 0, failed: 0 };
    for (;;) {
      const batch = await this.queue.claim(this.db, BATCH);
      const results = await Promise.all(batch.map((delivery) => this.attempt(delivery)));
      for (const ok of results) run[ok ? 'delivered' : 'failed']++;
      if (batch.length < BATCH) return run;
    }
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.deliverDue()
      .catch((error: unknown) => this.logger.error({ errorName: (error as Error).name }, 'delivery run failed'))
      .finally(() => (this.running = undefined));
  }

  /** One attempt; true when the receiver accepted. Logs ids and codes only. */
  private async attempt(delivery: ClaimedDelivery): Promise<boolean> {
    const notification = outgoing(delivery);
    try {
      if (delivery.channel === 'email') {
        const to = this.pii.decrypt(delivery.recipientEmailEnc, 'users.email');
        // The email was removed after the notification was queued: there is nobody to mail.
        if (to) await this.email!.send(notification, to);
      } else {
        await this.webhook!.send(notification, delivery.attempt);
      }
      await this.queue.delivered(this.db, delivery);
      return true;
    } catch (error) {
      const reason = error instanceof WebhookRefused ? error.reason : mailFailure(error);
      this.logger.warn(
        { notificationId: delivery.id, channel: delivery.channel, attempt: delivery.attempt, reason },
        'delivery failed; it will be tried again',
      );
      await this.queue.failed(this.db, delivery, reason);
      return false;
    }
  }
}
