import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../src/auth/password';
import { dataSourceOptions } from '../src/database/data-source-options';
import {
  DEMO_PLAN_PROVINCES,
  DEMO_PROVINCE,
  DEMO_TARGETS,
  DemoAccount,
  DemoArea,
  demoAccounts,
  demoCommunes,
  demoPopulation,
} from './demo-data';

/**
 * The demo seed's writes, on a migrated database: a demo province with communes, children counts,
 * plan targets and one account per role. Safe to run again: areas and counts are upserted, and the
 * demo accounts get new passwords. `npm run seed:demo` (seed-demo.ts) runs it on the configured
 * database; the tour's test runs it on its own.
 */

export interface SeededAccount extends DemoAccount {
  id: string;
  password: string;
  created: boolean;
}

type HashedAccount = DemoAccount & { password: string; hash: string };

export interface SeedResult {
  communes: number;
  communesAdded: number;
  populationRows: number;
  populationChanged: number;
  targets: number;
  accounts: SeededAccount[];
}

/** Where the seed is: `start` once with the number of steps, `advance` after each, `stage` names what runs. */
export interface SeedProgress {
  start(total: number, stage: string): void;
  stage(name: string): void;
  advance(nextStage?: string): void;
  stop(): void;
}

export interface SeedOptions {
  /** One password for every demo account (DEMO_PASSWORD, at least 12 characters); else each gets a random one. */
  password?: string;
  progress?: SeedProgress;
}

const SILENT: SeedProgress = {
  start: () => undefined,
  stage: () => undefined,
  advance: () => undefined,
  stop: () => undefined,
};

/** The province under the country and its communes directly under it; existing areas are kept as they are. */
async function seedAreas(manager: EntityManager, communes: DemoArea[]): Promise<number> {
  await manager.query(
    `INSERT INTO areas (code, name, level, parent_code, path)
     SELECT $1::text, $2::text, 'province', p.code, p.path || '.' || $1::text FROM areas p WHERE p.code = $3
     ON CONFLICT (code) DO NOTHING`,
    [DEMO_PROVINCE.code, DEMO_PROVINCE.name, DEMO_PROVINCE.parentCode],
  );
  const added = (await manager.query(
    `INSERT INTO areas (code, name, level, parent_code, path)
     SELECT c.code, c.name, 'commune', p.code, p.path || '.' || c.code
       FROM unnest($1::text[], $2::text[]) AS c(code, name)
       JOIN areas p ON p.code = $3 AND p.level = 'province'
     ON CONFLICT (code) DO NOTHING
     RETURNING code`,
    [communes.map((c) => c.code), communes.map((c) => c.name), DEMO_PROVINCE.code],
  )) as unknown[];
  // Codes that already belong to something else would get demo counts: refuse rather than mix.
  const misplaced = (await manager.query(
    `SELECT code FROM areas WHERE code = ANY($1::text[]) AND (level <> 'commune' OR parent_code IS DISTINCT FROM $2)`,
    [communes.map((c) => c.code), DEMO_PROVINCE.code],
  )) as { code: string }[];
  if (misplaced.length) {
    throw new Error(
      `areas ${misplaced.map((a) => a.code).join(', ')} exist but are not communes of province ${DEMO_PROVINCE.code}`,
    );
  }
  return added.length;
}

/** One upsert per commune (108 cells); rows already holding the same count are left untouched. */
async function seedPopulation(
  manager: EntityManager,
  communes: DemoArea[],
  tick: () => void,
): Promise<[rows: number, changed: number]> {
  let rows = 0;
  let changed = 0;
  for (const commune of communes) {
    const cells = demoPopulation(commune.code);
    const written = (await manager.query(
      `INSERT INTO population (area_code, year, sex, age, count)
       SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::smallint[], $5::int[])
       ON CONFLICT (area_code, year, sex, age) DO UPDATE SET count = EXCLUDED.count, updated_at = now()
         WHERE population.count IS DISTINCT FROM EXCLUDED.count
       RETURNING 1`,
      [
        cells.map((c) => c.areaCode),
        cells.map((c) => c.year),
        cells.map((c) => c.sex),
        cells.map((c) => c.age),
        cells.map((c) => c.count),
      ],
    )) as unknown[];
    rows += cells.length;
    changed += written.length;
    tick();
  }
  return [rows, changed];
}

/** The other plans' provinces (area rows only) and every plan's targets, replacing earlier values. */
async function seedTargets(manager: EntityManager): Promise<number> {
  await manager.query(
    `INSERT INTO areas (code, name, level, parent_code, path)
     SELECT p.code, p.name, 'province', c.code, c.path || '.' || p.code
       FROM unnest($1::text[], $2::text[]) AS p(code, name) JOIN areas c ON c.code = $3
     ON CONFLICT (code) DO NOTHING`,
    [DEMO_PLAN_PROVINCES.map((p) => p.code), DEMO_PLAN_PROVINCES.map((p) => p.name), DEMO_PROVINCE.parentCode],
  );
  const saved = (await manager.query(
    `INSERT INTO statistics_targets (indicator, area_code, year, value, kind, unit)
     SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::numeric[], $5::text[], $6::text[])
     ON CONFLICT (indicator, area_code, year) DO UPDATE
       SET value = EXCLUDED.value, kind = EXCLUDED.kind, unit = EXCLUDED.unit, updated_at = now()
     RETURNING 1`,
    [
      DEMO_TARGETS.map((t) => t.indicator),
      DEMO_TARGETS.map((t) => t.areaCode),
      DEMO_TARGETS.map((t) => t.year),
      DEMO_TARGETS.map((t) => t.value),
      DEMO_TARGETS.map((t) => t.kind),
      DEMO_TARGETS.map((t) => t.unit),
    ],
  )) as unknown[];
  return saved.length;
}

