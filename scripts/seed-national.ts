import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { Client } from 'pg';
import { ConfigError, loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/database';
import { runMigrations } from '../src/database/migrate';
import { DataSource } from 'typeorm';
import { firstAdminBlock } from '../src/start-messages';
import { ensureFirstAdmin } from '../src/users/first-admin';
import { optionsFromEnv } from './national/national-country';
import { buildKpiFacts } from './national/national-kpis';
import { seedNational, seedSteps } from './national/national-seed';

/**
 * `npm run seed:national`: a synthetic country for load and speed tests (34 provinces, 3,321
 * communes, population for every year, 2,000,000 cases over five years, their statistics facts,
 * and their work: officers, deadlines, interventions and inboxes, then the KPI facts) on the configured database, which must hold no cases yet. Use a throwaway one:
 *   DATA_DIR=/tmp/national EMBEDDED_PG_PORT=54400 npm run seed:national
 * NATIONAL_CASES=200000 makes a smaller country for a quick look.
 */
const say = (message = '') => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const options = optionsFromEnv();
  const database = await openDatabase(config, () => undefined);
  const started = Date.now();
  try {
    say(
      database.embedded
        ? `Embedded PostgreSQL in ${config.embeddedPgDir} (port ${config.embeddedPgPort})`
        : 'Using DATABASE_URL',
    );
    const applied = await runMigrations(database.url);
    if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
    const client = new Client({ connectionString: database.url, application_name: 'seed-national' });
    await client.connect();
    // The seed writes officers, and the service makes a first admin only in a database without users: so here.
    const queries = { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows };
    const admin = firstAdminBlock(await ensureFirstAdmin(queries as unknown as DataSource, config));
    if (admin) say(admin);
    const bar = new SingleBar(
      { format: ' {bar} {percentage}% | {value}/{total} | {stage}', hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(seedSteps(options), 0, { stage: 'areas' });
    try {
      const summary = await seedNational(client, options, (stage, done) => bar.update(done, { stage }));
      bar.stop();
      say(`\n${summary.provinces} provinces, ${summary.communes} communes, ${summary.populationRows} population cells`);
      say(`${summary.children} children, ${summary.cases} cases, ${summary.facts} statistics facts`);
      say(
        `${summary.users} officers, ${summary.deadlines} deadlines (${summary.openDeadlines} open on open cases, ` +
          `${summary.overdueDeadlines} of them overdue), ${summary.interventions} interventions, ${summary.notifications} notifications`,
      );
      const kpiStarted = Date.now();
      const kpis = await buildKpiFacts(client);
      say(
        `KPI facts: ${kpis.deadlineFacts} deadlines, ${kpis.childFacts} child periods, ${kpis.sums} area sums ` +
          `(${((Date.now() - kpiStarted) / 1000).toFixed(0)} s)`,
      );
      say(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      bar.stop();
      await client.end();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`National seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
