import { ADMIN_PASSWORD, TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
let officer46: string;
let officer48: string;
let case46: { id: string; caseNumber: string; childId: string };
let case48: { id: string; caseNumber: string; childId: string };
let report46: string;

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer46 = await t.tokenFor('provincial_officer', '46');
  officer48 = await t.tokenFor('provincial_officer', '48');
  const filed46 = await t.post('/reports', reportBody(), hotline);
  report46 = filed46.body.id;
  case46 = filed46.body.cases[0];
  case48 = (
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

const auditOf = (token: string, query = '') => t.get(`/audit?limit=200${query}`, token);

describe('an auditor reads the audit of its own area only', () => {
  it('shows a provincial auditor what users of its province did, and nothing of another province’s users', async () => {
    const auditor46 = await t.tokenFor('auditor', '46');
    await t.get('/cases', officer48);
    await t.get('/cases', officer46);
    const usernames = new Set(
      ((await auditOf(auditor46)).body.items as { username: string }[]).map((item) => item.username),
    );
    expect(usernames.has(officerName(46))).toBe(true);
    expect(usernames.has(officerName(48))).toBe(false);
  });

  it('shows the rows of cases in its area whoever acted, and no row of a case outside it', async () => {
    const auditor46 = await t.tokenFor('auditor', '46');
    await t.get(`/cases/${case48.id}`, officer48);
    const items = (await auditOf(auditor46)).body.items as {
      caseId: string | null;
      action: string;
      username: string;
    }[];
    // The national hotline operator is not of province 46, but the case it opened there is.
    expect(items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'case.create', caseId: case46.id })]),
    );
    expect(items.filter((item) => item.caseId === case48.id)).toEqual([]);
    expect((await auditOf(auditor46, `&caseId=${case48.id}`)).body.items).toEqual([]);
  });

  it('gives a country auditor everything', async () => {
    const national = await t.tokenFor('auditor', 'VN');
    const caseIds = new Set(
      ((await auditOf(national)).body.items as { caseId: string | null }[]).map((item) => item.caseId),
    );
    expect(caseIds.has(case46.id) && caseIds.has(case48.id)).toBe(true);
  });

  it('answers 404 for the access log of a case outside the auditor’s area', async () => {
    const auditor46 = await t.tokenFor('auditor', '46');
    expect((await t.get(`/cases/${case46.id}/access-log`, auditor46)).status).toBe(200);
    expect((await t.get(`/cases/${case48.id}/access-log`, auditor46)).status).toBe(404);
  });
});

/** The username TestApp.tokenFor gave the provincial officer of a province (see its counter). */
let names: Record<number, string> = {};
function officerName(province: number): string {
  return names[province];
}
beforeAll(async () => {
  names = {
    46: (await t.get('/users/me', officer46)).body.username,
    48: (await t.get('/users/me', officer48)).body.username,
  };
});

describe('every read that returns case data names the cases', () => {
  const accessLog = async (caseId: string) =>
    (await t.get(`/cases/${caseId}/access-log?limit=200`, officer46)).body.items as {
      action: string;
      username: string;
    }[];

  it('logs GET /deadlines with the cases it returned', async () => {
    const before = (await accessLog(case46.id)).filter((item) => item.action === 'deadline.list').length;
    const deadlines = await t.get('/deadlines', officer46);
    expect(deadlines.body.items.map((item: { caseId: string }) => item.caseId)).toContain(case46.id);
    const after = (await accessLog(case46.id)).filter((item) => item.action === 'deadline.list').length;
    expect(after).toBe(before + 1);
  });

  it('logs GET /cases with which cases it listed, one entry in each case’s access log', async () => {
    await t.get('/cases', officer46);
    const entries = await t.db.query(
      `SELECT case_id::text AS "caseId" FROM audit_log WHERE action = 'case.list' AND request_id = (
         SELECT request_id FROM audit_log WHERE action = 'case.list' ORDER BY id DESC LIMIT 1)`,
    );
    expect(entries.map((entry: { caseId: string }) => entry.caseId)).toEqual([case46.id]);
    expect(
      (await accessLog(case46.id)).some((item) => item.action === 'case.list' && item.username === officerName(46)),
    ).toBe(true);
  });

  it('puts the case ids on report.read, so reading a report shows in the case’s access log', async () => {
    expect((await t.get(`/reports/${report46}`, hotline)).status).toBe(200);
    expect((await accessLog(case46.id)).map((item) => item.action)).toContain('report.read');
  });
});

