import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { readSecretsFile } from './secrets';

/** The service's whole configuration, read once at boot and validated. */
export interface AppConfig {
  nodeEnv: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** Set: use that server. Unset: start the embedded PostgreSQL. */
  databaseUrl?: string;
  /** The tables' owner, for migrations, when DATABASE_URL is the service's own (non-owner) role. */
  databaseMigrationUrl?: string;
  dataDir: string;
  /** Whether keys come from the data folder's secrets.json, created by this start or an earlier one. */
  generatedSecrets: 'created' | 'reused' | undefined;
  embeddedPgDir: string;
  embeddedPgPort: number;
  adminUsername: string;
  adminPassword?: string;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  /** 32 bytes: the root key from which encryption and blind-index keys are derived. */
  piiEncryptionKey: Buffer;
  /** Earlier root keys, still able to decrypt until `npm run pii:rotate` has re-encrypted everything. */
  piiPreviousKeys: Buffer[];
  statsMinCell: number;
  /** D of the cell-key perturbation table: no protected count moves by more than this. */
  statsMaxNoise: number;
  logLevel: string;
  /** `pretty`: one short line per event, for a person at a terminal; `json`: pino's JSON lines, for machines. */
  logFormat: LogFormat;
  /** Logins allowed per minute from one client address (POST /auth/login). */
  loginRateLimit: number;
  /** Seconds between two sweeps for deadline notifications; 0: no sweeps in this process. */
  notifySweepSeconds: number;
  /** Whether this process runs the worker (deadline sweeps and deliveries); `npm run worker` runs it alone. */
  workerInService: boolean;
  /** Where notifications go beyond the inbox; unset, they stay in the inbox. */
  delivery: DeliveryConfig;
  /** Fastify's `trustProxy`: which proxies may name the client in X-Forwarded-For. */
  trustProxy: TrustProxy;
}

export type LogFormat = 'pretty' | 'json';

export interface DeliveryConfig {
  /** SMTP_URL: smtp://user:password@host:port (smtps:// for TLS from the start); unset: no mail. */
  smtpUrl?: string;
  /** SMTP_FROM: the sender of the mails. */
  smtpFrom: string;
  /** NOTIFY_WEBHOOK_URL: each notification is POSTed there as JSON; unset: no webhook. */
  webhookUrl?: string;
  /** NOTIFY_WEBHOOK_SECRET: the HMAC-SHA256 key of the X-Signature header, over `${X-Timestamp}.${body}` (required beside the URL). */
  webhookSecret?: string;
  /** Seconds between two looks for deliveries due (0: no delivery in this process). */
  pollSeconds: number;
  /** The first retry waits this long; each later one twice as long, up to `retryMaxSeconds`. */
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** How long one attempt may take before it counts as failed (and is retried). */
  timeoutSeconds: number;
}

/** false: the TCP peer is the client; true: any peer may name it; a list: only those proxies (addresses or CIDRs). */
export type TrustProxy = boolean | string[];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const LOG_FORMATS: readonly LogFormat[] = ['pretty', 'json'];

/**
 * LOG_FORMAT: unset, `json` in production (a log collector reads it) and wherever stdout is not a
 * terminal (a process manager, a pipe, a file); `pretty` for a person at a terminal.
 */
function readLogFormat(env: Env, production: boolean, terminal: boolean): LogFormat {
  const raw = env.LOG_FORMAT || (production || !terminal ? 'json' : 'pretty');
  if (!LOG_FORMATS.includes(raw as LogFormat))
    throw new ConfigError('LOG_FORMAT', `must be pretty or json, got "${raw}"`);
  return raw as LogFormat;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/**
 * TRUST_PROXY: unset or `false` (the default) trusts no X-Forwarded-For, so no client can pick
 * the address the login throttle counts; a list of the proxies' addresses trusts them alone; `true`
 * trusts any peer (only behind a proxy that overwrites the header). Fastify 5 ignores hop counts.
 */
function readTrustProxy(env: Env): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  const addresses = raw.split(',').map((part) => part.trim());
  for (const address of addresses) {
    const [ip, bits, ...rest] = address.split('/');
    const family = isIP(ip);
    const bitsValid = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !bitsValid || rest.length) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be false, true or proxy addresses (IP or CIDR, comma-separated), got "${address}"`,
      );
    }
  }
  return addresses;
}

function readDatabaseUrl(env: Env, name = 'DATABASE_URL'): string | undefined {
  return readUrl(env, name, ['postgres:', 'postgresql:'], 'postgres://user:password@host:port/database');
}

export function decodeEncryptionKey(raw: string, name = 'PII_ENCRYPTION_KEY'): Buffer {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) throw new ConfigError(name, 'must be base64');
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new ConfigError(name, `must decode to 32 bytes, got ${key.length}`);
  return key;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** A URL of one of `protocols` (with their colon), or undefined when unset. */
function readUrl(env: Env, name: string, protocols: readonly string[], example: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL (expected ${example})`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(
      name,
      `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got ${url.protocol}//`,
    );
  }
  return raw;
}

