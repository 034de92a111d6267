import { createHmac, timingSafeEqual } from 'node:crypto';

/** The X-Signature of a webhook body: `sha256=` and the hex HMAC-SHA256 of the exact bytes sent. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute the signature over the raw body and compare in constant time. */
export function isValidWebhookSignature(body: string, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(webhookSignature(body, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
