import { TestApp } from './support/test-app';
import { deadline, step } from './support/workflow';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let police: string;
let hotline: string;
let officer: string;

const RECEIVED = '2025-06-02T08:30:00+07:00';
const child = (fullName: string) => ({
  fullName,
  dateOfBirth: '2014-05-06',
  sex: 'female',
  residenceAreaCode: '46002',
});

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  police = await t.tokenFor('police', '46');
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46002');
});
afterAll(() => t.close());

async function file(token: string, form: string, name: string): Promise<string> {
  const filed = await t.post(
    '/reports',
    reportBody({ channel: 'police', form, occurredAreaCode: '46002', receivedAt: RECEIVED, children: [child(name)] }),
    token,
  );
  expect(filed.status).toBe(201);
  return filed.body.cases[0].id as string;
}

describe('a report filed by the police about sexual abuse, trafficking or violence opens the criminal track', () => {
  it.each(['sexual_abuse', 'trafficking', 'violence'])(
    '%s: a police criminal_report in the filing officer’s area, due with the police referral, which it meets',
    async (form) => {
      const caseId = await file(police, form, `Lê Thị Hình Sự ${form}`);
      const view = await t.get(`/cases/${caseId}`, officer);
      expect(view.body.interventions).toEqual([
        expect.objectContaining({ agency: 'police', type: 'criminal_report', areaCode: '46', status: 'requested' }),
      ]);
      const due = new Date(new Date(RECEIVED).getTime() + 24 * 3600_000).toISOString();
      expect(view.body.interventions[0].dueAt).toBe(due);
      expect(deadline(view.body, 'police_referral')).toEqual(
        expect.objectContaining({ dueAt: due, metAt: expect.any(String), overdue: false }),
      );
    },
  );

  it('lets the police see the case they reported (through their intervention)', async () => {
    const caseId = await file(police, 'sexual_abuse', 'Lê Thị Thấy Được');
    const seen = await t.get(`/cases/${caseId}`, police);
    expect(seen.status).toBe(200);
    expect(seen.body.interventions[0]).toEqual(expect.objectContaining({ type: 'criminal_report' }));
    expect((await t.get('/cases', police)).body.items.map((item: { id: string }) => item.id)).toContain(caseId);
  });

  it('keeps the police referral met when violence is later assessed high', async () => {
    const caseId = await file(police, 'violence', 'Lê Thị Bạo Lực');
    expect((await step(t, officer, caseId, 'initial-assessment', { riskLevel: 'high', emergency: false })).status).toBe(
      200,
    );
    const view = await t.get(`/cases/${caseId}`, officer);
    expect(deadline(view.body, 'police_referral')?.metAt).toEqual(expect.any(String));
  });

  it('opens nothing for other forms or other reporters', async () => {
    const neglect = await file(police, 'neglect', 'Lê Thị Bỏ Mặc');
    expect((await t.get(`/cases/${neglect}`, officer)).body.interventions).toEqual([]);
    expect((await t.get(`/cases/${neglect}`, police)).status).toBe(404);
    const fromHotline = await file(hotline, 'sexual_abuse', 'Lê Thị Tổng Đài');
    const view = await t.get(`/cases/${fromHotline}`, officer);
    expect(view.body.interventions).toEqual([]);
    expect(deadline(view.body, 'police_referral')?.metAt).toBeNull();
  });
});

describe('a police report of sexual abuse about a child whose abuse case is already open', () => {
  it('gives the police the case to investigate in the agency view: their own report and interventions, none of the earlier reports', async () => {
    const earlierDescription = 'Cô giáo thấy vết bầm trên tay trẻ (báo trước, synthetic)';
    const earlier = await t.post(
      '/reports',
      reportBody({
        form: 'sexual_abuse',
        occurredAreaCode: '46002',
        receivedAt: RECEIVED,
        description: earlierDescription,
        children: [child('Lê Thị Đã Có Hồ Sơ')],
      }),
      hotline,
    );
    const caseId = earlier.body.cases[0].id as string;
    const { version } = (await t.get(`/cases/${caseId}`, officer)).body;
    const moved = await t.post(
      `/cases/${caseId}/transfer`,
      { toAreaCode: '46003', reason: 'Gia đình chuyển nhà', version },
      officer,
    );
    expect(moved.status).toBe(200);

    const filed = await t.post(
      '/reports',
      reportBody({
        channel: 'police',
        form: 'sexual_abuse',
        occurredAreaCode: '46002',
        receivedAt: RECEIVED,
        children: [child('Lê Thị Đã Có Hồ Sơ')],
      }),
      police,
    );
    expect(filed.status).toBe(201);
    const own = (await t.get('/interventions', police)).body.items.filter(
      (item: { caseId: string }) => item.caseId === caseId,
    );
    expect(own).toEqual([expect.objectContaining({ agency: 'police', type: 'criminal_report' })]);

    const seen = await t.get(`/cases/${caseId}`, police);
    expect(seen.status).toBe(200);
    expect(seen.body.reports.map((report: { id: string }) => report.id)).toEqual([filed.body.id]);
    expect(seen.body.interventions).toEqual([expect.objectContaining({ id: own[0].id, type: 'criminal_report' })]);
    expect(seen.body.transfer).toBeNull();
    expect(JSON.stringify(seen.body)).not.toContain(earlier.body.id);
    expect(JSON.stringify(seen.body)).not.toContain(earlierDescription);
    expect((await t.get(`/reports/${earlier.body.id}`, police)).status).toBe(404);
  });
});
