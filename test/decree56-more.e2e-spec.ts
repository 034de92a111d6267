import { TestApp } from './support/test-app';
import { deadline, FINDINGS, step } from './support/workflow';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
let officer: string;
let chair: string;
let provincial: string;
let police: string;

const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();
let counter = 0;
async function file(overrides: Record<string, unknown> = {}): Promise<string> {
  const filed = await t.post(
    '/reports',
    reportBody({
      children: [{ fullName: `Ngô Văn Họp ${++counter}`, dateOfBirth: '2013-04-04', sex: 'male' }],
      ...overrides,
    }),
    hotline,
  );
  expect(filed.status).toBe(201);
  return filed.body.cases[0].id as string;
}
async function drafted(): Promise<string> {
  const id = await file();
  await step(t, officer, id, 'initial-assessment', { riskLevel: 'medium', emergency: false });
  await step(t, officer, id, 'detailed-assessment', {
    findings: FINDINGS,
    riskLevel: 'medium',
    substantiation: 'substantiated',
  });
  const plan = await step(t, officer, id, 'plan', {
    goals: ['Trẻ an toàn'],
    measures: [{ agency: 'health', action: 'psychological_support', areaCode: '46001', dueAt: inDays(20) }],
  });
  expect(plan.body.status).toBe('plan_drafted');
  return id;
}

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
  chair = await t.tokenFor('commune_chair', '46001');
  provincial = await t.tokenFor('provincial_officer', '46');
  police = await t.tokenFor('police', '46001');
});
afterAll(() => t.close());

