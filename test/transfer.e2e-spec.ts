import { TestApp } from './support/test-app';
import { step } from './support/workflow';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
let officerA: string; // 46001, where the case is
let officerB: string; // 46002, where the child moved
let chairB: string;
let chairA: string;
let officerC: string; // 46003, not involved
let provincial: string;
let officerAId: string;

let children = 0;
async function fileIn46001(): Promise<string> {
  const child = {
    fullName: `Đỗ Văn Chuyển ${++children}`,
    dateOfBirth: '2014-01-02',
    sex: 'male',
    residenceAreaCode: '46001',
  };
  const filed = await t.post('/reports', reportBody({ children: [child] }), hotline);
  expect(filed.status).toBe(201);
  return filed.body.cases[0].id as string;
}
const versionOf = async (id: string) => (await t.get(`/cases/${id}`, provincial)).body.version as number;
const transfer = async (token: string, id: string, body: Record<string, unknown> = {}) =>
  t.post(
    `/cases/${id}/transfer`,
    { toAreaCode: '46002', reason: 'Gia đình chuyển nhà', version: await versionOf(id), ...body },
    token,
  );
const decide = async (token: string, id: string, answer: 'accept' | 'reject', body: Record<string, unknown> = {}) =>
  t.post(
    `/cases/${id}/transfer/${answer}`,
    { version: await versionOf(id), ...(answer === 'reject' ? { reason: 'Trẻ không sống ở xã này' } : {}), ...body },
    token,
  );
const queue = async (token: string) =>
  ((await t.get('/interventions', token)).body.items as { caseId: string }[]).map((i) => i.caseId);
const listed = async (token: string) =>
  ((await t.get('/cases', token)).body.items as { id: string }[]).map((c) => c.id);
const deadlinesOf = async (token: string) =>
  ((await t.get('/deadlines', token)).body.items as { caseId: string }[]).map((d) => d.caseId);
/** The children counted for abuse in 2025 (reported) per commune, as the provincial officer reads them. */
async function countedByCommune(): Promise<Record<string, number>> {
  const answer = await t.get(
    '/statistics/rates?indicator=abuse&year=2025&basis=reported&areaCode=46&groupBy=area',
    provincial,
  );
  expect(answer.status).toBe(200);
  return Object.fromEntries(
    (answer.body.rows as { key: { areaCode: string }; count: number }[]).map((row) => [row.key.areaCode, row.count]),
  );
}

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officerA = await t.tokenFor('commune_officer', '46001');
  officerB = await t.tokenFor('commune_officer', '46002');
  chairA = await t.tokenFor('commune_chair', '46001');
  chairB = await t.tokenFor('commune_chair', '46002');
  officerC = await t.tokenFor('commune_officer', '46003');
  provincial = await t.tokenFor('provincial_officer', '46');
  officerAId = (await t.get('/users/me', officerA)).body.id;
});
afterAll(() => t.close());

