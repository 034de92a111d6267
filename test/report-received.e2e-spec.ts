import { TestApp } from './support/test-app';
import { buildWorld, personalValuesOfTheReport, reportBody } from './support/world';

let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  const users: [string, string, string][] = [
    ['hotline', 'hotline_operator', 'VN'],
    ['officer', 'commune_officer', '46001'],
    ['secondOfficer', 'commune_officer', '46001'],
    ['otherOfficer', 'commune_officer', '46002'],
    ['chair', 'commune_chair', '46001'],
    ['otherChair', 'commune_chair', '46002'],
    ['provincial', 'provincial_officer', '46'],
  ];
  for (const [name, role, area] of users) {
    await t.createUser(`rr.${name.toLowerCase()}`, role, area);
    tokens[name] = await t.signInFirstTime(`rr.${name.toLowerCase()}`);
  }
});
afterAll(() => t.close());

/** Files a report about one child of commune 46001 (a stranger the alleged abuser unless told otherwise). */
const file = async (fullName: string, overrides: Record<string, unknown> = {}) => {
  const filed = await t.post(
    '/reports',
    reportBody({
      allegedPerpetrator: 'stranger',
      children: [{ fullName, dateOfBirth: '2016-05-06', sex: 'female', residenceAreaCode: '46001' }],
      ...overrides,
    }),
    tokens.hotline,
  );
  expect(filed.status).toBe(201);
  return filed.body.cases[0] as { id: string; caseNumber: string };
};
const toldOf = async (who: string, caseId: string) =>
  ((await t.get('/notifications?limit=200', tokens[who])).body.items as Record<string, unknown>[]).filter(
    (item) => item.caseId === caseId && item.kind === 'report_received',
  );

describe('report_received', () => {
  it('tells the commune officers of the case’s commune at once, and no chair for a non-urgent report', async () => {
    const kase = await file('Trẻ Báo Thường', { form: 'neglect' });
    for (const who of ['officer', 'secondOfficer'])
      expect(await toldOf(who, kase.id)).toEqual([
        {
          id: expect.any(String),
          kind: 'report_received',
          caseId: kase.id,
          caseNumber: kase.caseNumber,
          interventionId: null,
          deadlineKind: null,
          dueAt: null,
          createdAt: expect.any(String),
          readAt: null,
        },
      ]);
    for (const who of ['chair', 'otherOfficer', 'otherChair', 'provincial'])
      expect(await toldOf(who, kase.id)).toEqual([]);
  });

  it('tells the commune chairs too of a sexual abuse report', async () => {
    const kase = await file('Trẻ Báo Xâm Hại', { form: 'sexual_abuse' });
    expect(await toldOf('officer', kase.id)).toHaveLength(1);
    expect(await toldOf('chair', kase.id)).toHaveLength(1);
    expect(await toldOf('otherChair', kase.id)).toEqual([]);
  });

  it('tells the commune chairs too of a trafficking report', async () => {
    const kase = await file('Trẻ Báo Mua Bán', { form: 'trafficking' });
    expect(await toldOf('chair', kase.id)).toHaveLength(1);
  });

  it('tells the commune chairs too of an emergency (a parent the alleged abuser)', async () => {
    const kase = await file('Trẻ Báo Khẩn Cấp', { form: 'violence', allegedPerpetrator: 'parent' });
    expect(await toldOf('officer', kase.id)).toHaveLength(1);
    expect(await toldOf('chair', kase.id)).toHaveLength(1);
  });

  it('tells the case’s assignee instead of the commune officers when a report joins an assigned case', async () => {
    const kase = await file('Trẻ Báo Lần Hai', { form: 'neglect' });
    const me = (await t.get('/users/me', tokens.provincial)).body.id;
    const view = await t.get(`/cases/${kase.id}`, tokens.officer);
    expect(
      (await t.post(`/cases/${kase.id}/assign`, { userId: me, version: view.body.version }, tokens.officer)).status,
    ).toBe(200);
    await file('Trẻ Báo Lần Hai', { form: 'neglect', receivedAt: new Date().toISOString() });
    // The hotline may not read the case, so its receipt names a stand-in; the case holds both reports.
    expect((await t.get(`/cases/${kase.id}`, tokens.officer)).body.reports).toHaveLength(2);
    expect(await toldOf('provincial', kase.id)).toHaveLength(1);
    // The officers were told of the first report only.
    expect(await toldOf('officer', kase.id)).toHaveLength(1);
  });

  it('writes nothing when the intake fails', async () => {
    const count = async () =>
      Number((await t.db.query(`SELECT count(*) AS n FROM notifications WHERE kind = 'report_received'`))[0].n);
    const before = await count();
    const refused = await t.post('/reports', reportBody({ occurredAreaCode: '99999' }), tokens.hotline);
    expect(refused.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('carries no personal data: a case number and ids only', async () => {
    const kase = await file('Trẻ Báo Riêng Tư', { form: 'sexual_abuse', description: 'Mô tả riêng tư (synthetic)' });
    const text = JSON.stringify([...(await toldOf('officer', kase.id)), ...(await toldOf('chair', kase.id))]);
    for (const personal of [...personalValuesOfTheReport(), 'Trẻ Báo Riêng Tư', 'Mô tả riêng tư'])
      expect(text).not.toContain(personal);
  });

  it('is a code of GET /codes with Vietnamese and English labels', async () => {
    const codes = (await t.get('/codes', tokens.officer)).body.notificationKinds as { code: string }[];
    expect(codes).toContainEqual(
      expect.objectContaining({ code: 'report_received', vi: 'Tiếp nhận thông báo, tố giác', en: 'Report received' }),
    );
  });
});
