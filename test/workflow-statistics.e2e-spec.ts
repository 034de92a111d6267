import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';
import { FINDINGS, step } from './support/workflow';

/** The statistics follow the workflow: an abuse case counts once it is found substantiated. */
let t: TestApp;
let officer: string;
/** Exact counts: a provincial officer reads the cases of its province anyway. */
let provincial: string;
/** A year chosen, not the current one: a case received "an hour ago" fell in the previous year at New Year. */
const year = 2025;

beforeAll(async () => {
  t = await TestApp.start({ STATS_MIN_CELL: '1' });
  await buildWorld(t);
  // 100 boys and 100 girls of each age 0–17 in commune 46001: 3,200 children aged 0–15.
  await t.db.query(
    `INSERT INTO population (area_code, year, sex, age, count)
     SELECT '46001', $1, sex, age, 100 FROM unnest(ARRAY['male', 'female']) AS sex, generate_series(0, 17) AS age`,
    [year],
  );
  officer = await t.tokenFor('commune_officer', '46001');
  provincial = await t.tokenFor('provincial_officer', '46');
});
afterAll(() => t.close());

const abuseCount = async () =>
  (await t.get(`/statistics/rates?indicator=abuse&year=${year}&areaCode=46001`, provincial)).body.total as {
    count: number;
    population: number;
    rate: number;
  };

it('counts an abuse case from the detailed assessment that substantiates it, and no sooner', async () => {
  const hotline = await t.tokenFor('hotline_operator', 'VN');
  const receivedAt = '2025-06-10T08:00:00+07:00';
  const created = await t.post(
    '/reports',
    reportBody({
      receivedAt,
      occurredAt: undefined,
      allegedPerpetrator: 'stranger',
      children: [{ fullName: 'Trẻ Thống Kê', estimatedAge: 9, sex: 'female', residenceAreaCode: '46001' }],
    }),
    hotline,
  );
  const id = created.body.cases[0].id;
  expect(await abuseCount()).toMatchObject({ count: 0, population: 3200 });
  await step(t, officer, id, 'initial-assessment', { riskLevel: 'medium', emergency: false });
  const assessed = await step(t, officer, id, 'detailed-assessment', {
    findings: FINDINGS,
    riskLevel: 'medium',
    substantiation: 'substantiated',
  });
  expect(assessed.status).toBe(200);
  // 1 child of 3,200: 31.25 per 100,000.
  expect(await abuseCount()).toMatchObject({ count: 1, population: 3200, rate: 31.3 });
});
