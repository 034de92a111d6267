import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

/**
 * Commune 46009 merged into 46003: its last day was 30 June 2025. Wherever a code is taken for a
 * day after that, it is a 400 `retired` naming the successor (Clarifications of v1.1).
 */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  await t.db.query(`INSERT INTO areas (code, name, level, parent_code, path, valid_to, successor_code)
                    VALUES ('46009', 'Xã Đã Sáp Nhập', 'commune', '46', 'VN.46.46009', '2025-06-30', '46003')`);
  admin = await t.adminToken();
});
afterAll(() => t.close());

const retired = (field: string) => ({
  field,
  code: 'retired',
  params: { successor: '46003' },
  message: expect.stringContaining('use its successor 46003'),
});

describe('an area code retired on the day it is taken for', () => {
  it('is refused at intake for the report’s day, where it happened and where the child lives', async () => {
    const hotline = await t.tokenFor('hotline_operator', 'VN');
    const august = reportBody({
      receivedAt: '2025-08-15T09:00:00+07:00',
      occurredAt: '2025-08-14T20:00:00+07:00',
      occurredAreaCode: '46009',
      children: [{ fullName: 'Đinh Văn Cũ', dateOfBirth: '2014-01-01', sex: 'male', residenceAreaCode: '46009' }],
    });
    const refused = await t.post('/reports', august, hotline);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([retired('occurredAreaCode'), retired('children[0].residenceAreaCode')]);
    const june = { ...august, receivedAt: '2025-06-30T20:00:00+07:00', occurredAt: '2025-06-30T08:00:00+07:00' };
    expect((await t.post('/reports', june, hotline)).status).toBe(201);
  });

  it('is refused for a new user, and for a user moved there', async () => {
    const body = { username: 'officer.46009', password: 'a-long-test-password', fullName: 'Cán Bộ Cũ' };
    const created = await t.post('/users', { ...body, role: 'commune_officer', areaCode: '46009' }, admin);
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([retired('areaCode')]);
    const placed = await t.post('/users', { ...body, role: 'commune_officer', areaCode: '46001' }, admin);
    expect(placed.status).toBe(201);
    const moved = await t.request('PATCH', `/users/${placed.body.id}`, { token: admin, body: { areaCode: '46009' } });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([retired('areaCode')]);
  });

  it('is refused as the commune a case is transferred to', async () => {
    const filed = await t.post('/reports', reportBody(), await t.tokenFor('hotline_operator', 'VN'));
    const officer = await t.tokenFor('commune_officer', '46001');
    const caseId = filed.body.cases[0].id as string;
    const { version } = (await t.get(`/cases/${caseId}`, officer)).body;
    const moved = await t.post(
      `/cases/${caseId}/transfer`,
      { toAreaCode: '46009', reason: 'Chuyển nhà', version },
      officer,
    );
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([retired('toAreaCode')]);
  });

  it('is refused as the area of a hotline call received after it', async () => {
    const hotline = await t.tokenFor('hotline_operator', 'VN');
    const call = { channel: 'hotline_111', type: 'counselling', areaCode: '46009' };
    const august = await t.post('/calls', { ...call, receivedAt: '2025-08-15T09:00:00+07:00' }, hotline);
    expect(august.status).toBe(400);
    expect(august.body.errors).toEqual([retired('areaCode')]);
    expect((await t.post('/calls', { ...call, receivedAt: '2025-06-30T09:00:00+07:00' }, hotline)).status).toBe(201);
  });

  it('is refused for the population of a year that began after it', async () => {
    const cell = { areaCode: '46009', sex: 'male', age: 5, count: 10 };
    const later = await t.put(
      '/population',
      [
        { ...cell, year: 2025 },
        { ...cell, year: 2026 },
      ],
      admin,
    );
    expect(later.status).toBe(400);
    expect(later.body.errors).toEqual([retired('[1].areaCode')]);
    expect((await t.put('/population', [{ ...cell, year: 2025 }], admin)).status).toBe(200);
  });

  it('is refused for a target of a year that began after it', async () => {
    const target = { indicator: 'injury', areaCode: '46009', value: 100, kind: 'max' };
    const later = await t.put('/statistics/targets', { ...target, year: 2026 }, admin);
    expect(later.status).toBe(400);
    expect(later.body.errors).toEqual([retired('areaCode')]);
    expect((await t.put('/statistics/targets', { ...target, year: 2025 }, admin)).status).toBe(200);
  });

  it('is refused for the figures of a period that ended after it, as it always was, now with its code', async () => {
    const provincial = await t.tokenFor('provincial_officer', '46');
    const rates = await t.get('/statistics/rates?indicator=injury&year=2025&areaCode=46009', provincial);
    expect(rates.status).toBe(400);
    expect(rates.body.errors).toEqual([retired('areaCode')]);
  });
});
