import { NotificationOutbox } from '../src/notifications/notification-outbox';
import { caseStages, moveIntervention, STAGED_DESCRIPTION, STAGED_GOAL, StagedCase } from './support/case-stages';
import { TestApp } from './support/test-app';
import { deadline, FINDINGS, step } from './support/workflow';
import { buildWorld, personalValuesOfTheReport } from './support/world';

let t: TestApp;
const tokens: Record<string, string> = {};

const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();
const NOTES = 'Gọi cho bà ngoại trước khi đến nhà';

const everything = async (who: string, query = '') => {
  const response = await t.get(
    `/notifications${query.includes('limit=') ? query : `${query}${query ? '&' : '?'}limit=200`}`,
    tokens[who],
  );
  expect(response.status).toBe(200);
  return response.body.items as Record<string, unknown>[];
};
/**
 * What `who` was told about one case, less the intake's `report_received`
 * (test/report-received.e2e-spec.ts): what the later steps told. Each test works on cases of its own.
 */
const inbox = async (who: string, caseId: string, query = '') =>
  (await everything(who, query)).filter((item) => item.caseId === caseId && item.kind !== 'report_received');
const kinds = async (who: string, caseId: string) => (await inbox(who, caseId)).map((item) => item.kind).sort();
const rowsOf = async (kind: string, caseId: string) =>
  Number(
    (await t.db.query(`SELECT count(*) AS n FROM notifications WHERE kind = $1 AND case_id = $2`, [kind, caseId]))[0].n,
  );

type Case = StagedCase;
let stages: ReturnType<typeof caseStages>;
const filedCase = () => stages.filed();
const plannedCase = async () => {
  const { plan, ...kase } = await stages.planned();
  return { ...kase, planned: plan };
};
const approvedCase = () => stages.approved();
const policeWork = (caseId: string) => stages.policeWork(caseId);
/** An approved case whose police work the police accepted, then started: two moves told. */
async function caseWithPoliceMoves(): Promise<Case & { workId: string }> {
  const kase = await approvedCase();
  const work = await policeWork(kase.caseId);
  const accepted = await moveIntervention(t, tokens.police, work.id, { status: 'accepted', version: work.version });
  expect(accepted.status).toBe(200);
  const started = await moveIntervention(t, tokens.communePolice, work.id, {
    status: 'in_progress',
    version: accepted.body.version,
  });
  expect(started.status).toBe(200);
  return { ...kase, workId: work.id };
}

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
    ['police', 'police', '46'],
    ['communePolice', 'police', '46001'],
    ['policeElsewhere', 'police', '48'],
    ['health', 'health', '46001'],
    ['healthNextDoor', 'health', '46002'],
    ['justice', 'justice', '46'],
  ];
  for (const [name, role, area] of users) {
    await t.createUser(`n.${name.toLowerCase()}`, role, area);
    tokens[name] = await t.signInFirstTime(`n.${name.toLowerCase()}`);
  }
  // An inactive officer and policeman of the same places are told nothing.
  await t.createUser('n.gone-officer', 'commune_officer', '46001');
  await t.createUser('n.gone-police', 'police', '46001');
  await t.db.query(`UPDATE users SET active = false WHERE username IN ('n.gone-officer', 'n.gone-police')`);
  stages = caseStages(t, {
    hotline: tokens.hotline,
    officer: tokens.officer,
    chair: tokens.chair,
  });
});
afterAll(() => t.close());

