import { isValidWebhook, signedWebhookHeaders, webhookSignature } from './webhook-signature';

const SECRET = 'a-secret-of-sixteen+';
const BODY = '{"id":"5b0f3c1e-1111-4a2b-8c3d-000000000001","caseNumber":"46-2026-000123"}';
const SENT_AT = new Date('2026-12-02T05:00:00.000Z');
const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));
const later = (date: Date, secs: number) => new Date(date.getTime() + secs * 1000);

describe('the webhook signature', () => {
  it('is the hex HMAC-SHA256 of the timestamp, a dot and the exact body', () => {
    // openssl: printf '%s' '1700000000.what do ya want for nothing?' | openssl dgst -sha256 -hmac Jefe
    expect(webhookSignature('1700000000', 'what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=1cdd0650c8be1cb0974b1788d458b1e781206cfef59b85faafc582d2e182c57e',
    );
  });

  it('is sent with the time of sending in Unix seconds', () => {
    const headers = signedWebhookHeaders(BODY, SECRET, SENT_AT);
    expect(headers['X-Timestamp']).toBe('1796187600');
    expect(headers['X-Signature']).toBe(webhookSignature('1796187600', BODY, SECRET));
  });
});

describe('what a receiver checks', () => {
  const sent = signedWebhookHeaders(BODY, SECRET, SENT_AT);
  const request = { body: BODY, timestamp: sent['X-Timestamp'], signature: sent['X-Signature'] };

  it('accepts the body as sent, with its timestamp, within 5 minutes', () => {
    expect(isValidWebhook(request, SECRET, later(SENT_AT, 1))).toBe(true);
    expect(isValidWebhook(request, SECRET, later(SENT_AT, 300))).toBe(true);
  });

  it('refuses a replay older than 5 minutes, and one from further ahead than that', () => {
    expect(isValidWebhook(request, SECRET, later(SENT_AT, 301))).toBe(false);
    expect(isValidWebhook(request, SECRET, later(SENT_AT, -301))).toBe(false);
  });

  it('refuses an old request given a fresh timestamp: the timestamp is signed', () => {
    const now = later(SENT_AT, 3600);
    expect(isValidWebhook({ ...request, timestamp: seconds(now) }, SECRET, now)).toBe(false);
  });

  it('refuses any change of body or secret, and a missing or malformed header', () => {
    const now = later(SENT_AT, 1);
    expect(isValidWebhook({ ...request, body: BODY.replace('46-2026', '48-2026') }, SECRET, now)).toBe(false);
    expect(isValidWebhook(request, 'another-secret-of-16', now)).toBe(false);
    expect(isValidWebhook({ ...request, signature: undefined }, SECRET, now)).toBe(false);
    expect(isValidWebhook({ ...request, timestamp: undefined }, SECRET, now)).toBe(false);
    expect(isValidWebhook({ ...request, timestamp: `${request.timestamp}.5` }, SECRET, now)).toBe(false);
  });
});
