import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';
import { journey } from './support/journey';
import { deadline, FINDINGS, step } from './support/workflow';

let t: TestApp;
let hotline: string;
let officer: string;
let chair: string;
let provincial: string;
let police: string;
let health: string;
let social: string;

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
  chair = await t.tokenFor('commune_chair', '46001');
  provincial = await t.tokenFor('provincial_officer', '46');
  police = await t.tokenFor('police', '46');
  health = await t.tokenFor('health', '46');
  social = await t.tokenFor('justice', '46');
});
afterAll(() => t.close());

const recently = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

async function report(overrides: Record<string, unknown>): Promise<string> {
  const created = await t.post(
    '/reports',
    reportBody({ receivedAt: recently(2), occurredAt: recently(20), ...overrides }),
    hotline,
  );
  expect(created.status).toBe(201);
  return created.body.cases[0].id;
}

describe('abuse with emergency separation, from the 111 call to closure and reopening', () => {
  let id: string;
  const steps = journey();
  beforeAll(async () => {
    id = await report({
      category: 'abuse',
      form: 'violence',
      allegedPerpetrator: 'parent',
      children: [{ fullName: 'Bùi Thị Khẩn', dateOfBirth: '2016-04-04', sex: 'female', residenceAreaCode: '46001' }],
    });
  });

  steps.it(
    'opens with the initial assessment and, the parent being the alleged abuser, the emergency response due in 12 hours',
    async () => {
      const view = (await t.get(`/cases/${id}`, officer)).body;
      expect(view.status).toBe('received');
      expect(deadline(view, 'initial_assessment')).toMatchObject({ metAt: null, overdue: false });
      expect(
        new Date(deadline(view, 'emergency_response')!.dueAt).getTime() - new Date(view.receivedAt).getTime(),
      ).toBe(12 * 3600_000);
    },
  );

  steps.it(
    'takes the initial assessment (Mẫu 02): emergency, high risk; meets its deadline; violence assessed high goes to the police',
    async () => {
      const response = await step(t, officer, id, 'initial-assessment', {
        riskLevel: 'high',
        emergency: true,
        notes: 'Trẻ bị đánh',
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'initial_assessed',
        riskLevel: 'high',
        emergency: true,
        version: 2,
      });
      expect(deadline(response.body, 'initial_assessment')!.metAt).not.toBeNull();
      expect(deadline(response.body, 'police_referral')).toMatchObject({ metAt: null });
      expect(response.body.assessments).toEqual([
        expect.objectContaining({ kind: 'initial', riskLevel: 'high', emergency: true, notes: 'Trẻ bị đánh' }),
      ]);
    },
  );

  steps.it('lets only the commune chair decide a temporary separation, ending 15 days later', async () => {
    expect((await step(t, officer, id, 'emergency-actions', { type: 'temporary_separation' })).status).toBe(403);
    const decidedAt = recently(1);
    const response = await step(t, chair, id, 'emergency-actions', {
      type: 'temporary_separation',
      notes: 'Đưa trẻ đến nhà bà',
      performedAt: decidedAt,
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('initial_assessed');
    expect(deadline(response.body, 'separation_end')!.dueAt).toBe(
      new Date(new Date(decidedAt).getTime() + 15 * 86400_000).toISOString(),
    );
    expect(deadline(response.body, 'emergency_response')!.metAt).toBe(decidedAt.replace(/Z$/, '').slice(0, 23) + 'Z');
  });

  steps.it('assesses in detail (Mẫu 03) and gives the plan 5 working days', async () => {
    const response = await step(t, officer, id, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'high',
      substantiation: 'substantiated',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'detailed_assessed', substantiation: 'substantiated' });
    expect(deadline(response.body, 'plan_draft')).toMatchObject({ metAt: null });
    expect(response.body.assessments[1]).toMatchObject({ kind: 'detailed', findings: FINDINGS });
  });

  steps.it('drafts the plan (Mẫu 04) and gives the approval 2 working days; the officer cannot approve', async () => {
    const measures = [
      { agency: 'police', action: 'investigation', areaCode: '46', dueAt: inDays(10) },
      { agency: 'health', action: 'psychological_support', areaCode: '46001', dueAt: inDays(20) },
      { agency: 'social', action: 'shelter', areaCode: '46001', dueAt: inDays(5) },
    ];
    const response = await step(t, officer, id, 'plan', { goals: ['Trẻ an toàn', 'Trẻ đi học lại'], measures });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('plan_drafted');
    expect(deadline(response.body, 'plan_draft')!.metAt).not.toBeNull();
    expect(deadline(response.body, 'plan_approval')).toMatchObject({ metAt: null });
    expect(response.body.plan).toMatchObject({ goals: ['Trẻ an toàn', 'Trẻ đi học lại'], measures, approvedAt: null });
    expect((await step(t, officer, id, 'plan/approve', {})).status).toBe(403);
  });

  steps.it(
    'has the chair approve (Mẫu 05): each measure becomes an intervention; the police one meets the referral',
    async () => {
      const response = await step(t, chair, id, 'plan/approve', {});
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('in_intervention');
      expect(
        response.body.interventions.map((i: { agency: string; status: string }) => `${i.agency}:${i.status}`),
      ).toEqual(['police:requested', 'health:requested', 'social:requested']);
      expect(deadline(response.body, 'police_referral')!.metAt).not.toBeNull();
      expect(deadline(response.body, 'plan_approval')!.metAt).not.toBeNull();
      expect(response.body.deadlines.filter((d: { kind: string }) => d.kind === 'intervention')).toHaveLength(3);
    },
  );

  steps.it('lets each agency do its part on its own intervention only', async () => {
    const view = (await t.get(`/cases/${id}`, officer)).body;
    const [policeWork, healthWork] = view.interventions;
    const accepted = await t.request('PATCH', `/interventions/${policeWork.id}`, {
      token: police,
      body: { status: 'accepted', version: 1 },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
    expect(
      (
        await t.request('PATCH', `/interventions/${healthWork.id}`, {
          token: police,
          body: { status: 'accepted', version: 1 },
        })
      ).status,
    ).toBe(404);
    for (const status of ['accepted', 'in_progress', 'completed']) {
      const current = (await t.get(`/cases/${id}`, health)).body.interventions.find(
        (i: { id: string }) => i.id === healthWork.id,
      );
      const moved = await t.request('PATCH', `/interventions/${healthWork.id}`, {
        token: health,
        body: { status, version: current.version, outcome: status === 'completed' ? 'Đã tư vấn 6 buổi' : undefined },
      });
      expect(moved.status).toBe(200);
    }
    const after = (await t.get(`/cases/${id}`, officer)).body;
    expect(after.interventions[1]).toMatchObject({ status: 'completed', outcome: 'Đã tư vấn 6 buổi' });
    expect(
      after.deadlines.find((d: { kind: string; metAt: string | null }) => d.kind === 'intervention' && d.metAt),
    ).toBeTruthy();
  });

  steps.it('refuses a status that moves backward or skips ahead, and a stale version, with 409', async () => {
    const view = (await t.get(`/cases/${id}`, officer)).body;
    const policeWork = view.interventions[0];
    expect(
      (
        await t.request('PATCH', `/interventions/${policeWork.id}`, {
          token: police,
          body: { status: 'requested', version: policeWork.version },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.request('PATCH', `/interventions/${policeWork.id}`, {
          token: police,
          body: { status: 'completed', version: policeWork.version },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.request('PATCH', `/interventions/${policeWork.id}`, {
          token: police,
          body: { status: 'in_progress', version: 1 },
        })
      ).status,
    ).toBe(409);
  });

  steps.it('shows an agency only what its work needs', async () => {
    const view = await t.get(`/cases/${id}`, police);
    expect(view.status).toBe(200);
    expect(view.body).not.toHaveProperty('assessments');
    expect(view.body).not.toHaveProperty('plan');
    expect(view.body).not.toHaveProperty('description');
    expect(view.text).not.toContain('Trẻ bị đánh');
    // Not even who reported when: the reports are the hotline's, not the police's.
    expect(view.body.reports).toEqual([]);
    expect(view.body.interventions[0]).toMatchObject({ agency: 'police', type: 'investigation', version: 2 });
    expect(view.body.interventions[1]).toEqual({ id: expect.any(String), agency: 'health', status: 'completed' });
  });

  steps.it('lets only one of two concurrent intervention updates with the same version through', async () => {
    const policeWork = (await t.get(`/cases/${id}`, officer)).body.interventions[0];
    const body = { status: 'in_progress', version: policeWork.version };
    const responses = await Promise.all([
      t.request('PATCH', `/interventions/${policeWork.id}`, { token: police, body }),
      t.request('PATCH', `/interventions/${policeWork.id}`, { token: officer, body }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = (await t.get(`/cases/${id}`, officer)).body.interventions[0];
    expect(after).toMatchObject({ status: 'in_progress', version: policeWork.version + 1 });
  });

  steps.it(
    'reviews (Mẫu 06) and closes, then reopens to initial_assessed, with a timeline of who did what, when it happened',
    async () => {
      const closed = await step(t, officer, id, 'review', { outcome: 'close', notes: 'Trẻ ổn định' });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      expect(closed.body.deadlines.some((d: { overdue: boolean }) => d.overdue)).toBe(false);
      const reopened = await step(t, officer, id, 'reopen', { reason: 'Có báo cáo mới' });
      expect(reopened.body.status).toBe('initial_assessed');
      expect(reopened.body.timeline.map((s: { step: string; role: string }) => `${s.step}/${s.role}`)).toEqual([
        // The separation was entered after the assessment but back-dated to when it was decided.
        'temporary_separation/commune_chair',
        'initial_assessment/commune_officer',
        'detailed_assessment/commune_officer',
        'draft_plan/commune_officer',
        'approve_plan/commune_chair',
        'review_close/commune_officer',
        'reopen/commune_officer',
      ]);
    },
  );
});

describe('sexual abuse with the criminal track', () => {
  it('refers to the police within 24 hours and follows the criminal report to prosecution', async () => {
    const id = await report({
      form: 'sexual_abuse',
      allegedPerpetrator: 'acquaintance',
      children: [{ fullName: 'Tạ Thị Hình', dateOfBirth: '2013-07-07', sex: 'female', residenceAreaCode: '46001' }],
    });
    const opened = (await t.get(`/cases/${id}`, officer)).body;
    expect(new Date(deadline(opened, 'police_referral')!.dueAt).getTime() - new Date(opened.receivedAt).getTime()).toBe(
      24 * 3600_000,
    );
    const referral = await t.post(
      `/cases/${id}/interventions`,
      { agency: 'police', type: 'criminal_report', areaCode: '46', dueAt: inDays(20), notes: 'Chuyển tố giác' },
      officer,
    );
    expect(referral.status).toBe(201);
    await t.post(
      `/cases/${id}/interventions`,
      { agency: 'health', type: 'forensic_examination', areaCode: '46', dueAt: inDays(2) },
      officer,
    );
    expect(deadline((await t.get(`/cases/${id}`, officer)).body, 'police_referral')!.metAt).not.toBeNull();
    let version = 1;
    for (const status of ['accepted', 'investigating', 'prosecuted']) {
      const moved = await t.request('PATCH', `/interventions/${referral.body.id}`, {
        token: police,
        body: { status, version },
      });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    const history = await t.db.query(
      `SELECT from_status, to_status, role FROM intervention_status_changes WHERE intervention_id = $1 ORDER BY id`,
      [referral.body.id],
    );
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual([
      'requested',
      'accepted',
      'investigating',
      'prosecuted',
    ]);
    expect(history.slice(1).map((h: { role: string }) => h.role)).toEqual(['police', 'police', 'police']);
    // Justice gives legal aid, and sees its own work in full but not the police's.
    const aid = await t.post(
      `/cases/${id}/interventions`,
      { agency: 'justice', type: 'legal_aid', areaCode: '46', dueAt: inDays(30) },
      officer,
    );
    const justiceView = await t.get(`/cases/${id}`, social);
    expect(justiceView.body.interventions).toEqual(
      expect.arrayContaining([
        { id: referral.body.id, agency: 'police', status: 'prosecuted' },
        expect.objectContaining({ id: aid.body.id, type: 'legal_aid' }),
      ]),
    );
    expect(
      (
        await t.request('PATCH', `/interventions/${aid.body.id}`, {
          token: social,
          body: { status: 'accepted', version: 1 },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a criminal report for any agency but the police', async () => {
    const id = await report({
      form: 'sexual_abuse',
      children: [{ fullName: 'Tạ Thị Khác', estimatedAge: 12, sex: 'female', residenceAreaCode: '46001' }],
    });
    const response = await t.post(
      `/cases/${id}/interventions`,
      { agency: 'health', type: 'criminal_report', areaCode: '46', dueAt: inDays(2) },
      officer,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'type', message: expect.any(String) }]);
  });
});

describe('an injury found unfounded', () => {
  it('closes straight after the detailed assessment and cannot take a plan', async () => {
    const id = await report({
      category: 'injury',
      form: 'drowning',
      allegedPerpetrator: undefined,
      children: [{ fullName: 'Lưu Văn Nước', estimatedAge: 7, sex: 'male', residenceAreaCode: '46001' }],
    });
    await step(t, officer, id, 'initial-assessment', { riskLevel: 'low', emergency: false });
    await step(t, officer, id, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'low',
      substantiation: 'unsubstantiated',
    });
    const plan = await step(t, officer, id, 'plan', {
      goals: ['x'],
      measures: [{ agency: 'health', action: 'treatment', areaCode: '46001', dueAt: inDays(3) }],
    });
    expect(plan.status).toBe(409);
    const closed = await step(t, officer, id, 'close', { reason: 'Không có căn cứ' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });
});

describe('a substantiated injury treated by health', () => {
  it('runs to closure with the health facility doing its part', async () => {
    const id = await report({
      category: 'injury',
      form: 'burn',
      fatal: false,
      allegedPerpetrator: undefined,
      children: [{ fullName: 'Lưu Thị Bỏng', estimatedAge: 4, sex: 'female', residenceAreaCode: '46001' }],
    });
    await step(t, officer, id, 'initial-assessment', { riskLevel: 'medium', emergency: true });
    await step(t, officer, id, 'emergency-actions', { type: 'medical_care', notes: 'Đưa đi cấp cứu' });
    await step(t, officer, id, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'medium',
      substantiation: 'substantiated',
    });
    await step(t, officer, id, 'plan', {
      goals: ['Điều trị bỏng'],
      measures: [{ agency: 'health', action: 'treatment', areaCode: '46001', dueAt: inDays(14) }],
    });
    const approved = await step(t, chair, id, 'plan/approve', {});
    const treatment = approved.body.interventions[0];
    let version = treatment.version;
    for (const status of ['accepted', 'in_progress', 'completed']) {
      const moved = await t.request('PATCH', `/interventions/${treatment.id}`, {
        token: health,
        body: { status, version },
      });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    const closed = await step(t, officer, id, 'review', { outcome: 'close' });
    expect(closed.body).toMatchObject({
      status: 'closed',
      emergencyActions: [expect.objectContaining({ type: 'medical_care' })],
    });
  });
});

describe('child labour, re-planned after review', () => {
  it('goes back to detailed_assessed on a replan review and restarts the plan clock', async () => {
    const id = await report({
      category: 'child_labour',
      form: 'excessive_hours',
      allegedPerpetrator: 'employer',
      children: [{ fullName: 'Mã Văn Làm', dateOfBirth: '2010-10-10', sex: 'male', residenceAreaCode: '46002' }],
      occurredAreaCode: '46002',
    });
    const officer2 = await t.tokenFor('commune_officer', '46002');
    await step(t, officer2, id, 'initial-assessment', { riskLevel: 'medium', emergency: false });
    await step(t, officer2, id, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'medium',
      substantiation: 'substantiated',
    });
    await step(t, officer2, id, 'plan', {
      goals: ['Trẻ trở lại trường'],
      measures: [{ agency: 'education', action: 'school_reintegration', areaCode: '46002', dueAt: inDays(30) }],
    });
    const approved = await step(t, provincial, id, 'plan/approve', {});
    expect(approved.status).toBe(200);
    const school = approved.body.interventions[0];
    const education = await t.tokenFor('education', '46');
    expect(
      (
        await t.request('PATCH', `/interventions/${school.id}`, {
          token: education,
          body: { status: 'accepted', version: 1 },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await t.request('PATCH', `/interventions/${school.id}`, {
          token: education,
          body: { status: 'in_progress', version: 2, outcome: 'Đã liên hệ nhà trường' },
        })
      ).status,
    ).toBe(200);
    const replanned = await step(t, officer2, id, 'review', { outcome: 'replan', notes: 'Trẻ chưa đi học lại' });
    expect(replanned.body.status).toBe('detailed_assessed');
    expect(deadline(replanned.body, 'plan_draft')).toMatchObject({ metAt: null });
    const again = await step(t, officer2, id, 'plan', {
      goals: ['Học nghề'],
      measures: [{ agency: 'social', action: 'financial_support', areaCode: '46002', dueAt: inDays(15) }],
    });
    expect(again.body.plan.goals).toEqual(['Học nghề']);
  });
});

describe('the rules of every step', () => {
  const received = (fullName: string) =>
    report({
      children: [{ fullName, estimatedAge: 9, sex: 'male', residenceAreaCode: '46001' }],
      allegedPerpetrator: 'stranger',
    });

  it('refuses a step out of order with 409', async () => {
    const id = await received('Quách Văn Luật');
    expect(
      (
        await step(t, officer, id, 'detailed-assessment', {
          findings: FINDINGS,
          riskLevel: 'low',
          substantiation: 'substantiated',
        })
      ).status,
    ).toBe(409);
    expect((await step(t, officer, id, 'review', { outcome: 'close' })).status).toBe(409);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const id = await received('Quách Văn Cũ');
    const response = await t.post(
      `/cases/${id}/initial-assessment`,
      { version: 7, riskLevel: 'low', emergency: false },
      officer,
    );
    expect(response.status).toBe(409);
    expect((await t.get(`/cases/${id}`, officer)).body.status).toBe('received');
  });

  it('lets only one of two concurrent steps with the same version through', async () => {
    const id = await received('Quách Văn Đồng');
    const body = { version: 1, riskLevel: 'low', emergency: false };
    const responses = await Promise.all([
      t.post(`/cases/${id}/initial-assessment`, body, officer),
      t.post(`/cases/${id}/initial-assessment`, body, officer),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('accepts a back-dated performedAt, but not before receipt nor in the future (400 naming it)', async () => {
    const other = await report({
      children: [{ fullName: 'Quách Văn Ngày', estimatedAge: 9, sex: 'male', residenceAreaCode: '46001' }],
    });
    const before = await step(t, officer, other, 'initial-assessment', {
      riskLevel: 'low',
      emergency: false,
      performedAt: recently(30),
    });
    expect(before.status).toBe(400);
    expect(before.body.errors).toEqual([{ field: 'performedAt', message: expect.any(String) }]);
    expect(
      (
        await step(t, officer, other, 'initial-assessment', {
          riskLevel: 'low',
          emergency: false,
          performedAt: inDays(1),
        })
      ).status,
    ).toBe(400);
    const ok = await step(t, officer, other, 'initial-assessment', {
      riskLevel: 'low',
      emergency: false,
      performedAt: recently(1),
    });
    expect(ok.status).toBe(200);
    expect(deadline(ok.body, 'initial_assessment')!.metAt).toBe(ok.body.timeline[0].performedAt);
  });

  it('answers 404 to an officer of another commune and 403 to roles without the step', async () => {
    const id = await received('Quách Văn Ngoài');
    const outsider = await t.tokenFor('commune_officer', '46003');
    expect(
      (
        await t.post(
          `/cases/${id}/detailed-assessment`,
          { version: 2, findings: FINDINGS, riskLevel: 'low', substantiation: 'substantiated' },
          outsider,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await t.post(
          `/cases/${id}/detailed-assessment`,
          { version: 2, findings: FINDINGS, riskLevel: 'low', substantiation: 'substantiated' },
          police,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await t.post(
          `/cases/${id}/detailed-assessment`,
          { version: 2, findings: FINDINGS, riskLevel: 'low', substantiation: 'substantiated' },
          await t.tokenFor('manager', '46'),
        )
      ).status,
    ).toBe(403);
  });
});

describe('working days', () => {
  it('gives a plan drafted after a detailed assessment on Friday 13 Feb 2026 until Friday 27 Feb, skipping Tết', async () => {
    const id = (
      await t.post(
        '/reports',
        reportBody({
          receivedAt: '2026-02-12T09:00:00+07:00',
          occurredAt: undefined,
          allegedPerpetrator: 'stranger',
          children: [{ fullName: 'Trẻ Tết', estimatedAge: 8, sex: 'male', residenceAreaCode: '46001' }],
        }),
        hotline,
      )
    ).body.cases[0].id;
    await step(t, officer, id, 'initial-assessment', {
      riskLevel: 'low',
      emergency: false,
      performedAt: '2026-02-12T15:00:00+07:00',
    });
    const view = await step(t, officer, id, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'low',
      substantiation: 'substantiated',
      performedAt: '2026-02-13T10:00:00+07:00',
    });
    expect(deadline(view.body, 'plan_draft')!.dueAt).toBe('2026-02-27T16:59:59.000Z');
  });
});

describe('GET /deadlines', () => {
  it('lists what is overdue in the caller’s scope, with how late', async () => {
    const old = await t.post(
      '/reports',
      reportBody({
        receivedAt: '2025-06-02T08:30:00+07:00',
        allegedPerpetrator: 'stranger',
        children: [{ fullName: 'Trẻ Quá Hạn', estimatedAge: 8, sex: 'male', residenceAreaCode: '46001' }],
      }),
      hotline,
    );
    const response = await t.get('/deadlines?overdue=true', officer);
    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual({
      caseId: old.body.cases[0].id,
      caseNumber: old.body.cases[0].caseNumber,
      kind: 'initial_assessment',
      interventionId: null,
      dueAt: '2025-06-02T13:30:00.000Z',
      overdueBy: expect.stringMatching(/^P\d+D/),
      overdueBySeconds: expect.any(Number),
    });
    const elsewhere = await t.get('/deadlines?overdue=true', await t.tokenFor('commune_officer', '46003'));
    expect(elsewhere.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(old.body.cases[0].id);
    expect((await t.get('/deadlines', police)).status).toBe(403);
  });

  it('names the intervention of each intervention deadline (contract v1.1)', async () => {
    const id = await report({
      children: [{ fullName: 'Trẻ Có Hạn Can Thiệp', estimatedAge: 7, sex: 'female', residenceAreaCode: '46001' }],
    });
    await step(t, officer, id, 'initial-assessment', { riskLevel: 'low', emergency: false });
    const work = await t.post(
      `/cases/${id}/interventions`,
      { agency: 'health', type: 'treatment', areaCode: '46001', dueAt: inDays(3) },
      officer,
    );
    const items = (await t.get('/deadlines?kind=intervention&limit=200', officer)).body.items;
    expect(items.filter((item: { caseId: string }) => item.caseId === id)).toEqual([
      expect.objectContaining({ kind: 'intervention', interventionId: work.body.id }),
    ]);
  });

  it('drops the open deadlines of a case when it closes, and lists them again when it is reopened', async () => {
    const id = await report({
      category: 'injury',
      form: 'fall',
      allegedPerpetrator: undefined,
      children: [{ fullName: 'Trẻ Đóng Hồ Sơ', estimatedAge: 9, sex: 'female', residenceAreaCode: '46001' }],
    });
    await step(t, officer, id, 'initial-assessment', { riskLevel: 'low', emergency: false });
    await step(t, officer, id, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'low',
      substantiation: 'unsubstantiated',
    });
    const listed = async () =>
      ((await t.get('/deadlines?kind=plan_draft&limit=200', officer)).body.items as { caseId: string }[]).some(
        (item) => item.caseId === id,
      );
    expect(await listed()).toBe(true);
    expect((await step(t, officer, id, 'close', { reason: 'Không có căn cứ' })).status).toBe(200);
    expect(await listed()).toBe(false);
    expect((await step(t, officer, id, 'reopen', { reason: 'Có báo cáo mới' })).status).toBe(200);
    expect(await listed()).toBe(true);
  });
});

describe('agency scope', () => {
  it('shows police, health, justice and education only cases with an intervention of their agency in their area', async () => {
    const id = await report({
      children: [{ fullName: 'Trẻ Phạm Vi', estimatedAge: 11, sex: 'female', residenceAreaCode: '46001' }],
    });
    const justice = social;
    const education = await t.tokenFor('education', '46');
    const policeElsewhere = await t.tokenFor('police', '48');
    for (const token of [police, health, justice, education])
      expect((await t.get(`/cases/${id}`, token)).status).toBe(404);
    await t.post(
      `/cases/${id}/interventions`,
      { agency: 'police', type: 'emergency_protection', areaCode: '46001', dueAt: inDays(1) },
      officer,
    );
    expect((await t.get(`/cases/${id}`, police)).status).toBe(200);
    expect((await t.get('/cases', police)).body.items.map((c: { id: string }) => c.id)).toContain(id);
    for (const token of [health, justice, education, policeElsewhere]) {
      expect((await t.get(`/cases/${id}`, token)).status).toBe(404);
      expect((await t.get('/cases', token)).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    }
  });
});

describe('the case view tells each caller what it may do now', () => {
  const actionsOf = async (id: string, token: string) => (await t.get(`/cases/${id}`, token)).body.allowedActions;

  it('names the steps open to this caller in this state, as their endpoints', async () => {
    const id = await report({
      children: [{ fullName: 'Lý Văn Được', estimatedAge: 10, sex: 'male', residenceAreaCode: '46001' }],
    });
    expect(await actionsOf(id, officer)).toEqual(['initial-assessment', 'emergency-actions', 'meetings']);
    expect(await actionsOf(id, chair)).toEqual(['emergency-actions', 'meetings']);
    await step(t, officer, id, 'initial-assessment', { riskLevel: 'low', emergency: false });
    await step(t, officer, id, 'detailed-assessment', {
      findings: FINDINGS,
      riskLevel: 'low',
      substantiation: 'substantiated',
    });
    expect(await actionsOf(id, officer)).toEqual(['emergency-actions', 'meetings', 'plan']);
    await step(t, officer, id, 'plan', {
      goals: ['An toàn tại nhà'],
      measures: [{ agency: 'police', action: 'investigation', areaCode: '46', dueAt: inDays(10) }],
    });
    expect(await actionsOf(id, officer)).not.toContain('plan/approve');
    expect(await actionsOf(id, chair)).toEqual(['emergency-actions', 'meetings', 'plan/approve', 'plan/return']);
  });

  it('gives each intervention the statuses this caller may move it to now, and agencies no steps', async () => {
    const id = await report({
      children: [{ fullName: 'Lý Thị Bước', estimatedAge: 8, sex: 'female', residenceAreaCode: '46001' }],
    });
    await step(t, officer, id, 'initial-assessment', { riskLevel: 'low', emergency: false });
    const created = await t.post(
      `/cases/${id}/interventions`,
      { agency: 'police', type: 'investigation', areaCode: '46', dueAt: inDays(5) },
      officer,
    );
    expect(created.body.allowedStatuses).toEqual(['accepted', 'rejected']);
    const policeView = (await t.get(`/cases/${id}`, police)).body;
    expect(policeView.allowedActions).toEqual([]);
    expect(policeView.interventions[0].allowedStatuses).toEqual(['accepted', 'rejected']);
    const accepted = await t.request('PATCH', `/interventions/${created.body.id}`, {
      token: police,
      body: { status: 'accepted', version: 1 },
    });
    expect(accepted.body.allowedStatuses).toEqual(['in_progress']);
    // The chair reads the file but does not manage interventions.
    expect((await t.get(`/cases/${id}`, chair)).body.interventions[0].allowedStatuses).toEqual([]);
  });
});

describe('errors say what would be accepted', () => {
  it('answers an id that cannot be one with 404 saying it is not a valid id', async () => {
    const response = await t.get('/cases/not-a-uuid', officer);
    expect(response.status).toBe(404);
    expect(response.body.detail).toBe('The case was not found: the path does not hold a valid id (ids are UUIDs)');
  });

  it('names the version the case has now when the caller sent another', async () => {
    const id = await report({
      children: [{ fullName: 'Mai Văn Phiên', estimatedAge: 12, sex: 'male', residenceAreaCode: '46001' }],
    });
    const ahead = await step(t, officer, id, 'initial-assessment', { riskLevel: 'low', emergency: false, version: 5 });
    expect(ahead.status).toBe(409);
    expect(ahead.body.detail).toMatch(/at version 1; version 5 does not exist/);
  });

  it('names the statuses an intervention may take next when a move is refused', async () => {
    const id = await report({
      children: [{ fullName: 'Mai Thị Bậc', estimatedAge: 11, sex: 'female', residenceAreaCode: '46001' }],
    });
    await step(t, officer, id, 'initial-assessment', { riskLevel: 'low', emergency: false });
    const created = await t.post(
      `/cases/${id}/interventions`,
      { agency: 'health', type: 'treatment', areaCode: '46', dueAt: inDays(5) },
      officer,
    );
    const skipped = await t.request('PATCH', `/interventions/${created.body.id}`, {
      token: officer,
      body: { status: 'completed', version: 1 },
    });
    expect(skipped.status).toBe(409);
    expect(skipped.body.detail).toMatch(/from requested it can become accepted or rejected/);
  });
});

describe('social workers (role social) work like the other agencies', () => {
  it('see a case with a social intervention in their area and move that intervention, nothing else', async () => {
    const socialWorker = await t.tokenFor('social', '46');
    const id = await report({
      children: [{ fullName: 'Đào Văn Nương', estimatedAge: 9, sex: 'male', residenceAreaCode: '46001' }],
    });
    await step(t, officer, id, 'initial-assessment', { riskLevel: 'medium', emergency: false });
    expect((await t.get(`/cases/${id}`, socialWorker)).status).toBe(404);
    const shelter = await t.post(
      `/cases/${id}/interventions`,
      { agency: 'social', type: 'shelter', areaCode: '46001', dueAt: inDays(7) },
      officer,
    );
    expect(shelter.status).toBe(201);
    const view = await t.get(`/cases/${id}`, socialWorker);
    expect(view.status).toBe(200);
    expect(view.body).not.toHaveProperty('description');
    expect(view.body.interventions[0]).toMatchObject({ agency: 'social', allowedStatuses: ['accepted', 'rejected'] });
    const moved = await t.request('PATCH', `/interventions/${shelter.body.id}`, {
      token: socialWorker,
      body: { status: 'accepted', version: 1 },
    });
    expect(moved.status).toBe(200);
    expect(
      (
        await t.post(
          `/cases/${id}/detailed-assessment`,
          { version: 2, findings: FINDINGS, riskLevel: 'low', substantiation: 'pending' },
          socialWorker,
        )
      ).status,
    ).toBe(403);
  });
});
