import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { appRoleUrl } from '../src/database/app-role';
import { DeadlineSweep } from '../src/notifications/deadline-sweep';
import { TEST_APP_PASSWORD } from './setup/test-database';
import { TestApp } from './support/test-app';
import { buildWorld, reportBody } from './support/world';

let t: TestApp;
let officer: string;
let chair: string;
let provincial: string;
let hotline: string;
let receivedAt: Date;
let dueAt: Date;

const HOUR = 3600_000;
const at = (offsetHours: number) => new Date(dueAt.getTime() + offsetHours * HOUR);

beforeAll(async () => {
  t = await TestApp.start();
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
  chair = await t.tokenFor('commune_chair', '46001');
  provincial = await t.tokenFor('provincial_officer', '46');
  await t.tokenFor('commune_officer', '46002'); // another commune's officer: never told
  // Every test's case is received at this time; the times below are counted from its deadlines.
  receivedAt = new Date(Date.now() - 3 * 24 * HOUR);
  dueAt = new Date(receivedAt.getTime() + 12 * HOUR);
});
afterAll(() => t.close());

let children = 0;
/**
 * A case of its own for a test (a child of its own), received at `receivedAt`: the parent is the
 * alleged abuser, so its initial assessment and emergency response are both due at `dueAt`. The
 * sweeps start over from just before `at(-4)`, as if the last sweep had run then.
 */
async function caseOfItsOwn(): Promise<string> {
  const child = { ...reportBody().children[0], fullName: `Nguyễn Văn Thử ${++children}` };
  const filed = await t.post(
    '/reports',
    reportBody({ receivedAt: receivedAt.toISOString(), occurredAt: undefined, children: [child] }),
    hotline,
  );
  expect(filed.status).toBe(201);
  await t.db.query(
    `INSERT INTO notification_sweeps (name, swept_until) VALUES ('deadlines', $1)
     ON CONFLICT (name) DO UPDATE SET swept_until = EXCLUDED.swept_until`,
    [at(-4.5)],
  );
  return filed.body.cases[0].id as string;
}

const sweep = (now: Date) => t.app.get(DeadlineSweep).sweep(now);
const inbox = async (token: string, caseId: string) =>
  (
    (await t.get('/notifications?limit=200', token)).body.items as {
      kind: string;
      caseId: string;
      deadlineKind: string;
    }[]
  )
    .filter((item) => item.caseId === caseId && item.kind.startsWith('deadline_'))
    .map((item) => `${item.kind}:${item.deadlineKind}`)
    .sort();

