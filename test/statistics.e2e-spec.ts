import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { StatisticsFactsService } from '../src/statistics/statistics-facts.service';
import { TestApp } from './support/test-app';
import { buildWorld } from './support/world';

/**
 * Rates per 100,000 children on a small world built through the API, every number worked out by
 * hand below: exact figures, as provincial and commune officers get them in their own area (the
 * protected figures of managers are tested in statistics-protection.e2e-spec.ts). STATS_MIN_CELL
 * is 3 here so that a handful of reports reaches every rule.
 *
 * Population 2025 (children per sex and single year of age, 0–17):
 *   46001: 100 boys, 90 girls per age → 0–15: 16 × 190 = 3040 (boys 1600, girls 1440)
 *   46002: 50 boys, 50 girls          → 0–15: 16 × 100 = 1600 (boys 800, girls 800)
 *   46003: none                       → no_population
 *   48002 (merged into 48001 on 1 July 2025): 20 + 20 → 0–15: 640; 48001: none of its own in 2025
 *
 * Injuries 2025 (reported basis), province 46, the child's age at the event in brackets:
 *   46001 c1 boy (4) c2 girl (10) c3 boy (13) — traffic, 10 March; c4 boy (16) is too old
 *         c5 girl (6) c6 boy (14) — drowning, 15 July; c15 boy (7) — drowning, 5 August, fatal
 *         c2 again — fall, 1 September, by then living in 46002 (counted once, at 46001, for the year)
 *   46002 c8 boy (8) c9 girl (12) — fall, 1 February
 *   46003 c10 boy (1) c11 girl (5) c12 boy (9) c13 girl (15) — burn, 20 November;
 *         c14 boy (11) too, but his case was found unsubstantiated
 */
const MIN_CELL = 3;

let t: TestApp;
let hotline: string;
let manager46: string;
let officer46: string;
let officer48: string;
let managerVN: string;
let officer46001: string;
const childIds = new Set<string>();
const caseIds = new Set<string>();
const caseOf = new Map<string, { id: string; childId: string }>();

type Child = { name: string; sex: 'male' | 'female'; residence: string; dateOfBirth?: string; estimatedAge?: number };

const NAMES: string[] = [];
const DATES_OF_BIRTH = ['2020-05-01', '2015-01-01', '2012-01-01', '2009-01-01', '2017-02-02'];

async function report(
  category: string,
  form: string,
  occurredOn: string,
  area: string,
  children: Child[],
  extra: Record<string, unknown> = {},
) {
  const response = await t.post(
    '/reports',
    {
      channel: 'hotline_111',
      receivedAt: `${occurredOn}T15:00:00+07:00`,
      occurredAt: `${occurredOn}T09:00:00+07:00`,
      category,
      form,
      occurredAreaCode: area,
      description: 'Synthetic description for the statistics test',
      allegedPerpetrator: 'unknown',
      children: children.map((child) => ({
        fullName: child.name,
        sex: child.sex,
        residenceAreaCode: child.residence,
        ...(child.dateOfBirth ? { dateOfBirth: child.dateOfBirth } : { estimatedAge: child.estimatedAge }),
      })),
      ...extra,
    },
    hotline,
  );
  if (response.status !== 201) throw new Error(`report failed: ${response.status} ${response.text}`);
  response.body.cases.forEach((ref: { id: string; childId: string }, index: number) => {
    childIds.add(ref.childId);
    caseIds.add(ref.id);
    caseOf.set(`${children[index].name}/${category}/${occurredOn}`, ref);
    NAMES.push(children[index].name);
  });
  return response.body.cases as { id: string; childId: string }[];
}

const child = (name: string, sex: 'male' | 'female', residence: string, age: number | string): Child =>
  typeof age === 'string' ? { name, sex, residence, dateOfBirth: age } : { name, sex, residence, estimatedAge: age };

async function refresh(ids: string[]): Promise<void> {
  const facts = t.app.get(StatisticsFactsService);
  await t.db.transaction((manager) => facts.refreshChildren(manager, ids));
}

async function population(area: string, year: number, boys: number, girls: number): Promise<void> {
  await t.db.query(
    `INSERT INTO population (area_code, year, sex, age, count)
     SELECT $1, $2, sex, age, CASE sex WHEN 'male' THEN $3::int ELSE $4::int END
       FROM unnest(ARRAY['male', 'female']) AS sex, generate_series(0, 17) AS age`,
    [area, year, boys, girls],
  );
}

const rates = (query: string, token = officer46) => t.get(`/statistics/rates?${query}`, token);

