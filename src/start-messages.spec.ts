import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config/config';
import {
  dataFolderLine,
  externalDatabaseLine,
  firstAdminBlock,
  listeningLines,
  migrationsLine,
  workerLines,
} from './start-messages';

const config = loadConfig(
  { JWT_SECRET: 'x'.repeat(40), PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), PORT: '3100' },
  true,
);

describe('the lines npm start prints', () => {
  it('frames a generated admin password, lines of one width', () => {
    const block = firstAdminBlock({ username: 'admin', generatedPassword: 'generated-password-123' })!;
    const framed = block.split('\n').filter(Boolean);
    expect(framed.join('\n')).toContain('password  generated-password-123');
    expect(new Set(framed.map((line) => line.length)).size).toBe(1);
    expect(firstAdminBlock({ username: 'admin' })).toContain('password from ADMIN_PASSWORD');
    expect(firstAdminBlock(undefined)).toBeNull();
  });

  it('says keys were generated on the first start only, and reused after', () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'cms-start-')) };
    expect(dataFolderLine(loadConfig(env, true))).toBe(
      `Data folder ${env.DATA_DIR}: generated keys in secrets.json (keep it: the encrypted data needs it)`,
    );
    expect(dataFolderLine(loadConfig(env, true))).toBe(
      `Data folder ${env.DATA_DIR}: keys from secrets.json (keep it: the encrypted data needs it)`,
    );
    expect(dataFolderLine(config)).toBeNull();
  });

  it('names the server of DATABASE_URL without its password', () => {
    expect(externalDatabaseLine('postgres://cms:secret@db.example:5432/cms')).toBe(
      'Using the PostgreSQL of DATABASE_URL (db.example:5432/cms)',
    );
  });

  it('counts the migrations and says where to go', () => {
    expect(migrationsLine([])).toBe('Database schema up to date');
    expect(migrationsLine(['A', 'B'])).toBe('Applied 2 migrations');
    expect(listeningLines(config)[0]).toBe(
      'Listening on http://localhost:3100/api/v1 — docs at http://localhost:3100/docs, OpenAPI at http://localhost:3100/api/v1/openapi.json',
    );
    expect(listeningLines(config)[1]).toBe('Web console at http://localhost:3100/ (Vietnamese; English at a click)');
  });

  it('says what the worker does, naming mail and webhook hosts without their credentials', () => {
    expect(workerLines(config)).toEqual([
      'Worker: deadline sweeps every 60 s; notifications in the inbox only (set SMTP_URL or NOTIFY_WEBHOOK_URL to deliver them)',
    ]);
    const delivering = loadConfig({
      JWT_SECRET: 'x'.repeat(40),
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      SMTP_URL: 'smtp://mailer:secret@mail.example:587',
      NOTIFY_WEBHOOK_URL: 'https://hooks.example/cms',
      NOTIFY_WEBHOOK_SECRET: 'y'.repeat(20),
    });
    expect(workerLines(delivering)).toEqual([
      'Worker: deadline sweeps every 60 s; notifications delivered by mail via mail.example:587 and webhook to hooks.example, every 5 s',
    ]);
    expect(workerLines({ ...config, workerInService: false })[0]).toContain('npm run worker');
  });
});