describe('plan_awaiting_approval', () => {
  it('tells the commune chairs of the case’s commune, once each, in the plan step', async () => {
    const { caseId, caseNumber, planned } = await plannedCase();
    const [item] = await inbox('chair', caseId);
    expect(item).toEqual({
      id: expect.any(String),
      kind: 'plan_awaiting_approval',
      caseId,
      caseNumber,
      interventionId: null,
      deadlineKind: 'plan_approval',
      dueAt: deadline(planned, 'plan_approval')!.dueAt,
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(await kinds('otherChair', caseId)).toEqual([]);
    expect(await kinds('officer', caseId)).toEqual([]);
    expect(await rowsOf('plan_awaiting_approval', caseId)).toBe(1);
  });
});

describe('referral', () => {
  it('tells the active staff of each agency whose area holds the intervention’s area, when the plan is approved', async () => {
    const { caseId, caseNumber } = await plannedCase();
    expect((await step(t, tokens.chair, caseId, 'plan/approve', {})).status).toBe(200);
    const interventions = (await t.get(`/cases/${caseId}`, tokens.officer)).body.interventions as {
      id: string;
      agency: string;
      dueAt: string;
    }[];
    const police = interventions.find((i) => i.agency === 'police')!;
    for (const who of ['police', 'communePolice']) {
      expect(await inbox(who, caseId)).toEqual([
        expect.objectContaining({
          kind: 'referral',
          caseId,
          caseNumber,
          interventionId: police.id,
          deadlineKind: 'intervention',
          dueAt: police.dueAt,
        }),
      ]);
    }
    const health = interventions.find((i) => i.agency === 'health')!;
    expect(await inbox('health', caseId)).toEqual([
      expect.objectContaining({ kind: 'referral', interventionId: health.id }),
    ]);
    for (const who of ['policeElsewhere', 'healthNextDoor', 'justice', 'officer', 'provincial'])
      expect(await kinds(who, caseId)).toEqual([]);
    expect(await rowsOf('referral', caseId)).toBe(3);
  });

  it('tells the agency of an intervention a case officer asks for directly, in that transaction', async () => {
    const { caseId } = await approvedCase();
    const asked = await t.post(
      `/cases/${caseId}/interventions`,
      { agency: 'justice', type: 'legal_aid', areaCode: '46002', dueAt: inDays(7), notes: NOTES },
      tokens.officer,
    );
    expect(asked.status).toBe(201);
    expect(await inbox('justice', caseId)).toEqual([
      expect.objectContaining({ kind: 'referral', interventionId: asked.body.id }),
    ]);
    expect(await rowsOf('referral', caseId)).toBe(4);
  });

  it('writes nothing when the change fails (no intervention, no notification)', async () => {
    const { caseId } = await approvedCase();
    const refused = await t.post(
      `/cases/${caseId}/interventions`,
      { agency: 'justice', type: 'legal_aid', areaCode: '46002', dueAt: '2000-01-01T00:00:00Z' },
      tokens.officer,
    );
    expect(refused.status).toBe(400);
    expect(await rowsOf('referral', caseId)).toBe(3);
  });
});

describe('intervention_updated', () => {
  it('tells the case’s commune officers (no assignee) when the agency moves its intervention, once per status', async () => {
    const { caseId, caseNumber } = await approvedCase();
    const work = await policeWork(caseId);
    const accepted = await moveIntervention(t, tokens.police, work.id, { status: 'accepted', version: work.version });
    expect(accepted.status).toBe(200);
    // The same move sent again is a stale version: refused, and nobody is told twice.
    const again = await moveIntervention(t, tokens.police, work.id, { status: 'accepted', version: work.version });
    expect(again.status).toBe(409);
    for (const who of ['officer', 'secondOfficer'])
      expect(await inbox(who, caseId)).toEqual([
        expect.objectContaining({
          kind: 'intervention_updated',
          caseId,
          caseNumber,
          interventionId: work.id,
          deadlineKind: null,
          dueAt: null,
        }),
      ]);
    for (const who of ['otherOfficer', 'provincial', 'chair', 'otherChair'])
      expect((await kinds(who, caseId)).filter((kind) => kind === 'intervention_updated')).toEqual([]);
    expect(await rowsOf('intervention_updated', caseId)).toBe(2);

    const started = await moveIntervention(t, tokens.communePolice, work.id, {
      status: 'in_progress',
      version: accepted.body.version,
    });
    expect(started.status).toBe(200);
    expect(await kinds('officer', caseId)).toEqual(['intervention_updated', 'intervention_updated']);
    expect(await rowsOf('intervention_updated', caseId)).toBe(4);
  });

  it('tells nobody when a case officer moves the intervention itself', async () => {
    const { caseId } = await caseWithPoliceMoves();
    const work = await policeWork(caseId);
    const done = await moveIntervention(t, tokens.officer, work.id, {
      status: 'completed',
      version: work.version,
      outcome: NOTES,
    });
    expect(done.status).toBe(200);
    expect(await rowsOf('intervention_updated', caseId)).toBe(4);
  });

  it('makes each notification once even when the same change is told again', async () => {
    const { caseId, workId } = await caseWithPoliceMoves();
    const outbox = t.app.get(NotificationOutbox);
    const before = Number((await t.db.query(`SELECT count(*) AS n FROM notifications`))[0].n);
    await t.db.transaction(async (manager) => {
      await outbox.notify(manager, {
        kind: 'intervention_updated',
        caseId,
        interventionId: workId,
        status: 'accepted',
      });
      await outbox.notify(manager, { kind: 'referral', caseId, interventionIds: [workId] });
    });
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM notifications`))[0].n)).toBe(before);
  });
});

describe('the inbox', () => {
  it('marks a notification read (204, twice alike) and leaves it out of ?unread=true', async () => {
    const { caseId } = await plannedCase();
    const [item] = await inbox('chair', caseId);
    expect((await t.post(`/notifications/${item.id}/read`, undefined, tokens.chair)).status).toBe(204);
    const readAt = (await inbox('chair', caseId))[0].readAt;
    expect(readAt).toEqual(expect.any(String));
    expect((await t.post(`/notifications/${item.id}/read`, undefined, tokens.chair)).status).toBe(204);
    expect((await inbox('chair', caseId))[0].readAt).toBe(readAt);
    expect(await inbox('chair', caseId, '?unread=true')).toEqual([]);
    expect(await inbox('chair', caseId, '?unread=false')).toHaveLength(1);
  });

  it('answers 404 for someone else’s notification, an unknown one and a malformed id', async () => {
    const { caseId } = await filedCase();
    const [item] = (await everything('officer')).filter((one) => one.caseId === caseId);
    const theirs = await t.post(`/notifications/${item.id}/read`, undefined, tokens.secondOfficer);
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get('content-type')).toContain('application/problem+json');
    expect((await everything('officer')).find((one) => one.id === item.id)!.readAt).toBeNull();
    expect(
      (await t.post('/notifications/00000000-0000-4000-8000-000000000000/read', undefined, tokens.officer)).status,
    ).toBe(404);
    expect((await t.post('/notifications/nope/read', undefined, tokens.officer)).status).toBe(404);
  });

  it('lists newest first, in pages', async () => {
    const { caseId } = await caseWithPoliceMoves();
    const all = await everything('officer');
    expect(all.filter((item) => item.caseId === caseId).map((item) => item.kind)).toEqual([
      'intervention_updated',
      'intervention_updated',
      'report_received',
    ]);
    for (let i = 1; i < all.length; i++) expect(String(all[i - 1].createdAt) >= String(all[i].createdAt)).toBe(true);
    const paged: unknown[] = [];
    let page = await t.get('/notifications?limit=2', tokens.officer);
    for (;;) {
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.items.map((i: { id: string }) => i.id));
      if (!page.body.nextCursor) break;
      page = await t.get(`/notifications?limit=2&cursor=${page.body.nextCursor}`, tokens.officer);
    }
    expect(paged).toEqual(all.map((item) => item.id));
    expect((await t.get('/notifications?unread=maybe', tokens.officer)).status).toBe(400);
  });

  it('belongs to those who take part in cases: a hotline operator has none', async () => {
    expect((await t.get('/notifications', tokens.hotline)).status).toBe(403);
  });

  it('carries no personal data: codes, ids, a case number and times only', async () => {
    await caseWithPoliceMoves();
    const items = (
      await Promise.all(
        Object.keys(tokens)
          .filter((who) => who !== 'hotline')
          .map((who) => everything(who)),
      )
    ).flat();
    expect(items.length).toBeGreaterThan(5);
    expect(items.length).toBe(Number((await t.db.query(`SELECT count(*) AS n FROM notifications`))[0].n));
    const text = JSON.stringify(items);
    for (const personal of [
      ...personalValuesOfTheReport(),
      STAGED_DESCRIPTION,
      STAGED_GOAL,
      NOTES,
      ...Object.values(FINDINGS),
    ])
      expect(text).not.toContain(personal);
    const uuid = /^[0-9a-f-]{36}$/;
    const time = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(
        ['caseId', 'caseNumber', 'createdAt', 'deadlineKind', 'dueAt', 'id', 'interventionId', 'kind', 'readAt'].sort(),
      );
      expect(item.caseNumber).toMatch(/^46-\d{4}-\d{6}$/);
      for (const key of ['id', 'caseId', 'interventionId']) if (item[key] !== null) expect(item[key]).toMatch(uuid);
      for (const key of ['dueAt', 'createdAt', 'readAt']) if (item[key] !== null) expect(item[key]).toMatch(time);
      expect(String(item.kind) + String(item.deadlineKind)).toMatch(/^[a-z_]+$/);
    }
  });
});
