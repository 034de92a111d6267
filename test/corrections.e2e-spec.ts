import { TestApp } from './support/test-app';
import { deadline, step } from './support/workflow';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string;
let officer: string; // 46001
let otherOfficer: string; // 46002
let chair: string;
let provincial: string;
let auditor: string;
let police: string;

let counter = 0;
async function file(overrides: Record<string, unknown> = {}, child: Record<string, unknown> = {}) {
  const filed = await t.post(
    '/reports',
    reportBody({
      allegedPerpetrator: 'stranger',
      children: [
        {
          fullName: `Phạm Thị Sửa ${++counter}`,
          dateOfBirth: '2014-05-06',
          sex: 'female',
          residenceAreaCode: '46001',
          ...child,
        },
      ],
      ...overrides,
    }),
    hotline,
  );
  expect(filed.status).toBe(201);
  return filed.body.cases[0] as { id: string; childId: string; caseNumber: string };
}
const view = async (id: string, token = officer) => (await t.get(`/cases/${id}`, token)).body;
const patch = async (id: string, body: Record<string, unknown>, token = officer, path = '') =>
  t.request('PATCH', `/cases/${id}${path}`, {
    token,
    body: { version: (await view(id, provincial)).version, reason: 'Sai sót khi tiếp nhận', ...body },
  });
async function counted(indicator: string, areaCode = '46', basis = 'reported'): Promise<number> {
  const answer = await t.get(
    `/statistics/rates?indicator=${indicator}&year=2025&basis=${basis}&areaCode=${areaCode}`,
    provincial,
  );
  expect(answer.status).toBe(200);
  return answer.body.total.count as number;
}

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
  otherOfficer = await t.tokenFor('commune_officer', '46002');
  chair = await t.tokenFor('commune_chair', '46001');
  provincial = await t.tokenFor('provincial_officer', '46');
  auditor = await t.tokenFor('auditor', '46');
  police = await t.tokenFor('police', '46001');
});
afterAll(() => t.close());

