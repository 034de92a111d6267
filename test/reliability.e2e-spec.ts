import fc from 'fast-check';
import { mutatedBody, mutatedQuery } from './support/hostile';
import { ApiResponse, TEST_PASSWORD, TestApp } from './support/test-app';
import { FINDINGS, step } from './support/workflow';
import { buildWorld, reportBody } from './support/world';

/**
 * Property-based fuzzing of every JSON endpoint and every list query: a valid request with one
 * field made hostile never gets a 5xx, and every 4xx is problem+json whose `status` is the HTTP
 * status. The seed is fixed so a run is repeatable; FUZZ_SEED and FUZZ_RUNS explore further.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260601);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

let t: TestApp;
const tokens: Record<'admin' | 'hotline' | 'officer' | 'chair' | 'health', string> = {} as never;

const recently = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3600_000).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

function expectWellFormed(response: ApiResponse, what: string): void {
  const problem = (response.headers.get('content-type') ?? '').includes('application/problem+json');
  if (response.status >= 500 || (response.status >= 400 && !(problem && response.body?.status === response.status))) {
    throw new Error(
      `${what} → ${response.status} ${response.headers.get('content-type')}: ${response.text.slice(0, 300)}`,
    );
  }
}

async function newCase(): Promise<string> {
  const body = reportBody({
    receivedAt: recently(2),
    occurredAt: recently(20),
    children: [{ fullName: `Trẻ Thử ${Math.random()}`, estimatedAge: 9, sex: 'female', residenceAreaCode: '46001' }],
  });
  const created = await t.post('/reports', body, tokens.hotline);
  if (created.status !== 201) throw new Error(`report: ${created.status} ${created.text}`);
  return created.body.cases[0].id;
}

async function advance(id: string, token: string, path: string, body: Record<string, unknown>): Promise<void> {
  const response = await step(t, token, id, path, body);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`);
}

const MEASURE = { agency: 'health', action: 'forensic_examination', areaCode: '46001', dueAt: inDays(10) };

/** Cases standing where each step starts: received, assessed, planned, in intervention, closed. */
async function casesByState() {
  const received = await newCase();
  const assessed = await newCase();
  await advance(assessed, tokens.officer, 'initial-assessment', { riskLevel: 'high', emergency: true });
  const substantiated = await newCase();
  await advance(substantiated, tokens.officer, 'initial-assessment', { riskLevel: 'medium', emergency: false });
  await advance(substantiated, tokens.officer, 'detailed-assessment', {
    findings: FINDINGS,
    riskLevel: 'medium',
    substantiation: 'substantiated',
  });
  const unsubstantiated = await newCase();
  await advance(unsubstantiated, tokens.officer, 'initial-assessment', { riskLevel: 'low', emergency: false });
  await advance(unsubstantiated, tokens.officer, 'detailed-assessment', {
    findings: FINDINGS,
    riskLevel: 'low',
    substantiation: 'unsubstantiated',
  });
  const planned = await newCase();
  await advance(planned, tokens.officer, 'initial-assessment', { riskLevel: 'medium', emergency: false });
  await advance(planned, tokens.officer, 'detailed-assessment', {
    findings: FINDINGS,
    riskLevel: 'medium',
    substantiation: 'substantiated',
  });
  await advance(planned, tokens.officer, 'plan', { goals: ['An toàn'], measures: [MEASURE] });
  const intervening = await newCase();
  await advance(intervening, tokens.officer, 'initial-assessment', { riskLevel: 'medium', emergency: false });
  await advance(intervening, tokens.officer, 'detailed-assessment', {
    findings: FINDINGS,
    riskLevel: 'medium',
    substantiation: 'substantiated',
  });
  await advance(intervening, tokens.officer, 'plan', { goals: ['An toàn'], measures: [MEASURE] });
  await advance(intervening, tokens.chair, 'plan/approve', {});
  const closed = await newCase();
  await advance(closed, tokens.officer, 'initial-assessment', { riskLevel: 'low', emergency: false });
  await advance(closed, tokens.officer, 'detailed-assessment', {
    findings: FINDINGS,
    riskLevel: 'low',
    substantiation: 'unsubstantiated',
  });
  await advance(closed, tokens.officer, 'close', { reason: 'Không có căn cứ' });
  return { received, assessed, substantiated, unsubstantiated, planned, intervening, closed };
}

interface Endpoint {
  method: string;
  path: string;
  token?: string;
  body: unknown;
}

async function versionOf(id: string): Promise<number> {
  return (await t.get(`/cases/${id}`, tokens.officer)).body.version;
}

