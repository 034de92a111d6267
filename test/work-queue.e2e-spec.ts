import { TestApp } from './support/test-app';
import { FINDINGS, step } from './support/workflow';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
let officer: string;
let police: string;
let policeElsewhere: string;
let health: string;
let caseId: string;
let overdueWork: string;
let laterWork: string;
let healthWork: string;

const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
  police = await t.tokenFor('police', '46');
  policeElsewhere = await t.tokenFor('police', '48');
  health = await t.tokenFor('health', '46');
  const filed = await t.post(
    '/reports',
    reportBody({ receivedAt: new Date(Date.now() - 3 * 86400_000).toISOString(), occurredAt: undefined }),
    hotline,
  );
  caseId = filed.body.cases[0].id;
  await step(t, officer, caseId, 'initial-assessment', { riskLevel: 'medium', emergency: false });
  const add = async (agency: string, type: string, dueAt: string) =>
    (await t.post(`/cases/${caseId}/interventions`, { agency, type, areaCode: '46001', dueAt }, officer)).body
      .id as string;
  overdueWork = await add('police', 'investigation', new Date(Date.now() - 86400_000).toISOString());
  laterWork = await add('police', 'emergency_protection', inDays(5));
  healthWork = await add('health', 'treatment', inDays(2));
});
afterAll(() => t.close());

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

describe('GET /interventions, the work queue', () => {
  it('gives agency staff their agency’s interventions in their area, earliest due (overdue) first', async () => {
    const queue = await t.get('/interventions', police);
    expect(queue.status).toBe(200);
    expect(ids(queue.body)).toEqual([overdueWork, laterWork]);
    expect(queue.body.items[0]).toEqual({
      id: overdueWork,
      caseId,
      caseNumber: expect.stringMatching(/^46-\d{4}-\d{6}$/),
      agency: 'police',
      type: 'investigation',
      areaCode: '46001',
      status: 'requested',
      dueAt: expect.any(String),
      overdue: true,
      version: 1,
    });
    expect(queue.body.items[1].overdue).toBe(false);
    expect(ids((await t.get('/interventions', health)).body)).toEqual([healthWork]);
    expect(ids((await t.get('/interventions', policeElsewhere)).body)).toEqual([]);
  });

  it('gives case roles every intervention of the cases in their scope, with the filters of the contract', async () => {
    expect(ids((await t.get('/interventions', officer)).body)).toEqual([overdueWork, healthWork, laterWork]);
    expect(ids((await t.get('/interventions?overdue=true', officer)).body)).toEqual([overdueWork]);
    expect(ids((await t.get('/interventions?agency=health', officer)).body)).toEqual([healthWork]);
    expect(ids((await t.get(`/interventions?caseId=${caseId}&status=requested&limit=1`, officer)).body)).toEqual([
      overdueWork,
    ]);
    expect(ids((await t.get('/interventions?areaCode=46002', officer)).body)).toEqual([]);
  });

  it('takes the work of a case off the overdue list when the case closes, and keeps it in the full list', async () => {
    // A commune of its own, so the other tests' lists stay as they are.
    const officer = await t.tokenFor('commune_officer', '46002');
    const filed = await t.post(
      '/reports',
      reportBody({
        category: 'injury',
        form: 'drowning',
        allegedPerpetrator: undefined,
        receivedAt: new Date(Date.now() - 3 * 86400_000).toISOString(),
        occurredAt: undefined,
        occurredAreaCode: '46002',
        children: [{ fullName: 'Lưu Văn Đóng', estimatedAge: 7, sex: 'male', residenceAreaCode: '46002' }],
      }),
      hotline,
    );
    const closing = filed.body.cases[0].id as string;
    await step(t, officer, closing, 'initial-assessment', { riskLevel: 'low', emergency: false });
    const late = await t.post(
      `/cases/${closing}/interventions`,
      { agency: 'health', type: 'treatment', areaCode: '46002', dueAt: new Date(Date.now() - 3600_000).toISOString() },
      officer,
    );
    expect(ids((await t.get('/interventions?overdue=true', officer)).body)).toContain(late.body.id);
    await step(t, officer, closing, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'low',
      substantiation: 'unsubstantiated',
    });
    expect((await step(t, officer, closing, 'close', { reason: 'Không có căn cứ' })).status).toBe(200);
    expect(ids((await t.get('/interventions?overdue=true', officer)).body)).not.toContain(late.body.id);
    expect(ids((await t.get('/interventions?overdue=true', health)).body)).not.toContain(late.body.id);
    expect((await t.get('/interventions', officer)).body.items).toContainEqual(
      expect.objectContaining({ id: late.body.id, overdue: false }),
    );
  });

  it('carries nothing of the case beyond its id and number', async () => {
    const text = (await t.get('/interventions', officer)).text;
    expect(text).not.toContain('Nguyễn Văn Thử');
    expect(text).not.toContain('Hàng xóm');
  });

  it('pages with a cursor and logs which cases it showed', async () => {
    const first = await t.get('/interventions?limit=2', officer);
    const second = await t.get(`/interventions?limit=2&cursor=${first.body.nextCursor}`, officer);
    expect([...ids(first.body), ...ids(second.body)]).toEqual([overdueWork, healthWork, laterWork]);
    const [row] = await t.db.query(
      `SELECT case_id::text AS "caseId" FROM audit_log WHERE action = 'intervention.list' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.caseId).toBe(caseId);
  });

  it('is not for roles without cases: 403 for a manager and a hotline operator; 400 for a bad filter', async () => {
    expect((await t.get('/interventions', await t.tokenFor('manager', '46'))).status).toBe(403);
    expect((await t.get('/interventions', hotline)).status).toBe(403);
    const bad = await t.get('/interventions?status=done&caseId=42', officer);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['caseId', 'status']);
  });
});
