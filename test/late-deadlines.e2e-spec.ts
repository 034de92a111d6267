import { DeadlineSweep, sweepStatements } from '../src/notifications/deadline-sweep';
import { TestApp } from './support/test-app';
import { FINDINGS, step } from './support/workflow';
import { buildWorld, reportBody } from './support/world';

/**
 * A deadline already past due when it is written (a report entered late, `receivedAt` in the past)
 * is told as `deadline_overdue` at the next sweep, and escalated 24 hours after its due time, or at
 * once when that is past too — although the sweep's window starts at the last sweep.
 */
let t: TestApp;
let hotline: string;
let officer: string;
let provincial: string;
let chair: string;

const HOUR = 3600_000;

beforeAll(async () => {
  t = await TestApp.start({ NOTIFY_SWEEP_SECONDS: '0' });
  await buildWorld(t);
  hotline = await t.tokenFor('hotline_operator', 'VN');
  officer = await t.tokenFor('commune_officer', '46001');
  provincial = await t.tokenFor('provincial_officer', '46');
  chair = await t.tokenFor('commune_chair', '46001');
});
afterAll(() => t.close());

const sweep = (now = new Date()) => t.app.get(DeadlineSweep).sweep(now);
/** A sweep has run just now: the next one's window starts here, after every deadline filed below fell due. */
const sweptJustNow = async () => {
  await t.db.query(`DELETE FROM notification_sweeps`);
  await sweep();
};

/** A report received `hoursAgo` hours ago (one initial assessment due 12 hours after it), filed now. */
const fileLate = async (fullName: string, hoursAgo: number) => {
  const filed = await t.post(
    '/reports',
    reportBody({
      receivedAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
      occurredAt: undefined,
      form: 'neglect',
      allegedPerpetrator: 'stranger',
      children: [{ fullName, dateOfBirth: '2016-07-08', sex: 'male', residenceAreaCode: '46001' }],
    }),
    hotline,
  );
  expect(filed.status).toBe(201);
  return filed.body.cases[0].id as string;
};
const toldOf = async (token: string, caseId: string) =>
  (
    (await t.get('/notifications?limit=200', token)).body.items as {
      kind: string;
      caseId: string;
      deadlineKind: string;
    }[]
  )
    .filter((item) => item.caseId === caseId && item.kind.startsWith('deadline_'))
    .map((item) => `${item.kind}:${item.deadlineKind}`);
const rowsOf = async (caseId: string) =>
  Number(
    (
      await t.db.query(`SELECT count(*) AS n FROM notifications WHERE case_id = $1 AND kind LIKE 'deadline_%'`, [
        caseId,
      ])
    )[0].n,
  );

describe('a deadline already past due when it is written', () => {
  it('is told as deadline_overdue at the next sweep, and not yet escalated while its due time + 24 h is ahead', async () => {
    await sweptJustNow();
    const caseId = await fileLate('Trẻ Nhập Muộn', 20);
    await sweep();
    expect(await toldOf(officer, caseId)).toEqual(['deadline_overdue:initial_assessment']);
    expect(await toldOf(provincial, caseId)).toEqual([]);
  });

  it('is escalated at once when its due time + 24 h is past too', async () => {
    await sweptJustNow();
    const caseId = await fileLate('Trẻ Nhập Rất Muộn', 40);
    await sweep();
    expect(await toldOf(officer, caseId)).toEqual(['deadline_overdue:initial_assessment']);
    expect(await toldOf(provincial, caseId)).toEqual(['deadline_overdue:initial_assessment']);
  });

  it('is told once: a second sweep adds nothing', async () => {
    await sweptJustNow();
    const caseId = await fileLate('Trẻ Nhập Hai Lần Quét', 40);
    await sweep();
    const told = await rowsOf(caseId);
    expect(told).toBeGreaterThan(0);
    await sweep();
    await sweep(new Date(Date.now() + 60_000));
    expect(await rowsOf(caseId)).toBe(told);
  });

  it('is escalated 24 hours after its due time when that comes later', async () => {
    await sweptJustNow();
    const caseId = await fileLate('Trẻ Nhập Muộn Chờ Báo Cáo', 20); // due 8 h ago: escalated in 16 h
    await sweep();
    await sweep(new Date(Date.now() + 15 * HOUR));
    expect(await toldOf(provincial, caseId)).toEqual([]);
    await sweep(new Date(Date.now() + 17 * HOUR));
    expect(await toldOf(provincial, caseId)).toEqual(['deadline_overdue:initial_assessment']);
  });
});

describe('a deadline set again already past due (a step recorded late)', () => {
  it('is told as deadline_overdue at the next sweep, with its new due time', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * HOUR).toISOString();
    const caseId = await fileLate('Trẻ Kế Hoạch Trả Lại', 30 * 24);
    const steps: [string, Record<string, unknown>][] = [
      ['initial-assessment', { riskLevel: 'medium', emergency: false, performedAt: daysAgo(29) }],
      [
        'detailed-assessment',
        { findings: FINDINGS, riskLevel: 'medium', substantiation: 'substantiated', performedAt: daysAgo(28) },
      ],
      [
        'plan',
        {
          goals: ['Trẻ an toàn'],
          measures: [{ agency: 'health', action: 'psychological_support', areaCode: '46001', dueAt: daysAgo(-10) }],
          performedAt: daysAgo(27),
        },
      ],
    ];
    for (const [path, body] of steps) {
      const taken = await step(t, officer, caseId, path, body);
      expect([path, taken.status, taken.status === 200 ? '' : taken.text]).toEqual([path, 200, '']);
    }
    // The first draft's deadline was written back then, weeks before the sweeps of today.
    await t.db.query(`UPDATE deadlines SET created_at = created_at - interval '28 days' WHERE case_id = $1`, [caseId]);
    await sweptJustNow();
    // Sent back 26 days ago: a new draft was due 5 working days later, long past.
    const returned = await step(t, chair, caseId, 'plan/return', {
      reason: 'Thiếu biện pháp',
      performedAt: daysAgo(26),
    });
    expect(returned.status).toBe(200);
    const draft = (returned.body.deadlines as { kind: string; dueAt: string }[]).find((d) => d.kind === 'plan_draft')!;
    await sweep();
    const told = ((await t.get('/notifications?limit=200', officer)).body.items as Record<string, unknown>[]).filter(
      (item) => item.caseId === caseId && item.kind === 'deadline_overdue' && item.deadlineKind === 'plan_draft',
    );
    expect(told.map((item) => item.dueAt)).toContain(draft.dueAt);
  });
});

describe('the sweep', () => {
  it('reads the deadlines by index ranges only, never the whole table', async () => {
    const now = new Date();
    await t.db.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      for (const statement of sweepStatements(now, new Date(now.getTime() - 60_000))) {
        const plan = ((await manager.query(`EXPLAIN ${statement.sql}`, statement.params)) as { 'QUERY PLAN': string }[])
          .map((row) => row['QUERY PLAN'])
          .filter((line) => / on deadlines\b/.test(line));
        expect(plan.length).toBeGreaterThan(0);
        for (const line of plan) expect(line).not.toContain('Seq Scan');
      }
    });
  });
});
