import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const key = Buffer.alloc(32, 1).toString('base64');
const secret = 'x'.repeat(40);
const fresh = () => mkdtempSync(join(tmpdir(), 'cms-config-'));

function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ JWT_SECRET: secret, PII_ENCRYPTION_KEY: key, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('applies the defaults of docs/operations.md', () => {
    const config = loadConfig({ JWT_SECRET: secret, PII_ENCRYPTION_KEY: key, DATA_DIR: fresh() });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embeddedPgDir).toMatch(/postgres$/);
    expect(config.adminUsername).toBe('admin');
    expect(config.statsMinCell).toBe(10);
    expect(config.statsMaxNoise).toBe(2);
    expect(config.loginRateLimit).toBe(20);
    expect(config.trustProxy).toBe(false);
    expect(config.workerInService).toBe(true);
    expect(config.delivery).toMatchObject({ pollSeconds: 5, retryBaseSeconds: 30, retryMaxSeconds: 3600 });
    expect(config.delivery.smtpUrl).toBeUndefined();
    expect(config.delivery.webhookUrl).toBeUndefined();
  });

  it('needs a secret of 16 characters or more beside a webhook, and mail and webhook URLs of their kind', () => {
    const webhook = 'https://receiver.example/hook';
    expect(errorFor({ NOTIFY_WEBHOOK_URL: webhook }).variable).toBe('NOTIFY_WEBHOOK_SECRET');
    expect(errorFor({ NOTIFY_WEBHOOK_URL: webhook, NOTIFY_WEBHOOK_SECRET: 'short' }).message).toContain('16');
    expect(errorFor({ NOTIFY_WEBHOOK_URL: 'ftp://x', NOTIFY_WEBHOOK_SECRET: secret }).variable).toBe(
      'NOTIFY_WEBHOOK_URL',
    );
    expect(errorFor({ SMTP_URL: 'http://mail' }).variable).toBe('SMTP_URL');
    expect(errorFor({ WORKER_IN_SERVICE: 'yes' }).variable).toBe('WORKER_IN_SERVICE');
    expect(errorFor({ NOTIFY_RETRY_SECONDS: '60', NOTIFY_RETRY_MAX_SECONDS: '30' }).variable).toBe(
      'NOTIFY_RETRY_MAX_SECONDS',
    );
  });

  it('trusts X-Forwarded-For only when told which proxies may set it', () => {
    const trust = (value: string) =>
      loadConfig({ JWT_SECRET: secret, PII_ENCRYPTION_KEY: key, TRUST_PROXY: value }).trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(() => trust('2')).toThrow(ConfigError);
    expect(trust('10.0.0.1, 192.168.0.0/16,::1')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
  });

  it('names the variable that is wrong', () => {
    expect(errorFor({ PORT: 'eighty' }).variable).toBe('PORT');
    expect(errorFor({ DATABASE_URL: 'mysql://x' }).variable).toBe('DATABASE_URL');
    expect(errorFor({ PII_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }).message).toContain('32 bytes');
    expect(errorFor({ STATS_MIN_CELL: '0' }).variable).toBe('STATS_MIN_CELL');
    expect(errorFor({ STATS_MAX_NOISE: '0' }).variable).toBe('STATS_MAX_NOISE');
    expect(errorFor({ STATS_MAX_NOISE: '6' }).message).toContain('between 1 and 5');
    expect(errorFor({ ADMIN_PASSWORD: 'short' }).variable).toBe('ADMIN_PASSWORD');
    expect(errorFor({ NODE_ENV: 'staging' }).variable).toBe('NODE_ENV');
    expect(errorFor({ LOGIN_RATE_LIMIT: '0' }).variable).toBe('LOGIN_RATE_LIMIT');
    expect(errorFor({ TRUST_PROXY: 'yes' }).variable).toBe('TRUST_PROXY');
    expect(errorFor({ TRUST_PROXY: '10.0.0.0/33' }).variable).toBe('TRUST_PROXY');
    expect(errorFor({ DATABASE_MIGRATION_URL: 'postgres://owner@db/cms' }).variable).toBe('DATABASE_MIGRATION_URL');
    expect(errorFor({ DATABASE_URL: 'postgres://svc@db/cms', DATABASE_MIGRATION_URL: 'http://x' }).variable).toBe(
      'DATABASE_MIGRATION_URL',
    );
  });

  it('requires JWT_SECRET and PII_ENCRYPTION_KEY in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PII_ENCRYPTION_KEY: key })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret })).toThrow(/PII_ENCRYPTION_KEY/);
  });

  it('generates missing secrets once outside production and keeps them, owner-readable only', () => {
    const dataDir = fresh();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(second.piiEncryptionKey.equals(first.piiEncryptionKey)).toBe(true);
    expect(first.piiEncryptionKey).toHaveLength(32);
    const file = join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('embeddedPgPassword');
  });
});
