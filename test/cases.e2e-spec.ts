import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
let officer46001: string;
let provincial46: string;
let caseA: { id: string; caseNumber: string; childId: string };
let caseB: { id: string; caseNumber: string; childId: string };
let caseOther: { id: string };

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer46001 = await t.tokenFor('commune_officer', '46001');
  provincial46 = await t.tokenFor('provincial_officer', '46');
  caseA = (
    await t.post(
      '/reports',
      reportBody({ reporter: { name: 'Người Báo Đồng Ý', phone: '0911111111', consentToContact: true } }),
      hotline,
    )
  ).body.cases[0];
  caseB = (
    await t.post(
      '/reports',
      reportBody({
        occurredAreaCode: '46002',
        children: [{ fullName: 'Hoàng Thị Bé', estimatedAge: 6, sex: 'female', residenceAreaCode: '46002' }],
      }),
      hotline,
    )
  ).body.cases[0];
  caseOther = (
    await t.post(
      '/reports',
      reportBody({
        occurredAreaCode: '48001',
        children: [{ fullName: 'Đinh Văn Xa', estimatedAge: 9, sex: 'male', residenceAreaCode: '48001' }],
      }),
      hotline,
    )
  ).body.cases[0];
});
afterAll(() => t.close());

const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id).sort();

describe('GET /cases', () => {
  it('lists only the cases inside the caller’s area', async () => {
    expect(ids((await t.get('/cases', officer46001)).body)).toEqual([caseA.id]);
    expect(ids((await t.get('/cases', provincial46)).body)).toEqual([caseA.id, caseB.id].sort());
  });

  it('returns the fields of a case list item', async () => {
    const response = await t.get('/cases', officer46001);
    expect(response.body.items[0]).toEqual({
      id: caseA.id,
      caseNumber: caseA.caseNumber,
      category: 'abuse',
      form: 'violence',
      status: 'received',
      riskLevel: null,
      emergency: false,
      areaCode: '46001',
      receivedAt: '2025-06-02T01:30:00.000Z',
      // The commune's only commune officer got it at intake.
      assignee: { id: expect.any(String), username: expect.any(String), fullName: expect.any(String) },
      version: 1,
    });
  });

  it('finds a child by full name, matching the normalized name exactly', async () => {
    expect(ids((await t.get(`/cases?childName=${encodeURIComponent('NGUYEN van  thu')}`, provincial46)).body)).toEqual([
      caseA.id,
    ]);
    expect(ids((await t.get(`/cases?childName=${encodeURIComponent('Nguyễn Văn')}`, provincial46)).body)).toEqual([]);
    // Out of scope stays out of scope, whatever the filter.
    expect(ids((await t.get(`/cases?childName=${encodeURIComponent('Đinh Văn Xa')}`, provincial46)).body)).toEqual([]);
  });

  it('filters by status, category and area, and pages with a cursor', async () => {
    expect(ids((await t.get('/cases?areaCode=46002', provincial46)).body)).toEqual([caseB.id]);
    expect(ids((await t.get('/cases?category=injury', provincial46)).body)).toEqual([]);
    expect(ids((await t.get('/cases?status=received', provincial46)).body)).toHaveLength(2);
    const first = await t.get('/cases?limit=1', provincial46);
    const second = await t.get(`/cases?limit=1&cursor=${first.body.nextCursor}`, provincial46);
    expect([...ids(first.body), ...ids(second.body)].sort()).toEqual([caseA.id, caseB.id].sort());
    expect(second.body.nextCursor).toBeNull();
  });

  it('lists overdue cases: the initial assessment of a 2025 report is long overdue', async () => {
    expect(ids((await t.get('/cases?overdue=true', officer46001)).body)).toEqual([caseA.id]);
  });

  it('gives no case list to roles without case files', async () => {
    for (const role of ['manager', 'auditor', 'hotline_operator']) {
      expect((await t.get('/cases', await t.tokenFor(role, 'VN'))).status).toBe(403);
    }
    expect((await t.get('/cases', await t.adminToken())).status).toBe(403);
  });
});

