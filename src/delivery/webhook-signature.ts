import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a webhook's X-Timestamp a receiver accepts (and how far ahead, for clock drift). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The X-Signature of a webhook: `sha256=` and the hex HMAC-SHA256 of `${timestamp}.${body}`, the
 * X-Timestamp (Unix seconds) and the exact bytes sent. Signing the time with the body (as Stripe
 * and GitHub do) lets a receiver refuse a captured request replayed later.
 */
export function webhookSignature(timestamp: string, body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** The signing headers of a body sent at `now`: each attempt is signed at its own sending time. */
export function signedWebhookHeaders(
  body: string,
  secret: string,
  now: Date = new Date(),
): { 'X-Timestamp': string; 'X-Signature': string } {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { 'X-Timestamp': timestamp, 'X-Signature': webhookSignature(timestamp, body, secret) };
}

/**
 * What a receiver does (README, "Delivery beyond the inbox"): recompute the signature over
 * `${X-Timestamp}.${raw body}` and compare in constant time, and refuse a timestamp more than
 * `toleranceSeconds` away from its own clock. It then drops a notification `id` (in the signed
 * body) it has already seen: delivery is at least once.
 */
export function isValidWebhook(
  request: { body: string; timestamp: string | undefined; signature: string | undefined },
  secret: string,
  now: Date = new Date(),
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): boolean {
  const { body, timestamp, signature } = request;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(timestamp, body, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
