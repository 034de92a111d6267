import { AppConfig } from '../config/config';
import { loadOrCreateSecrets } from '../config/secrets';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set; otherwise the embedded PostgreSQL in `EMBEDDED_PG_DIR`. */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const { embeddedPgPassword } = loadOrCreateSecrets(config.dataDir);
  const server = await startEmbeddedPostgres({
    dir: config.embeddedPgDir,
    port: config.embeddedPgPort,
    password: embeddedPgPassword,
    database: 'child_protection',
    log,
  });
  return { url: server.url, embedded: true, stop: server.stop };
}
