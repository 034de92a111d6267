import ExcelJS from 'exceljs';
import { KpiFactsService } from '../src/statistics/kpi-facts.service';
import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';
import { FINDINGS, step } from './support/workflow';

/**
 * GET /statistics/kpis follows the case record in the transaction of every write: deadlines met
 * on time or not, children supported in time, open cases and overdue deadlines.
 *
 * The cases happen in June 2025 and every step says when it was taken, so the figures of 2025 do
 * not depend on the day the test runs (asking for "this year" of cases received "30 hours ago"
 * failed in the first hours of every year). Only the intervention falls due in the future.
 */
let t: TestApp;
let officer: string;
let chair: string;
let provincial: string;
const year = 2025;
const RECEIVED = Date.parse('2025-06-10T08:00:00+07:00');
/** `hours` after the reports were received. */
const afterReceipt = (hours: number) => new Date(RECEIVED + hours * 3600_000).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

beforeAll(async () => {
  t = await TestApp.start({ STATS_MIN_CELL: '10' });
  await buildWorld(t);
  officer = await t.tokenFor('commune_officer', '46001');
  chair = await t.tokenFor('commune_chair', '46001');
  provincial = await t.tokenFor('provincial_officer', '46');
});
afterAll(() => t.close());

async function report(fullName: string, receivedAt: string): Promise<string> {
  const hotline = await t.tokenFor('hotline_operator', 'VN');
  const created = await t.post(
    '/reports',
    reportBody({
      receivedAt,
      occurredAt: undefined,
      allegedPerpetrator: 'stranger',
      children: [{ fullName, estimatedAge: 9, sex: 'female', residenceAreaCode: '46001' }],
    }),
    hotline,
  );
  expect(created.status).toBe(201);
  return created.body.cases[0].id as string;
}

const kpis = async (query = '', token = provincial) => {
  const response = await t.get(`/statistics/kpis?year=${year}&areaCode=46${query}`, token);
  expect(response.status).toBe(200);
  return response.body;
};

