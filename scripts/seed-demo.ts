import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { AppConfig, ConfigError, loadConfig } from '../src/config/config';
import { runMigrations } from '../src/database/migrate';
import { DEMO_PROVINCE } from './demo-data';
import { SeededAccount, SeedProgress, SeedResult, seedDemoAt } from './demo-seed';
import { openBesideService, SharedDatabase } from '../src/database/beside-service';

/**
 * `npm run seed:demo`: the demo province, its children counts and one account per role
 * (demo-seed.ts), on the configured database — beside a running `npm start` too. The accounts'
 * passwords are printed once; DEMO_PASSWORD gives them all one password of the operator's choice.
 */

const say = (message = '') => process.stdout.write(`${message}\n`);

class UsageError extends Error {}

function readDemoPassword(env: NodeJS.ProcessEnv): string | undefined {
  const password = env.DEMO_PASSWORD || undefined;
  if (password !== undefined && password.length < 12)
    throw new UsageError('DEMO_PASSWORD must be at least 12 characters');
  return password;
}

function progressBar(): SeedProgress {
  const bar = new SingleBar(
    { format: ' {bar} {percentage}% | {value}/{total} | {stage}', hideCursor: true },
    Presets.shades_classic,
  );
  return {
    start: (total, stage) => bar.start(total, 0, { stage }),
    stage: (name) => bar.update({ stage: name }),
    advance: (nextStage) => bar.increment(1, nextStage ? { stage: nextStage } : {}),
    stop: () => bar.stop(),
  };
}

function printSummary(result: SeedResult): void {
  const { communes, communesAdded, populationRows, populationChanged, targets, accounts } = result;
  const created = accounts.filter((a) => a.created).length;
  say(`\nProvince ${DEMO_PROVINCE.code} ${DEMO_PROVINCE.name}: ${communes} communes (${communesAdded} new)`);
  say(
    `Population: ${populationRows} cells, ${communes} communes × 2024–2026 × sex × ages 0–17 (${populationChanged} written)`,
  );
  say(`Targets: ${targets} plan targets per 100,000 children (Huế, Bình Phước, Cần Thơ 2025)`);
  say(`Accounts: ${created} created, ${accounts.length - created} given a new password\n`);
}

function printAccounts(accounts: SeededAccount[], chosenPassword: boolean): void {
  const rows = [
    ['username', 'role', 'area', 'password', 'account'],
    ...accounts.map((a) => [
      a.username,
      a.role,
      a.areaCode,
      chosenPassword ? '(DEMO_PASSWORD)' : a.password,
      a.created ? 'created' : 'password reset',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd();
  say(line(rows[0]));
  say(line(widths.map((width) => '-'.repeat(width))));
  rows.slice(1).forEach((row) => say(line(row)));
  say(
    chosenPassword
      ? '\nEvery demo account signs in with DEMO_PASSWORD, as it is (no change required).'
      : '\nThese passwords are shown once and work as they are; run the seed again for new ones.',
  );
}

/** How to reach the seeded database: the same variables for npm start, then a sign-in. */
function printNextSteps(config: AppConfig, database: SharedDatabase): void {
  const env = ['DATABASE_URL', 'DATA_DIR', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT']
    .filter((name) => process.env[name])
    .map((name) => (name === 'DATABASE_URL' ? 'DATABASE_URL=<as now>' : `${name}=${process.env[name]}`));
  const base = `http://localhost:${config.port}/api/v1`;
  say('\nNext steps');
  say(
    database.attached
      ? '  1. The running service sees the accounts now.'
      : `  1. Start the service:  ${[...env, 'npm start'].join(' ')}`,
  );
  say(
    `  2. Sign in:            curl -s -X POST ${base}/auth/login -H 'content-type: application/json' -d '{"username":"demo.manager","password":"…"}'`,
  );
  say('  3. Or run the tour:    DEMO_PASSWORD=… scripts/tour.sh   (README, "A tour with curl")');
  say(`  Docs: http://localhost:${config.port}/docs`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const password = readDemoPassword(process.env);
  const database = await openBesideService(config, say);
  let result: SeedResult;
  try {
    const applied = await runMigrations(database.url);
    if (applied.length) say(`Applied ${applied.length} migrations`);
    result = await seedDemoAt(database.url, { password, progress: progressBar() });
  } finally {
    await database.stop();
  }
  printSummary(result);
  printAccounts(result.accounts, password !== undefined);
  printNextSteps(config, database);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UsageError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