beforeAll(async () => {
  t = await TestApp.start({ STATS_MIN_CELL: String(MIN_CELL) });
  await buildWorld(t);
  await t.db.query(
    `INSERT INTO areas (code, name, level, parent_code, path) VALUES ('48002', 'Xã Demo 5', 'commune', '48', 'VN.48.48002')`,
  );
  await population('46001', 2025, 100, 90);
  await population('46002', 2025, 50, 50);
  await population('48002', 2025, 20, 20);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  manager46 = await t.tokenFor('manager', '46');
  officer46 = await t.tokenFor('provincial_officer', '46');
  officer48 = await t.tokenFor('provincial_officer', '48');
  managerVN = await t.tokenFor('manager', 'VN');
  officer46001 = await t.tokenFor('commune_officer', '46001');

  await report('injury', 'traffic', '2025-03-10', '46001', [
    child('Thử Một', 'male', '46001', DATES_OF_BIRTH[0]),
    child('Thử Hai', 'female', '46001', DATES_OF_BIRTH[1]),
    child('Thử Ba', 'male', '46001', DATES_OF_BIRTH[2]),
    child('Thử Bốn', 'male', '46001', DATES_OF_BIRTH[3]),
  ]);
  await report('injury', 'drowning', '2025-07-15', '46001', [
    child('Thử Năm', 'female', '46001', 6),
    child('Thử Sáu', 'male', '46001', 14),
  ]);
  await report('injury', 'drowning', '2025-08-05', '46001', [child('Thử Mười Lăm', 'male', '46001', 7)], {
    fatal: true,
  });
  await report('injury', 'fall', '2025-02-01', '46002', [
    child('Thử Tám', 'male', '46002', 8),
    child('Thử Chín', 'female', '46002', 12),
  ]);
  const burns = await report('injury', 'burn', '2025-11-20', '46003', [
    child('Thử Mười', 'male', '46003', 1),
    child('Thử Mười Một', 'female', '46003', 5),
    child('Thử Mười Hai', 'male', '46003', 9),
    child('Thử Mười Ba', 'female', '46003', 15),
    child('Thử Mười Bốn', 'male', '46003', 11),
  ]);
  // c14's case is found unsubstantiated (the workflow's detailed assessment, done here in SQL).
  await t.db.query(`UPDATE cases SET substantiation = 'unsubstantiated' WHERE id = $1`, [burns[4].id]);
  await refresh([burns[4].childId]);
  // c2's March case is closed; a new injury in September opens a second case for the same child…
  const c2 = caseOf.get('Thử Hai/injury/2025-03-10')!;
  await t.db.query(`UPDATE cases SET status = 'closed' WHERE id = $1`, [c2.id]);
  const [again] = await report('injury', 'fall', '2025-09-01', '46001', [
    child('Thử Hai', 'female', '46001', DATES_OF_BIRTH[1]),
  ]);
  expect(again.childId).toBe(c2.childId);
  // …and by then she lived in 46002 (a correction of the case's residence).
  await t.db.query(
    `UPDATE cases SET residence_area_code = '46002', residence_area_path = 'VN.46.46002' WHERE id = $1`,
    [again.id],
  );
  await refresh([again.childId]);

  // Province 48: 48002 merges into 48001 on 1 July 2025.
  await report('injury', 'traffic', '2025-05-10', '48001', [child('Thử Xa Một', 'male', '48001', 9)]);
  await report('injury', 'traffic', '2025-03-03', '48002', [
    child('Thử Xa Hai', 'male', '48002', 3),
    child('Thử Xa Ba', 'female', '48002', 6),
    child('Thử Xa Bốn', 'female', '48002', 12),
  ]);
  await t.db.query(`UPDATE areas SET valid_to = '2025-06-30', successor_code = '48001' WHERE code = '48002'`);

  const admin = await t.adminToken();
  expect(
    (
      await t.put(
        '/statistics/targets',
        { indicator: 'injury', areaCode: '46', year: 2025, value: 550, kind: 'max' },
        admin,
      )
    ).status,
  ).toBe(200);
  expect(
    (
      await t.put(
        '/statistics/targets',
        { indicator: 'injury', areaCode: '46001', year: 2025, value: 150, kind: 'max' },
        admin,
      )
    ).status,
  ).toBe(200);
}, 60_000);
afterAll(() => t.close());

