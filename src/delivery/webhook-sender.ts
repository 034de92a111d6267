import { DeliveryConfig } from '../config/config';
import { OutgoingNotification, webhookBody } from './delivery-message';
import { signedWebhookHeaders } from './webhook-signature';

export class WebhookRefused extends Error {
  constructor(readonly reason: string) {
    super(`webhook ${reason}`);
    this.name = 'WebhookRefused';
  }
}

/**
 * POSTs each notification to NOTIFY_WEBHOOK_URL as JSON with `X-Timestamp` (Unix seconds) and,
 * signed with NOTIFY_WEBHOOK_SECRET over `${timestamp}.${body}`, `X-Signature: sha256=<hex>`; the
 * id and attempt headers are unsigned conveniences (the id is also in the signed body). Accepted
 * means a 2xx answer within NOTIFY_TIMEOUT_SECONDS; anything else (another status, a redirect, no
 * answer) is a failure to retry.
 */
export class WebhookSender {
  constructor(private readonly config: DeliveryConfig & { webhookUrl: string; webhookSecret: string }) {}

  async send(notification: OutgoingNotification, attempt: number): Promise<void> {
    const body = webhookBody(notification);
    let response: Response;
    try {
      response = await fetch(this.config.webhookUrl, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.timeoutSeconds * 1000),
        headers: {
          'Content-Type': 'application/json',
          ...signedWebhookHeaders(body, this.config.webhookSecret),
          'X-Notification-Id': notification.id,
          'X-Delivery-Attempt': String(attempt),
        },
        body,
      });
    } catch (error) {
      throw new WebhookRefused((error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable');
    }
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new WebhookRefused(`http ${response.status}`);
  }
}