describe('request ids in the log are the server’s own', () => {
  it('keeps the server’s id as the row’s request id and a client’s X-Request-Id beside it, marked as the client’s', async () => {
    const response = await t.request('GET', `/cases/${case46.id}`, {
      token: officer46,
      headers: { 'x-request-id': 'client-chosen-id-0001' },
    });
    expect(response.status).toBe(200);
    const serverId = response.headers.get('x-request-id');
    expect(serverId).not.toBe('client-chosen-id-0001');
    const [row] = await t.db.query(
      `SELECT request_id AS "requestId", client_request_id AS "clientRequestId" FROM audit_log WHERE action = 'case.read' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toEqual({ requestId: serverId, clientRequestId: 'client-chosen-id-0001' });
    const auditor = await t.tokenFor('auditor', 'VN');
    const items = (await t.get(`/audit?caseId=${case46.id}`, auditor)).body.items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestId: serverId, clientRequestId: 'client-chosen-id-0001' }),
      ]),
    );
  });

  it('does the same for a sign-in, before there is a caller', async () => {
    const response = await t.request('POST', '/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
      headers: { 'x-request-id': 'client-login-id-0001' },
    });
    expect(response.status).toBe(200);
    const [row] = await t.db.query(
      `SELECT request_id AS "requestId", client_request_id AS "clientRequestId" FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toEqual({ requestId: response.headers.get('x-request-id'), clientRequestId: 'client-login-id-0001' });
  });

  it('keeps no client id that is not a sane token', async () => {
    await t.request('GET', `/cases/${case46.id}`, { token: officer46, headers: { 'x-request-id': 'bad id; DROP' } });
    const [row] = await t.db.query(
      `SELECT client_request_id AS "clientRequestId" FROM audit_log WHERE action = 'case.read' ORDER BY id DESC LIMIT 1`,
    );
    expect(row.clientRequestId).toBeNull();
  });
});

describe('authenticated responses are not cached', () => {
  it('sends Cache-Control: no-store with case data, and with errors of an authenticated call', async () => {
    expect((await t.get(`/cases/${case46.id}`, officer46)).headers.get('cache-control')).toBe('no-store');
    expect((await t.get(`/cases/${case48.id}`, officer46)).headers.get('cache-control')).toBe('no-store');
    expect((await t.get('/users/me', await t.adminToken())).headers.get('cache-control')).toBe('no-store');
  });
});

describe('possible duplicates stay inside the caller’s scope', () => {
  it('never lists a child whose cases all lie outside the caller’s scope', async () => {
    // Same name and commune of residence: near matches. One child's only case happened in province 48.
    const name = 'Lê Thị Trùng';
    const outside = (
      await t.post(
        '/reports',
        reportBody({
          occurredAreaCode: '48001',
          children: [{ fullName: name, dateOfBirth: '2012-05-05', sex: 'female', residenceAreaCode: '46001' }],
        }),
        hotline,
      )
    ).body.cases[0];
    const visible = (
      await t.post(
        '/reports',
        reportBody({
          occurredAreaCode: '46002',
          children: [{ fullName: name, dateOfBirth: '2012-05-06', sex: 'female', residenceAreaCode: '46001' }],
        }),
        hotline,
      )
    ).body.cases[0];
    const inside = (
      await t.post(
        '/reports',
        reportBody({ children: [{ fullName: name, estimatedAge: 14, sex: 'female', residenceAreaCode: '46001' }] }),
        hotline,
      )
    ).body.cases[0];
    const view = await t.get(`/cases/${inside.id}`, await t.tokenFor('commune_officer', '46001'));
    expect(view.status).toBe(200);
    const listed = view.body.possibleDuplicates.map((duplicate: { childId: string }) => duplicate.childId);
    expect(listed).not.toContain(outside.childId);
    // Province 46 sees the one in 46002, the commune officer of 46001 does not.
    expect(listed).not.toContain(visible.childId);
    const provincial = await t.get(`/cases/${inside.id}`, officer46);
    expect(provincial.body.possibleDuplicates).toEqual([
      { childId: visible.childId, caseNumbers: [visible.caseNumber] },
    ]);
  });
});
