import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
let officer: string; // 46001
let otherOfficer: string; // 46002
let provincial: string;
let chair: string;

async function file(fullName: string, child: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
  const filed = await t.post(
    '/reports',
    reportBody({
      category: 'injury',
      form: 'fall',
      allegedPerpetrator: undefined,
      children: [{ fullName, dateOfBirth: '2014-08-08', sex: 'male', residenceAreaCode: '46001', ...child }],
      ...overrides,
    }),
    hotline,
  );
  expect(filed.status).toBe(201);
  return filed.body.cases[0] as { id: string; childId: string; caseNumber: string };
}
const duplicatesOf = async (caseId: string, token = officer) =>
  (await t.get(`/cases/${caseId}`, token)).body.possibleDuplicates as { childId: string; caseNumbers: string[] }[];
async function injuredIn46001(): Promise<number> {
  const answer = await t.get('/statistics/rates?indicator=injury&year=2025&areaCode=46001', provincial);
  return answer.body.total.count as number;
}

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
  otherOfficer = await t.tokenFor('commune_officer', '46002');
  provincial = await t.tokenFor('provincial_officer', '46');
  chair = await t.tokenFor('commune_chair', '46001');
});
afterAll(() => t.close());

describe('POST /children/{id}/merge', () => {
  it('moves the cases to the child that stays, counts the child once, and the merged id answers 404 afterwards', async () => {
    const kept = await file('Tạ Văn Gộp');
    const before = await injuredIn46001();
    // The same child, its birth date a year off: a near match, a second record, counted twice.
    const twin = await file('Tạ Văn Gộp', { dateOfBirth: '2015-08-08' }, { form: 'burn', category: 'injury' });
    expect(twin.childId).not.toBe(kept.childId);
    expect(await injuredIn46001()).toBe(before + 1);
    expect((await duplicatesOf(kept.id)).map((d) => d.childId)).toEqual([twin.childId]);

    const merged = await t.post(
      `/children/${twin.childId}/merge`,
      { intoChildId: kept.childId, reason: 'Một trẻ' },
      officer,
    );
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ childId: kept.childId, mergedChildId: twin.childId });
    expect(merged.body.cases.map((c: { id: string }) => c.id).sort()).toEqual([kept.id, twin.id].sort());
    expect((await t.get(`/cases/${twin.id}`, officer)).body.child.id).toBe(kept.childId);
    expect(await injuredIn46001()).toBe(before);
    expect(await duplicatesOf(kept.id)).toEqual([]);

    const again = await t.post(`/children/${twin.childId}/merge`, { intoChildId: kept.childId, reason: 'x' }, officer);
    expect(again.status).toBe(404);
    const intoMerged = await t.post(
      `/children/${kept.childId}/merge`,
      { intoChildId: twin.childId, reason: 'x' },
      officer,
    );
    expect(intoMerged.status).toBe(400);
    const history = await t.get(`/cases/${twin.id}/history`, officer);
    expect(history.body.items[0]).toMatchObject({
      action: 'child_merge',
      reason: 'Một trẻ',
      changes: [{ field: 'childId', from: twin.childId, to: kept.childId }],
    });
  });

  it('lets a commune officer merge only when every case of both children is in its commune (else 403); a provincial officer may', async () => {
    const here = await file('Lục Văn Xa');
    const elsewhere = await file('Lục Văn Xa', { dateOfBirth: '2015-01-01' }, { occurredAreaCode: '46002' });
    await file('Lục Văn Xa', { dateOfBirth: '2015-01-01' }, { category: 'abuse', form: 'neglect' });
    expect(
      (await t.post(`/children/${elsewhere.childId}/merge`, { intoChildId: here.childId, reason: 'x' }, officer))
        .status,
    ).toBe(403);
    expect(
      (await t.post(`/children/${elsewhere.childId}/merge`, { intoChildId: here.childId, reason: 'x' }, chair)).status,
    ).toBe(403);
    expect(
      (
        await t.post(
          `/children/${elsewhere.childId}/merge`,
          { intoChildId: here.childId, reason: 'Một trẻ' },
          provincial,
        )
      ).status,
    ).toBe(200);
  });

  it('answers 404 for a child none of whose cases the caller may see', async () => {
    const mine = await file('Mạc Văn Riêng');
    const theirs = await file('Mạc Văn Khác', {}, { occurredAreaCode: '46002' });
    expect(
      (await t.post(`/children/${theirs.childId}/merge`, { intoChildId: mine.childId, reason: 'x' }, officer)).status,
    ).toBe(404);
    expect(
      (await t.post(`/children/${mine.childId}/merge`, { intoChildId: theirs.childId, reason: 'x' }, officer)).status,
    ).toBe(400);
  });
});

describe('POST /children/{id}/not-duplicate', () => {
  it('takes the pair out of possibleDuplicates for good, even when a later report names them again', async () => {
    const one = await file('Kiều Thị Hai');
    const two = await file('Kiều Thị Hai', { dateOfBirth: '2014-09-09', sex: 'female' });
    expect((await duplicatesOf(one.id)).map((d) => d.childId)).toEqual([two.childId]);
    const answer = await t.post(`/children/${one.childId}/not-duplicate`, { otherChildId: two.childId }, officer);
    expect(answer.status).toBe(204);
    expect(await duplicatesOf(one.id)).toEqual([]);
    expect(await duplicatesOf(two.id)).toEqual([]);
    // Corrected, the second child's record is matched again: the pair stays dismissed.
    const version = (await t.get(`/cases/${two.id}`, officer)).body.version;
    await t.request('PATCH', `/cases/${two.id}/child`, {
      token: officer,
      body: { version, reason: 'Sửa địa chỉ', address: 'Số 2' },
    });
    expect(await duplicatesOf(one.id)).toEqual([]);
    expect(
      (await t.post(`/children/${one.childId}/not-duplicate`, { otherChildId: two.childId }, officer)).status,
    ).toBe(404);
  });
});

describe('possible duplicates', () => {
  it('are never listed when all of their cases lie outside the caller’s scope', async () => {
    const mine = await file('Quách Văn Phạm');
    const theirs = await file('Quách Văn Phạm', { dateOfBirth: '2015-02-02' }, { occurredAreaCode: '46002' });
    expect(theirs.childId).not.toBe(mine.childId);
    expect(await duplicatesOf(mine.id, officer)).toEqual([]);
    expect((await duplicatesOf(mine.id, provincial)).map((d) => d.childId)).toEqual([theirs.childId]);
    expect((await duplicatesOf(theirs.id, otherOfficer)).map((d) => d.childId)).toEqual([]);
  });
});
