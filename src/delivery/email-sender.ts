import { Mailer } from '../common/mailer';
import { DeliveryConfig } from '../config/config';
import { mailOf, OutgoingNotification } from './delivery-message';

/**
 * Mails notifications through SMTP_URL (one pooled transport, timeouts from
 * NOTIFY_TIMEOUT_SECONDS). The notification id is the Message-ID and an X-Notification-Id
 * header, so a mail delivered twice after a retry can be recognised as one.
 */
export class EmailSender {
  private readonly mailer: Mailer;

  constructor(config: DeliveryConfig & { smtpUrl: string }) {
    this.mailer = new Mailer({ url: config.smtpUrl, from: config.smtpFrom, timeoutSeconds: config.timeoutSeconds });
  }

  async send(notification: OutgoingNotification, to: string): Promise<void> {
    const { subject, text } = mailOf(notification);
    await this.mailer.send({
      to,
      subject,
      text,
      messageId: `<${notification.id}@notifications.child-protection>`,
      headers: { 'X-Notification-Id': notification.id },
    });
  }

  close(): void {
    this.mailer.close();
  }
}
