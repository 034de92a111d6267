import { randomUUID } from 'node:crypto';
import { StatisticsFactsService } from '../src/statistics/statistics-facts.service';
import { ptableFor } from '../src/statistics/ptable';
import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

/**
 * Protected statistics (docs/statistics.md, Protection), attacked the way the review did. The
 * default STATS_MIN_CELL (10) and STATS_MAX_NOISE (2). Injuries 2025 (reported basis), province 46:
 *   46001:  2 children, February
 *   46002: 11 children: 10 in February (Q1), 1 in November (Q4)
 *   46003: 10 children, March
 * Abuse 2025: 46001 12 substantiated + 1 pending (reported 13); 46003 10 substantiated (reported = substantiated).
 * Record keys are set by the test (deterministic figures); everything asserted holds for any keys.
 */
let t: TestApp;
let manager: string;
let provincial: string;
let counter = 0;
const MIN_CELL = 10;
const ptable = ptableFor(2);

async function addChildren(
  commune: string,
  n: number,
  spec: { category?: string; form?: string; date: string; substantiation?: string },
) {
  for (let i = 0; i < n; i++) {
    const key = (++counter * 97 + 13) % 256;
    const [{ id: childId }] = await t.db.query(
      `INSERT INTO children (full_name_enc, name_index, sex, residence_area_code, record_key)
       VALUES ('v1:test:x:y', $1, $2, $3, $4) RETURNING id`,
      [randomUUID(), i % 2 ? 'male' : 'female', commune, key],
    );
    await t.db.query(
      `INSERT INTO cases (case_number, child_id, category, form, fatal, substantiation, received_at, event_date, age_at_event, sex,
                          province_code, area_code, area_path, residence_area_code, residence_area_path)
       VALUES ($1, $2, $3, $4, false, $5, ($6::date + time '12:00') AT TIME ZONE 'Asia/Ho_Chi_Minh', $6, $7, $8, '46', $9, 'VN.46.' || $9, $9, 'VN.46.' || $9)`,
      [
        `P-${counter}`,
        childId,
        spec.category ?? 'injury',
        spec.form ?? (i % 3 ? 'fall' : 'traffic'),
        spec.substantiation ?? 'pending',
        spec.date,
        3 + (i % 13),
        i % 2 ? 'male' : 'female',
        commune,
      ],
    );
    await t.db.transaction((m) => t.app.get(StatisticsFactsService).refreshChildren(m, [childId]));
  }
}

type Cell = { key: Record<string, string | null>; count: number | null; flags: string[] };
type Body = { protection: string; additive: boolean; ptableVersion?: string; rows: Cell[]; total: Cell };

async function rates(query: string, token = manager): Promise<Body> {
  const response = await t.get(`/statistics/rates?${query}`, token);
  expect(response.status).toBe(200);
  return response.body as Body;
}

/** The true counts that could have been published as `published`, knowing the table but not the key. */
function candidates(published: number | null): Set<number> {
  const result = new Set<number>();
  for (let n = 0; n <= (published ?? MIN_CELL) + ptable.maxNoise; n++) {
    const row = ptable.rows[Math.min(n, ptable.rows.length - 1)];
    for (const { change, slots } of row.changes) {
      if (!slots) continue;
      const p = n + change;
      if (published === null ? p >= 1 && p < MIN_CELL : p === published) result.add(n);
    }
  }
  return result;
}

/** {a ± b} over two sets of candidates. */
const combine = (a: Set<number>, b: Set<number>, sign: 1 | -1) =>
  new Set([...a].flatMap((x) => [...b].map((y) => x + sign * y)));
const intersect = (a: Set<number>, b: Set<number>) => new Set([...a].filter((x) => b.has(x)));

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  manager = await t.tokenFor('manager', '46');
  provincial = await t.tokenFor('provincial_officer', '46');
  await addChildren('46001', 2, { date: '2025-02-03' });
  await addChildren('46002', 10, { date: '2025-02-10' });
  await addChildren('46002', 1, { date: '2025-11-20' });
  await addChildren('46003', 10, { date: '2025-03-15' });
  await addChildren('46001', 12, {
    category: 'abuse',
    form: 'violence',
    date: '2025-05-05',
    substantiation: 'substantiated',
  });
  await addChildren('46001', 1, { category: 'abuse', form: 'violence', date: '2025-05-06' });
  await addChildren('46003', 10, {
    category: 'abuse',
    form: 'neglect',
    date: '2025-06-06',
    substantiation: 'substantiated',
  });
}, 60_000);
afterAll(() => t.close());