describe('GET /statistics/rates: injuries in province 46, 2025, by area', () => {
  it('counts distinct children per commune with its own denominator, rate, interval, flags and target', async () => {
    const response = await rates('indicator=injury&year=2025&areaCode=46&groupBy=area');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      indicator: 'injury',
      year: 2025,
      period: 'year',
      areaCode: '46',
      basis: 'reported',
      groupBy: 'area',
      per: 100000,
      protection: 'exact',
      additive: true,
      rows: [
        // c1 c2 c3 c5 c6 c15: 6 children (c2 once, c4 is 16). 6 / 3040 = 197.4 per 100,000;
        // Garwood 2.2019–13.0595 → 72.4–429.6. 6 < 20: unreliable. Target 150 max: not met.
        {
          key: { areaCode: '46001' },
          protection: 'exact',
          count: 6,
          population: 3040,
          rate: 197.4,
          ci95: [72.4, 429.6],
          flags: ['unreliable'],
          target: { value: 150, kind: 'max', unit: 'per100k', per100k: 150, percent: 0.15, met: false },
        },
        // c8 c9: 2, below 3 but exact: shown. 2 / 1600 → 125.0; Garwood 0.2422–7.2247 → 15.1–451.5.
        {
          key: { areaCode: '46002' },
          protection: 'exact',
          count: 2,
          population: 1600,
          rate: 125,
          ci95: [15.1, 451.5],
          flags: ['unreliable'],
          target: null,
        },
        // c10 c11 c12 c13: 4, no population.
        {
          key: { areaCode: '46003' },
          protection: 'exact',
          count: 4,
          population: null,
          rate: null,
          ci95: null,
          flags: ['unreliable', 'no_population'],
          target: null,
        },
      ],
      // 12 of 3040 + 1600 = 4640 (46003 has no population): 258.6; Garwood 6.2006–20.9616 → 133.6–451.8.
      total: {
        key: {},
        protection: 'exact',
        count: 12,
        population: 4640,
        rate: 258.6,
        ci95: [133.6, 451.8],
        flags: ['unreliable'],
        target: { value: 550, kind: 'max', unit: 'per100k', per100k: 550, percent: 0.55, met: true },
      },
    });
  });

  it('divides each sex by the children of that sex', async () => {
    const response = await rates('indicator=injury&year=2025&areaCode=46&groupBy=sex');
    expect(response.body.rows).toEqual([
      // Boys c1 c3 c6 c15 c8 c10 c12: 7 of 1600 + 800 = 2400 → 291.7 (2.8144–14.4227 → 117.3–600.9).
      {
        key: { sex: 'male' },
        protection: 'exact',
        count: 7,
        population: 2400,
        rate: 291.7,
        ci95: [117.3, 600.9],
        flags: ['unreliable'],
        target: null,
      },
      // Girls c2 c5 c9 c11 c13: 5 of 1440 + 800 = 2240 → 223.2 (1.6235–11.6683 → 72.5–520.9).
      {
        key: { sex: 'female' },
        protection: 'exact',
        count: 5,
        population: 2240,
        rate: 223.2,
        ci95: [72.5, 520.9],
        flags: ['unreliable'],
        target: null,
      },
    ]);
    expect(response.body.total).toMatchObject({ count: 12, population: 4640, rate: 258.6 });
  });

  it('divides each age group by the children of those ages', async () => {
    const response = await rates('indicator=injury&year=2025&areaCode=46&groupBy=ageGroup');
    expect(response.body.rows).toEqual([
      // 0-4: c1 (4), c10 (1) = 2 of 5 ages × (190 + 100) = 1450 → 137.9 (0.2422–7.2247 → 16.7–498.3).
      {
        key: { ageGroup: '0-4' },
        protection: 'exact',
        count: 2,
        population: 1450,
        rate: 137.9,
        ci95: [16.7, 498.3],
        flags: ['unreliable'],
        target: null,
      },
      // 5-11: c2 c5 c15 c8 c11 c12 = 6 of 7 × 290 = 2030 → 295.6 (108.5–643.3).
      {
        key: { ageGroup: '5-11' },
        protection: 'exact',
        count: 6,
        population: 2030,
        rate: 295.6,
        ci95: [108.5, 643.3],
        flags: ['unreliable'],
        target: null,
      },
      // 12-15: c3 c6 c9 c13 = 4 of 4 × 290 = 1160 → 344.8 (1.0899–10.2416 → 94.0–882.9).
      {
        key: { ageGroup: '12-15' },
        protection: 'exact',
        count: 4,
        population: 1160,
        rate: 344.8,
        ci95: [94, 882.9],
        flags: ['unreliable'],
        target: null,
      },
    ]);
  });

  it('divides each form by all children', async () => {
    const response = await rates('indicator=injury&year=2025&areaCode=46&groupBy=form');
    const byForm = Object.fromEntries(response.body.rows.map((row: { key: { form: string } }) => [row.key.form, row]));
    expect(response.body.rows).toHaveLength(10);
    // fall 2 (c8 c9; c2's fall is not her first injury of the year), traffic 3 (c1 c2 c3),
    // drowning 3 (c5 c6 c15), burn 4 (c10–c13): 4 of 4640 → 86.2.
    expect(byForm.fall).toMatchObject({ count: 2, population: 4640, flags: ['unreliable'] });
    expect(byForm.traffic).toMatchObject({ count: 3, population: 4640, flags: ['unreliable'] });
    expect(byForm.drowning).toMatchObject({ count: 3, population: 4640, flags: ['unreliable'] });
    expect(byForm.burn).toEqual({
      key: { form: 'burn' },
      protection: 'exact',
      count: 4,
      population: 4640,
      rate: 86.2,
      ci95: [23.5, 220.7],
      flags: ['unreliable'],
      target: null,
    });
    expect(byForm.poisoning).toEqual({
      key: { form: 'poisoning' },
      protection: 'exact',
      count: 0,
      population: 4640,
      rate: 0,
      ci95: [0, 79.5],
      flags: [],
      target: null,
    });
  });
});