describe('a transfer to another commune, accepted', () => {
  let police: string;

  beforeAll(async () => {
    police = await t.tokenFor('police', '46001');
  });

  /** A case of 46001 with police work of 46001 on it; each test takes cases of its own. */
  async function caseWithPoliceWork(): Promise<string> {
    const caseId = await fileIn46001();
    const dueAt = new Date(Date.now() + 5 * 86400_000).toISOString();
    const requested = await t.post(
      `/cases/${caseId}/interventions`,
      { agency: 'police', type: 'investigation', areaCode: '46001', dueAt },
      officerA,
    );
    expect(requested.status).toBe(201);
    return caseId;
  }
  async function pendingTransfer(): Promise<string> {
    const caseId = await caseWithPoliceWork();
    expect((await transfer(officerA, caseId)).status).toBe(200);
    return caseId;
  }
  async function acceptedTransfer(): Promise<string> {
    const caseId = await pendingTransfer();
    expect((await decide(officerB, caseId, 'accept')).status).toBe(200);
    return caseId;
  }

  it('before: the target commune does not see the case, in its view, its list, its deadlines or interventions', async () => {
    const caseId = await caseWithPoliceWork();
    expect((await t.get(`/cases/${caseId}`, officerB)).status).toBe(404);
    expect(await listed(officerB)).not.toContain(caseId);
    expect(await deadlinesOf(officerB)).not.toContain(caseId);
    expect(await queue(officerB)).not.toContain(caseId);
    expect((await t.get(`/cases/${caseId}`, officerA)).body.transfer).toBeNull();
  });

  it('asked by an officer of the case: the case carries the pending transfer and its version moves on', async () => {
    const caseId = await caseWithPoliceWork();
    const version = await versionOf(caseId);
    const asked = await transfer(officerA, caseId);
    expect(asked.status).toBe(200);
    expect(asked.body.transfer).toEqual({
      toAreaCode: '46002',
      status: 'pending',
      requestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      requestedBy: officerAId,
    });
    expect(asked.body.version).toBe(version + 1);
    expect(asked.body.areaCode).toBe('46001');
  });

  it('tells the target commune’s officers and chairs that a transfer waits for them (transfer_requested), nobody else', async () => {
    const caseId = await pendingTransfer();
    const told = async (token: string) =>
      ((await t.get('/notifications?limit=200', token)).body.items as { kind: string; caseId: string }[]).filter(
        (item) => item.kind === 'transfer_requested' && item.caseId === caseId,
      ).length;
    expect(await told(officerB)).toBe(1);
    expect(await told(chairB)).toBe(1);
    expect(await told(officerA)).toBe(0);
    expect(await told(officerC)).toBe(0);
  });

  it('while pending: the target commune’s case roles read it (view, list, deadlines), the old commune still does', async () => {
    const caseId = await pendingTransfer();
    for (const token of [officerB, chairB]) {
      expect((await t.get(`/cases/${caseId}`, token)).status).toBe(200);
      expect(await listed(token)).toContain(caseId);
      expect(await deadlinesOf(token)).toContain(caseId);
      expect(await queue(token)).toContain(caseId);
    }
    expect((await t.get(`/cases/${caseId}`, officerA)).status).toBe(200);
    expect(await listed(officerA)).toContain(caseId);
    expect((await t.get(`/cases/${caseId}`, officerC)).status).toBe(404);
    expect(await listed(officerC)).not.toContain(caseId);
  });

  it('while pending: the target may not work on the case yet', async () => {
    const caseId = await pendingTransfer();
    const refused = await step(t, officerB, caseId, 'initial-assessment', { riskLevel: 'low', emergency: false });
    expect(refused.status).toBe(404);
  });

  it('a second transfer while one is pending is 409', async () => {
    const caseId = await pendingTransfer();
    const second = await transfer(officerA, caseId, { toAreaCode: '46003' });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is answered only by a case role of the target area (403 for the old commune), at the current version (409)', async () => {
    const caseId = await pendingTransfer();
    expect((await decide(officerA, caseId, 'accept')).status).toBe(403);
    expect((await decide(officerB, caseId, 'accept', { version: (await versionOf(caseId)) - 1 })).status).toBe(409);
    expect((await decide(officerC, caseId, 'accept')).status).toBe(404);
  });

  it('accepted: the case belongs to the target commune, its assignee cleared', async () => {
    const caseId = await pendingTransfer();
    expect((await t.get(`/cases/${caseId}`, officerA)).body.assignee).not.toBeNull();
    const accepted = await decide(officerB, caseId, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.areaCode).toBe('46002');
    expect(accepted.body.occurredAreaCode).toBe('46001'); // where it happened does not move
    expect(accepted.body.assignee).toBeNull();
    expect(accepted.body.transfer).toEqual(expect.objectContaining({ toAreaCode: '46002', status: 'accepted' }));
    expect(accepted.body.allowedActions).toContain('initial-assessment');
  });

  it('after: the old commune no longer sees it; the new one does, in its view, list and deadlines', async () => {
    const caseId = await acceptedTransfer();
    expect((await t.get(`/cases/${caseId}`, officerA)).status).toBe(404);
    expect((await t.get(`/cases/${caseId}`, chairA)).status).toBe(404);
    expect(await listed(officerA)).not.toContain(caseId);
    expect(await deadlinesOf(officerA)).not.toContain(caseId);
    expect(await listed(officerB)).toContain(caseId);
    expect(await deadlinesOf(officerB)).toContain(caseId);
    expect(await queue(officerA)).not.toContain(caseId);
    expect(await queue(officerB)).toContain(caseId);
    // The agency's work does not move with the case: the police of 46001 keep their intervention.
    expect(await queue(police)).toContain(caseId);
    expect((await t.get(`/cases/${caseId}`, police)).status).toBe(200);
    expect((await t.get('/cases?areaCode=46002', provincial)).body.items.map((c: { id: string }) => c.id)).toContain(
      caseId,
    );
  });

  it('statistics count the child where they lived at the event, before, during and after', async () => {
    const caseId = await caseWithPoliceWork();
    const counted = await countedByCommune();
    expect(counted['46001']).toBeGreaterThanOrEqual(1);
    expect((await transfer(officerA, caseId)).status).toBe(200);
    expect(await countedByCommune()).toEqual(counted);
    expect((await decide(officerB, caseId, 'accept')).status).toBe(200);
    expect(await countedByCommune()).toEqual(counted);
  });

  it('a new transfer can be asked once none is pending', async () => {
    const caseId = await acceptedTransfer();
    expect((await transfer(officerB, caseId, { toAreaCode: '46003' })).status).toBe(200);
  });
});