/** SMTP_URL, NOTIFY_WEBHOOK_URL and their companions; a webhook needs a secret of 16 characters or more. */
function readDelivery(env: Env): DeliveryConfig {
  const webhookUrl = readUrl(env, 'NOTIFY_WEBHOOK_URL', ['http:', 'https:'], 'https://host/path');
  const webhookSecret = env.NOTIFY_WEBHOOK_SECRET || undefined;
  if (webhookUrl && !webhookSecret)
    throw new ConfigError('NOTIFY_WEBHOOK_SECRET', 'is required with NOTIFY_WEBHOOK_URL');
  if (webhookSecret !== undefined && webhookSecret.length < 16) {
    throw new ConfigError('NOTIFY_WEBHOOK_SECRET', 'must be at least 16 characters');
  }
  const retryBaseSeconds = readInt(env, 'NOTIFY_RETRY_SECONDS', 30, 1, 86_400);
  return {
    smtpUrl: readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'], 'smtp://user:password@host:587'),
    smtpFrom: env.SMTP_FROM || 'Bảo vệ trẻ em <no-reply@localhost>',
    webhookUrl,
    webhookSecret,
    pollSeconds: readInt(env, 'NOTIFY_DELIVERY_SECONDS', 5, 0, 86_400),
    retryBaseSeconds,
    retryMaxSeconds: readInt(env, 'NOTIFY_RETRY_MAX_SECONDS', 3600, retryBaseSeconds, 7 * 86_400),
    timeoutSeconds: readInt(env, 'NOTIFY_TIMEOUT_SECONDS', 15, 1, 600),
  };
}

function readNodeEnv(env: Env): AppConfig['nodeEnv'] {
  const raw = env.NODE_ENV ?? 'development';
  if (raw === 'production' || raw === 'development' || raw === 'test') return raw;
  throw new ConfigError('NODE_ENV', `must be production, development or test, got "${raw}"`);
}

/**
 * Reads and validates the configuration. Outside production, missing secrets are generated once
 * and kept in the data folder; in production they must be given. `terminal`: whether stdout is one
 * (the default log format follows it).
 */
export function loadConfig(env: Env = process.env, terminal = process.stdout.isTTY === true): AppConfig {
  const nodeEnv = readNodeEnv(env);
  const production = nodeEnv === 'production';
  const dataDir = resolve(env.DATA_DIR || './.data');
  const embeddedPgDir = resolve(env.EMBEDDED_PG_DIR || `${dataDir}/postgres`);
  const databaseUrl = readDatabaseUrl(env);
  const databaseMigrationUrl = readDatabaseUrl(env, 'DATABASE_MIGRATION_URL');
  if (databaseMigrationUrl && !databaseUrl)
    throw new ConfigError('DATABASE_MIGRATION_URL', 'needs DATABASE_URL (the service’s own role) beside it');

  const adminUsername = env.ADMIN_USERNAME || 'admin';
  if (!/^[a-z0-9._-]{3,64}$/i.test(adminUsername)) {
    throw new ConfigError('ADMIN_USERNAME', 'must be 3–64 letters, digits, dots, dashes or underscores');
  }
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 12 characters');
  }

  const logLevel = env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info');
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  if (production) {
    if (!env.JWT_SECRET) throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
    if (!env.PII_ENCRYPTION_KEY) throw new ConfigError('PII_ENCRYPTION_KEY', 'is required when NODE_ENV=production');
  }
  const needsGenerated = !env.JWT_SECRET || !env.PII_ENCRYPTION_KEY;
  const secretsFile = needsGenerated ? readSecretsFile(dataDir) : undefined;
  const stored = secretsFile?.secrets;

  const jwtSecret = env.JWT_SECRET || stored!.jwtSecret;
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const piiEncryptionKey = decodeEncryptionKey(env.PII_ENCRYPTION_KEY || stored!.piiEncryptionKey);
  const piiPreviousKeys = (env.PII_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
    .map((key) => decodeEncryptionKey(key, 'PII_PREVIOUS_KEYS'));

  return {
    nodeEnv,
    port: readInt(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databaseMigrationUrl,
    dataDir,
    generatedSecrets: secretsFile ? (secretsFile.created ? 'created' : 'reused') : undefined,
    embeddedPgDir,
    embeddedPgPort: readInt(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    adminUsername,
    adminPassword,
    jwtSecret,
    jwtExpiresInSeconds: readInt(env, 'JWT_EXPIRES_IN', 3600, 60, 7 * 24 * 3600),
    piiEncryptionKey,
    piiPreviousKeys,
    statsMinCell: readInt(env, 'STATS_MIN_CELL', 10, 1, 1000),
    statsMaxNoise: readInt(env, 'STATS_MAX_NOISE', 2, 1, 5),
    logLevel,
    logFormat: readLogFormat(env, production, terminal),
    loginRateLimit: readInt(env, 'LOGIN_RATE_LIMIT', 20, 1, 1_000_000),
    notifySweepSeconds: readInt(env, 'NOTIFY_SWEEP_SECONDS', 60, 0, 86_400),
    workerInService: readBoolean(env, 'WORKER_IN_SERVICE', true),
    delivery: readDelivery(env),
    trustProxy: readTrustProxy(env),
  };
}