describe('periods', () => {
  it('counts a child in the period at the residence of its first event in that period', async () => {
    // Q3: c5 c6 (July), c15 (August) in 46001; c2 (September) in 46002 where she then lived.
    // 46003 had none: zero is shown.
    const response = await rates('indicator=injury&year=2025&period=Q3&areaCode=46&groupBy=area');
    expect(response.body.rows.map((row: { count: number | null }) => row.count)).toEqual([3, 1, 0]);
    expect(response.body.rows[2]).toEqual({
      key: { areaCode: '46003' },
      protection: 'exact',
      count: 0,
      population: null,
      rate: null,
      ci95: null,
      flags: ['no_population'],
      target: null,
    });
    expect(response.body.total).toMatchObject({ count: 4, population: 4640, flags: ['unreliable'] });
  });

  it('uses the year’s population for a quarter, and counts a child once per period', async () => {
    // 46001 in Q3: c5 c6 c15 = 3 of 3040 → 98.7 (0.6187–8.7673 → 20.4–288.4).
    const q3 = await rates('indicator=injury&year=2025&period=Q3&areaCode=46001', officer46001);
    expect(q3.body.total).toEqual({
      key: {},
      protection: 'exact',
      count: 3,
      population: 3040,
      rate: 98.7,
      ci95: [20.4, 288.4],
      flags: ['unreliable'],
      target: { value: 150, kind: 'max', unit: 'per100k', per100k: 150, percent: 0.15, met: false },
    });
    // H1: c1 c2 c3 (March) = 3; H2: c5 c6 c15 = 3 (c2's September event counts in 46002); year: 6.
    expect((await rates('indicator=injury&year=2025&period=H1&areaCode=46001', officer46001)).body.total.count).toBe(3);
    expect((await rates('indicator=injury&year=2025&period=H2&areaCode=46001', officer46001)).body.total.count).toBe(3);
    expect((await rates('indicator=injury&year=2025&period=M03&areaCode=46001', officer46001)).body.total.count).toBe(
      3,
    );
    expect((await rates('indicator=injury&year=2025&period=M09&areaCode=46002')).body.total.count).toBe(1);
    expect((await rates('indicator=injury&year=2025&areaCode=46001', officer46001)).body.total.count).toBe(6);
    expect((await rates('indicator=injury&year=2024&areaCode=46001', officer46001)).body.total).toMatchObject({
      count: 0,
      population: null,
      flags: ['no_population'],
    });
  });
});

