import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let officer: string;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  officer = await t.tokenFor('commune_officer', '46001');
});
afterAll(() => t.close());

async function openCase(overrides: Record<string, unknown>): Promise<string> {
  const hotline = await t.tokenFor('hotline_operator', 'VN');
  const created = await t.post('/reports', reportBody(overrides), hotline);
  return created.body.cases[0].id as string;
}

const child = (fullName: string, dateOfBirth: string) => ({
  children: [{ fullName, dateOfBirth, sex: 'female', residenceAreaCode: '46001' }],
});

describe('consent', () => {
  it('refuses the consent of a guardian who is the alleged abuser with 409', async () => {
    const id = await openCase({ allegedPerpetrator: 'parent', ...child('Cao Thị Một', '2014-01-01') });
    const response = await t.post(`/cases/${id}/consents`, { party: 'guardian', granted: true }, officer);
    expect(response.status).toBe(409);
    expect((await t.post(`/cases/${id}/consents`, { party: 'child', granted: true }, officer)).status).toBe(201);
  });

  it('records a consent with who and when, and audits it', async () => {
    const id = await openCase({ allegedPerpetrator: 'stranger', ...child('Cao Thị Hai', '2014-01-01') });
    const response = await t.post(
      `/cases/${id}/consents`,
      { party: 'guardian', granted: true, recordedAt: '2025-06-03T09:00:00+07:00' },
      officer,
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      party: 'guardian',
      granted: true,
      recordedAt: '2025-06-03T02:00:00.000Z',
    });
    const [row] = await t.db.query(`SELECT action, role FROM audit_log WHERE case_id = $1 ORDER BY id DESC LIMIT 1`, [
      id,
    ]);
    expect(row).toEqual({ action: 'consent.record', role: 'commune_officer' });
  });

  it('answers 400 for an unknown party, and 404 outside the scope', async () => {
    const id = await openCase({ ...child('Cao Thị Ba', '2014-01-01') });
    expect((await t.post(`/cases/${id}/consents`, { party: 'teacher', granted: true }, officer)).status).toBe(400);
    expect(
      (
        await t.post(
          `/cases/${id}/consents`,
          { party: 'child', granted: true },
          await t.tokenFor('commune_officer', '46002'),
        )
      ).status,
    ).toBe(404);
  });
});

describe('disclosure', () => {
  const nonState = { recipient: 'Tổ chức Demo', recipientType: 'non_state', purpose: 'Hỗ trợ tâm lý' };

  it('outside the state needs the guardian’s and, from age 7, the child’s consent', async () => {
    const id = await openCase({ allegedPerpetrator: 'stranger', ...child('Cao Thị Bốn', '2014-01-01') });
    expect((await t.post(`/cases/${id}/disclosures`, nonState, officer)).status).toBe(409);
    await t.post(`/cases/${id}/consents`, { party: 'guardian', granted: true }, officer);
    expect((await t.post(`/cases/${id}/disclosures`, nonState, officer)).status).toBe(409);
    await t.post(`/cases/${id}/consents`, { party: 'child', granted: true }, officer);
    const allowed = await t.post(`/cases/${id}/disclosures`, nonState, officer);
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({
      recipientType: 'non_state',
      recipient: 'Tổ chức Demo',
      disclosedAt: expect.any(String),
    });
  });

  it('needs only the guardian for a child under 7', async () => {
    const id = await openCase({ allegedPerpetrator: 'stranger', ...child('Cao Thị Năm', '2021-01-01') });
    await t.post(`/cases/${id}/consents`, { party: 'guardian', granted: true }, officer);
    expect((await t.post(`/cases/${id}/disclosures`, nonState, officer)).status).toBe(201);
  });

  it('honours a withdrawn consent', async () => {
    const id = await openCase({ allegedPerpetrator: 'stranger', ...child('Cao Thị Sáu', '2021-01-01') });
    await t.post(`/cases/${id}/consents`, { party: 'guardian', granted: true }, officer);
    await t.post(`/cases/${id}/consents`, { party: 'guardian', granted: false }, officer);
    expect((await t.post(`/cases/${id}/disclosures`, nonState, officer)).status).toBe(409);
  });

  it('to a state authority needs a legal basis (400 naming it) and no consent', async () => {
    const id = await openCase({ allegedPerpetrator: 'parent', ...child('Cao Thị Bảy', '2014-01-01') });
    const missing = await t.post(
      `/cases/${id}/disclosures`,
      { recipient: 'Công an huyện', recipientType: 'state_authority', purpose: 'Điều tra' },
      officer,
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'legalBasis', message: expect.any(String) }]);
    const ok = await t.post(
      `/cases/${id}/disclosures`,
      {
        recipient: 'Công an huyện',
        recipientType: 'state_authority',
        purpose: 'Điều tra',
        legalBasis: 'Luật 91/2025/QH15 Điều 19',
      },
      officer,
    );
    expect(ok.status).toBe(201);
  });

  it('records every disclosure, encrypted, and audits it', async () => {
    const id = await openCase({ allegedPerpetrator: 'parent', ...child('Cao Thị Tám', '2014-01-01') });
    await t.post(
      `/cases/${id}/disclosures`,
      {
        recipient: 'Sở Y tế Demo',
        recipientType: 'state_authority',
        purpose: 'Quản lý nhà nước',
        legalBasis: 'Luật 91/2025/QH15 Điều 19',
      },
      officer,
    );
    const rows = await t.db.query(`SELECT row_to_json(d)::text AS json FROM disclosures d WHERE case_id = $1`, [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].json).not.toContain('Sở Y tế Demo');
    const [audit] = await t.db.query(`SELECT action FROM audit_log WHERE case_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(audit.action).toBe('disclosure.record');
  });

  it('shows the consents and disclosures in the case file', async () => {
    const id = await openCase({ allegedPerpetrator: 'stranger', ...child('Cao Thị Mười', '2022-01-01') });
    await t.post(`/cases/${id}/consents`, { party: 'guardian', granted: true }, officer);
    expect((await t.post(`/cases/${id}/disclosures`, nonState, officer)).status).toBe(201);
    const file = (await t.get(`/cases/${id}`, officer)).body;
    expect(file.consents).toEqual([
      { id: expect.any(String), party: 'guardian', granted: true, recordedAt: expect.any(String) },
    ]);
    expect(file.disclosures).toEqual([
      {
        id: expect.any(String),
        recipient: nonState.recipient,
        recipientType: 'non_state',
        purpose: nonState.purpose,
        legalBasis: null,
        disclosedAt: expect.any(String),
      },
    ]);
  });

  it('is refused to the commune chair, who reads but does not manage the file', async () => {
    const id = await openCase({ ...child('Cao Thị Chín', '2014-01-01') });
    expect(
      (await t.post(`/cases/${id}/disclosures`, nonState, await t.tokenFor('commune_chair', '46001'))).status,
    ).toBe(403);
  });
});
