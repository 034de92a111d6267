import { NotificationOutbox } from '../src/notifications/notification-outbox';
import { TestApp } from './support/test-app';
import { deadline, FINDINGS, step } from './support/workflow';
import { buildWorld, personalValuesOfTheReport, reportBody } from './support/world';

let t: TestApp;
let caseId: string;
let caseNumber: string;
const tokens: Record<string, string> = {};

const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();
const MEASURES = [
  { agency: 'police', action: 'investigation', areaCode: '46001', dueAt: inDays(10) },
  { agency: 'health', action: 'psychological_support', areaCode: '46001', dueAt: inDays(20) },
];
const DESCRIPTION = 'Trẻ bị đánh bằng roi tre nhiều lần (synthetic)';
const GOAL = 'Trẻ đi học lại đều đặn';
const NOTES = 'Gọi cho bà ngoại trước khi đến nhà';

const everything = async (who: string, query = '') => {
  const response = await t.get(`/notifications${query}`, tokens[who]);
  expect(response.status).toBe(200);
  return response.body.items as Record<string, unknown>[];
};
/** The inbox less the intake's `report_received` (test/report-received.e2e-spec.ts): what the later steps told. */
const inbox = async (who: string, query = '') =>
  (await everything(who, query)).filter((item) => item.kind !== 'report_received');
const kinds = async (who: string) => (await inbox(who)).map((item) => item.kind).sort();
const rowsOf = async (kind: string) =>
  Number((await t.db.query(`SELECT count(*) AS n FROM notifications WHERE kind = $1`, [kind]))[0].n);

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

  const filed = await t.post(
    '/reports',
    reportBody({ receivedAt: new Date(Date.now() - 86400_000).toISOString(), description: DESCRIPTION }),
    tokens.hotline,
  );
  expect(filed.status).toBe(201);
  ({ id: caseId, caseNumber } = filed.body.cases[0]);
  expect(
    (await step(t, tokens.officer, caseId, 'initial-assessment', { riskLevel: 'medium', emergency: false })).status,
  ).toBe(200);
  const assessed = await step(t, tokens.officer, caseId, 'detailed-assessment', {
    findings: FINDINGS,
    riskLevel: 'medium',
    substantiation: 'substantiated',
  });
  expect(assessed.status).toBe(200);
});
afterAll(() => t.close());

