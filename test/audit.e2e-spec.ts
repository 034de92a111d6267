import { TestApp } from './support/test-app';

let t: TestApp;
let auditor: string;
beforeAll(async () => {
  t = await TestApp.start();
  auditor = await t.tokenFor('auditor');
});
afterAll(() => t.close());

describe('the audit table protects itself', () => {
  beforeAll(() => t.db.query(`INSERT INTO audit_log (action, subject_type) VALUES ('test.entry', 'Test')`));

  it('refuses UPDATE, even from the role that owns the table', async () => {
    await expect(t.asOwner(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
  });

  it('refuses DELETE, even from the owner', async () => {
    await expect(t.asOwner(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('refuses TRUNCATE, even from the owner', async () => {
    await expect(t.asOwner(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('gives the service’s own role no way to change it: no UPDATE, DELETE or TRUNCATE, and no trigger to disable', async () => {
    await expect(t.db.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/permission denied/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(t.db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(t.db.query(`DROP TABLE audit_log`)).rejects.toThrow(/must be owner/);
  });

  it('still has every row afterwards', async () => {
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_log WHERE action = 'test.entry'`);
    expect(count).toBe(1);
  });
});

describe('GET /audit', () => {
  it('records who did what, in which role, when', async () => {
    const admin = await t.adminToken();
    const created = await t.post(
      '/users',
      { username: 'audited.user', password: 'long-enough-pass', fullName: 'A U', role: 'manager', areaCode: 'VN' },
      admin,
    );
    const log = await t.get('/audit?username=admin', auditor);
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          username: 'admin',
          role: 'admin',
          action: 'user.create',
          subjectType: 'User',
          subjectId: created.body.id,
          at: expect.any(String),
        }),
        expect.objectContaining({ username: 'admin', role: 'admin', action: 'auth.login' }),
      ]),
    );
  });

  it('keeps no personal data or secrets in the entries', async () => {
    const rows = await t.db.query(`SELECT row_to_json(a)::text AS json FROM audit_log a`);
    const all = rows.map((row: { json: string }) => row.json).join('\n');
    expect(all).not.toContain('long-enough-pass');
    expect(all).not.toContain('A U');
  });

  it('filters by time window and pages newest first with a cursor', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const first = await t.get(`/audit?from=${encodeURIComponent(from)}&limit=2`, auditor);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.get(
      `/audit?from=${encodeURIComponent(from)}&limit=2&cursor=${first.body.nextCursor}`,
      auditor,
    );
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));
    const future = await t.get(
      `/audit?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
      auditor,
    );
    expect(future.body.items).toEqual([]);
  });

  it('filters by case id', async () => {
    const caseId = '6f1d1a57-2c8e-4a5e-9f00-0d6b7c1e2a33';
    await t.db.query(`INSERT INTO audit_log (action, subject_type, case_id) VALUES ('case.read', 'Case', $1)`, [
      caseId,
    ]);
    const log = await t.get(`/audit?caseId=${caseId}`, auditor);
    expect(log.body.items.map((item: { action: string }) => item.action)).toEqual(['case.read']);
  });

  it('logs its own reading', async () => {
    await t.get('/audit?limit=1', auditor);
    const [row] = await t.db.query(`SELECT role, action FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toEqual({ role: 'auditor', action: 'audit.read' });
  });

  it('answers 400 for a bad filter, naming it', async () => {
    const response = await t.get('/audit?from=yesterday&caseId=42', auditor);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['caseId', 'from']);
  });

  it('is for the auditor only', async () => {
    expect((await t.get('/audit', await t.adminToken())).status).toBe(403);
    expect((await t.get('/audit', await t.tokenFor('manager'))).status).toBe(403);
    expect((await t.get('/audit')).status).toBe(401);
  });
});