describe('who gets which protection', () => {
  it('gives managers protected figures, even when they ask for exact ones', async () => {
    for (const query of ['', '&protection=exact', '&protection=protected']) {
      const body = await rates(`indicator=injury&year=2025&groupBy=area${query}`);
      expect(body).toMatchObject({ protection: 'protected', additive: false, ptableVersion: 'maxent-v1-D2-V1' });
    }
  });

  it('gives case roles exact figures in their own area, and protected ones when they ask', async () => {
    const exact = await rates('indicator=injury&year=2025&groupBy=area', provincial);
    expect(exact).toMatchObject({ protection: 'exact', additive: true });
    expect(exact.ptableVersion).toBeUndefined();
    expect(exact.rows.map((row) => row.count)).toEqual([2, 11, 10]);
    expect(exact.total.count).toBe(23);
    const officer = await t.tokenFor('commune_officer', '46002');
    expect(await rates('indicator=injury&year=2025&areaCode=46002', officer)).toMatchObject({
      protection: 'exact',
      total: { count: 11 },
    });
    const asked = await rates('indicator=injury&year=2025&groupBy=area&protection=protected', provincial);
    expect(asked).toMatchObject({ protection: 'protected', additive: false });
    expect(asked).toEqual(await rates('indicator=injury&year=2025&groupBy=area'));
    const chair = await t.tokenFor('commune_chair', '46003');
    expect((await rates('indicator=injury&year=2025&areaCode=46003&protection=protected', chair)).protection).toBe(
      'protected',
    );
    expect((await t.get('/statistics/rates?indicator=injury&year=2025&protection=loose', manager)).status).toBe(400);
  });

  it('keeps an officer outside its own area out (403), whatever the protection', async () => {
    const officer = await t.tokenFor('commune_officer', '46001');
    for (const protection of ['', '&protection=protected'])
      expect(
        (await t.get(`/statistics/rates?indicator=injury&year=2025&areaCode=46${protection}`, officer)).status,
      ).toBe(403);
  });
});

describe('the same children always give the same figure', () => {
  it('answers a repeated query identically', async () => {
    const query = 'indicator=injury&year=2025&groupBy=area';
    expect(await rates(query)).toEqual(await rates(query));
  });

  it('gives an area row the figure of that area asked alone, and a province row its own total', async () => {
    const byArea = await rates('indicator=injury&year=2025&groupBy=area');
    for (const row of byArea.rows) {
      const alone = await rates(`indicator=injury&year=2025&areaCode=${row.key.areaCode}`);
      expect(alone.total.count).toBe(row.count);
    }
    const country = await rates('indicator=injury&year=2025&groupBy=area', await t.tokenFor('manager', 'VN'));
    expect(country.rows.find((row) => row.key.areaCode === '46')!.count).toBe(byArea.total.count);
  });

  it('gives the year the figure of the quarter when every event is in that quarter', async () => {
    for (const area of ['46001', '46003']) {
      const year = await rates(`indicator=injury&year=2025&areaCode=${area}`);
      const q1 = await rates(`indicator=injury&year=2025&period=Q1&areaCode=${area}`);
      const h1 = await rates(`indicator=injury&year=2025&period=H1&areaCode=${area}`);
      expect(q1.total.count).toBe(year.total.count);
      expect(h1.total.count).toBe(year.total.count);
    }
  });

  it('gives reported and substantiated the same figure when they count the same children', async () => {
    for (const groupBy of ['', '&groupBy=sex', '&groupBy=form']) {
      const substantiated = await rates(`indicator=abuse&year=2025&areaCode=46003${groupBy}`);
      const reported = await rates(`indicator=abuse&year=2025&areaCode=46003&basis=reported${groupBy}`);
      expect(reported.rows).toEqual(substantiated.rows);
      expect(reported.total).toEqual(substantiated.total);
    }
  });
});

describe('the attacks of the review no longer pin a small count', () => {
  it('area rows differenced against the total and against an area asked alone', async () => {
    const byArea = await rates('indicator=injury&year=2025&groupBy=area');
    const [a, b, c] = byArea.rows;
    // 46001 (true 2) is hidden or shown as 0; the others and the total are published, perturbed.
    expect(a.count === null || a.count === 0).toBe(true);
    const alone = await rates('indicator=injury&year=2025&areaCode=46003');
    expect(alone.total.count).toBe(c.count);
    // What the total minus the other rows allows for 46001, intersected with what its own cell allows.
    const left = combine(combine(candidates(byArea.total.count), candidates(b.count), -1), candidates(c.count), -1);
    const possible = intersect(left, candidates(a.count));
    expect(possible.has(2)).toBe(true);
    expect(possible.size).toBeGreaterThan(1);
  });

  it('a year against its quarters', async () => {
    const periods = await Promise.all(
      ['year', 'Q1', 'Q2', 'Q3', 'Q4'].map((period) =>
        rates(`indicator=injury&year=2025&period=${period}&areaCode=46002`),
      ),
    );
    const [year, q1, q2, q3, q4] = periods.map((body) => body.total.count);
    // The true Q4 is 1: suppressed or 0, never 1.
    expect(q4 === null || q4 === 0).toBe(true);
    let left = candidates(year);
    for (const quarter of [q1, q2, q3]) left = combine(left, candidates(quarter), -1);
    const possible = intersect(left, candidates(q4));
    expect(possible.has(1)).toBe(true);
    expect(possible.size).toBeGreaterThan(1);
  });

  it('reported against substantiated', async () => {
    const substantiated = (await rates('indicator=abuse&year=2025&areaCode=46001')).total.count;
    const reported = (await rates('indicator=abuse&year=2025&areaCode=46001&basis=reported')).total.count;
    // One pending child apart (13 against 12): the difference may be anything from a few values.
    const possible = combine(candidates(reported), candidates(substantiated), -1);
    expect(possible.has(1)).toBe(true);
    expect([...possible].filter((n) => n >= 0).length).toBeGreaterThan(1);
  });
});

