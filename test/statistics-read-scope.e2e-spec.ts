import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';
import { FINDINGS, step } from './support/workflow';

/**
 * Exact figures only where the caller may read every case counted: a child living in 46001 whose
 * child-labour case happened in, and is managed by, 46002 counts in 46001's statistics (at the
 * residence), but 46001's officer cannot open that case. So the figures that count it are
 * `protected` for that officer (as a manager gets them); the figures that do not stay exact.
 */
let t: TestApp;
let officer46001: string;
let officer46002: string;
let provincial46: string;
let managedElsewhere: string;

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  officer46001 = await t.tokenFor('commune_officer', '46001');
  officer46002 = await t.tokenFor('commune_officer', '46002');
  provincial46 = await t.tokenFor('provincial_officer', '46');
  const hotline = await t.tokenFor('hotline_operator', 'VN');
  const report = async (occurredAreaCode: string, fullName: string, sex: string) => {
    const created = await t.post(
      '/reports',
      reportBody({
        category: 'child_labour',
        form: 'underage_work',
        receivedAt: '2025-03-10T15:00:00+07:00',
        occurredAt: '2025-03-10T09:00:00+07:00',
        occurredAreaCode,
        allegedPerpetrator: 'stranger',
        children: [{ fullName, estimatedAge: 10, sex, residenceAreaCode: '46001' }],
      }),
      hotline,
    );
    expect(created.status).toBe(201);
    return created.body.cases[0].id as string;
  };
  // A girl of 46001 working in 46002 (case managed there); a boy of 46001 working at home.
  managedElsewhere = await report('46002', 'Trẻ Làm Việc Xã Khác', 'female');
  const managedHere = await report('46001', 'Trẻ Làm Việc Tại Xã', 'male');
  for (const [token, id] of [
    [officer46002, managedElsewhere],
    [officer46001, managedHere],
  ]) {
    expect((await step(t, token, id, 'initial-assessment', { riskLevel: 'low', emergency: false })).status).toBe(200);
    const assessed = await step(t, token, id, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'medium',
      substantiation: 'substantiated',
    });
    expect(assessed.status).toBe(200);
  }
});
afterAll(() => t.close());

const rates = (query: string, token: string) =>
  t.get(`/statistics/rates?indicator=child_labour&year=2025${query}`, token);

describe('exact statistics only over cases the caller may read', () => {
  it('protects the commune total that counts a case the commune officer gets 404 on', async () => {
    expect((await t.get(`/cases/${managedElsewhere}`, officer46001)).status).toBe(404);
    const response = await rates('&areaCode=46001', officer46001);
    expect(response.status).toBe(200);
    expect(response.body.protection).toBe('protected');
    expect(response.body.total.protection).toBe('protected');
    // Two children, perturbed and then below the minimum cell: never the exact 2.
    expect(response.body.total.count).not.toBe(2);
    expect(response.body.ptableVersion).toEqual(expect.any(String));
  });

  it('keeps exact the rows that count only cases the officer reads, and protects the others', async () => {
    const response = await rates('&areaCode=46001&groupBy=sex', officer46001);
    expect(response.status).toBe(200);
    const row = (sex: string) => response.body.rows.find((r: { key: { sex: string } }) => r.key.sex === sex);
    expect(row('male')).toMatchObject({ protection: 'exact', count: 1 });
    expect(row('female').protection).toBe('protected');
    expect(response.body.additive).toBe(false);
  });

  it('gives exact figures to a caller who reads every case counted (the province officer)', async () => {
    const response = await rates('&areaCode=46001', provincial46);
    expect(response.body).toMatchObject({ protection: 'exact', additive: true });
    expect(response.body.total).toMatchObject({ protection: 'exact', count: 2 });
  });

  it('protects the KPI row whose children supported count a case managed elsewhere', async () => {
    const own = await t.get('/statistics/kpis?year=2025&areaCode=46001', officer46001);
    expect(own.status).toBe(200);
    expect(own.body.protection).toBe('protected');
    expect(own.body.total.protection).toBe('protected');
    expect(own.body.total.supportedInTime.children).not.toBe(2);
    const province = await t.get('/statistics/kpis?year=2025&areaCode=46&groupBy=area', provincial46);
    expect(province.body.protection).toBe('exact');
    expect(province.body.rows[0]).toMatchObject({ protection: 'exact', supportedInTime: { children: 2 } });
  });
});