describe('indicators and bases', () => {
  it('counts injury deaths: the fatal injuries only', async () => {
    // c15 alone: 1, exact for the commune officer.
    const response = await rates('indicator=injury_death&year=2025&areaCode=46001', officer46001);
    expect(response.body.total).toMatchObject({ count: 1, population: 3040, flags: ['unreliable'] });
    expect(response.body.basis).toBe('reported');
  });

  it('counts abuse on substantiated cases by default, and follows substantiation changes', async () => {
    await report('abuse', 'violence', '2025-04-01', '46001', [
      child('Thử Mười Sáu', 'male', '46001', DATES_OF_BIRTH[4]),
      child('Thử Mười Bảy', 'female', '46001', 9),
      child('Thử Mười Tám', 'male', '46001', 16),
      child('Thử Hai Ba', 'male', '46001', 11),
    ]);
    // All pending: nobody on the substantiated basis (0 of 3040, upper limit 3.6889 → 121.3).
    const before = await rates('indicator=abuse&year=2025&areaCode=46001', officer46001);
    expect(before.body.total).toEqual({
      key: {},
      protection: 'exact',
      count: 0,
      population: 3040,
      rate: 0,
      ci95: [0, 121.3],
      flags: [],
      target: null,
    });
    // Reported basis: c16 c17 c23 (c18 is 16) = 3 → 98.7.
    expect(
      (await rates('indicator=abuse&year=2025&areaCode=46001&basis=reported', officer46001)).body.total,
    ).toMatchObject({ count: 3, rate: 98.7 });

    const substantiated = ['Thử Mười Sáu', 'Thử Mười Bảy', 'Thử Mười Tám'].map((name) =>
      caseOf.get(`${name}/abuse/2025-04-01`)!,
    );
    await t.db.query(`UPDATE cases SET substantiation = 'substantiated' WHERE id = ANY($1::uuid[])`, [
      substantiated.map((c) => c.id),
    ]);
    await refresh(substantiated.map((c) => c.childId));
    // c16 c17 = 2.
    const after = await rates('indicator=abuse&year=2025&areaCode=46001', officer46001);
    expect(after.body.total).toMatchObject({ count: 2, population: 3040, flags: ['unreliable'] });
  });

  it('counts child labour at ages 5 to 17 against the children of those ages', async () => {
    const cases = await report('child_labour', 'prohibited_work', '2025-05-05', '46001', [
      child('Thử Mười Chín', 'male', '46001', 16),
      child('Thử Hai Mươi', 'female', '46001', 17),
      child('Thử Hai Mốt', 'male', '46001', 4),
      child('Thử Hai Hai', 'female', '46001', 12),
    ]);
    await t.db.query(`UPDATE cases SET substantiation = 'substantiated' WHERE id = ANY($1::uuid[])`, [
      cases.map((c) => c.id),
    ]);
    await refresh(cases.map((c) => c.childId));
    const response = await rates('indicator=child_labour&year=2025&areaCode=46001&groupBy=ageGroup', officer46001);
    expect(response.body.rows).toEqual([
      // 5-11: nobody (c21 is 4), population 7 × 190 = 1330: 0 → rate 0, upper 3.6889 / 1330 → 277.4.
      {
        key: { ageGroup: '5-11' },
        protection: 'exact',
        count: 0,
        population: 1330,
        rate: 0,
        ci95: [0, 277.4],
        flags: [],
        target: null,
      },
      // 12-15: c22 = 1 of 760 → 131.6 (0.0253–5.5716 → 3.3–733.1); 16-17: c19 c20 = 2 of 380 → 526.3
      // (0.2422–7.2247 → 63.7–1901.2).
      {
        key: { ageGroup: '12-15' },
        protection: 'exact',
        count: 1,
        population: 760,
        rate: 131.6,
        ci95: [3.3, 733.1],
        flags: ['unreliable'],
        target: null,
      },
      {
        key: { ageGroup: '16-17' },
        protection: 'exact',
        count: 2,
        population: 380,
        rate: 526.3,
        ci95: [63.7, 1901.2],
        flags: ['unreliable'],
        target: null,
      },
    ]);
    // 3 of 13 × 190 = 2470 → 121.5 (25.0–355.0).
    expect(response.body.total).toEqual({
      key: {},
      protection: 'exact',
      count: 3,
      population: 2470,
      rate: 121.5,
      ci95: [25, 355],
      flags: ['unreliable'],
      target: null,
    });
  });
});

describe('merged areas', () => {
  it('counts a merged commune’s events and children in its successor for a period ending after the merger', async () => {
    // 48001: its own child (May) + 48002's three (March) = 4; 48001 has no 2025 population of its
    // own, so 48002's 640 count for it. 4 / 640 → 625.0 (1.0899–10.2416 → 170.3–1600.2).
    const response = await rates('indicator=injury&year=2025&areaCode=48&groupBy=area', officer48);
    expect(response.body.rows).toEqual([
      {
        key: { areaCode: '48001' },
        protection: 'exact',
        count: 4,
        population: 640,
        rate: 625,
        ci95: [170.3, 1600.2],
        flags: ['unreliable'],
        target: null,
      },
    ]);
    expect(response.body.total).toMatchObject({ count: 4, population: 640 });
  });

  it('reports the areas as they were for a period that ended before the merger', async () => {
    const response = await rates('indicator=injury&year=2025&period=H1&areaCode=48&groupBy=area', officer48);
    // 48001: 1 (no population of its own); 48002: 3 of 640 → 468.8 (0.6187–8.7673 → 96.7–1369.9).
    expect(response.body.rows).toEqual([
      {
        key: { areaCode: '48001' },
        protection: 'exact',
        count: 1,
        population: null,
        rate: null,
        ci95: null,
        flags: ['unreliable', 'no_population'],
        target: null,
      },
      {
        key: { areaCode: '48002' },
        protection: 'exact',
        count: 3,
        population: 640,
        rate: 468.8,
        ci95: [96.7, 1369.9],
        flags: ['unreliable'],
        target: null,
      },
    ]);
    expect(response.body.total).toMatchObject({ count: 4, population: 640, rate: 625, flags: ['unreliable'] });
  });

  it('refuses an area that was no longer valid at the end of the period, naming its successor', async () => {
    const response = await rates('indicator=injury&year=2025&areaCode=48002', officer48);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'areaCode',
        code: 'retired',
        params: { successor: '48001' },
        message: expect.stringContaining('use its successor 48001'),
      },
    ]);
  });

  it('adds up the country by province, protected: no case role reads the whole country, so its manager asks', async () => {
    const response = await rates('indicator=injury&year=2025&groupBy=area', managerVN);
    expect(response.body).toMatchObject({ areaCode: 'VN', protection: 'protected' });
    expect(response.body.rows.map((row: { key: object; population: number }) => [row.key, row.population])).toEqual([
      [{ areaCode: '46' }, 4640],
      [{ areaCode: '48' }, 640],
    ]);
    expect(response.body.total).toMatchObject({ key: {}, population: 5280 });
  });
});