describe('the case meeting (Decree 56 step 4)', () => {
  it('is recorded by a case role with its participants and decisions, and listed in the case view', async () => {
    const id = await file();
    const heldAt = new Date(Date.now() - 3600_000).toISOString();
    const answer = await step(t, chair, id, 'meetings', {
      heldAt,
      participants: ['police', 'health', 'family', 'child'],
      decisions: 'Công an xác minh; y tế hỗ trợ tâm lý',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('received');
    expect(answer.body.meetings).toEqual([
      expect.objectContaining({
        heldAt,
        participants: ['police', 'health', 'family', 'child'],
        decisions: 'Công an xác minh; y tế hỗ trợ tâm lý',
      }),
    ]);
    expect(answer.body.allowedActions).toContain('meetings');
  });

  it('refuses a participant that is neither an agency, the family nor the child, and a meeting before receipt', async () => {
    const id = await file();
    const stranger = await step(t, officer, id, 'meetings', {
      heldAt: inDays(-1),
      participants: ['neighbours'],
      decisions: 'x',
    });
    expect(stranger.status).toBe(400);
    const early = await step(t, officer, id, 'meetings', {
      heldAt: '2025-01-01T00:00:00Z',
      participants: ['family'],
      decisions: 'x',
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].field).toBe('heldAt');
  });

  it('is never shown to agency staff', async () => {
    const id = await file();
    await step(t, officer, id, 'meetings', { heldAt: inDays(-1), participants: ['police'], decisions: 'Bí mật' });
    await t.post(
      `/cases/${id}/interventions`,
      { agency: 'police', type: 'investigation', areaCode: '46001', dueAt: inDays(5) },
      officer,
    );
    const seen = await t.get(`/cases/${id}`, police);
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty('meetings');
    expect(seen.text).not.toContain('Bí mật');
  });
});

describe('the plan sent back (POST /cases/{id}/plan/return)', () => {
  it('takes a drafted plan back to detailed_assessed, meets plan_approval and sets a new plan_draft', async () => {
    const id = await drafted();
    const answer = await step(t, chair, id, 'plan/return', { reason: 'Thiếu biện pháp giáo dục' });
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('detailed_assessed');
    expect(deadline(answer.body, 'plan_approval')!.metAt).not.toBeNull();
    expect(deadline(answer.body, 'plan_draft')).toMatchObject({ metAt: null });
    expect(new Date(deadline(answer.body, 'plan_draft')!.dueAt).getTime()).toBeGreaterThan(Date.now() + 4 * 86400_000);
    const again = await step(t, officer, id, 'plan', {
      goals: ['Trẻ an toàn', 'Trẻ đi học'],
      measures: [{ agency: 'education', action: 'counselling', areaCode: '46001', dueAt: inDays(20) }],
    });
    expect(again.body.status).toBe('plan_drafted');
  });

  it('is for the chair and the provincial officer, from plan_drafted only', async () => {
    const id = await drafted();
    expect((await step(t, officer, id, 'plan/return', { reason: 'x' })).status).toBe(403);
    expect((await step(t, provincial, id, 'plan/return', { reason: 'Thiếu' })).status).toBe(200);
    expect((await step(t, provincial, id, 'plan/return', { reason: 'Lần hai' })).status).toBe(409);
  });

  it('is offered to the chair beside the approval', async () => {
    const id = await drafted();
    expect((await t.get(`/cases/${id}`, chair)).body.allowedActions).toEqual(
      expect.arrayContaining(['plan/approve', 'plan/return']),
    );
  });
});

describe('the separation extended by a competent authority (POST /cases/{id}/separation/extend)', () => {
  const extension = (until: string) => ({
    until,
    decidedBy: 'Tòa án nhân dân khu vực (synthetic)',
    legalBasis: 'Quyết định số 01/QĐ (synthetic)',
  });

  it('moves separation_end to the new date, recorded by the chair', async () => {
    const id = await file();
    const separated = await step(t, chair, id, 'emergency-actions', { type: 'temporary_separation' });
    const end = deadline(separated.body, 'separation_end')!.dueAt;
    expect(separated.body.allowedActions).toContain('separation/extend');
    const until = new Date(new Date(end).getTime() + 10 * 86400_000).toISOString();
    const answer = await step(t, chair, id, 'separation/extend', extension(until));
    expect(answer.status).toBe(200);
    expect(deadline(answer.body, 'separation_end')).toMatchObject({ dueAt: until, metAt: null });
  });

  it('refuses an end not after the current one (400), no separation in force (409), and anyone but the chair (403)', async () => {
    const id = await file();
    expect((await step(t, chair, id, 'separation/extend', extension(inDays(30)))).status).toBe(409);
    const separated = await step(t, chair, id, 'emergency-actions', { type: 'temporary_separation' });
    const end = deadline(separated.body, 'separation_end')!.dueAt;
    const earlier = await step(t, chair, id, 'separation/extend', extension(end));
    expect(earlier.status).toBe(400);
    expect(earlier.body.errors[0].field).toBe('until');
    expect((await step(t, officer, id, 'separation/extend', extension(inDays(30)))).status).toBe(403);
  });
});

describe('Mẫu 01: where the child is, caregivers, family situation, actions taken', () => {
  const situation = {
    childLocation: 'Đang ở nhà bác ruột (synthetic)',
    caregivers: [{ name: 'Bác Ruột Thử', relationship: 'uncle', phone: '0900000009' }],
    familySituation: 'Cha mẹ đi làm xa (synthetic)',
    actionsTaken: 'Hàng xóm đã đưa trẻ đi khám (synthetic)',
  };

  it('is shown like the description: to child-protection roles and the report’s creator, never to agencies', async () => {
    const filed = await t.post(
      '/reports',
      reportBody({
        ...situation,
        children: [{ fullName: 'Mai Thị Mẫu', dateOfBirth: '2012-02-02', sex: 'female' }],
      }),
      hotline,
    );
    expect(filed.status).toBe(201);
    const id = filed.body.cases[0].id;
    expect((await t.get(`/cases/${id}`, officer)).body).toMatchObject(situation);
    expect((await t.get(`/reports/${filed.body.id}`, hotline)).body).toMatchObject(situation);
    await t.post(
      `/cases/${id}/interventions`,
      { agency: 'police', type: 'investigation', areaCode: '46001', dueAt: inDays(5) },
      officer,
    );
    const agency = await t.get(`/cases/${id}`, police);
    for (const key of Object.keys(situation)) expect(agency.body).not.toHaveProperty(key);
    expect(agency.text).not.toContain('synthetic)');
  });

  it('stays empty when the report gives none of it', async () => {
    const id = await file();
    expect((await t.get(`/cases/${id}`, officer)).body).toMatchObject({
      childLocation: null,
      caregivers: [],
      familySituation: null,
      actionsTaken: null,
    });
  });
});
