import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../generated/api';

/**
 * The README's journey, written the way a client team writes it: only the generated types of the
 * served OpenAPI document and openapi-fetch, no server code, no cast and no `any`. It type-checks
 * on its own (test/client/tsconfig.json), so a response the document leaves untyped fails the build.
 * Synthetic people only.
 */

/** JSON and problem+json: the media types a client of this API reads. */
type Json = `application/${string}json`;
type Api = Client<paths, Json>;

export interface JourneyResult {
  caseNumber: string;
  statusesSeen: string[];
  interventionStatuses: string[];
  listedCaseIds: string[];
  accessLogActions: string[];
  ratesTotalFlags: string[];
  ratesTotalCount: number | null;
  ratesProtection: string;
  ratesIndicator: string;
}

/** The body of a 2xx answer; any other answer ends the journey with the problem it carried. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined)
    throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error ?? null)}`);
  return result.data;
}

const ONE_TIME_PASSWORD = 'a-one-time-journey-password';
const OWN_PASSWORD = 'a-journey-password-of-my-own';

/** Signs in; a one-time password is replaced first (POST /auth/password, 204), then signs in again. */
async function signIn(baseUrl: string, username: string, password: string): Promise<Api> {
  const anonymous = createClient<paths, Json>({ baseUrl });
  const first = ok(await anonymous.POST('/api/v1/auth/login', { body: { username, password } }), `login ${username}`);
  const asUser = (token: string) =>
    createClient<paths, Json>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  if (!first.passwordChangeRequired) return asUser(first.accessToken);
  const changed = await asUser(first.accessToken).POST('/api/v1/auth/password', {
    body: { currentPassword: password, newPassword: OWN_PASSWORD },
  });
  if (changed.response.status !== 204) throw new Error(`password change of ${username}: ${changed.response.status}`);
  return signIn(baseUrl, username, OWN_PASSWORD);
}