describe('deadline notifications, made by the sweep', () => {
  it('tells nobody while a deadline is more than 3 hours away', async () => {
    const caseId = await caseOfItsOwn();
    expect((await sweep(at(-4))).made).toBe(0);
    expect(await inbox(officer, caseId)).toEqual([]);
  });

  it('tells the case’s commune officers 3 hours before an hour deadline falls due', async () => {
    const caseId = await caseOfItsOwn();
    await sweep(at(-2));
    expect(await inbox(officer, caseId)).toEqual([
      'deadline_approaching:emergency_response',
      'deadline_approaching:initial_assessment',
    ]);
    expect(await inbox(chair, caseId)).toEqual([]);
  });

  it('tells them again when it falls due, and the chairs too for the emergency response', async () => {
    const caseId = await caseOfItsOwn();
    await sweep(at(-2));
    await sweep(at(0.5));
    expect(await inbox(officer, caseId)).toEqual([
      'deadline_approaching:emergency_response',
      'deadline_approaching:initial_assessment',
      'deadline_overdue:emergency_response',
      'deadline_overdue:initial_assessment',
    ]);
    expect(await inbox(chair, caseId)).toEqual(['deadline_overdue:emergency_response']);
    expect(await inbox(provincial, caseId)).toEqual([]);
  });

  it('escalates to the provincial officers when it is still open 24 hours later', async () => {
    const caseId = await caseOfItsOwn();
    await sweep(at(0.5));
    await sweep(at(23));
    expect(await inbox(provincial, caseId)).toEqual([]);
    await sweep(at(25));
    expect(await inbox(provincial, caseId)).toEqual([
      'deadline_overdue:emergency_response',
      'deadline_overdue:initial_assessment',
    ]);
  });

  it('makes each notification once, however often it sweeps', async () => {
    const caseId = await caseOfItsOwn();
    await sweep(at(-2));
    await sweep(at(0.5));
    await sweep(at(25));
    const before = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1`, [caseId]);
    expect((await sweep(at(26))).made).toBe(0);
    expect((await sweep(at(26))).made).toBe(0);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE case_id = $1`, [caseId]);
    expect(after).toEqual(before);
  });

  it('sweeps once with two service instances on one database: one sweeps, the other skips, nothing twice', async () => {
    const hotline = await t.tokenFor('hotline_operator', 'VN');
    const received = new Date(at(26).getTime() - 12 * HOUR + HOUR); // due one hour after at(26)
    const filed = await t.post(
      '/reports',
      reportBody({
        receivedAt: received.toISOString(),
        occurredAt: undefined,
        children: [{ fullName: 'Trẻ Hai Máy', estimatedAge: 9, sex: 'male', residenceAreaCode: '46001' }],
      }),
      hotline,
    );
    expect(filed.status).toBe(201);
    const second = await createApp(t.config, appRoleUrl(t.ownerUrl, TEST_APP_PASSWORD));
    await second.init();
    try {
      const now = new Date(received.getTime() + 12 * HOUR + 60_000); // just past its due time
      const results = await Promise.all([sweep(now), second.get(DeadlineSweep).sweep(now), sweep(now)]);
      expect(results.filter((result) => result.swept).length).toBeGreaterThanOrEqual(1);
      const [{ duplicates }] = await (second.get(DataSource) as DataSource).query(
        `SELECT count(*) - count(DISTINCT (recipient_id, kind, case_id, deadline_kind, occurrence))::int AS duplicates FROM notifications`,
      );
      expect(Number(duplicates)).toBe(0);
      const made = await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'deadline_overdue'`,
        [filed.body.cases[0].id],
      );
      expect(made[0].n).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it('tells the case’s assignee instead of the commune officers once the case has one', async () => {
    const hotline = await t.tokenFor('hotline_operator', 'VN');
    const received = new Date(at(30).getTime() - 12 * HOUR + 2 * HOUR); // due two hours after at(30)
    const filed = await t.post(
      '/reports',
      reportBody({
        receivedAt: received.toISOString(),
        occurredAt: undefined,
        allegedPerpetrator: 'stranger',
        children: [{ fullName: 'Trẻ Được Giao', estimatedAge: 10, sex: 'female', residenceAreaCode: '46001' }],
      }),
      hotline,
    );
    const id = filed.body.cases[0].id;
    const me = (await t.get('/users/me', provincial)).body.id;
    const view = await t.get(`/cases/${id}`, officer);
    expect((await t.post(`/cases/${id}/assign`, { userId: me, version: view.body.version }, officer)).status).toBe(200);
    await sweep(at(30));
    const toldOf = async (token: string) =>
      ((await t.get('/notifications?limit=200', token)).body.items as { kind: string; caseId: string }[]).filter(
        (item) => item.caseId === id && item.kind === 'deadline_approaching',
      ).length;
    expect(await toldOf(provincial)).toBe(1);
    expect(await toldOf(officer)).toBe(0);
  });

  it('puts nothing personal in a deadline notification', async () => {
    const text = (await t.get('/notifications?limit=200', officer)).text;
    for (const personal of [
      'Nguyễn Văn Thử',
      '2015-03-04',
      'Số 1 Đường Thử Nghiệm',
      'Trần Thị Báo',
      '0900000001',
      'Hàng xóm',
    ]) {
      expect(text).not.toContain(personal);
    }
  });
});