describe('GET /cases/{id}', () => {
  it('shows the file to the commune officer, reporter included when the reporter agreed', async () => {
    const response = await t.get(`/cases/${caseA.id}`, officer46001);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: caseA.id,
      caseNumber: caseA.caseNumber,
      status: 'received',
      substantiation: 'pending',
      child: {
        id: caseA.childId,
        fullName: 'Nguyễn Văn Thử',
        dateOfBirth: '2015-03-04',
        sex: 'male',
        residenceAreaCode: '46001',
        address: 'Số 1 Đường Thử Nghiệm',
      },
      occurredAreaCode: '46001',
      allegedPerpetrator: 'parent',
      reports: [
        { channel: 'hotline_111', reporter: { name: 'Người Báo Đồng Ý', phone: '0911111111', consentToContact: true } },
      ],
      version: 1,
    });
    expect(response.body.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'emergency_response',
      'initial_assessment',
    ]);
    expect(response.body.deadlines[0]).toMatchObject({ dueAt: '2025-06-02T13:30:00.000Z', metAt: null, overdue: true });
  });

  it('hides the reporter who did not agree to be contacted', async () => {
    const response = await t.get(`/cases/${caseB.id}`, provincial46);
    expect(response.status).toBe(200);
    expect(response.body.reports[0]).not.toHaveProperty('reporter');
    expect(response.text).not.toContain('Trần Thị Báo');
  });

  it('answers 404 outside the caller’s scope and for unknown ids', async () => {
    expect((await t.get(`/cases/${caseB.id}`, officer46001)).status).toBe(404);
    expect((await t.get(`/cases/${caseOther.id}`, provincial46)).status).toBe(404);
    expect((await t.get('/cases/00000000-0000-4000-8000-000000000000', provincial46)).status).toBe(404);
    expect((await t.get('/cases/123', provincial46)).status).toBe(404);
  });

  it('is refused to managers, admins, auditors and hotline operators', async () => {
    for (const role of ['manager', 'auditor', 'hotline_operator']) {
      expect((await t.get(`/cases/${caseA.id}`, await t.tokenFor(role, 'VN'))).status).toBe(403);
    }
  });
});

describe('GET /cases/{id}/access-log', () => {
  it('shows every read of the case, with who and in what role', async () => {
    await t.get(`/cases/${caseA.id}`, officer46001);
    const log = await t.get(`/cases/${caseA.id}/access-log`, provincial46);
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual(
      expect.arrayContaining([
        {
          at: expect.any(String),
          username: expect.stringMatching(/^commune-officer/),
          role: 'commune_officer',
          action: 'case.read',
        },
        {
          at: expect.any(String),
          username: expect.stringMatching(/^hotline-operator/),
          role: 'hotline_operator',
          action: 'case.create',
        },
      ]),
    );
  });

  it('is open to the auditor for any case, and 404 to officers outside the scope', async () => {
    expect((await t.get(`/cases/${caseOther.id}/access-log`, await t.tokenFor('auditor', 'VN'))).status).toBe(200);
    expect((await t.get(`/cases/${caseOther.id}/access-log`, officer46001)).status).toBe(404);
    expect((await t.get(`/cases/${caseA.id}/access-log`, await t.tokenFor('manager', '46'))).status).toBe(403);
  });
});

describe('GET /codes', () => {
  it('labels every code list in Vietnamese by default and in English on request', async () => {
    const vi = await t.get('/codes');
    expect(vi.status).toBe(200);
    expect(vi.body.lang).toBe('vi');
    expect(vi.body.channels).toContainEqual(expect.objectContaining({ code: 'hotline_111', label: 'Tổng đài 111' }));
    expect(vi.body.forms).toContainEqual(
      expect.objectContaining({ code: 'drowning', label: 'Đuối nước', category: 'injury' }),
    );
    expect(vi.body.sexes.map((s: { code: string }) => s.code)).toEqual(['male', 'female', 'unknown']);
    const en = await t.get('/codes?lang=en');
    expect(en.body.categories).toContainEqual(expect.objectContaining({ code: 'child_labour', label: 'Child labour' }));
    expect(en.body.perpetrators).toHaveLength(8);
    expect(en.body.interventionTypes).toContainEqual(
      expect.objectContaining({
        code: 'criminal_report',
        label: 'Criminal report',
        agency: 'police',
      }),
    );
    expect(vi.body.agencies).toContainEqual(expect.objectContaining({ code: 'health', label: 'Y tế' }));
    expect((await t.get('/codes?lang=fr')).status).toBe(400);
  });

  it('lists every code the API uses, each with its Vietnamese and English labels (contract v1.1)', async () => {
    const { body } = await t.get('/codes?lang=en');
    for (const list of [
      'categories',
      'forms',
      'channels',
      'perpetrators',
      'caseStatuses',
      'deadlineKinds',
      'riskLevels',
      'substantiations',
      'agencies',
      'interventionTypes',
      'interventionStatuses',
      'notificationKinds',
      'callTypes',
      'indicators',
      'flags',
      'roles',
    ]) {
      expect(body[list].length).toBeGreaterThan(0);
      for (const item of body[list]) {
        expect(item).toEqual(
          expect.objectContaining({
            code: expect.any(String),
            vi: expect.any(String),
            en: expect.any(String),
            label: item.en,
          }),
        );
      }
    }
    const codes = (list: string) => body[list].map((item: { code: string }) => item.code);
    expect(codes('caseStatuses')).toEqual([
      'received',
      'initial_assessed',
      'detailed_assessed',
      'plan_drafted',
      'in_intervention',
      'closed',
    ]);
    expect(codes('deadlineKinds')).toContain('police_referral');
    expect(codes('interventionStatuses')).toContain('not_prosecuted');
    expect(codes('notificationKinds')).toContain('deadline_overdue');
    expect(codes('callTypes')).toContain('silent');
    expect(codes('flags')).toEqual(['suppressed', 'unreliable', 'no_population']);
    expect(codes('roles')).toContain('auditor');
  });
});