describe('a transfer rejected', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await fileIn46001();
    expect((await transfer(provincial, caseId)).status).toBe(200);
  });

  it('leaves the case where it was, and the target commune no longer reads it', async () => {
    const version = await versionOf(caseId);
    expect((await decide(chairB, caseId, 'reject')).status).toBe(204);
    expect((await t.get(`/cases/${caseId}`, officerB)).status).toBe(404);
    expect(await listed(officerB)).not.toContain(caseId);
    const view = (await t.get(`/cases/${caseId}`, officerA)).body;
    expect(view.areaCode).toBe('46001');
    expect(view.transfer).toEqual(expect.objectContaining({ status: 'rejected' }));
    expect(view.version).toBe(version + 1);
  });

  it('answering with nothing pending is 409', async () => {
    const answered = await fileIn46001();
    expect((await transfer(provincial, answered)).status).toBe(200);
    expect((await decide(chairB, answered, 'reject')).status).toBe(204);
    expect((await decide(officerA, answered, 'accept')).status).toBe(409);
    expect((await decide(officerA, answered, 'reject')).status).toBe(409);
  });
});

describe('POST /cases/{id}/transfer, refused', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await fileIn46001();
  });

  it('400 on toAreaCode when it is not a commune, unknown, or the case’s own commune', async () => {
    for (const toAreaCode of ['46', 'VN', '99999', '46001']) {
      const refused = await transfer(officerA, caseId, { toAreaCode });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'toAreaCode' })]);
    }
    expect((await transfer(officerA, caseId, { reason: '' })).status).toBe(400);
  });

  it('403 for the commune chair (officers transfer), 404 outside the caller’s scope, 409 on a stale version', async () => {
    expect((await transfer(chairA, caseId)).status).toBe(403);
    expect((await transfer(officerC, caseId)).status).toBe(404);
    expect((await transfer(officerA, caseId, { version: (await versionOf(caseId)) + 5 })).status).toBe(409);
  });

  it('keeps the reasons out of the audit details, and encrypted at rest', async () => {
    expect((await transfer(officerA, caseId)).status).toBe(200);
    const entries = await t.db.query(
      `SELECT details FROM audit_log WHERE case_id = $1 AND action LIKE 'case.transfer%'`,
      [caseId],
    );
    expect(entries).toEqual([{ details: { from: '46001', to: '46002' } }]);
    const [row] = await t.db.query(`SELECT reason_enc FROM case_transfers WHERE case_id = $1`, [caseId]);
    expect(row.reason_enc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('chuyển nhà');
  });
});
