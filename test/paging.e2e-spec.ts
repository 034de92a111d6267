import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let auditor: string;
let officer: string;
let caseId: string;

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  auditor = await t.tokenFor('auditor');
  officer = await t.tokenFor('provincial_officer', '46');
  const hotline = await t.tokenFor('hotline_operator');
  const children = Array.from({ length: 7 }, (_, i) => ({
    fullName: `Trẻ Phân Trang ${i}`,
    dateOfBirth: '2014-01-0' + (i + 1),
    sex: 'female',
    residenceAreaCode: '46001',
  }));
  const report = await t.post('/reports', reportBody({ children }), hotline);
  expect(report.status).toBe(201);
  caseId = report.body.cases[0].id;
});
afterAll(() => t.close());

/** Follows nextCursor to the end and gives back every item, page by page. */
async function everyPage<T>(path: string, token: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { status: number; body: { items: T[]; nextCursor: string | null } } = await t.get(
      `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      token,
    );
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('paging returns every row exactly once, in order', () => {
  it('pages GET /audit newest first over more than 120 rows, ids past 100 included', async () => {
    await t.db.query(
      `INSERT INTO audit_log (action, subject_type) SELECT 'test.paging', 'Test' FROM generate_series(1, 257)`,
    );
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_log WHERE action = 'test.paging'`);
    const items = await everyPage<{ id: string; action: string }>('/audit', auditor, 7);
    const ids = items.map((item) => Number(item.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(items.filter((item) => item.action === 'test.paging')).toHaveLength(count);
    expect(Math.max(...ids)).toBeGreaterThan(257);
  });

  it('pages a case’s access log five at a time without losing an entry', async () => {
    // Ids that cross from three digits to four, where a text sort and a number sort disagree.
    const [{ id }] = await t.asOwner(`SELECT pg_get_serial_sequence('audit_log', 'id') AS id`);
    await t.asOwner(`SELECT setval($1, 990)`, [id]);
    for (let i = 0; i < 24; i++) await t.get(`/cases/${caseId}`, officer);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_log WHERE case_id = $1`, [caseId]);
    expect(count).toBeGreaterThan(24);
    const items = await everyPage<{ at: string; action: string }>(`/cases/${caseId}/access-log`, officer, 5);
    expect(items).toHaveLength(count);
    expect(items.map((item) => item.at)).toEqual([...items.map((item) => item.at)].sort().reverse());
  });

  it('pages cases that share a millisecond of receipt without dropping one', async () => {
    // Same millisecond, different microseconds: a cursor rounded to the millisecond would skip some.
    await t.asOwner(
      `UPDATE cases SET received_at = '2025-06-02T01:30:00.123Z'::timestamptz + (random() * 900)::int * interval '1 microsecond'`,
    );
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM cases`);
    const items = await everyPage<{ id: string }>('/cases', officer, 2);
    expect(new Set(items.map((item) => item.id)).size).toBe(count);
    expect(items).toHaveLength(count);
  });

  it('pages deadlines that share a millisecond without dropping one', async () => {
    await t.asOwner(
      `UPDATE deadlines SET due_at = '2025-06-02T13:30:00.456Z'::timestamptz + (random() * 900)::int * interval '1 microsecond'`,
    );
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM deadlines d JOIN cases c ON c.id = d.case_id WHERE d.met_at IS NULL AND c.status <> 'closed'`,
    );
    const items = await everyPage<{ caseId: string; kind: string }>('/deadlines', officer, 2);
    expect(new Set(items.map((item) => `${item.caseId}/${item.kind}`)).size).toBe(count);
  });
});

describe('a cursor that this list did not issue is a 400 on cursor', () => {
  const forged = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');
  const tampered = [
    forged(['abc']),
    forged(['x', 'y']),
    forged([1.5]),
    forged([null, null]),
    forged({}),
    'not-base64-json',
  ];

  it.each([
    ['/cases', () => officer],
    ['/deadlines', () => officer],
    ['/audit', () => auditor],
  ])('on %s', async (path, token) => {
    for (const cursor of tampered) {
      const response = await t.get(`${path}?cursor=${cursor}`, await token());
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
    }
  });

  it.each(['/users', '/areas'])('on %s, keyed by a name, for every cursor of the wrong shape', async (path) => {
    for (const cursor of tampered.slice(1)) {
      const response = await t.get(`${path}?cursor=${cursor}`, await t.adminToken());
      expect(response.status).toBe(400);
    }
  });

  it('on a case’s access log', async () => {
    for (const cursor of tampered) {
      const response = await t.get(`/cases/${caseId}/access-log?cursor=${cursor}`, officer);
      expect(response.status).toBe(400);
    }
  });
});