describe('what protected figures may be', () => {
  const queries: string[] = [];
  for (const indicator of ['injury', 'abuse'])
    for (const basis of ['reported', 'substantiated'])
      for (const period of ['year', 'H1', 'H2', 'Q1', 'Q2', 'Q4', 'M02', 'M03', 'M05', 'M11'])
        for (const groupBy of ['', '&groupBy=area', '&groupBy=sex', '&groupBy=ageGroup', '&groupBy=form'])
          for (const area of ['46', '46001', '46002', '46003'])
            queries.push(`indicator=${indicator}&year=2025&basis=${basis}&period=${period}&areaCode=${area}${groupBy}`);

  it('never publishes a count from 1 to 9, and no published count is more than 2 from the true one', async () => {
    let published = 0;
    let changed = 0;
    let sum = 0;
    for (const query of queries.filter((_, index) => index % 3 === 0)) {
      const [exact, protectedBody] = await Promise.all([rates(query, provincial), rates(query)]);
      const pairs: [Cell, Cell][] = [
        ...exact.rows.map((row, index): [Cell, Cell] => [row, protectedBody.rows[index]]),
        [exact.total, protectedBody.total],
      ];
      for (const [truth, shown] of pairs) {
        expect(shown.key).toEqual(truth.key);
        if (shown.count === null) {
          expect(shown.flags).toContain('suppressed');
          continue;
        }
        expect(shown.count === 0 || shown.count >= MIN_CELL).toBe(true);
        expect(Math.abs(shown.count - truth.count!)).toBeLessThanOrEqual(2);
        if (truth.count === 0) expect(shown.count).toBe(0);
        if (truth.count! > 0) {
          published++;
          if (shown.count !== truth.count) changed++;
          sum += shown.count - truth.count!;
        }
      }
    }
    // Not a no-op: some published non-zero cells moved (the averages are tested over many cells in
    // src/statistics/disclosure-control.spec.ts; here the cells are few and their keys fixed).
    expect(published).toBeGreaterThan(10);
    expect(changed).toBeGreaterThan(0);
    expect(Math.abs(sum / published)).toBeLessThanOrEqual(2);
  }, 60_000);

  it('gives every new child a random record key from 0 to 255', async () => {
    const hotline = await t.tokenFor('hotline_operator', 'VN');
    const created = await t.post(
      '/reports',
      reportBody({
        children: Array.from({ length: 12 }, (_, i) => ({
          fullName: `Trẻ Khóa ${i}`,
          estimatedAge: 5 + (i % 8),
          sex: i % 2 ? 'male' : 'female',
          residenceAreaCode: '46001',
        })),
      }),
      hotline,
    );
    expect(created.status).toBe(201);
    const ids = created.body.cases.map((c: { childId: string }) => c.childId);
    const keys = (await t.db.query(`SELECT record_key AS key FROM children WHERE id = ANY($1::uuid[])`, [ids])) as {
      key: number;
    }[];
    expect(keys).toHaveLength(12);
    expect(keys.every(({ key }) => key >= 0 && key <= 255)).toBe(true);
    expect(new Set(keys.map(({ key }) => key)).size).toBeGreaterThan(1);
  });

  it('never puts a record key or a key sum in any response', async () => {
    const hotline = await t.tokenFor('hotline_operator', 'VN');
    const created = await t.post('/reports', reportBody(), hotline);
    const officer = await t.tokenFor('commune_officer', '46001');
    const bodies: string[] = [
      (await t.get(`/cases/${created.body.cases[0].id}`, officer)).text,
      (await t.get(`/cases?limit=200`, officer)).text,
      (await t.get('/openapi.json')).text,
    ];
    for (const token of [manager, provincial]) {
      bodies.push((await t.get('/statistics/rates?indicator=injury&year=2025&groupBy=form', token)).text);
      bodies.push(
        (
          await t.request('GET', '/statistics/rates?indicator=injury&year=2025&groupBy=area', {
            token,
            headers: { accept: 'text/csv' },
          })
        ).text,
      );
    }
    const all = bodies.join('\n');
    expect(all).not.toMatch(/record_?key|key_?sum/i);
  });

  it('writes the protection into CSV', async () => {
    const csv = await t.request('GET', '/statistics/rates?indicator=injury&year=2025&groupBy=area', {
      token: manager,
      headers: { accept: 'text/csv' },
    });
    const lines = csv.text.trim().split('\n');
    expect(lines[0].split(',')).toContain('protection');
    expect(lines.slice(1).every((line) => line.includes(',protected,'))).toBe(true);
  });
});
