import { Client } from 'pg';
import { seedNational } from '../scripts/national/national-seed';
import { createTestDatabase } from './setup/test-database';

/**
 * seed:national on a small country: the work its cases left is what the service would have
 * written for them by their status (src/cases/case-steps.service.ts), so bench:queues measures
 * the real backlog. The 2,000,000-case country is bench:queues' (too slow for the tests).
 */
describe('the national seed’s backlog', () => {
  let database: { url: string; drop(): Promise<void> };
  let client: Client;
  let seededAt: Date;
  const one = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows[0] as T;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
    seededAt = new Date();
    await seedNational(client, { cases: 4000, years: 1, lastYear: 2025, repeatShare: 0.15, chunk: 1500 }, () => {});
  }, 120_000);

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('keeps the statistics facts of the country', async () => {
    const { facts } = await one<{ facts: number }>(`SELECT count(*)::int AS facts FROM statistics_facts`);
    expect(facts).toBeGreaterThan(1000);
  });

  it('gives every case the initial assessment due 12 hours after receipt, met once assessed', async () => {
    const wrong = await one<{ missing: number; due: number; met: number }>(
      `SELECT count(*) FILTER (WHERE d.id IS NULL)::int AS missing,
              count(*) FILTER (WHERE d.due_at <> c.received_at + interval '12 hours')::int AS due,
              count(*) FILTER (WHERE (d.met_at IS NULL) <> (c.status = 'received'))::int AS met
         FROM cases c LEFT JOIN deadlines d ON d.case_id = c.id AND d.kind = 'initial_assessment'`,
    );
    expect(wrong).toEqual({ missing: 0, due: 0, met: 0 });
  });

  it('leaves open on an open case only the deadline of the step it waits for', async () => {
    const rows = (
      await client.query(
        `SELECT c.status, d.kind, count(*)::int AS n
           FROM deadlines d JOIN cases c ON c.id = d.case_id
          WHERE d.met_at IS NULL AND c.status <> 'closed' GROUP BY 1, 2`,
      )
    ).rows as { status: string; kind: string }[];
    const allowed: Record<string, string[]> = {
      received: ['initial_assessment', 'police_referral'],
      initial_assessed: ['police_referral'],
      detailed_assessed: ['plan_draft', 'police_referral'],
      plan_drafted: ['plan_approval', 'police_referral'],
      in_intervention: ['intervention'],
    };
    for (const row of rows) expect(allowed[row.status]).toContain(row.kind);
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(Object.keys(allowed)));
  });

  it('sends the police within 24 hours for sexual abuse and trafficking, met by the approved plan', async () => {
    const wrong = await one<{ missing: number; unmet: number }>(
      `SELECT count(*) FILTER (WHERE d.id IS NULL)::int AS missing,
              count(*) FILTER (WHERE c.status = 'in_intervention' AND d.met_at IS NULL)::int AS unmet
         FROM cases c LEFT JOIN deadlines d ON d.case_id = c.id AND d.kind = 'police_referral'
        WHERE c.form IN ('sexual_abuse', 'trafficking')`,
    );
    expect(wrong).toEqual({ missing: 0, unmet: 0 });
    const { police } = await one<{ police: number }>(
      `SELECT count(*)::int AS police FROM cases c
        WHERE c.form IN ('sexual_abuse', 'trafficking') AND c.status = 'in_intervention'
          AND NOT EXISTS (SELECT 1 FROM interventions i WHERE i.case_id = c.id AND i.agency = 'police')`,
    );
    expect(police).toBe(0);
  });

  it('gives interventions only to cases whose plan was approved, each with its deadline, met when the work ended', async () => {
    const wrong = await one<{ unplanned: number; deadlines: number; met: number; running: number }>(
      `SELECT count(*) FILTER (WHERE NOT (c.status = 'in_intervention' OR (c.status = 'closed' AND c.substantiation = 'substantiated')))::int AS unplanned,
              count(*) FILTER (WHERE d.id IS NULL)::int AS deadlines,
              count(*) FILTER (WHERE (d.met_at IS NOT NULL) <> (i.status IN ('rejected', 'completed', 'prosecuted', 'not_prosecuted')))::int AS met,
              count(*) FILTER (WHERE c.status = 'closed' AND d.met_at IS NULL)::int AS running
         FROM interventions i JOIN cases c ON c.id = i.case_id
         LEFT JOIN deadlines d ON d.intervention_id = i.id AND d.kind = 'intervention'`,
    );
    expect(wrong).toEqual({ unplanned: 0, deadlines: 0, met: 0, running: 0 });
    const agencies = (await client.query(`SELECT DISTINCT agency FROM interventions ORDER BY 1`)).rows.map(
      (row: { agency: string }) => row.agency,
    );
    expect(agencies).toEqual(['education', 'health', 'justice', 'police', 'social']);
  });

  it('puts open deadlines both behind and ahead of the moment of seeding, never met in the future', async () => {
    const counts = await one<{ overdue: number; ahead: number; future: number; early: number }>(
      `SELECT count(*) FILTER (WHERE met_at IS NULL AND case_open AND due_at < $1)::int AS overdue,
              count(*) FILTER (WHERE met_at IS NULL AND case_open AND due_at >= $1)::int AS ahead,
              count(*) FILTER (WHERE met_at > now())::int AS future,
              count(*) FILTER (WHERE met_at < created_at)::int AS early
         FROM deadlines`,
      [seededAt],
    );
    expect(counts.overdue).toBeGreaterThan(0);
    expect(counts.ahead).toBeGreaterThan(0);
    expect(counts).toMatchObject({ future: 0, early: 0 });
  });

  it('writes each deadline with its case’s area and state, as the triggers would', async () => {
    const { stale } = await one<{ stale: number }>(
      `SELECT count(*)::int AS stale FROM deadlines d JOIN cases c ON c.id = d.case_id
        WHERE d.area_path <> c.area_path OR d.transfer_area_path IS DISTINCT FROM c.transfer_area_path
           OR d.case_open <> (c.status <> 'closed')`,
    );
    expect(stale).toBe(0);
  });

  it('assigns cases to seeded commune and provincial officers, and fills their inboxes, read and unread', async () => {
    const roles = (
      await client.query(
        `SELECT u.role, count(*)::int AS n FROM cases c JOIN users u ON u.id = c.assignee_id GROUP BY 1 ORDER BY 1`,
      )
    ).rows as { role: string; n: number }[];
    expect(roles.map((row) => row.role)).toEqual(['commune_officer', 'provincial_officer']);
    const { unassigned } = await one<{ unassigned: number }>(
      `SELECT count(*)::int AS unassigned FROM cases WHERE assignee_id IS NULL`,
    );
    expect(unassigned).toBe(0);
    const inbox = await one<{ unread: number; read: number; strangers: number }>(
      `SELECT count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread,
              count(*) FILTER (WHERE n.read_at IS NOT NULL)::int AS read,
              count(*) FILTER (WHERE u.id IS NULL)::int AS strangers
         FROM notifications n LEFT JOIN users u ON u.id = n.recipient_id AND u.active`,
    );
    expect(inbox.unread).toBeGreaterThan(0);
    expect(inbox.read).toBeGreaterThan(0);
    expect(inbox.strangers).toBe(0);
  });
});