async function endpoints(): Promise<Record<string, Endpoint>> {
  const cases = await casesByState();
  const fuzzUser = await t.post(
    '/users',
    {
      username: 'fuzz.target',
      password: TEST_PASSWORD,
      fullName: 'Fuzz Target',
      role: 'commune_officer',
      areaCode: '46001',
    },
    tokens.admin,
  );
  await t.post(
    '/users',
    { username: 'fuzz.login', password: TEST_PASSWORD, fullName: 'Fuzz Login', role: 'manager', areaCode: '46' },
    tokens.admin,
  );
  const intervention = (await t.get(`/cases/${cases.intervening}`, tokens.officer)).body.interventions[0];
  const v = async (id: string) => ({ version: await versionOf(id) });
  return {
    'POST /auth/login': {
      method: 'POST',
      path: '/auth/login',
      body: { username: 'fuzz.login', password: 'not-the-password-at-all' },
    },
    'POST /users': {
      method: 'POST',
      path: '/users',
      token: tokens.admin,
      body: {
        username: 'fuzz.new',
        password: TEST_PASSWORD,
        fullName: 'Người Mới',
        role: 'commune_officer',
        areaCode: '46001',
      },
    },
    'PATCH /users/{id}': {
      method: 'PATCH',
      path: `/users/${fuzzUser.body.id}`,
      token: tokens.admin,
      body: { fullName: 'Tên Mới', role: 'commune_chair', areaCode: '46002', active: true },
    },
    'POST /reports': {
      method: 'POST',
      path: '/reports',
      token: tokens.hotline,
      body: reportBody({ receivedAt: recently(1), occurredAt: recently(5) }),
    },
    'POST /areas': {
      method: 'POST',
      path: '/areas',
      token: tokens.admin,
      body: { code: 'FZ1', name: 'Xã Thử', level: 'commune', parentCode: '46', validFrom: '2025-07-01' },
    },
    'PUT /population': {
      method: 'PUT',
      path: '/population',
      token: tokens.admin,
      body: [{ areaCode: '46001', year: 2025, sex: 'male', age: 3, count: 10 }],
    },
    'PUT /calendar/holidays': {
      method: 'PUT',
      path: '/calendar/holidays',
      token: tokens.admin,
      body: [{ date: '2031-01-01', name: 'Tết Dương lịch' }],
    },
    'POST /cases/{id}/initial-assessment': {
      method: 'POST',
      path: `/cases/${cases.received}/initial-assessment`,
      token: tokens.officer,
      body: {
        ...(await v(cases.received)),
        riskLevel: 'high',
        emergency: true,
        notes: 'Ghi chú',
        performedAt: recently(1),
      },
    },
    'POST /cases/{id}/emergency-actions': {
      method: 'POST',
      path: `/cases/${cases.assessed}/emergency-actions`,
      token: tokens.chair,
      body: { ...(await v(cases.assessed)), type: 'medical_care', notes: 'Đưa đi khám' },
    },
    'POST /cases/{id}/detailed-assessment': {
      method: 'POST',
      path: `/cases/${cases.assessed}/detailed-assessment`,
      token: tokens.officer,
      body: { ...(await v(cases.assessed)), findings: FINDINGS, riskLevel: 'high', substantiation: 'substantiated' },
    },
    'POST /cases/{id}/plan': {
      method: 'POST',
      path: `/cases/${cases.substantiated}/plan`,
      token: tokens.officer,
      body: { ...(await v(cases.substantiated)), goals: ['An toàn', 'Đi học lại'], measures: [MEASURE] },
    },
    'POST /cases/{id}/plan/approve': {
      method: 'POST',
      path: `/cases/${cases.planned}/plan/approve`,
      token: tokens.chair,
      body: await v(cases.planned),
    },
    'POST /cases/{id}/review': {
      method: 'POST',
      path: `/cases/${cases.intervening}/review`,
      token: tokens.officer,
      body: { ...(await v(cases.intervening)), outcome: 'replan', notes: 'Xem lại' },
    },
    'POST /cases/{id}/close': {
      method: 'POST',
      path: `/cases/${cases.unsubstantiated}/close`,
      token: tokens.officer,
      body: { ...(await v(cases.unsubstantiated)), reason: 'Không có căn cứ' },
    },
    'POST /cases/{id}/reopen': {
      method: 'POST',
      path: `/cases/${cases.closed}/reopen`,
      token: tokens.officer,
      body: { ...(await v(cases.closed)), reason: 'Có báo cáo mới' },
    },
    'POST /cases/{id}/interventions': {
      method: 'POST',
      path: `/cases/${cases.intervening}/interventions`,
      token: tokens.officer,
      body: { agency: 'health', type: 'forensic_examination', areaCode: '46001', dueAt: inDays(5), notes: 'Khám' },
    },
    'PATCH /interventions/{id}': {
      method: 'PATCH',
      path: `/interventions/${intervention.id}`,
      token: tokens.health,
      body: { status: 'accepted', outcome: 'Đã nhận', version: intervention.version },
    },
    'POST /cases/{id}/consents': {
      method: 'POST',
      path: `/cases/${cases.intervening}/consents`,
      token: tokens.officer,
      body: { party: 'guardian', granted: true, recordedAt: recently(1) },
    },
    'POST /cases/{id}/disclosures': {
      method: 'POST',
      path: `/cases/${cases.intervening}/disclosures`,
      token: tokens.officer,
      body: {
        recipient: 'Bệnh viện Nhi',
        recipientType: 'state_authority',
        purpose: 'Điều trị',
        legalBasis: 'Luật Trẻ em 2016',
      },
    },
    'PUT /statistics/targets': {
      method: 'PUT',
      path: '/statistics/targets',
      token: tokens.admin,
      body: { indicator: 'injury', areaCode: '46', year: 2025, value: 100, kind: 'max' },
    },
  };
}

