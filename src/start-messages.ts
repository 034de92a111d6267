import { AppConfig } from './config/config';
import { FirstAdmin } from './users/first-admin';

/** The plain lines `npm start` prints for the person who started it (the logs are for machines). */

/** Where the embedded server lives, and whether this is the slow first start. */
export function embeddedStartLine(config: AppConfig, firstStart: boolean): string {
  const where = `Starting the embedded PostgreSQL in ${config.embeddedPgDir} (port ${config.embeddedPgPort}`;
  return firstStart ? `${where}; the first start initialises it, ~5 s)…` : `${where})…`;
}

/** The server of DATABASE_URL, named without its credentials. */
export function externalDatabaseLine(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `Using the PostgreSQL of DATABASE_URL (${url.host}${url.pathname})`;
}

/** The folder of generated keys, when the start relies on it. */
export function dataFolderLine(config: AppConfig): string | null {
  if (!config.generatedSecrets) return null;
  const keys = config.generatedSecrets === 'created' ? 'generated keys in secrets.json' : 'keys from secrets.json';
  return `Data folder ${config.dataDir}: ${keys} (keep it: the encrypted data needs it)`;
}

export function migrationsLine(applied: string[]): string {
  if (applied.length === 0) return 'Database schema up to date';
  return `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'}`;
}

export function listeningLines(config: AppConfig): string[] {
  const base = `http://localhost:${config.port}`;
  return [
    `Listening on ${base}/api/v1 — docs at ${base}/docs, OpenAPI at ${base}/api/v1/openapi.json`,
    `Web console at ${base}/ (Vietnamese; English at a click)`,
    config.logFormat === 'pretty'
      ? 'Logs follow, one line each (LOG_FORMAT=json for JSON lines). Stop with Ctrl-C.'
      : 'Logs follow as JSON lines (LOG_FORMAT=pretty for short ones). Stop with Ctrl-C.',
  ];
}

/** What the worker of this process does: deadline sweeps, and deliveries beyond the inbox. */
export function workerLines(config: AppConfig): string[] {
  if (!config.workerInService) return ['Worker off here (WORKER_IN_SERVICE=false): run it with npm run worker'];
  const { smtpUrl, webhookUrl, pollSeconds } = config.delivery;
  const hostOf = (url: string) => new URL(url).host;
  const channels = [smtpUrl && `mail via ${hostOf(smtpUrl)}`, webhookUrl && `webhook to ${hostOf(webhookUrl)}`].filter(
    Boolean,
  );
  const sweeps = config.notifySweepSeconds
    ? `deadline sweeps every ${config.notifySweepSeconds} s`
    : 'no deadline sweeps (NOTIFY_SWEEP_SECONDS=0)';
  const deliveries =
    channels.length && pollSeconds
      ? `notifications delivered by ${channels.join(' and ')}, every ${pollSeconds} s`
      : 'notifications in the inbox only (set SMTP_URL or NOTIFY_WEBHOOK_URL to deliver them)';
  return [`Worker: ${sweeps}; ${deliveries}`];
}

/** The first admin, framed so that a generated password cannot be missed; null when none was created. */
export function firstAdminBlock(admin: FirstAdmin | undefined): string | null {
  if (!admin) return null;
  if (!admin.generatedPassword)
    return `First admin created: username "${admin.username}" (password from ADMIN_PASSWORD)`;
  const lines = [
    'First admin created',
    '',
    `  username  ${admin.username}`,
    `  password  ${admin.generatedPassword}`,
    '',
    'Shown once, and works once: the first sign-in must choose a new',
    'password (POST /api/v1/auth/password). Then create named users.',
    'Set ADMIN_PASSWORD to choose the first password instead.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '═'.repeat(width + 4);
  return ['', `╔${rule}╗`, ...lines.map((line) => `║  ${line.padEnd(width)}  ║`), `╚${rule}╝`, ''].join('\n');
}
