import { Client, Pool } from 'pg';
import { hashPassword } from '../../src/auth/password';
import { BenchAdmin } from './bench-env';
import { StatsPlace } from './stats-places';

interface RatesCell {
  key: { areaCode?: string | null };
  count: number | null;
}

/** The endpoint's counts by area code (a total: under ''), as an exact case role reads them. */
async function endpointCounts(baseUrl: string, token: string, place: StatsPlace): Promise<Map<string, number | null>> {
  const response = await fetch(`${baseUrl}/api/v1/statistics/rates?${place.query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { protection?: string; total: RatesCell; rows: RatesCell[] };
  if (response.status !== 200) throw new Error(`GET rates?${place.query}: ${response.status} ${JSON.stringify(body)}`);
  if (body.protection !== 'exact') throw new Error(`GET rates?${place.query}: ${body.protection}, expected exact`);
  if (!place.query.includes('groupBy=')) return new Map([['', body.total.count]]);
  return new Map(body.rows.map((row) => [row.key.areaCode ?? '', row.count]));
}

/**
 * Checks that the endpoint (exact) and the naive SQL counted the same children in every row of the
 * place, so the timings compare two ways of getting one answer. Throws naming the rows that differ;
 * resolves to the children counted.
 */
export async function assertSameCounts(baseUrl: string, token: string, pool: Pool, place: StatsPlace): Promise<number> {
  const endpoint = await endpointCounts(baseUrl, token, place);
  const naiveRows = (await pool.query(place.naive.sql, place.naive.params)).rows as {
    key: string | null;
    count: string | number;
  }[];
  const naive = new Map(naiveRows.map((row) => [row.key ?? '', Number(row.count)]));
  const differences: string[] = [];
  for (const key of new Set([...endpoint.keys(), ...naive.keys()])) {
    const counted = endpoint.has(key) ? endpoint.get(key)! : 0;
    const naively = naive.get(key) ?? 0;
    if (counted !== naively)
      differences.push(`${key || 'total'} endpoint ${counted === null ? 'not shown' : counted}, naive SQL ${naively}`);
  }
  if (differences.length)
    throw new Error(
      `${place.name}: the endpoint and the naive SQL counted differently: ${differences.slice(0, 5).join('; ')}` +
        (differences.length > 5 ? ` (and ${differences.length - 5} more)` : ''),
    );
  return [...naive.values()].reduce((sum, count) => sum + count, 0);
}

/**
 * On a kept database, the admin the bench signs in as: a password the operator chose
 * (ADMIN_PASSWORD) is left as it is; one of this run is set on ADMIN_USERNAME's user, which must exist.
 */
export async function resetKeptAdmin(client: Client, admin: BenchAdmin): Promise<void> {
  const found = await client.query(`SELECT 1 FROM users WHERE username = $1`, [admin.username]);
  if (!found.rowCount)
    throw new Error(
      `the kept database has no user "${admin.username}": set ADMIN_USERNAME and ADMIN_PASSWORD to its admin's`,
    );
  if (admin.chosen) return;
  await client.query(`UPDATE users SET password_hash = $1 WHERE username = $2`, [
    await hashPassword(admin.password),
    admin.username,
  ]);
}