describe('PATCH /cases/{id}: correcting the case', () => {
  it('reclassifies a case and moves its statistics in the same transaction', async () => {
    const kase = await file({ category: 'injury', form: 'fall', allegedPerpetrator: undefined });
    const injuriesBefore = await counted('injury');
    const abuseBefore = await counted('abuse');
    const answer = await patch(kase.id, { category: 'abuse', form: 'neglect' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ category: 'abuse', form: 'neglect' });
    expect(await counted('injury')).toBe(injuriesBefore - 1);
    expect(await counted('abuse')).toBe(abuseBefore + 1);
  });

  it('turns an injury whose child later died into a fatal one, and counts the death', async () => {
    const kase = await file({ category: 'injury', form: 'drowning', allegedPerpetrator: undefined });
    const deaths = await counted('injury_death');
    const answer = await patch(kase.id, { fatal: true });
    expect(answer.status).toBe(200);
    expect(answer.body.fatal).toBe(true);
    expect(await counted('injury_death')).toBe(deaths + 1);
  });

  it('applies the intake rules to the corrected case: the form belongs to the category, fatal only for injuries', async () => {
    const kase = await file();
    const wrongForm = await patch(kase.id, { category: 'injury' });
    expect(wrongForm.status).toBe(400);
    expect(wrongForm.body.errors).toEqual([expect.objectContaining({ field: 'form' })]);
    const fatalAbuse = await patch(kase.id, { fatal: true });
    expect(fatalAbuse.status).toBe(400);
    expect(fatalAbuse.body.errors).toEqual([expect.objectContaining({ field: 'fatal' })]);
    expect((await view(kase.id)).version).toBe(1);
  });

  it('refuses an event time after the receipt, or one at which the child was not yet born', async () => {
    const kase = await file();
    const late = await patch(kase.id, { occurredAt: '2025-06-03T08:00:00+07:00' });
    expect(late.status).toBe(400);
    expect(late.body.errors[0].field).toBe('occurredAt');
    const unborn = await patch(kase.id, { occurredAt: '2013-01-01T08:00:00+07:00' });
    expect(unborn.status).toBe(400);
    expect(unborn.body.errors[0].field).toBe('occurredAt');
  });

  it('moves the event to another month and the statistics with it', async () => {
    const kase = await file({ category: 'injury', form: 'burn', allegedPerpetrator: undefined });
    const month = async (m: string) =>
      (
        await t.get(
          `/statistics/rates?indicator=injury&year=2025&period=${m}&basis=reported&areaCode=46001`,
          provincial,
        )
      ).body.total.count as number;
    const [june, may] = [await month('M06'), await month('M05')];
    expect((await patch(kase.id, { occurredAt: '2025-05-20T10:00:00+07:00' })).status).toBe(200);
    expect([await month('M06'), await month('M05')]).toEqual([june - 1, may + 1]);
  });

  it('adds the police referral when a case is corrected to sexual abuse, due 24 hours after receipt', async () => {
    const kase = await file();
    expect(deadline(await view(kase.id), 'police_referral')).toBeUndefined();
    const answer = await patch(kase.id, { form: 'sexual_abuse' });
    expect(answer.status).toBe(200);
    expect(deadline(answer.body, 'police_referral')).toMatchObject({
      dueAt: '2025-06-03T01:30:00.000Z',
      metAt: null,
    });
  });

  it('withdraws an open police referral when sexual abuse is corrected away, but keeps one already met', async () => {
    const open = await file({ form: 'sexual_abuse' });
    expect((await patch(open.id, { form: 'neglect' })).status).toBe(200);
    expect(deadline(await view(open.id), 'police_referral')).toBeUndefined();

    const referred = await file({ form: 'sexual_abuse' });
    const police = await t.post(
      `/cases/${referred.id}/interventions`,
      { agency: 'police', type: 'criminal_report', areaCode: '46001', dueAt: '2025-06-03T08:00:00+07:00' },
      officer,
    );
    expect(police.status).toBe(201);
    expect((await patch(referred.id, { form: 'neglect' })).status).toBe(200);
    expect(deadline(await view(referred.id), 'police_referral')?.metAt).not.toBeNull();
  });

  it('adds the emergency response when the alleged abuser is corrected to a parent', async () => {
    const kase = await file();
    const answer = await patch(kase.id, { allegedPerpetrator: 'parent' });
    expect(deadline(answer.body, 'emergency_response')?.dueAt).toBe('2025-06-02T13:30:00.000Z');
  });

  it('corrects the description on this case only: the report and the other cases keep theirs', async () => {
    const kase = await file();
    const answer = await patch(kase.id, { description: 'Mô tả đã đính chính (synthetic)' });
    expect(answer.body.description).toBe('Mô tả đã đính chính (synthetic)');
  });

  it('gets 409 for a stale version and 400 for a correction that changes nothing', async () => {
    const kase = await file();
    const stale = await t.request('PATCH', `/cases/${kase.id}`, {
      token: officer,
      body: { version: 7, reason: 'x', form: 'neglect' },
    });
    expect(stale.status).toBe(409);
    const nothing = await patch(kase.id, { form: 'violence' });
    expect(nothing.status).toBe(400);
    // Refused corrections leave nothing behind: no new version, no history entry.
    expect((await view(kase.id)).version).toBe(1);
    const history = await t.get(`/cases/${kase.id}/history`, officer);
    expect(history.body.items.map((item: { action: string }) => item.action)).toEqual(['intake']);
  });

  it('needs a reason', async () => {
    const kase = await file();
    const answer = await t.request('PATCH', `/cases/${kase.id}`, {
      token: officer,
      body: { version: 1, form: 'neglect' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
  });

  it('is for commune and provincial officers in scope: the chair gets 403, police 403, another commune 404', async () => {
    const kase = await file();
    expect((await patch(kase.id, { form: 'neglect' }, chair)).status).toBe(403);
    expect((await patch(kase.id, { form: 'neglect' }, police)).status).toBe(403);
    expect((await patch(kase.id, { form: 'neglect' }, otherOfficer)).status).toBe(404);
    expect((await patch(kase.id, { form: 'neglect' }, provincial)).status).toBe(200);
  });

  it('moves where it happened only inside the caller’s area (403 outside, 400 for an unknown code)', async () => {
    const kase = await file();
    expect((await patch(kase.id, { occurredAreaCode: '46002' })).status).toBe(403);
    expect((await patch(kase.id, { occurredAreaCode: 'nope' })).status).toBe(400);
    const moved = await patch(kase.id, { occurredAreaCode: '46002' }, provincial);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ occurredAreaCode: '46002', areaCode: '46001' });
  });
});

describe('PATCH /cases/{id}/child: correcting the child', () => {
  it('fixes a misspelt name: the case is found under the corrected name, not the old one', async () => {
    const kase = await file({}, { fullName: 'Hoàng Văn Sai' });
    const answer = await patch(kase.id, { fullName: 'Hoàng Văn Đúng' }, officer, '/child');
    expect(answer.status).toBe(200);
    expect(answer.body.child.fullName).toBe('Hoàng Văn Đúng');
    const found = async (name: string) =>
      ((await t.get(`/cases?childName=${encodeURIComponent(name)}`, officer)).body.items as { id: string }[]).map(
        (c) => c.id,
      );
    expect(await found('Hoàng Văn Đúng')).toEqual([kase.id]);
    expect(await found('Hoàng Văn Sai')).toEqual([]);
  });

  it('re-keys the child’s blind index: a new report with the corrected identity joins the same child', async () => {
    const kase = await file({}, { fullName: 'Lê Thị Khóa', dateOfBirth: '2013-01-01' });
    expect((await patch(kase.id, { dateOfBirth: '2013-02-02' }, officer, '/child')).status).toBe(200);
    const again = await file(
      { category: 'injury', form: 'fall' },
      { fullName: 'Lê Thị Khóa', dateOfBirth: '2013-02-02' },
    );
    expect(again.childId).toBe(kase.childId);
  });

  it('fixes a wrong birth date, and the statistics count the child in its true age group', async () => {
    const kase = await file({ category: 'injury', form: 'traffic' }, { dateOfBirth: '2009-06-01' }); // 16
    const under16 = await counted('injury', '46001');
    expect((await patch(kase.id, { dateOfBirth: '2015-06-01' }, officer, '/child')).status).toBe(200);
    expect(await counted('injury', '46001')).toBe(under16 + 1);
  });

  it('refuses a birth date that makes the child 18 or older at the event', async () => {
    const kase = await file();
    const answer = await patch(kase.id, { dateOfBirth: '2001-01-01' }, officer, '/child');
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('dateOfBirth');
  });

  it('moves the child’s residence, and the statistics count the child there', async () => {
    const kase = await file({ category: 'injury', form: 'poisoning' });
    const [here, there] = [await counted('injury', '46001'), await counted('injury', '46002')];
    const answer = await patch(kase.id, { residenceAreaCode: '46002' }, provincial, '/child');
    expect(answer.status).toBe(200);
    expect([await counted('injury', '46001'), await counted('injury', '46002')]).toEqual([here - 1, there + 1]);
  });

  it('answers 409 with duplicateOfChildId when the corrected identity is another child the caller can see', async () => {
    const first = await file({}, { fullName: 'Vũ Văn Trùng', dateOfBirth: '2012-03-03' });
    const second = await file({}, { fullName: 'Vũ Văn Trùg', dateOfBirth: '2012-03-03' });
    const answer = await patch(second.id, { fullName: 'Vũ Văn Trùng' }, officer, '/child');
    expect(answer.status).toBe(409);
    expect(answer.body.duplicateOfChildId).toBe(first.childId);
    expect((await view(second.id)).child.fullName).toBe('Vũ Văn Trùg');
  });

  it('answers 409 without the other child’s id when none of its cases is the caller’s to see', async () => {
    // A child of 46001 whose only case happened, and is managed, in 46002.
    await file({ occurredAreaCode: '46002' }, { fullName: 'Đinh Thị Ẩn' });
    const mine = await file({}, { fullName: 'Đinh Thị Khác' });
    const answer = await patch(mine.id, { fullName: 'Đinh Thị Ẩn' }, officer, '/child');
    expect(answer.status).toBe(409);
    expect(answer.body).not.toHaveProperty('duplicateOfChildId');
  });

  it('replaces a wrong birth date by an estimated age', async () => {
    const kase = await file();
    const answer = await patch(kase.id, { estimatedAge: 9 }, officer, '/child');
    expect(answer.status).toBe(200);
    expect(answer.body.child).toMatchObject({ dateOfBirth: null, estimatedAge: 9 });
  });
});

describe('GET /cases/{id}/history', () => {
  let kase: { id: string };
  beforeAll(async () => {
    kase = await file({}, { fullName: 'Trịnh Văn Sử', address: 'Số 9 Ngõ Cũ' });
    await step(t, officer, kase.id, 'initial-assessment', { riskLevel: 'high', emergency: false });
    await patch(kase.id, { form: 'sexual_abuse', reason: 'Trẻ kể thêm khi đánh giá' });
    await patch(kase.id, { fullName: 'Trịnh Văn Sữ', address: 'Số 9 Ngõ Mới' }, officer, '/child');
  });

  it('lists intake, steps and corrections, newest first, with who, why and what changed from what to what', async () => {
    const answer = await t.get(`/cases/${kase.id}/history`, officer);
    expect(answer.status).toBe(200);
    const items = answer.body.items as {
      action: string;
      role: string;
      reason: string | null;
      changes: { field: string; from: unknown; to: unknown }[];
    }[];
    expect(items.map((item) => item.action)).toEqual([
      'child_correction',
      'case_correction',
      'initial_assessment',
      'intake',
    ]);
    expect(items[1]).toMatchObject({
      role: 'commune_officer',
      reason: 'Trẻ kể thêm khi đánh giá',
      changes: [{ field: 'form', from: 'violence', to: 'sexual_abuse', personal: false }],
    });
    expect(items[2].changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'received', to: 'initial_assessed', personal: false },
        { field: 'riskLevel', from: null, to: 'high', personal: false },
      ]),
    );
    expect(items[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'fullName', from: 'Trịnh Văn Sử', to: 'Trịnh Văn Sữ', personal: true },
        { field: 'address', from: 'Số 9 Ngõ Cũ', to: 'Số 9 Ngõ Mới', personal: true },
      ]),
    );
  });

  it('shows the auditor which fields changed, never the personal values or the reasons', async () => {
    const answer = await t.get(`/cases/${kase.id}/history`, auditor);
    expect(answer.status).toBe(200);
    const correction = answer.body.items[0];
    expect(correction.reason).toBeNull();
    expect(correction.changes).toEqual(
      expect.arrayContaining([{ field: 'fullName', from: null, to: null, personal: true }]),
    );
    expect(JSON.stringify(answer.body)).not.toContain('Trịnh');
  });

  it('records assignment and transfers', async () => {
    const moved = await file();
    const me = (await t.get('/users/me', officer)).body.id;
    await step(t, officer, moved.id, 'assign', { userId: me });
    await step(t, officer, moved.id, 'transfer', { toAreaCode: '46002', reason: 'Gia đình chuyển nhà' });
    await step(t, otherOfficer, moved.id, 'transfer/reject', { reason: 'Không đúng địa bàn' });
    const actions = ((await t.get(`/cases/${moved.id}/history`, officer)).body.items as { action: string }[]).map(
      (item) => item.action,
    );
    expect(actions).toEqual(['transfer_reject', 'transfer_request', 'assign', 'intake']);
  });

  it('is not for agencies, and another commune gets 404', async () => {
    expect((await t.get(`/cases/${kase.id}/history`, police)).status).toBe(403);
    expect((await t.get(`/cases/${kase.id}/history`, otherOfficer)).status).toBe(404);
  });

  it('pages with limit and cursor', async () => {
    const first = await t.get(`/cases/${kase.id}/history?limit=2`, officer);
    expect(first.body.items).toHaveLength(2);
    const second = await t.get(`/cases/${kase.id}/history?limit=2&cursor=${first.body.nextCursor}`, officer);
    expect(second.body.items.map((i: { action: string }) => i.action)).toEqual(['initial_assessment', 'intake']);
    expect(second.body.nextCursor).toBeNull();
  });
});
