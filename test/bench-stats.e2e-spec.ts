import { Client, Pool } from 'pg';
import { benchAdmin, login } from '../scripts/bench/bench-env';
import { assertSameCounts, resetKeptAdmin } from '../scripts/bench/stats-agreement';
import { STATS_PLACES } from '../scripts/bench/stats-places';
import { seedNational } from '../scripts/national/national-seed';
import { TestApp } from './support/test-app';

/**
 * bench:stats on a kept database signs in as that database's admin, and times the endpoint
 * against the naive SQL only once both have counted the same children (a small seed:national).
 */
const CHIEF_PASSWORD = 'the-chief-password-1';
let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
  // A kept database whose admin is not called `admin`.
  await t.createUser('chief', 'admin', 'VN', CHIEF_PASSWORD);
});
afterAll(() => t.close());

async function withOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: t.ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the admin bench:stats signs in as', () => {
  it('is the one ADMIN_USERNAME and ADMIN_PASSWORD name, its password left as the operator chose it', async () => {
    const admin = benchAdmin({ ADMIN_USERNAME: 'chief', ADMIN_PASSWORD: CHIEF_PASSWORD });
    expect(admin).toEqual({ username: 'chief', password: CHIEF_PASSWORD, chosen: true });
    await withOwner((client) => resetKeptAdmin(client, admin));
    expect(await login(t.baseUrl, 'chief', CHIEF_PASSWORD)).toEqual(expect.any(String));
  });

  it('gets a password of this run on a kept database when none is given, under ADMIN_USERNAME', async () => {
    const admin = benchAdmin({ ADMIN_USERNAME: 'chief' });
    expect(admin).toMatchObject({ username: 'chief', chosen: false });
    await withOwner((client) => resetKeptAdmin(client, admin));
    expect(await login(t.baseUrl, 'chief', admin.password)).toEqual(expect.any(String));
    await withOwner((client) => resetKeptAdmin(client, { ...admin, password: CHIEF_PASSWORD }));
  });

  it('is `admin` by default, and refused with the variables to set when the kept database has no such user', async () => {
    expect(benchAdmin({}).username).toBe('admin');
    const admin = benchAdmin({ ADMIN_USERNAME: 'nobody' });
    await expect(withOwner((client) => resetKeptAdmin(client, admin))).rejects.toThrow(
      /no user "nobody".*ADMIN_USERNAME and ADMIN_PASSWORD/,
    );
  });

  it('makes a failed sign-in an error naming the user, not an undefined token', async () => {
    await expect(login(t.baseUrl, 'chief', 'not-the-password-at-all')).rejects.toThrow(/sign-in of chief: 401/);
  });
});

describe('the naive SQL bench:stats compares with', () => {
  let pool: Pool;
  beforeAll(async () => {
    await withOwner((client) =>
      seedNational(client, { cases: 3000, years: 1, lastYear: 2025, repeatShare: 0.15, chunk: 1500 }, () => {}),
    );
    pool = new Pool({ connectionString: t.ownerUrl, max: 1 });
  }, 180_000);
  afterAll(() => pool.end());

  it('counts the same children as the endpoint in every place a case role reads exactly, checked before timing', async () => {
    const counted = new Map<string, number>();
    for (const place of STATS_PLACES) {
      if (!place.exactRole) continue; // the country: nobody reads it exactly
      const token = await t.tokenFor(place.exactRole, place.areaCode);
      counted.set(place.name, await assertSameCounts(t.baseUrl, token, pool, place));
    }
    expect(counted.get('province by area')).toBeGreaterThanOrEqual(counted.get('commune total')!);
    expect(counted.get('province by area')).toBeGreaterThan(0);
  });

  it('stops the run with the places that differ when the two did not count the same', async () => {
    const place = STATS_PLACES.find((candidate) => candidate.name === 'province by area')!;
    const token = await t.tokenFor(place.exactRole!, place.areaCode);
    const miscounting = { ...place, naive: { ...place.naive, sql: place.naive.sql.replace('count(', '1 + count(') } };
    await expect(assertSameCounts(t.baseUrl, token, pool, miscounting)).rejects.toThrow(
      /province by area: the endpoint and the naive SQL counted differently: 46\d{3} endpoint \d+, naive SQL \d+/,
    );
  });
});