export async function readmeJourney(baseUrl: string, admin: { username: string; password: string }) {
  const anonymous = createClient<paths, Json>({ baseUrl });
  const health = ok(await anonymous.GET('/api/v1/health'), 'health');
  if (health.status !== 'ok') throw new Error('the service is not healthy');

  // The admin: a province and a commune, their children, and one user per role of the journey.
  const asAdmin = await signIn(baseUrl, admin.username, admin.password);
  ok(
    await asAdmin.POST('/api/v1/areas', {
      body: { code: '46', name: 'Tỉnh Hành Trình', level: 'province', parentCode: 'VN', validFrom: null },
    }),
    'province',
  );
  ok(
    await asAdmin.POST('/api/v1/areas', {
      body: { code: '46001', name: 'Xã Hành Trình', level: 'commune', parentCode: '46' },
    }),
    'commune',
  );
  ok(
    await asAdmin.PUT('/api/v1/population', {
      body: [
        { areaCode: '46001', year: 2025, sex: 'male', age: 10, count: 400 },
        { areaCode: '46001', year: 2025, sex: 'female', age: 10, count: 380 },
      ],
    }),
    'population',
  );
  const user = async (username: string, role: components['schemas']['CreateUserDto']['role'], areaCode: string) => {
    ok(
      await asAdmin.POST('/api/v1/users', {
        body: { username, password: ONE_TIME_PASSWORD, fullName: `Người Dùng ${role}`, role, areaCode },
      }),
      `user ${username}`,
    );
    return signIn(baseUrl, username, ONE_TIME_PASSWORD);
  };
  const hotline = await user('journey.hotline', 'hotline_operator', '46');
  const officer = await user('journey.officer', 'commune_officer', '46001');
  const chair = await user('journey.chair', 'commune_chair', '46001');
  const police = await user('journey.police', 'police', '46001');
  const manager = await user('journey.manager', 'manager', '46');

  // Intake: a call to 111 (Mẫu 01); the Idempotency-Key makes a retry safe.
  const report = ok(
    await hotline.POST('/api/v1/reports', {
      params: { header: { 'Idempotency-Key': 'journey-call-0001' } },
      body: {
        channel: 'hotline_111',
        receivedAt: '2025-06-02T08:30:00+07:00',
        category: 'abuse',
        form: 'violence',
        occurredAt: '2025-06-01T20:00:00+07:00',
        occurredAreaCode: '46001',
        allegedPerpetrator: 'parent',
        description: 'Hàng xóm nghe tiếng trẻ khóc (synthetic)',
        children: [{ fullName: 'Trần Văn Hành', dateOfBirth: '2015-03-04', sex: 'male', residenceAreaCode: '46001' }],
        reporter: { name: 'Người Báo Tin', phone: '0900000000', consentToContact: false },
      },
    }),
    'report',
  );
  const caseId = report.cases[0].id;

  const listed = ok(
    await officer.GET('/api/v1/cases', { params: { query: { childName: 'Trần Văn Hành', status: 'received' } } }),
    'case list',
  );
  const path = { params: { path: { id: caseId } } };
  const opened = ok(await officer.GET('/api/v1/cases/{id}', path), 'case');
  const statusesSeen: string[] = [opened.status];

  // The Decree 56 steps, each carrying the version the step before answered with.
  const initial = ok(
    await officer.POST('/api/v1/cases/{id}/initial-assessment', {
      ...path,
      body: { version: opened.version, riskLevel: 'high', emergency: true, notes: 'Trẻ có vết bầm' },
    }),
    'initial assessment',
  );
  statusesSeen.push(initial.status);
  const separated = ok(
    await chair.POST('/api/v1/cases/{id}/emergency-actions', {
      ...path,
      body: { version: initial.version, type: 'temporary_separation', notes: 'Trẻ ở với bà ngoại' },
    }),
    'emergency action',
  );
  const assessed = ok(
    await officer.POST('/api/v1/cases/{id}/detailed-assessment', {
      ...path,
      body: {
        version: separated.version,
        riskLevel: 'high',
        substantiation: 'substantiated',
        findings: {
          physicalEmotional: 'Vết bầm ở tay',
          familyCapacity: 'Gia đình thiếu khả năng bảo vệ',
          riskFactors: 'Bạo lực lặp lại',
          schooling: 'Đang học lớp 4',
          community: 'Hàng xóm hỗ trợ',
          serviceNeeds: 'Hỗ trợ tâm lý',
          childViews: 'Trẻ muốn ở với bà',
        },
      },
    }),
    'detailed assessment',
  );
  statusesSeen.push(assessed.status);

  const codes = ok(await anonymous.GET('/api/v1/codes', { params: { query: { lang: 'en' } } }), 'codes');
  const policeAction = codes.interventionTypes.find(
    (type) => type.agency === 'police' && type.code !== 'criminal_report',
  );
  if (!policeAction) throw new Error('GET /codes lists no police intervention type');
  const planned = ok(
    await officer.POST('/api/v1/cases/{id}/plan', {
      ...path,
      body: {
        version: assessed.version,
        goals: ['Trẻ được an toàn', 'Gia đình được hỗ trợ'],
        measures: [
          { agency: 'police', action: policeAction.code, areaCode: '46001', dueAt: '2025-07-01T17:00:00+07:00' },
        ],
      },
    }),
    'plan',
  );
  statusesSeen.push(planned.status);
  const approved = ok(
    await chair.POST('/api/v1/cases/{id}/plan/approve', { ...path, body: { version: planned.version } }),
    'approval',
  );
  statusesSeen.push(approved.status);

  // The police move their intervention forward, each time with the version they last read.
  const asPolice = ok(await police.GET('/api/v1/cases/{id}', path), 'case as the police');
  const mine = asPolice.interventions.find((item) => item.agency === 'police');
  if (!mine || !('version' in mine)) throw new Error('the police do not see their intervention in full');
  let version = mine.version;
  const interventionStatuses: string[] = [mine.status];
  for (const status of ['accepted', 'in_progress', 'completed'] as const) {
    const moved = ok(
      await police.PATCH('/api/v1/interventions/{id}', {
        params: { path: { id: mine.id } },
        body: { status, version, outcome: status === 'completed' ? 'Đã xác minh' : undefined },
      }),
      `intervention ${status}`,
    );
    version = moved.version;
    interventionStatuses.push(moved.status);
  }

  const current = ok(await officer.GET('/api/v1/cases/{id}', path), 'case before review');
  const closed = ok(
    await officer.POST('/api/v1/cases/{id}/review', {
      ...path,
      body: { version: current.version, outcome: 'close', notes: 'Trẻ an toàn' },
    }),
    'review',
  );
  statusesSeen.push(closed.status);

  const accessLog = ok(
    await officer.GET('/api/v1/cases/{id}/access-log', { params: { path: { id: caseId }, query: { limit: 200 } } }),
    'access log',
  );

  // Statistics for the manager: protected, so one child is never shown as 1 (suppressed, or perturbed to 0).
  const rates = ok(
    await manager.GET('/api/v1/statistics/rates', {
      params: { query: { indicator: 'abuse', year: 2025, areaCode: '46', groupBy: 'area' } },
    }),
    'rates',
  );

  return {
    caseNumber: report.cases[0].caseNumber,
    statusesSeen,
    interventionStatuses,
    listedCaseIds: listed.items.map((item) => item.id),
    accessLogActions: accessLog.items.map((item) => item.action),
    ratesTotalFlags: rates.total.flags,
    ratesTotalCount: rates.total.count,
    ratesProtection: rates.protection,
    ratesIndicator: rates.indicator,
  } satisfies JourneyResult;
}
