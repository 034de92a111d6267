import { AppConfig } from '../config/config';
import { loadOrCreateSecrets } from '../config/secrets';
import { ensureAppRole, grantToServiceRole } from './app-role';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseHandle {
  /** The owner's connection: migrations, seeds. */
  url: string;
  embedded: boolean;
  /** The connection the service runs on, once the migrations are applied. */
  serviceUrl(): Promise<string>;
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set; otherwise the embedded PostgreSQL in `EMBEDDED_PG_DIR`. */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    const service = config.databaseUrl;
    const owner = config.databaseMigrationUrl;
    return {
      url: owner ?? service,
      embedded: false,
      serviceUrl: async () => {
        if (owner) await grantToServiceRole(owner, service);
        return service;
      },
      stop: async () => undefined,
    };
  }
  const { embeddedPgPassword, embeddedAppPassword } = loadOrCreateSecrets(config.dataDir);
  const server = await startEmbeddedPostgres({
    dir: config.embeddedPgDir,
    port: config.embeddedPgPort,
    password: embeddedPgPassword,
    database: 'child_protection',
    log,
  });
  return {
    url: server.url,
    embedded: true,
    // The embedded server is ours to arrange: the service runs as a role that owns no table.
    serviceUrl: () => ensureAppRole(server.url, embeddedAppPassword),
    stop: server.stop,
  };
}