/** Creates the accounts, or resets role, area and password of the ones that exist, and lifts any login lock. */
async function seedUsers(manager: EntityManager, accounts: HashedAccount[]): Promise<SeededAccount[]> {
  const usernames = accounts.map((a) => a.username);
  const existing = new Set(
    (
      (await manager.query(`SELECT username FROM users WHERE username = ANY($1::text[]) FOR UPDATE`, [usernames])) as {
        username: string;
      }[]
    ).map((row) => row.username),
  );
  const saved = (await manager.query(
    `INSERT INTO users (username, password_hash, full_name, role, area_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, full_name = EXCLUDED.full_name,
       role = EXCLUDED.role, area_code = EXCLUDED.area_code, active = true, updated_at = now(),
       -- The operator's tool, like ADMIN_PASSWORD: the printed passwords work as they are for the tour,
       -- and the ones they replace end with their tokens.
       must_change_password = false, token_version = users.token_version + 1
     RETURNING id, username`,
    [
      usernames,
      accounts.map((a) => a.hash),
      accounts.map((a) => a.fullName),
      accounts.map((a) => a.role),
      accounts.map((a) => a.areaCode),
    ],
  )) as { id: string; username: string }[];
  await manager.query(`DELETE FROM login_throttle WHERE username = ANY($1::text[])`, [usernames]);
  const idOf = new Map(saved.map((row) => [row.username, row.id]));
  return accounts.map(({ hash: _hash, ...account }) => ({
    ...account,
    id: idOf.get(account.username)!,
    created: !existing.has(account.username),
  }));
}

/** Audit rows for the accounts and one for the areas and counts: ids, roles, codes and counts only. */
async function recordAudit(
  manager: EntityManager,
  result: Omit<SeedResult, 'accounts' | 'communes'>,
  accounts: SeededAccount[],
): Promise<void> {
  const entries = [
    ...accounts.map((a) => ({
      action: a.created ? 'user.create' : 'user.reset_password',
      subjectType: 'User',
      subjectId: a.id,
      details: { role: a.role, areaCode: a.areaCode, source: 'seed:demo' },
    })),
    {
      action: 'seed.demo',
      subjectType: 'Area',
      subjectId: DEMO_PROVINCE.code,
      details: {
        communesAdded: result.communesAdded,
        populationRows: result.populationRows,
        populationChanged: result.populationChanged,
        targets: result.targets,
      },
    },
  ];
  await manager.query(
    `INSERT INTO audit_log (action, subject_type, subject_id, details)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`,
    [
      entries.map((e) => e.action),
      entries.map((e) => e.subjectType),
      entries.map((e) => e.subjectId),
      entries.map((e) => JSON.stringify(e.details)),
    ],
  );
}

/** Seeds the database `db` is connected to, in one transaction (the passwords are hashed before it). */
export async function seedDemo(db: DataSource, options: SeedOptions = {}): Promise<SeedResult> {
  const progress = options.progress ?? SILENT;
  const communes = demoCommunes();
  const accounts = demoAccounts(communes[0].code);
  progress.start(accounts.length + 1 + communes.length + 1, 'hashing passwords');
  try {
    const withPasswords: HashedAccount[] = [];
    for (const account of accounts) {
      const password = options.password ?? randomBytes(12).toString('base64url');
      withPasswords.push({ ...account, password, hash: await hashPassword(password) });
      progress.advance();
    }
    return await db.transaction(async (manager) => {
      progress.stage('areas');
      const communesAdded = await seedAreas(manager, communes);
      progress.advance('population');
      const [populationRows, populationChanged] = await seedPopulation(manager, communes, () => progress.advance());
      progress.stage('users and audit log');
      const seeded = await seedUsers(manager, withPasswords);
      const targets = await seedTargets(manager);
      const counts = { communesAdded, populationRows, populationChanged, targets };
      await recordAudit(manager, counts, seeded);
      progress.advance('done');
      return { communes: communes.length, ...counts, accounts: seeded };
    });
  } finally {
    progress.stop();
  }
}

/** `seedDemo` on the database of `url` (the tables' owner), through a connection of its own. */
export async function seedDemoAt(url: string, options: SeedOptions = {}): Promise<SeedResult> {
  const db = new DataSource(dataSourceOptions(url, { extra: { max: 1, application_name: 'seed-demo' } }));
  await db.initialize();
  try {
    return await seedDemo(db, options);
  } finally {
    await db.destroy();
  }
}
