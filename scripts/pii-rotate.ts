/**
 * npm run pii:rotate — after PII_ENCRYPTION_KEY changed (the old key listed in PII_PREVIOUS_KEYS),
 * re-encrypts every personal value under the new key and recomputes the blind indexes, so the old
 * key can be retired. Interruptible: run it again and it continues where it stopped.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/database';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/migrate';
import { FieldCipher } from '../src/privacy/field-cipher';
import { deriveKeys } from '../src/privacy/keys';
import { rotatePersonalData } from '../src/privacy/key-rotation';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, () => undefined);
  const db = new DataSource(dataSourceOptions(database.url));
  try {
    await runMigrations(database.url);
    await db.initialize();
    const current = deriveKeys(config.piiEncryptionKey);
    const cipher = new FieldCipher(current, config.piiPreviousKeys.map(deriveKeys));
    process.stdout.write(`Re-encrypting personal data under key ${current.keyId}\n`);
    const total = await rotatePersonalData(
      (work) => db.transaction(work),
      cipher,
      current,
      ({ table, column, rewritten }) => {
        if (rewritten) process.stdout.write(`  ${table}.${column}: ${rewritten}\n`);
      },
    );
    process.stdout.write(`Done: ${total} value(s) re-encrypted. The keys in PII_PREVIOUS_KEYS are no longer needed.\n`);
  } finally {
    if (db.isInitialized) await db.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`pii:rotate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