describe('performance indicators from the case record', () => {
  let helped: string;
  let neglected: string;

  /** The moments of supporting the helped child, for a test to look at the figures in between. */
  type Moment = 'assessed' | 'approved';
  const supportHelped = async (look: (moment: Moment) => Promise<void> = async () => undefined) => {
    await step(t, officer, helped, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'medium',
      substantiation: 'substantiated',
      performedAt: afterReceipt(30),
    });
    await look('assessed');
    await step(t, officer, helped, 'plan', {
      goals: ['Trẻ an toàn'],
      measures: [{ agency: 'health', action: 'treatment', areaCode: '46001', dueAt: inDays(5) }],
      performedAt: afterReceipt(40),
    });
    const approved = await step(t, chair, helped, 'plan/approve', { performedAt: afterReceipt(45) });
    await look('approved');
    const intervention = approved.body.interventions[0];
    const accepted = await t.request('PATCH', `/interventions/${intervention.id}`, {
      token: officer,
      body: { status: 'accepted', version: intervention.version },
    });
    expect(accepted.status).toBe(200);
  };
  const setSupportedTarget = async () =>
    t.put(
      '/statistics/targets',
      { indicator: 'supported_in_time', areaCode: '46', year, value: 100, kind: 'min' },
      await t.tokenFor('admin', 'VN'),
    );

  /**
   * The story of two children, in order; each test brings it to the stage it looks at (`reach`),
   * so that it runs alone as well as after the others.
   */
  const STORY: (() => Promise<unknown>)[] = [
    async () => {
      // Received on 10 June 2025: the initial assessment fell due 12 hours later, long past.
      helped = await report('Trẻ Được Hỗ Trợ', afterReceipt(0));
      neglected = await report('Trẻ Bị Bỏ Sót', afterReceipt(0));
    },
    () =>
      step(t, officer, helped, 'initial-assessment', {
        riskLevel: 'medium',
        emergency: false,
        performedAt: afterReceipt(1),
      }),
    () =>
      step(t, officer, neglected, 'initial-assessment', {
        riskLevel: 'low',
        emergency: false,
        performedAt: afterReceipt(20),
      }),
    () => supportHelped(),
    async () => {
      await step(t, officer, neglected, 'detailed-assessment', {
        findings: FINDINGS,
        riskLevel: 'low',
        substantiation: 'unsubstantiated',
        performedAt: afterReceipt(26),
      });
      // Closed 30 hours after receipt: one whole day.
      await step(t, officer, neglected, 'close', { reason: 'Không có căn cứ', performedAt: afterReceipt(30) });
    },
    () => setSupportedTarget(),
  ];
  const FILED = 0;
  const HELPED_ON_TIME = 1;
  const NEGLECTED_LATE = 2;
  const HELPED_SUPPORTED = 3;
  const NEGLECTED_CLOSED = 4;
  const TARGET_SET = 5;
  let reached = -1;
  /** Plays the story up to `stage`, or to just before it when the test plays that stage itself. */
  async function reach(stage: number, { playing = false } = {}): Promise<void> {
    while (reached < stage - (playing ? 1 : 0)) await STORY[++reached]();
    if (playing) reached = Math.max(reached, stage);
  }

  it('counts an unmet deadline past its due time as due, not met, and overdue; both cases are open', async () => {
    await reach(FILED);
    const body = await kpis();
    expect(body).toMatchObject({ protection: 'exact', additive: true, areaCode: '46' });
    expect(body.total.initialAssessmentOnTime).toMatchObject({ due: 2, met: 0, share: 0 });
    expect(body.total.openCases).toBe(2);
    expect(body.total.overdueDeadlines).toBe(2);
  });

  it('counts an assessment made before the due time as met on time, in the same transaction as the step', async () => {
    await reach(HELPED_ON_TIME);
    const body = await kpis();
    expect(body.total.initialAssessmentOnTime).toMatchObject({ due: 2, met: 1, share: 50 });
    expect(body.total.initialAssessmentOnTime.ci95[0]).toBeLessThan(50);
    expect(body.total.initialAssessmentOnTime.ci95[1]).toBeGreaterThan(50);
    expect(body.total.overdueDeadlines).toBe(1);
  });

  it('a late assessment meets the deadline but not on time', async () => {
    await reach(NEGLECTED_LATE);
    const body = await kpis();
    expect(body.total.initialAssessmentOnTime).toMatchObject({ due: 2, met: 1, share: 50 });
    expect(body.total.overdueDeadlines).toBe(0);
  });

  it('counts a substantiated child as supported in time once an intervention is accepted, every deadline due so far met', async () => {
    await reach(HELPED_SUPPORTED, { playing: true });
    await supportHelped(async (moment) => {
      if (moment === 'assessed')
        expect((await kpis()).total.supportedInTime).toMatchObject({ children: 1, supported: 0, share: 0 });
      if (moment === 'approved') {
        // The plan's deadlines are met on time; the intervention's falls due in 5 days: not yet due.
        const planned = await kpis();
        expect(planned.total.planOnTime).toMatchObject({ due: 2, met: 2, share: 100 });
        expect(planned.total.interventionsOnTime).toMatchObject({ due: 0, met: 0, share: null });
        expect(planned.total.supportedInTime).toMatchObject({ children: 1, supported: 0 });
      }
    });
    expect((await kpis()).total.supportedInTime).toMatchObject({ children: 1, supported: 1, share: 100 });
  });

  it('breaks the figures down by the direct sub-areas; the total is the province', async () => {
    await reach(HELPED_SUPPORTED);
    const body = await kpis('&groupBy=area');
    expect(body.rows.map((row: { key: { areaCode: string } }) => row.key.areaCode)).toEqual([
      '46001',
      '46002',
      '46003',
    ]);
    expect(body.rows[0]).toMatchObject({ openCases: 2, initialAssessmentOnTime: { due: 2, met: 1 } });
    expect(body.rows[1]).toMatchObject({ openCases: 0, initialAssessmentOnTime: { due: 0, share: null } });
    expect(body.rows[0].officers).toBeGreaterThanOrEqual(1);
    expect(body.rows[0].openCasesPerOfficer).toBe(2 / body.rows[0].officers);
  });

  it('closing gives the median days to close in the period of the closing', async () => {
    await reach(NEGLECTED_CLOSED);
    expect((await t.get(`/cases/${neglected}`, officer)).body.status).toBe('closed');
    const body = await kpis();
    expect(body.total).toMatchObject({ openCases: 1, closedCases: 1, medianDaysToClose: 1 });
  });

  it('keeps the deadline and closing sums by month: a quarter, a half and the year add their months up', async () => {
    await reach(NEGLECTED_CLOSED);
    const [{ rows }] = await t.db.query(
      `SELECT count(*)::int AS rows FROM kpi_area_counts
        WHERE measure IN ('due', 'met', 'closed') AND year <> 0 AND period NOT LIKE 'M%'`,
    );
    expect(rows).toBe(0);
    // Every case of the story happened in June 2025.
    const june = (await kpis('&period=M06')).total;
    for (const period of ['Q2', 'H1', 'year']) {
      const total = (await kpis(period === 'year' ? '' : `&period=${period}`)).total;
      expect(total.initialAssessmentOnTime).toEqual(june.initialAssessmentOnTime);
      expect(total.planOnTime).toEqual(june.planOnTime);
      expect(total).toMatchObject({ closedCases: june.closedCases, medianDaysToClose: june.medianDaysToClose });
      expect(total.supportedInTime.children).toBe(june.supportedInTime.children);
    }
    expect((await kpis('&period=M05')).total.initialAssessmentOnTime).toMatchObject({ due: 0, met: 0 });
  });

  it('judges a KPI target in per cent on the share of the period', async () => {
    await reach(TARGET_SET, { playing: true });
    const set = await setSupportedTarget();
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ unit: 'percent', value: 100, percent: 100, per100k: null });
    const body = await kpis();
    expect(body.total.supportedInTime.target).toEqual({ value: 100, kind: 'min', unit: 'percent', met: true });
    expect(body.total.initialAssessmentOnTime.target).toBeNull();
  });

  it('gives managers protected counts: small counts are suppressed and their shares are null', async () => {
    await reach(TARGET_SET);
    const manager = await t.tokenFor('manager', '46');
    const body = await kpis('', manager);
    expect(body.protection).toBe('protected');
    expect(body.additive).toBe(false);
    // Two deadlines and one child: perturbed by at most 2, then 1–9 suppressed — 0 or not shown, no share either way.
    expect([0, null]).toContain(body.total.initialAssessmentOnTime.due);
    expect(body.total.initialAssessmentOnTime).toMatchObject({ share: null, ci95: null });
    expect([0, null]).toContain(body.total.supportedInTime.children);
    expect(body.total.supportedInTime).toMatchObject({ share: null, ci95: null });
    expect(body.total.medianDaysToClose).toBeNull();
    // A case role may ask for the published table too.
    expect((await kpis('&protection=protected')).protection).toBe('protected');
  });

  it('answers 403 outside the caller’s area and 400 for a bad period; agencies may not read KPIs', async () => {
    expect((await t.get(`/statistics/kpis?year=${year}&areaCode=48`, provincial)).status).toBe(403);
    expect((await t.get(`/statistics/kpis?year=${year}&period=H3`, provincial)).status).toBe(400);
    expect((await t.get(`/statistics/kpis?year=${year}`, await t.tokenFor('police', '46'))).status).toBe(403);
  });

  it('packs the period report: cover, every rate indicator and KPI for the area and each sub-area against targets', async () => {
    await reach(TARGET_SET);
    const admin = await t.tokenFor('admin', 'VN');
    await t.put(
      '/statistics/targets',
      { indicator: 'abuse', areaCode: '46001', year, value: 0.01, unit: 'percent', kind: 'max' },
      admin,
    );
    const hotline = await t.tokenFor('hotline_operator', '46');
    const call = await t.post(
      '/calls',
      { channel: 'provincial_hotline', type: 'counselling', areaCode: '46001', receivedAt: afterReceipt(2) },
      hotline,
    );
    expect(call.status).toBe(201);
    const response = await fetch(`${t.baseUrl}/api/v1/statistics/report.xlsx?year=${year}&period=H1&areaCode=46`, {
      headers: { authorization: `Bearer ${provincial}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Bìa',
      'Chỉ số tỷ lệ',
      'Chỉ số KPI',
      'Tình hình xử lý',
      'Cuộc gọi',
    ]);
    const records = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
      const rows = [];
      for (let n = 2; n <= sheet.rowCount; n++)
        rows.push(
          Object.fromEntries(header.map((column, index) => [column, sheet.getRow(n).getCell(index + 1).value])),
        );
      return rows;
    };
    const coverSheet = workbook.getWorksheet('Bìa')!;
    const lines = new Map<string, unknown>();
    coverSheet.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(lines.get('Mã địa bàn [area_code]')).toBe('46');
    expect(lines.get('Kỳ báo cáo [period]')).toBe('H1');
    expect(lines.get('Bảo vệ số liệu [protection]')).toBe('exact');
    expect(lines.get('Người lập [generated_by]')).toEqual(expect.any(String));
    expect(String(lines.get('Thời điểm lập [generated_at]'))).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const rates = records('Chỉ số tỷ lệ');
    expect(new Set(rates.map((row) => row['Mã chỉ số [indicator]']))).toEqual(
      new Set(['abuse', 'injury', 'injury_death', 'child_labour']),
    );
    // Each indicator: the province, then each commune.
    expect(
      rates.filter((row) => row['Mã chỉ số [indicator]'] === 'abuse').map((row) => row['Mã địa bàn [area_code]']),
    ).toEqual(['46', '46001', '46002', '46003']);
    const abuse46001 = rates.find(
      (row) => row['Mã chỉ số [indicator]'] === 'abuse' && row['Mã địa bàn [area_code]'] === '46001',
    )!;
    expect(abuse46001).toMatchObject({
      'Chỉ số [indicator_label]': 'Trẻ em bị xâm hại',
      'Địa bàn [area_name]': 'Xã Demo 1',
      'Chỉ tiêu trên 100.000 [target_per100k]': 10,
      'Chỉ tiêu % [target_percent]': 0.01,
      'Đơn vị chỉ tiêu [target_unit]': 'percent',
      'Loại chỉ tiêu [target_kind]': 'max',
    });

    const kpiRows = records('Chỉ số KPI');
    const kpiOf = (kpi: string, area: string) =>
      kpiRows.find((row) => row['Mã KPI [kpi]'] === kpi && row['Mã địa bàn [area_code]'] === area)!;
    const json = (await kpis('&period=H1&groupBy=area')).rows[0];
    expect(kpiOf('initialAssessmentOnTime', '46001')).toMatchObject({
      'Mẫu số (thời hạn đến hạn, trẻ em) [denominator]': json.initialAssessmentOnTime.due,
      'Tử số (đúng hạn, được hỗ trợ kịp thời) [numerator]': json.initialAssessmentOnTime.met,
    });
    expect(kpiOf('supportedInTime', '46')).toMatchObject({
      'Chỉ tiêu [target_value]': 100,
      'Đơn vị chỉ tiêu [target_unit]': 'percent',
      'Loại chỉ tiêu [target_kind]': 'min',
    });
    expect(new Set(kpiRows.map((row) => row['Mã KPI [kpi]']))).toEqual(
      new Set([
        'initialAssessmentOnTime',
        'emergencyResponseOnTime',
        'policeReferralOnTime',
        'planOnTime',
        'interventionsOnTime',
        'supportedInTime',
      ]),
    );
    const calls = records('Cuộc gọi');
    expect(calls[0]).toMatchObject({ 'Phân tổ [breakdown]': 'total', 'Mã [key]': '46', 'Số cuộc gọi [count]': 1 });
    expect(calls.find((row) => row['Mã [key]'] === 'counselling')).toMatchObject({
      'Tên [label]': 'Tư vấn',
      'Số cuộc gọi [count]': 1,
    });
    const work = records('Tình hình xử lý');
    expect(work.map((row) => row['Mã địa bàn [area_code]'])).toEqual(['46', '46001', '46002', '46003']);

    // A manager's package is protected, like the figures in it.
    const protectedReport = await fetch(`${t.baseUrl}/api/v1/statistics/report.xlsx?year=${year}&areaCode=46`, {
      headers: { authorization: `Bearer ${await t.tokenFor('manager', '46')}` },
    });
    const published = new ExcelJS.Workbook();
    await published.xlsx.load(Buffer.from(await protectedReport.arrayBuffer()) as never);
    const protectedLines = new Map<string, unknown>();
    published
      .getWorksheet('Bìa')!
      .eachRow((row) => protectedLines.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(protectedLines.get('Bảo vệ số liệu [protection]')).toBe('protected');
    expect((await t.get(`/statistics/report.xlsx?year=${year}&areaCode=48`, provincial)).status).toBe(403);
    // A commune officer may not read call statistics: no calls sheet, and the cover says so.
    const communeReport = await fetch(`${t.baseUrl}/api/v1/statistics/report.xlsx?year=${year}&areaCode=46001`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    const commune = new ExcelJS.Workbook();
    await commune.xlsx.load(Buffer.from(await communeReport.arrayBuffer()) as never);
    expect(commune.worksheets.map((sheet) => sheet.name)).not.toContain('Cuộc gọi');
  });

  /** Each sum as readers see it: its shards added up. */
  const SUMS_OVER_SHARDS = `SELECT measure, kind, year, period, days, area_code, parent_code,
                                  sum(value)::int AS value, sum(key_sum)::int AS key_sum
                             FROM kpi_area_counts GROUP BY 1, 2, 3, 4, 5, 6, 7
                           HAVING sum(value) <> 0 OR sum(key_sum) <> 0 ORDER BY 1, 2, 3, 4, 5, 6`;

  it('rebuilding the KPI facts from the case record gives the same sums', async () => {
    await reach(TARGET_SET);
    const before = await t.db.query(SUMS_OVER_SHARDS);
    const rebuilt = await t.db.transaction(async (manager) => {
      await new KpiFactsService().rebuildAll(manager);
      return manager.query(SUMS_OVER_SHARDS);
    });
    expect(rebuilt).toEqual(before);
  });
});
