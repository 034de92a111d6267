import { createTransport, Transporter } from 'nodemailer';
import { DeliveryConfig } from '../config/config';
import { mailOf, OutgoingNotification } from './delivery-message';

/** Why a mail attempt failed, as a short code for the delivery row: never the message or an address. */
export function mailFailure(error: unknown): string {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (responseCode) return `smtp ${responseCode}`;
  return `smtp ${code ?? (error as Error).name ?? 'error'}`;
}

/**
 * Mails notifications through SMTP_URL (nodemailer: one pooled transport, timeouts from
 * NOTIFY_TIMEOUT_SECONDS). The notification id is the Message-ID and an X-Notification-Id
 * header, so a mail delivered twice after a retry can be recognised as one.
 */
export class EmailSender {
  private readonly transport: Transporter;

  constructor(private readonly config: DeliveryConfig & { smtpUrl: string }) {
    const timeout = config.timeoutSeconds * 1000;
    this.transport = createTransport({
      url: config.smtpUrl,
      pool: true,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(notification: OutgoingNotification, to: string): Promise<void> {
    const { subject, text } = mailOf(notification);
    await this.transport.sendMail({
      from: this.config.smtpFrom,
      to,
      subject,
      text,
      messageId: `<${notification.id}@notifications.child-protection>`,
      headers: { 'X-Notification-Id': notification.id },
    });
  }

  close(): void {
    this.transport.close();
  }
}