const LIST_QUERIES: [path: string, role: keyof typeof tokens, query: Record<string, string>][] = [
  [
    '/cases',
    'officer',
    { status: 'received', category: 'abuse', areaCode: '46001', childName: 'tre thu', overdue: 'true', limit: '10' },
  ],
  ['/deadlines', 'officer', { overdue: 'false', areaCode: '46001', kind: 'initial_assessment' }],
  ['/users', 'admin', { role: 'manager', limit: '5' }],
  ['/areas', 'admin', { parentCode: '46', level: 'commune', validOn: '2025-07-01' }],
  ['/audit', 'admin', { from: '2025-01-01T00:00:00Z', username: 'admin' }],
  ['/population', 'admin', { areaCode: '46', year: '2025' }],
  ['/calendar/holidays', 'admin', { year: '2026' }],
  [
    '/statistics/rates',
    'officer',
    { indicator: 'injury', year: '2025', period: 'H1', areaCode: '46001', basis: 'reported' },
  ],
  ['/codes', 'officer', { lang: 'en' }],
];

let targets: Record<string, Endpoint>;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  tokens.admin = await t.adminToken();
  tokens.hotline = await t.tokenFor('hotline_operator', 'VN');
  tokens.officer = await t.tokenFor('commune_officer', '46001');
  tokens.chair = await t.tokenFor('commune_chair', '46001');
  tokens.health = await t.tokenFor('health', '46');
  targets = await endpoints();
}, 60_000);
afterAll(() => t.close());

describe('hostile bodies never get a 5xx, and every 4xx is problem+json', () => {
  it('starts from a body each endpoint accepts', async () => {
    // The fuzzing below mutates these; a base that is refused would test little.
    const login = await t.post('/auth/login', { username: 'fuzz.login', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(Object.keys(targets)).toHaveLength(20);
  });

  it.each([
    'POST /auth/login',
    'POST /users',
    'PATCH /users/{id}',
    'POST /reports',
    'POST /areas',
    'PUT /population',
    'PUT /calendar/holidays',
    'POST /cases/{id}/initial-assessment',
    'POST /cases/{id}/emergency-actions',
    'POST /cases/{id}/detailed-assessment',
    'POST /cases/{id}/plan',
    'POST /cases/{id}/plan/approve',
    'POST /cases/{id}/review',
    'POST /cases/{id}/close',
    'POST /cases/{id}/reopen',
    'POST /cases/{id}/interventions',
    'PATCH /interventions/{id}',
    'POST /cases/{id}/consents',
    'POST /cases/{id}/disclosures',
    'PUT /statistics/targets',
  ])('%s', async (name) => {
    const { method, path, token, body } = targets[name];
    await fc.assert(
      fc.asyncProperty(mutatedBody(body), async ({ what, body: mutated }) => {
        const response = await t.request(method, path, {
          token,
          raw: { contentType: 'application/json', data: JSON.stringify(mutated) },
        });
        expectWellFormed(response, `${name} ${what}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('hostile query strings never get a 5xx, and every 4xx is problem+json', () => {
  it.each(LIST_QUERIES)('GET %s', async (path, role, query) => {
    await fc.assert(
      fc.asyncProperty(mutatedQuery(query), async (search) => {
        const response = await t.get(`${path}?${search}`, tokens[role]);
        expectWellFormed(response, `GET ${path}?${search.slice(0, 200)}`);
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    );
  });
});
