import { HolidayCalendar } from '../src/areas/holidays/holiday-calendar';
import { localYearOf } from '../src/domain/working-days';
import { TestApp } from './support/test-app';
import { buildWorld } from './support/world';

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((error) => error.field);

describe('GET /calendar/holidays', () => {
  it('serves the seeded 2025 and 2026 holidays, sorted by date, to any signed-in role', async () => {
    const token = await t.tokenFor('manager');
    const y2025 = await t.get('/calendar/holidays?year=2025', token);
    expect(y2025.status).toBe(200);
    expect(y2025.body.items).toEqual(
      expect.arrayContaining([
        { date: '2025-01-29', name: 'Tết Nguyên đán (mùng 1)' },
        { date: '2025-09-02', name: 'Quốc khánh (2/9)' },
      ]),
    );
    const dates = y2025.body.items.map((item: { date: string }) => item.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((date: string) => date.startsWith('2025-'))).toBe(true);
    const y2026 = await t.get('/calendar/holidays?year=2026', token);
    expect(y2026.body.items).toContainEqual({ date: '2026-02-17', name: 'Tết Nguyên đán (mùng 1)' });
  });

  it('defaults to the current year in Asia/Ho_Chi_Minh', async () => {
    const token = await t.tokenFor('auditor');
    const current = await t.get(`/calendar/holidays?year=${localYearOf(new Date())}`, token);
    const defaulted = await t.get('/calendar/holidays', token);
    expect(defaulted.status).toBe(200);
    expect(defaulted.body).toEqual(current.body);
  });

  it('answers 400 naming year for a year that is not one', async () => {
    const token = await t.adminToken();
    for (const year of ['abc', '2025.5', '99999']) {
      const response = await t.get(`/calendar/holidays?year=${year}`, token);
      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toContain('year');
    }
  });

  it('answers 401 without a token', async () => {
    expect((await t.get('/calendar/holidays?year=2025')).status).toBe(401);
  });
});

describe('PUT /calendar/holidays', () => {
  const y2027 = [
    { date: '2027-01-01', name: 'Tết Dương lịch' },
    { date: '2027-02-08', name: 'Tết Nguyên đán (mùng 2)' },
    { date: '2027-02-05', name: 'Tết Nguyên đán (29 tháng Chạp)' },
  ];

  it('replaces the whole list of each year in the body and answers with those years, sorted', async () => {
    const token = await t.adminToken();
    const first = await t.put('/calendar/holidays', y2027, token);
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { date: string }) => item.date)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
    ]);

    const corrected = await t.put(
      '/calendar/holidays',
      [{ date: '2027-02-09', name: 'Tết Nguyên đán (mùng 3)' }, y2027[0]],
      token,
    );
    expect(corrected.status).toBe(200);
    expect(corrected.body).toEqual({ items: [y2027[0], { date: '2027-02-09', name: 'Tết Nguyên đán (mùng 3)' }] });
    expect((await t.get('/calendar/holidays?year=2027', token)).body).toEqual(corrected.body);
  });

  it('leaves the years not in the body alone', async () => {
    const token = await t.adminToken();
    const before = await t.get('/calendar/holidays?year=2026', token);
    await t.put('/calendar/holidays', [{ date: '2028-01-03', name: 'Nghỉ bù Tết Dương lịch' }], token);
    expect((await t.get('/calendar/holidays?year=2026', token)).body).toEqual(before.body);
    expect(before.body.items.length).toBeGreaterThan(5);
  });

  it('writes one audit entry with counts and years, no names', async () => {
    const token = await t.adminToken();
    await t.put(
      '/calendar/holidays',
      [
        { date: '2029-01-01', name: 'Tết Dương lịch' },
        { date: '2030-01-01', name: 'Tết Dương lịch' },
      ],
      token,
    );
    const rows = await t.db.query(
      `SELECT action, subject_type, username, details FROM audit_log WHERE action = 'holidays.replace' AND details->>'years' = '2029,2030'`,
    );
    expect(rows).toEqual([
      {
        action: 'holidays.replace',
        subject_type: 'Holiday',
        username: 'admin',
        details: { years: '2029,2030', holidays: 2, removed: 0 },
      },
    ]);
  });

  it('makes deadlines computed afterwards use the new list', async () => {
    const calendar = t.app.get(HolidayCalendar);
    const friday = new Date('2031-03-07T10:00:00+07:00');
    expect((await calendar.addWorkingDays(friday, 1)).toISOString()).toBe('2031-03-10T16:59:59.000Z');
    await t.put('/calendar/holidays', [{ date: '2031-03-10', name: 'Ngày nghỉ thử' }], await t.adminToken());
    expect((await calendar.addWorkingDays(friday, 1)).toISOString()).toBe('2031-03-11T16:59:59.000Z');
  });

  it('answers 400 naming the row for impossible dates, bad names and unknown fields, and changes nothing', async () => {
    const token = await t.adminToken();
    const response = await t.put(
      '/calendar/holidays',
      [
        { date: '2025-01-01', name: 'Tết Dương lịch' },
        { date: '2025-02-30', name: 'Không có ngày này' },
        { date: '2025-03-01', name: '' },
        { date: '2025-03-02', name: 'x'.repeat(201) },
        { date: '2025/03/03', name: 'Sai định dạng' },
        { date: '2025-03-04', name: 'Thừa trường', extra: true },
      ],
      token,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(new Set(fieldsOf(response.body))).toEqual(
      new Set(['[1].date', '[2].name', '[3].name', '[4].date', '[5].extra']),
    );
    expect((await t.get('/calendar/holidays?year=2025', token)).body.items).toContainEqual({
      date: '2025-01-29',
      name: 'Tết Nguyên đán (mùng 1)',
    });
  });

  it('answers 400 naming the repeated row when a date appears twice', async () => {
    const response = await t.put(
      '/calendar/holidays',
      [
        { date: '2027-01-01', name: 'Tết Dương lịch' },
        { date: '2027-02-08', name: 'Tết' },
        { date: '2027-01-01', name: 'Lần nữa' },
      ],
      await t.adminToken(),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: '[2].date', message: expect.stringContaining('[0]') }]);
  });

  it('answers 400 when the body is not an array', async () => {
    const response = await t.put(
      '/calendar/holidays',
      { date: '2027-01-01', name: 'Tết Dương lịch' },
      await t.adminToken(),
    );
    expect(response.status).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['body']);
  });

  it('is for admins only: 403 for other roles, 401 without a token', async () => {
    const body = [{ date: '2027-01-01', name: 'Tết Dương lịch' }];
    expect((await t.put('/calendar/holidays', body, await t.tokenFor('auditor'))).status).toBe(403);
    expect((await t.put('/calendar/holidays', body, await t.tokenFor('hotline_operator'))).status).toBe(403);
    expect((await t.put('/calendar/holidays', body)).status).toBe(401);
  });

  it('is for a country-level admin only: an admin of a province or a commune gets 403 and changes nothing', async () => {
    await buildWorld(t);
    const body = [{ date: '2032-01-01', name: 'Tết Dương lịch' }];
    expect((await t.put('/calendar/holidays', body, await t.tokenFor('admin', '46'))).status).toBe(403);
    expect((await t.put('/calendar/holidays', body, await t.tokenFor('admin', '46001'))).status).toBe(403);
    expect((await t.get('/calendar/holidays?year=2032', await t.adminToken())).body.items).toEqual([]);
    expect((await t.put('/calendar/holidays', body, await t.adminToken())).status).toBe(200);
  });
});
