import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
let officer: string; // the only commune officer of 46001
let chair: string;
let provincial: string;
let police: string;
let officerElsewhere: string; // 46002
let officerId: string;
let provincialId: string;
let chairId: string;
let elsewhereId: string;
let caseId: string;

let children = 0;
async function fileIn(areaCode: string): Promise<string> {
  const child = { fullName: `Phạm Văn Giao ${++children}`, dateOfBirth: '2013-01-02', sex: 'male' };
  const filed = await t.post('/reports', reportBody({ occurredAreaCode: areaCode, children: [child] }), hotline);
  expect(filed.status).toBe(201);
  return filed.body.cases[0].id as string;
}
const idOf = async (token: string) => (await t.get('/users/me', token)).body.id as string;
const assign = async (token: string, id: string, userId: string, version?: number) =>
  t.post(
    `/cases/${id}/assign`,
    { userId, version: version ?? (await t.get(`/cases/${id}`, provincial)).body.version },
    token,
  );
const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
  chair = await t.tokenFor('commune_chair', '46001');
  provincial = await t.tokenFor('provincial_officer', '46');
  police = await t.tokenFor('police', '46');
  officerElsewhere = await t.tokenFor('commune_officer', '46002');
  [officerId, provincialId, chairId, elsewhereId] = await Promise.all(
    [officer, provincial, chair, officerElsewhere].map(idOf),
  );
  // Commune 46003 has two active commune officers.
  await t.createUser('second.officer.46003', 'commune_officer', '46003');
  await t.createUser('third.officer.46003', 'commune_officer', '46003');
  caseId = await fileIn('46001');
});
afterAll(() => t.close());

describe('the assignee of a case', () => {
  it('is in the case view and the list items as {id, username, fullName}', async () => {
    const view = await t.get(`/cases/${caseId}`, officer);
    const assignee = { id: officerId, username: expect.any(String), fullName: 'Test commune_officer' };
    expect(view.body.assignee).toEqual(assignee);
    const item = (await t.get('/cases', officer)).body.items.find((c: { id: string }) => c.id === caseId);
    expect(item.assignee).toEqual(assignee);
  });

  it('is null when nobody carries the case', async () => {
    const unassigned = await fileIn('46003');
    expect((await t.get(`/cases/${unassigned}`, provincial)).body.assignee).toBeNull();
  });
});

describe('a new case is assigned at intake', () => {
  it('to the commune officer, when its commune has exactly one active commune officer', async () => {
    expect((await t.get(`/cases/${caseId}`, provincial)).body.assignee.id).toBe(officerId);
    expect((await t.get(`/cases/${await fileIn('46002')}`, provincial)).body.assignee.id).toBe(elsewhereId);
  });

  it('to nobody when the commune has several active commune officers, or none', async () => {
    expect((await t.get(`/cases/${await fileIn('46003')}`, provincial)).body.assignee).toBeNull(); // two
    expect(
      (await t.get(`/cases/${await fileIn('48001')}`, await t.tokenFor('provincial_officer', '48'))).body.assignee,
    ).toBeNull(); // none
  });

  it('counting only active officers: one of two deactivated leaves the other as the only one', async () => {
    // A commune of its own, so 46003 keeps its two active officers for the other tests.
    await t.db.query(
      `INSERT INTO areas (code, name, level, parent_code, path) VALUES ('46004', 'Xã Demo 5', 'commune', '46', 'VN.46.46004')`,
    );
    const staying = await t.createUser('staying.officer.46004', 'commune_officer', '46004');
    const leaving = await t.createUser('leaving.officer.46004', 'commune_officer', '46004');
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [leaving]);
    expect((await t.get(`/cases/${await fileIn('46004')}`, provincial)).body.assignee.id).toBe(staying);
  });
});

describe('POST /cases/{id}/assign', () => {
  it('gives the case to an active provincial officer whose scope holds it; the version moves on; audited', async () => {
    const before = (await t.get(`/cases/${caseId}`, officer)).body.version;
    const answer = await assign(officer, caseId, provincialId, before);
    expect(answer.status).toBe(200);
    expect(answer.body.assignee).toEqual(expect.objectContaining({ id: provincialId }));
    expect(answer.body.version).toBe(before + 1);
    const [entry] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'case.assign' AND case_id = $1 ORDER BY at DESC LIMIT 1`,
      [caseId],
    );
    expect(entry.details).toEqual({ assigneeId: provincialId });
  });

  it('may be used by commune officers, commune chairs and provincial officers in scope', async () => {
    expect((await assign(chair, caseId, officerId)).status).toBe(200);
    expect((await assign(provincial, caseId, officerId)).status).toBe(200);
    expect((await assign(officer, caseId, officerId)).status).toBe(200);
  });

  it('is 403 for other roles and 404 outside the caller’s scope', async () => {
    expect((await assign(police, caseId, officerId)).status).toBe(403);
    expect((await assign(hotline, caseId, officerId)).status).toBe(403);
    expect((await assign(officerElsewhere, caseId, elsewhereId)).status).toBe(404);
  });

  it('is 400 on userId when the user is not an active commune or provincial officer whose scope holds the case', async () => {
    const provincialElsewhere = await idOf(await t.tokenFor('provincial_officer', '48'));
    const notOne = [
      chairId,
      elsewhereId,
      provincialElsewhere,
      await idOf(police),
      '00000000-0000-4000-8000-000000000000',
    ];
    for (const userId of notOne) {
      const refused = await assign(officer, caseId, userId);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
    }
    const inactive = await t.createUser('inactive.officer.46003', 'commune_officer', '46003');
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [inactive]);
    const case46003 = await fileIn('46003');
    expect((await assign(provincial, case46003, inactive)).status).toBe(400);
    expect((await assign(provincial, caseId, 'not-a-uuid')).status).toBe(400);
  });

  it('is 409 on a stale version, and changes nothing', async () => {
    expect((await assign(provincial, caseId, officerId)).status).toBe(200);
    const current = (await t.get(`/cases/${caseId}`, officer)).body;
    const stale = await assign(officer, caseId, provincialId, current.version - 1);
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    const after = (await t.get(`/cases/${caseId}`, officer)).body;
    expect(after.version).toBe(current.version);
    expect(after.assignee.id).toBe(current.assignee.id);
  });
});

describe('GET /cases?assignee=', () => {
  it('me: lists the caller’s own cases', async () => {
    expect((await assign(provincial, caseId, provincialId)).status).toBe(200);
    expect(ids((await t.get('/cases?assignee=me', provincial)).body)).toEqual([caseId]);
    expect(ids((await t.get('/cases?assignee=me', officer)).body)).not.toContain(caseId);
  });

  it('a user id: lists that user’s cases in the caller’s scope', async () => {
    expect((await assign(provincial, caseId, provincialId)).status).toBe(200);
    expect(ids((await t.get(`/cases?assignee=${provincialId}`, officer)).body)).toEqual([caseId]);
    expect(ids((await t.get(`/cases?assignee=${provincialId}`, officerElsewhere)).body)).toEqual([]);
  });

  it('anything else is 400 on assignee', async () => {
    const refused = await t.get('/cases?assignee=someone', officer);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'assignee' })]);
  });
});