describe('exports', () => {
  it('returns the same rows as CSV, then the total', async () => {
    const json = await rates('indicator=injury&year=2025&areaCode=46&groupBy=area');
    const csv = await t.request('GET', '/statistics/rates?indicator=injury&year=2025&areaCode=46&groupBy=area', {
      token: officer46,
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const records = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual({
      indicator: 'injury',
      year: '2025',
      period: 'year',
      area_code: '46',
      basis: 'reported',
      protection: 'exact',
      breakdown: 'area',
      key: '46001',
      count: '6',
      population: '3040',
      rate: '197.4',
      ci95_lower: '72.4',
      ci95_upper: '429.6',
      flags: 'unreliable',
      target_value: '150',
      target_unit: 'per100k',
      target_per100k: '150',
      target_kind: 'max',
      target_met: 'false',
    });
    expect(records[1]).toMatchObject({ key: '46002', count: '2', rate: '125', flags: 'unreliable' });
    expect(records[3]).toMatchObject({ breakdown: 'total', key: '', count: '12', population: '4640', rate: '258.6' });
    expect(records.map((r) => r.count)).toEqual([
      ...json.body.rows.map((r: { count: number | null }) => (r.count === null ? '' : String(r.count))),
      '12',
    ]);
  });

  it('returns a workbook with a cover sheet naming the protection, then one sheet per breakdown', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/statistics/rates.xlsx?indicator=injury&year=2025&areaCode=46`, {
      headers: { authorization: `Bearer ${officer46}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'About',
      'Total',
      'By area',
      'By sex',
      'By age group',
      'By form',
    ]);
    const byArea = workbook.getWorksheet('By area')!;
    const header = (byArea.getRow(1).values as unknown[]).slice(1);
    const row = (n: number) =>
      Object.fromEntries(header.map((column, index) => [column, byArea.getRow(n).getCell(index + 1).value]));
    expect(row(2)).toMatchObject({
      key: '46001',
      count: 6,
      population: 3040,
      rate: 197.4,
      flags: 'unreliable',
      target_met: false,
    });
    expect(row(3)).toMatchObject({ key: '46002', count: 2, rate: 125, flags: 'unreliable', protection: 'exact' });
    expect(row(4)).toMatchObject({ key: '46003', count: 4, flags: 'unreliable;no_population' });
    expect(row(5)).toMatchObject({ breakdown: 'total', count: 12, rate: 258.6 });
    const cover = workbook.getWorksheet('About')!;
    const coverLines = Object.fromEntries(
      cover.getSheetValues().flatMap((line) => (Array.isArray(line) ? [[line[1], line[2]]] : [])),
    );
    expect(coverLines).toMatchObject({
      protection: 'exact',
      additive: true,
      note: 'exact counts: not for publication',
    });
  });

  it('draws the rates by area with the target as a line, as SVG, captioned with its protection', async () => {
    const response = await t.get('/statistics/rates/chart.svg?indicator=injury&year=2025&areaCode=46', manager46);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.text).toMatch(/^<svg/);
    for (const text of ['46001', '46002', '46003', 'target max 550', 'protected figures (cell-key method'])
      expect(response.text).toContain(text);
    const exact = await t.get('/statistics/rates/chart.svg?indicator=injury&year=2025&areaCode=46', officer46);
    expect(exact.text).toContain('exact counts: not for publication');
  }, 30_000);
});

