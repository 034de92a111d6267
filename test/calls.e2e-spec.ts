import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let hotline: string; // 111, the country
let provincialHotline: string; // 46
let provincial: string;
let manager: string;
let officer: string;

const call = (body: Record<string, unknown>, token = hotline) =>
  t.post('/calls', { channel: 'hotline_111', receivedAt: '2025-06-02T09:00:00+07:00', ...body }, token);
const stats = (query: string, token = provincial) => t.get(`/statistics/calls?year=2025&${query}`, token);

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  provincialHotline = await t.tokenFor('hotline_operator', '46');
  provincial = await t.tokenFor('provincial_officer', '46');
  manager = await t.tokenFor('manager', '46');
  officer = await t.tokenFor('commune_officer', '46001');
});
afterAll(() => t.close());

describe('POST /calls', () => {
  it('records a counselling call with encrypted notes, and the operator reads it back', async () => {
    const answer = await call({ type: 'counselling', areaCode: '46001', notes: 'Mẹ hỏi cách nói chuyện với con' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      channel: 'hotline_111',
      type: 'counselling',
      areaCode: '46001',
      notes: 'Mẹ hỏi cách nói chuyện với con',
      reportId: null,
    });
    const [stored] = await t.db.query(`SELECT notes_enc FROM calls WHERE id = $1`, [answer.body.id]);
    expect(stored.notes_enc).toMatch(/^v1:/);
  });

  it('needs the report of a report call to be one the caller filed', async () => {
    const filed = await t.post('/reports', reportBody(), hotline);
    expect((await call({ type: 'report', reportId: filed.body.id })).status).toBe(201);
    const missing = await call({ type: 'report' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('reportId');
    const notMine = await call(
      { type: 'report', reportId: filed.body.id, channel: 'provincial_hotline' },
      provincialHotline,
    );
    expect(notMine.status).toBe(400);
    expect((await call({ type: 'silent', reportId: filed.body.id })).status).toBe(400);
  });

  it('refuses a call in the future, an unknown channel or type, and an area outside the caller’s (403)', async () => {
    expect((await call({ type: 'silent', receivedAt: '2999-01-01T00:00:00Z' })).status).toBe(400);
    expect((await call({ type: 'silent', channel: 'police' })).status).toBe(400);
    expect((await call({ type: 'prank' })).status).toBe(400);
    expect((await call({ type: 'silent', areaCode: 'nope' })).status).toBe(400);
    expect(
      (await call({ type: 'silent', areaCode: '48001', channel: 'provincial_hotline' }, provincialHotline)).status,
    ).toBe(403);
  });

  it('is for hotline operators only', async () => {
    expect((await call({ type: 'silent' }, officer)).status).toBe(403);
    expect((await t.get('/calls', officer)).status).toBe(403);
  });
});

describe('GET /calls', () => {
  it('lists the caller’s own calls only, newest first, filtered by type and time', async () => {
    await call({ type: 'silent', receivedAt: '2025-06-15T10:00:00+07:00' });
    await call({ type: 'information', receivedAt: '2025-07-01T10:00:00+07:00' });
    await call({ type: 'abusive', channel: 'provincial_hotline' }, provincialHotline);
    const mine = await t.get('/calls', hotline);
    expect(mine.status).toBe(200);
    const types = (mine.body.items as { type: string }[]).map((item) => item.type);
    expect(types[0]).toBe('information');
    expect(types).not.toContain('abusive');
    const filtered = await t.get('/calls?type=information', hotline);
    expect(filtered.body.items.map((item: { type: string }) => item.type)).toEqual(['information']);
    const july = await t.get(`/calls?from=${encodeURIComponent('2025-07-01T00:00:00+07:00')}`, hotline);
    expect(july.body.items).toHaveLength(1);
    const paged = await t.get('/calls?limit=1', hotline);
    expect(paged.body.nextCursor).not.toBeNull();
    const next = await t.get(`/calls?limit=1&cursor=${paged.body.nextCursor}`, hotline);
    expect(next.body.items[0].id).not.toBe(paged.body.items[0].id);
  });
});

describe('GET /statistics/calls', () => {
  beforeAll(async () => {
    for (let i = 0; i < 12; i++)
      await call({ type: 'silent', areaCode: '46002', receivedAt: '2025-08-03T22:00:00+07:00' });
    // One call in 46001, before the third quarter.
    await call({ type: 'counselling', areaCode: '46001', receivedAt: '2025-06-20T09:00:00+07:00' });
  });

  it('counts calls exactly by type for the provincial officer, no population, no rate', async () => {
    const answer = await stats('areaCode=46&period=Q3&groupBy=type');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ protection: 'exact', additive: true, areaCode: '46', period: 'Q3' });
    expect(answer.body.rows.find((row: { key: { type: string } }) => row.key.type === 'silent').count).toBe(12);
    expect(answer.body.total).toEqual({ key: {}, count: 12, flags: [] });
    expect(answer.body.total).not.toHaveProperty('rate');
  });

  it('counts by area (direct children of the area) and by channel', async () => {
    const byArea = await stats('areaCode=46&groupBy=area');
    const rows = Object.fromEntries(
      (byArea.body.rows as { key: { areaCode: string }; count: number }[]).map((row) => [row.key.areaCode, row.count]),
    );
    expect(rows['46002']).toBe(12);
    expect(rows['46001']).toBeGreaterThanOrEqual(1);
    const byChannel = await stats('areaCode=46&groupBy=channel');
    expect(byChannel.body.rows.map((row: { key: { channel: string } }) => row.key.channel)).toEqual(
      expect.arrayContaining(['hotline_111', 'provincial_hotline']),
    );
  });

  it('gives managers protected counts whatever they ask, the same figure every time', async () => {
    const first = await stats('areaCode=46&period=Q3&protection=exact', manager);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ protection: 'protected', additive: false });
    expect(first.body.ptableVersion).toBeDefined();
    const count = first.body.total.count as number;
    expect(Math.abs(count - 12)).toBeLessThanOrEqual(2);
    const again = await stats('areaCode=46&period=Q3&groupBy=type', manager);
    expect(again.body.total.count).toBe(count);
    const small = (first.body.rows as unknown[]).length;
    expect(small).toBe(0);
  });

  it('never publishes a protected count from 1 to STATS_MIN_CELL − 1: such a cell is null and flagged', async () => {
    const answer = await stats('areaCode=46001&protection=protected&groupBy=type');
    expect(answer.body.protection).toBe('protected');
    for (const cell of [...answer.body.rows, answer.body.total] as { count: number | null; flags: string[] }[]) {
      expect(cell.count === null || cell.count === 0 || cell.count >= 10).toBe(true);
      expect(cell.flags.includes('suppressed')).toBe(cell.count === null);
    }
    // 46001 has a call or two: a true count under 10 is never shown as such.
    expect([1, 2]).not.toContain(answer.body.total.count);
  });

  it('is for managers, provincial officers and hotline operators inside their own area', async () => {
    expect((await stats('areaCode=48', provincial)).status).toBe(403);
    expect((await stats('', officer)).status).toBe(403);
    expect((await stats('areaCode=46', hotline)).status).toBe(200);
    expect((await stats('areaCode=nope')).status).toBe(400);
  });
});