describe('plan_awaiting_approval', () => {
  it('tells the commune chairs of the case’s commune, once each, in the plan step', async () => {
    const planned = await step(t, tokens.officer, caseId, 'plan', { goals: [GOAL], measures: MEASURES });
    expect(planned.status).toBe(200);
    const [item] = await inbox('chair');
    expect(item).toEqual({
      id: expect.any(String),
      kind: 'plan_awaiting_approval',
      caseId,
      caseNumber,
      interventionId: null,
      deadlineKind: 'plan_approval',
      dueAt: deadline(planned.body, 'plan_approval')!.dueAt,
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(await kinds('otherChair')).toEqual([]);
    expect(await kinds('officer')).toEqual([]);
    expect(await rowsOf('plan_awaiting_approval')).toBe(1);
  });
});

describe('referral', () => {
  it('tells the active staff of each agency whose area holds the intervention’s area, when the plan is approved', async () => {
    expect((await step(t, tokens.chair, caseId, 'plan/approve', {})).status).toBe(200);
    const interventions = (await t.get(`/cases/${caseId}`, tokens.officer)).body.interventions as {
      id: string;
      agency: string;
      dueAt: string;
    }[];
    const police = interventions.find((i) => i.agency === 'police')!;
    for (const who of ['police', 'communePolice']) {
      expect(await inbox(who)).toEqual([
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
    expect(await inbox('health')).toEqual([expect.objectContaining({ kind: 'referral', interventionId: health.id })]);
    for (const who of ['policeElsewhere', 'healthNextDoor', 'justice', 'officer', 'provincial'])
      expect(await kinds(who)).toEqual([]);
    expect(await rowsOf('referral')).toBe(3);
  });

  it('tells the agency of an intervention a case officer asks for directly, in that transaction', async () => {
    const asked = await t.post(
      `/cases/${caseId}/interventions`,
      { agency: 'justice', type: 'legal_aid', areaCode: '46002', dueAt: inDays(7), notes: NOTES },
      tokens.officer,
    );
    expect(asked.status).toBe(201);
    expect(await inbox('justice')).toEqual([
      expect.objectContaining({ kind: 'referral', interventionId: asked.body.id }),
    ]);
    expect(await rowsOf('referral')).toBe(4);
  });

  it('writes nothing when the change fails (no intervention, no notification)', async () => {
    const refused = await t.post(
      `/cases/${caseId}/interventions`,
      { agency: 'justice', type: 'legal_aid', areaCode: '46002', dueAt: '2000-01-01T00:00:00Z' },
      tokens.officer,
    );
    expect(refused.status).toBe(400);
    expect(await rowsOf('referral')).toBe(4);
  });
});

describe('intervention_updated', () => {
  const policeWork = async () =>
    (
      (await t.get(`/cases/${caseId}`, tokens.officer)).body.interventions as {
        id: string;
        agency: string;
        version: number;
      }[]
    ).find((i) => i.agency === 'police')!;

  it('tells the case’s commune officers (no assignee) when the agency moves its intervention, once per status', async () => {
    const work = await policeWork();
    const accepted = await t.request('PATCH', `/interventions/${work.id}`, {
      token: tokens.police,
      body: { status: 'accepted', version: work.version },
    });
    expect(accepted.status).toBe(200);
    // The same move sent again is a stale version: refused, and nobody is told twice.
    const again = await t.request('PATCH', `/interventions/${work.id}`, {
      token: tokens.police,
      body: { status: 'accepted', version: work.version },
    });
    expect(again.status).toBe(409);
    for (const who of ['officer', 'secondOfficer'])
      expect(await inbox(who)).toEqual([
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
      expect((await kinds(who)).filter((kind) => kind === 'intervention_updated')).toEqual([]);
    expect(await rowsOf('intervention_updated')).toBe(2);

    const started = await t.request('PATCH', `/interventions/${work.id}`, {
      token: tokens.communePolice,
      body: { status: 'in_progress', version: accepted.body.version },
    });
    expect(started.status).toBe(200);
    expect(await kinds('officer')).toEqual(['intervention_updated', 'intervention_updated']);
    expect(await rowsOf('intervention_updated')).toBe(4);
  });

  it('tells nobody when a case officer moves the intervention itself', async () => {
    const work = await policeWork();
    const done = await t.request('PATCH', `/interventions/${work.id}`, {
      token: tokens.officer,
      body: { status: 'completed', version: work.version, outcome: NOTES },
    });
    expect(done.status).toBe(200);
    expect(await rowsOf('intervention_updated')).toBe(4);
  });

  it('makes each notification once even when the same change is told again', async () => {
    const work = await policeWork();
    const outbox = t.app.get(NotificationOutbox);
    const before = Number((await t.db.query(`SELECT count(*) AS n FROM notifications`))[0].n);
    await t.db.transaction(async (manager) => {
      await outbox.notify(manager, {
        kind: 'intervention_updated',
        caseId,
        interventionId: work.id,
        status: 'accepted',
      });
      await outbox.notify(manager, { kind: 'referral', caseId, interventionIds: [work.id] });
    });
    expect(Number((await t.db.query(`SELECT count(*) AS n FROM notifications`))[0].n)).toBe(before);
  });
});

describe('the inbox', () => {
  it('marks a notification read (204, twice alike) and leaves it out of ?unread=true', async () => {
    const [item] = await inbox('chair');
    expect((await t.post(`/notifications/${item.id}/read`, undefined, tokens.chair)).status).toBe(204);
    const readAt = (await inbox('chair'))[0].readAt;
    expect(readAt).toEqual(expect.any(String));
    expect((await t.post(`/notifications/${item.id}/read`, undefined, tokens.chair)).status).toBe(204);
    expect((await inbox('chair'))[0].readAt).toBe(readAt);
    expect(await inbox('chair', '?unread=true')).toEqual([]);
    expect(await inbox('chair', '?unread=false')).toHaveLength(1);
  });

  it('answers 404 for someone else’s notification, an unknown one and a malformed id', async () => {
    const [item] = await inbox('officer');
    const theirs = await t.post(`/notifications/${item.id}/read`, undefined, tokens.secondOfficer);
    expect(theirs.status).toBe(404);
    expect(theirs.headers.get('content-type')).toContain('application/problem+json');
    expect((await inbox('officer'))[0].readAt).toBeNull();
    expect(
      (await t.post('/notifications/00000000-0000-4000-8000-000000000000/read', undefined, tokens.officer)).status,
    ).toBe(404);
    expect((await t.post('/notifications/nope/read', undefined, tokens.officer)).status).toBe(404);
  });

  it('lists newest first, in pages', async () => {
    const all = await everything('officer');
    expect(all.map((item) => item.kind)).toEqual(['intervention_updated', 'intervention_updated', 'report_received']);
    const first = await t.get('/notifications?limit=2', tokens.officer);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([all[0].id, all[1].id]);
    const second = await t.get(`/notifications?limit=2&cursor=${first.body.nextCursor}`, tokens.officer);
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([all[2].id]);
    expect(second.body.nextCursor).toBeNull();
    expect(String(all[0].createdAt) >= String(all[1].createdAt)).toBe(true);
    expect(String(all[1].createdAt) >= String(all[2].createdAt)).toBe(true);
    expect((await t.get('/notifications?unread=maybe', tokens.officer)).status).toBe(400);
  });

  it('belongs to those who take part in cases: a hotline operator has none', async () => {
    expect((await t.get('/notifications', tokens.hotline)).status).toBe(403);
  });

  it('carries no personal data: codes, ids, a case number and times only', async () => {
    const items = (
      await Promise.all(
        Object.keys(tokens)
          .filter((who) => who !== 'hotline')
          .map((who) => everything(who)),
      )
    ).flat();
    expect(items.length).toBe(Number((await t.db.query(`SELECT count(*) AS n FROM notifications`))[0].n));
    const text = JSON.stringify(items);
    for (const personal of [...personalValuesOfTheReport(), DESCRIPTION, GOAL, NOTES, ...Object.values(FINDINGS)])
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