describe('access and validation', () => {
  it('defaults to the caller’s own area', async () => {
    expect((await rates('indicator=injury&year=2025')).body).toMatchObject({ areaCode: '46', total: { count: 12 } });
  });

  it('refuses areas outside the caller’s (403)', async () => {
    expect((await rates('indicator=injury&year=2025&areaCode=48')).status).toBe(403);
    expect((await rates('indicator=injury&year=2025&areaCode=VN')).status).toBe(403);
    expect((await rates('indicator=injury&year=2025&areaCode=46', officer46001)).status).toBe(403);
    expect((await rates('indicator=injury&year=2025&areaCode=46002', officer46001)).status).toBe(403);
    expect((await t.get('/statistics/rates.xlsx?indicator=injury&year=2025&areaCode=48', manager46)).status).toBe(403);
  });

  it('is open to the statistics roles only (403 for the others)', async () => {
    for (const [role, areaCode] of [
      ['provincial_officer', '46'],
      ['commune_chair', '46001'],
    ]) {
      const token = await t.tokenFor(role, areaCode);
      expect((await rates(`indicator=injury&year=2025&areaCode=${areaCode}`, token)).status).toBe(200);
    }
    for (const role of ['hotline_operator', 'police', 'health', 'justice', 'education', 'auditor']) {
      expect((await rates('indicator=injury&year=2025', await t.tokenFor(role, '46'))).status).toBe(403);
    }
    expect((await rates('indicator=injury&year=2025', await t.adminToken())).status).toBe(403);
    expect((await t.get('/statistics/rates?indicator=injury&year=2025')).status).toBe(401);
  });

  it.each([
    ['indicator=murder&year=2025', 'indicator'],
    ['year=2025', 'indicator'],
    ['indicator=injury', 'year'],
    ['indicator=injury&year=twenty', 'year'],
    ['indicator=injury&year=2025&period=Q5', 'period'],
    ['indicator=injury&year=2025&groupBy=district', 'groupBy'],
    ['indicator=injury&year=2025&basis=rumoured', 'basis'],
    ['indicator=injury&year=2025&areaCode=46%25', 'areaCode'],
    ['indicator=injury&year=2025&areaCode=99999', 'areaCode'],
    ['indicator=injury&year=2025&childId=1', 'childId'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const response = await rates(query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('PUT /statistics/targets', () => {
  it('replaces a target and shows it in the rates', async () => {
    const admin = await t.adminToken();
    const response = await t.put(
      '/statistics/targets',
      { indicator: 'injury_death', areaCode: '46', year: 2025, value: 15, kind: 'max' },
      admin,
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      indicator: 'injury_death',
      areaCode: '46',
      year: 2025,
      value: 15,
      unit: 'per100k',
      kind: 'max',
      per100k: 15,
      percent: 0.015,
    });
    await t.put(
      '/statistics/targets',
      { indicator: 'injury_death', areaCode: '46', year: 2025, value: 14.5, kind: 'max' },
      admin,
    );
    // 1 death (c15) of 4640 for a province officer: 21.6 per 100,000, above the target.
    expect((await rates('indicator=injury_death&year=2025')).body.total).toMatchObject({
      count: 1,
      target: { value: 14.5, kind: 'max', unit: 'per100k', met: false },
    });
    // A manager gets it protected: 1 becomes 0 to 3 by its cell key (a random key of that child):
    // 0 (a rate of 0: met), 1 or 2 suppressed (not told), or 3, published at MIN_CELL (not met).
    const published = (await rates('indicator=injury_death&year=2025', manager46)).body.total;
    expect([0, null, MIN_CELL]).toContain(published.count);
    const met = published.count === null ? null : published.count === 0;
    expect(published.target).toEqual({
      value: 14.5,
      kind: 'max',
      unit: 'per100k',
      per100k: 14.5,
      percent: 0.0145,
      met,
    });
    const [audit] = await t.db.query(
      `SELECT role, details FROM audit_log WHERE action = 'statistics.target.upsert' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit).toEqual({
      role: 'admin',
      details: { indicator: 'injury_death', areaCode: '46', year: 2025, value: 14.5, unit: 'per100k', kind: 'max' },
    });
  });

  it('validates the body and the admin’s area', async () => {
    const admin = await t.adminToken();
    const bad = await t.put(
      '/statistics/targets',
      { indicator: 'injury', areaCode: '46', year: 2025, value: 550, kind: 'below' },
      admin,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);
    expect(
      (
        await t.put(
          '/statistics/targets',
          { indicator: 'injury', areaCode: '99999', year: 2025, value: 1, kind: 'max' },
          admin,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await t.put(
          '/statistics/targets',
          { indicator: 'injury', areaCode: '46', year: 2025, value: 1, kind: 'max', note: 'x' },
          admin,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await t.put(
          '/statistics/targets',
          { indicator: 'injury', areaCode: '46', year: 2025, value: 1, kind: 'max' },
          manager46,
        )
      ).status,
    ).toBe(403);
    const admin46 = await t.tokenFor('admin', '46');
    expect(
      (
        await t.put(
          '/statistics/targets',
          { indicator: 'injury', areaCode: '48', year: 2025, value: 1, kind: 'max' },
          admin46,
        )
      ).status,
    ).toBe(403);
  });
});

describe('targets in per cent, listed and removed', () => {
  it('takes a per cent of children ("dưới 0,01%"), compares it as per 100,000 and shows both units', async () => {
    const admin = await t.adminToken();
    const set = await t.put(
      '/statistics/targets',
      { indicator: 'abuse', areaCode: '46', year: 2025, value: 0.01, unit: 'percent', kind: 'max' },
      admin,
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ value: 0.01, unit: 'percent', per100k: 10, percent: 0.01 });
    const total = (await rates('indicator=abuse&year=2025&basis=reported')).body.total;
    expect(total.target).toMatchObject({ value: 0.01, unit: 'percent', per100k: 10, percent: 0.01, kind: 'max' });
    expect(total.target.met).toBe(total.rate === null ? null : total.rate <= 10);
  });

  it('refuses a per cent above 100, five decimals, and a KPI target per 100,000', async () => {
    const admin = await t.adminToken();
    const put = (body: Record<string, unknown>) =>
      t.put('/statistics/targets', { areaCode: '46', year: 2025, kind: 'max', ...body }, admin);
    const tooMuch = await put({ indicator: 'abuse', value: 101, unit: 'percent' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0].field).toBe('value');
    expect((await put({ indicator: 'abuse', value: 0.00001, unit: 'percent' })).status).toBe(400);
    expect((await put({ indicator: 'abuse', value: 0.05 })).status).toBe(400);
    const kpiPer100k = await put({ indicator: 'supported_in_time', value: 100, unit: 'per100k', kind: 'min' });
    expect(kpiPer100k.status).toBe(400);
    expect(kpiPer100k.body.errors[0].field).toBe('unit');
    expect((await put({ indicator: 'abuse', value: 1, unit: 'per_mille' })).status).toBe(400);
  });

  it('lists the targets of an area and below it for statistics roles and admins, and removes one (admin)', async () => {
    const admin = await t.adminToken();
    const abuse = { indicator: 'abuse', areaCode: '46', year: 2025, value: 0.01, unit: 'percent', kind: 'max' };
    expect((await t.put('/statistics/targets', abuse, admin)).status).toBe(200);
    const listed = await t.get('/statistics/targets?areaCode=46&year=2025', manager46);
    expect(listed.status).toBe(200);
    const keys = listed.body.items.map(
      (item: { indicator: string; areaCode: string }) => `${item.indicator}/${item.areaCode}`,
    );
    expect(keys).toEqual(expect.arrayContaining(['injury/46', 'injury/46001', 'abuse/46']));
    expect(keys.every((key: string) => !key.endsWith('/48'))).toBe(true);
    expect((await t.get('/statistics/targets?areaCode=48', manager46)).status).toBe(403);
    expect((await t.get('/statistics/targets?areaCode=46', admin)).status).toBe(200);

    const key = 'indicator=abuse&areaCode=46&year=2025';
    expect((await t.request('DELETE', `/statistics/targets?${key}`, { token: manager46 })).status).toBe(403);
    expect((await t.request('DELETE', `/statistics/targets?${key}`, { token: admin })).status).toBe(204);
    expect((await t.request('DELETE', `/statistics/targets?${key}`, { token: admin })).status).toBe(404);
    expect(
      (await t.request('DELETE', `/statistics/targets?indicator=abuse&areaCode=46`, { token: admin })).status,
    ).toBe(400);
    expect((await rates('indicator=abuse&year=2025&basis=reported')).body.total.target).toBeNull();
  });
});

describe('privacy', () => {
  it('never puts a name, a birth date, a child or case id or free text in any statistics response', async () => {
    const bodies: string[] = [];
    for (const groupBy of ['', '&groupBy=area', '&groupBy=sex', '&groupBy=ageGroup', '&groupBy=form']) {
      for (const indicator of ['abuse', 'injury', 'injury_death', 'child_labour']) {
        bodies.push((await rates(`indicator=${indicator}&year=2025&basis=reported${groupBy}`)).text);
        bodies.push(
          (
            await t.request('GET', `/statistics/rates?indicator=${indicator}&year=2025${groupBy}`, {
              token: manager46,
              headers: { accept: 'text/csv' },
            })
          ).text,
        );
      }
    }
    bodies.push((await t.get('/statistics/rates/chart.svg?indicator=injury&year=2025', manager46)).text);
    const xlsx = await fetch(`${t.baseUrl}/api/v1/statistics/rates.xlsx?indicator=injury&year=2025`, {
      headers: { authorization: `Bearer ${manager46}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    workbook.eachSheet((sheet) => sheet.eachRow((row) => bodies.push(JSON.stringify(row.values))));
    const all = bodies.join('\n');
    const forbidden = [...NAMES, ...DATES_OF_BIRTH, ...childIds, ...caseIds, 'Synthetic description'];
    expect(forbidden.filter((value) => all.includes(value))).toEqual([]);
    expect(all).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  }, 60_000);

  it('audits every statistics read with codes only', async () => {
    await rates('indicator=injury&year=2025&period=Q2&groupBy=sex', manager46);
    const [entry] = await t.db.query(
      `SELECT role, subject_type AS "subjectType", subject_id AS "subjectId", details FROM audit_log WHERE action = 'statistics.read' ORDER BY at DESC LIMIT 1`,
    );
    expect(entry).toEqual({
      role: 'manager',
      subjectType: 'Statistics',
      subjectId: '46',
      details: {
        indicator: 'injury',
        year: 2025,
        period: 'Q2',
        basis: 'reported',
        breakdown: 'sex',
        format: 'json',
        protection: 'protected',
      },
    });
  });
});
