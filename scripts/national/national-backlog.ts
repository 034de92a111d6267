import { Client } from 'pg';
import { POLICE_REFERRAL_FORMS } from '../../src/cases/deadlines';
import { AGENCY_CODES, INTERVENTION_TYPES, FINAL_STATUSES } from '../../src/domain/intervention-types';

/**
 * The work of the synthetic country as the service would have left it (seed:national): the
 * officers who carry the cases, each case's deadlines and interventions by its status under the
 * Decree 56 workflow (docs/domain.md, The case workflow; src/cases/case-steps.service.ts), and the
 * inbox the deadline sweep and the referrals have filled since the sweep started.
 *
 * The clock is `now`, the moment of seeding. Closed cases keep the dates they were drawn with;
 * open cases (still being assessed, planned or worked on) were received in the last months, so
 * their deadlines fall both behind and ahead of now. Every draw is a hash of the case (not
 * `random()`), so the statistics facts are those of the country without the backlog.
 *
 * Written as the service writes them:
 * - every case: the initial assessment, due 12 hours after receipt, met at the assessment;
 * - sexual abuse and trafficking (violence assessed high): the police referral, due 24 hours after
 *   receipt, met when the approved plan sends the police;
 * - assessed in detail: the plan, due 5 working days later, met by the draft (an unsubstantiated
 *   case closed after the detailed assessment keeps it unmet, as `close` does not meet it);
 * - plan drafted: its approval, due 2 working days later, met at the approval, which turns each
 *   measure into an intervention with a deadline of its own, met when the agency's work ends.
 * Working days here skip weekends but not public holidays.
 */

/** Each piece of chance as a number in [0, 1) from a hash of `tag` and a key (SQL over `key`). */
export const draw = (tag: string, key = 'c.id::text') =>
  `((hashtext('${tag}/' || ${key}) & 2147483647)::float8 / 2147483648.0)`;

/** How many statuses of each kind the country's cases are in (shares of their substantiation). */
export const STATUS_SHARES = {
  /** Of the cases whose substantiation is pending: received, the rest assessed initially. */
  pendingReceived: 0.8,
  /** Of the substantiated cases: still open at detailed assessment, plan and intervention. */
  substantiatedDetailed: 0.03,
  substantiatedPlanned: 0.02,
  substantiatedInIntervention: 0.05,
} as const;

/** The case's status from its substantiation and one draw `u` (SQL). */
export function statusSql(substantiation: string, u: string): string {
  const s = STATUS_SHARES;
  return `CASE ${substantiation}
    WHEN 'pending' THEN CASE WHEN ${u} < ${s.pendingReceived} THEN 'received' ELSE 'initial_assessed' END
    WHEN 'substantiated' THEN CASE
      WHEN ${u} < ${s.substantiatedDetailed} THEN 'detailed_assessed'
      WHEN ${u} < ${s.substantiatedDetailed + s.substantiatedPlanned} THEN 'plan_drafted'
      WHEN ${u} < ${s.substantiatedDetailed + s.substantiatedPlanned + s.substantiatedInIntervention} THEN 'in_intervention'
      ELSE 'closed' END
    ELSE 'closed' END`;
}

/**
 * When an open case was received: in the last months, the later its status the longer ago
 * (a day's intake of still-unassessed reports came in during the last 24 hours). SQL over
 * `status`, draws `u`, `v` and `$now`; closed cases keep `seeded`.
 */
export function receivedAtSql(status: string, u: string, v: string, seeded: string, now: string): string {
  return `CASE ${status}
    WHEN 'received' THEN ${now} - CASE WHEN ${u} < 0.0025 THEN ${v} * interval '24 hours'
                                       ELSE interval '24 hours' + ${v} * ${v} * interval '180 days' END
    WHEN 'initial_assessed' THEN ${now} - interval '1 day' - ${v} * ${v} * interval '120 days'
    WHEN 'detailed_assessed' THEN ${now} - interval '2 days' - ${v} * interval '25 days'
    WHEN 'plan_drafted' THEN ${now} - interval '5 days' - ${v} * interval '30 days'
    WHEN 'in_intervention' THEN ${now} - interval '13 days' - ${v} * interval '120 days'
    ELSE ${seeded} END`;
}

/** The seeded officers' ids, computed from their area (cases name their assignee without a lookup). */
export const userId = {
  communeOfficer: (commune: string) => `md5('user/co/' || ${commune})::uuid`,
  communeChair: (commune: string) => `md5('user/chair/' || ${commune})::uuid`,
  provincialOfficer: (province: string, n: string) => `md5('user/po/' || ${province} || '/' || ${n})::uuid`,
  agency: (agency: string, province: string) => `md5('user/' || ${agency} || '/' || ${province})::uuid`,
};

/** Who carries a case: its commune's officer, one case in 30 a provincial officer (SQL). */
export function assigneeSql(commune: string, province: string, u: string): string {
  return `CASE WHEN ${u} < 0.033 THEN ${userId.provincialOfficer(province, `(CASE WHEN ${u} < 0.0165 THEN '1' ELSE '2' END)`)}
               ELSE ${userId.communeOfficer(commune)} END`;
}

/** Provincial officers per province seeded. */
export const PROVINCIAL_OFFICERS = 2;

/**
 * A commune officer and a chair in every commune, two provincial officers and one of each agency
 * (police, health, justice, education, social) in every province. They cannot sign in: all share
 * the hash of a password nobody was told (an admin sets one with PATCH /users/{id}).
 */
export async function seedUsers(client: Client, passwordHash: string): Promise<number> {
  const result = await client.query(
    `INSERT INTO users (id, username, password_hash, full_name, role, area_code)
     SELECT ${userId.communeOfficer('code')}, 'nat.co.' || code, $1, 'Cán bộ xã ' || code || ' (synthetic)', 'commune_officer', code
       FROM national_communes
     UNION ALL
     SELECT ${userId.communeChair('code')}, 'nat.chair.' || code, $1, 'Chủ tịch xã ' || code || ' (synthetic)', 'commune_chair', code
       FROM national_communes
     UNION ALL
     SELECT ${userId.provincialOfficer('p.code', 'n::text')}, 'nat.po.' || p.code || '.' || n, $1,
            'Cán bộ tỉnh ' || p.code || '.' || n || ' (synthetic)', 'provincial_officer', p.code
       FROM areas p, generate_series(1, $2::int) AS n
      WHERE p.level = 'province' AND p.code IN (SELECT DISTINCT province FROM national_communes)
     UNION ALL
     SELECT ${userId.agency('agency', 'p.code')}, 'nat.' || agency || '.' || p.code, $1,
            'Cán bộ ' || agency || ' ' || p.code || ' (synthetic)', agency, p.code
       FROM areas p, unnest($3::text[]) AS agency
      WHERE p.level = 'province' AND p.code IN (SELECT DISTINCT province FROM national_communes)
     ON CONFLICT DO NOTHING`,
    [passwordHash, PROVINCIAL_OFFICERS, AGENCY_CODES],
  );
  return result.rowCount ?? 0;
}

/** The clock of case `c` at `$1` (now): when each step was taken (for the steps it reached). */
const CLOCK = `CROSS JOIN LATERAL (
    SELECT c.received_at + ${draw('ti')} * interval '16 hours' AS t_initial) k1
  CROSS JOIN LATERAL (
    SELECT CASE c.status
             WHEN 'detailed_assessed' THEN k1.t_initial + ${draw('td')} * ($1::timestamptz - k1.t_initial)
             WHEN 'plan_drafted' THEN k1.t_initial + 0.5 * ${draw('td')} * ($1::timestamptz - k1.t_initial)
             WHEN 'in_intervention' THEN k1.t_initial + ${draw('td')} * interval '5 days'
             ELSE k1.t_initial + interval '1 day' + ${draw('td')} * interval '6 days' END AS t_detailed) k2
  CROSS JOIN LATERAL (
    SELECT CASE c.status
             WHEN 'plan_drafted' THEN k2.t_detailed + ${draw('tp')} * ($1::timestamptz - k2.t_detailed)
             ELSE k2.t_detailed + ${draw('tp')} * interval '5 days' END AS t_plan) k3
  CROSS JOIN LATERAL (SELECT k3.t_plan + ${draw('ta')} * interval '2 days' AS t_approval) k4`;

/** `n` working days after `t` (ends 23:59:59 in Hanoi; weekends skipped, holidays not). One expression,
 * and as stable as the time zone arithmetic in it, so the planner inlines it. */
const WORKING_DAYS = `CREATE OR REPLACE FUNCTION pg_temp.national_working_days(t timestamptz, n int) RETURNS timestamptz
  LANGUAGE sql STABLE AS $$
    SELECT (((t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
             - greatest(extract(isodow FROM (t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int - 5, 0)
             + (n + 2 * ((least(extract(isodow FROM (t AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int, 5) - 1 + n) / 5))
            )::timestamp + interval '23:59:59') AT TIME ZONE 'Asia/Ho_Chi_Minh'
  $$`;

/**
 * Runs a bulk load with the tables' non-unique indexes dropped, and builds them again after (one
 * sort each instead of millions of insertions). `keep` names indexes the load itself reads.
 */
export async function withoutSecondaryIndexes<T>(
  client: Client,
  tables: string[],
  keep: string[],
  load: () => Promise<T>,
): Promise<T> {
  const indexes = (
    await client.query(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisunique AND NOT (c.relname = ANY($2))`,
      [tables, keep],
    )
  ).rows as { name: string; definition: string }[];
  for (const index of indexes) await client.query(`DROP INDEX ${client.escapeIdentifier(index.name)}`);
  try {
    return await load();
  } finally {
    for (const index of indexes) await client.query(index.definition);
  }
}

/** Cases with an approved plan: their interventions exist. */
const PLANNED = `(c.status = 'in_intervention' OR (c.status = 'closed' AND c.substantiation = 'substantiated'))`;
const REACHED_DETAILED = `c.status NOT IN ('received', 'initial_assessed')`;
const POLICE_FORMS = `(c.form = ANY('{${POLICE_REFERRAL_FORMS.join(',')}}') OR (c.form = 'violence' AND c.risk_level = 'high' AND c.status <> 'received'))`;

/**
 * The case deadlines of the cases numbered in [from, to) (their case numbers' order). The
 * deadline's copy of its case (area, transfer, open) is written here, so the insert trigger need
 * not look each case up.
 */
export async function seedCaseDeadlines(client: Client, now: Date, from: string, to: string): Promise<number> {
  await client.query(WORKING_DAYS);
  // unnest of arrays, not VALUES: a correlated VALUES list compiles its expressions again for every case.
  const result = await client.query(
    `INSERT INTO deadlines (case_id, kind, due_at, met_at, created_at, area_path, transfer_area_path, case_open)
     SELECT c.id, d.kind, d.due_at, d.met_at, d.created_at, c.area_path, c.transfer_area_path, c.status <> 'closed'
       FROM (SELECT c.*, k1.t_initial, k2.t_detailed, k3.t_plan, k4.t_approval
               FROM cases c
               ${CLOCK}
              WHERE c.case_number >= $2 AND c.case_number < $3
             OFFSET 0) AS c
       CROSS JOIN LATERAL unnest(
         ARRAY['initial_assessment', 'police_referral', 'plan_draft', 'plan_approval'],
         ARRAY[c.received_at + interval '12 hours', c.received_at + interval '24 hours',
               pg_temp.national_working_days(c.t_detailed, 5), pg_temp.national_working_days(c.t_plan, 2)],
         ARRAY[CASE WHEN c.status <> 'received' THEN c.t_initial END,
               CASE WHEN ${PLANNED} THEN c.t_approval END,
               CASE WHEN c.status IN ('plan_drafted', 'in_intervention') OR ${PLANNED} THEN c.t_plan END,
               CASE WHEN ${PLANNED} THEN c.t_approval END],
         ARRAY[c.received_at, c.received_at, c.t_detailed, c.t_plan],
         ARRAY[true, ${POLICE_FORMS}, ${REACHED_DETAILED}, c.status = 'plan_drafted' OR ${PLANNED}]
       ) AS d(kind, due_at, met_at, created_at, present)
      WHERE d.present`,
    [now, from, to],
  );
  return result.rowCount ?? 0;
}

/** The agencies measures go to, with their weights, after the police for a police-referral form. */
const AGENCY_WEIGHTS: [string, number][] = [
  ['police', 0.25],
  ['health', 0.25],
  ['social', 0.2],
  ['education', 0.18],
  ['justice', 0.12],
];

function agencySql(u: string): string {
  let cumulative = 0;
  const arms = AGENCY_WEIGHTS.slice(0, -1).map(([agency, weight]) => {
    cumulative += weight;
    return `WHEN ${u} < ${cumulative.toFixed(2)} THEN '${agency}'`;
  });
  return `CASE ${arms.join(' ')} ELSE '${AGENCY_WEIGHTS.at(-1)![0]}' END`;
}

const TYPES_OF = `CASE a.agency ${AGENCY_CODES.map(
  (agency) => `WHEN '${agency}' THEN '{${Object.keys(INTERVENTION_TYPES[agency]).join(',')}}'::text[]`,
).join(' ')} END`;

/**
 * The interventions of the planned cases numbered in [from, to): one to three measures each,
 * in the case's commune, due one week to two months after the approval. A closed case's are all
 * over; an open case's mostly still running, the more so when not yet due.
 */
export async function seedInterventions(client: Client, now: Date, from: string, to: string): Promise<number> {
  const u = (tag: string) => draw(tag, `c.id::text || '/' || j`);
  const result = await client.query(
    `INSERT INTO interventions (id, case_id, agency, type, area_code, area_path, status, due_at, created_by, created_at, updated_at)
     SELECT md5('intervention/' || c.id || '/' || j)::uuid, c.id, a.agency,
            (${TYPES_OF})[1 + floor(${u('type')} * array_length(${TYPES_OF}, 1))::int],
            c.area_code, c.area_path, s.status, a.due_at, ${userId.communeChair('c.area_code')}, k4.t_approval,
            CASE WHEN s.status = ANY($4) THEN s.done_at ELSE k4.t_approval END
       FROM cases c
       ${CLOCK}
       CROSS JOIN LATERAL generate_series(1, 1 + (${draw('n1')} < 0.35)::int + (${draw('n2')} < 0.1)::int) AS j
       CROSS JOIN LATERAL (
         SELECT CASE WHEN j = 1 AND ${POLICE_FORMS} THEN 'police' ELSE ${agencySql(u('agency'))} END AS agency,
                k4.t_approval + interval '7 days' + ${u('due')} * interval '53 days' AS due_at) a
       CROSS JOIN LATERAL (
         SELECT CASE
                  WHEN c.status = 'closed' THEN CASE WHEN ${u('end')} < 0.92 THEN 'completed' ELSE 'rejected' END
                  WHEN ${u('end')} < CASE WHEN a.due_at < $1::timestamptz THEN 0.45 ELSE 0.2 END THEN 'completed'
                  WHEN ${u('end')} < CASE WHEN a.due_at < $1::timestamptz THEN 0.5 ELSE 0.22 END THEN 'rejected'
                  WHEN ${u('state')} < 0.3 THEN 'requested'
                  WHEN ${u('state')} < 0.6 THEN 'accepted'
                  ELSE 'in_progress' END AS status,
                k4.t_approval + ${u('done')} * (least($1::timestamptz, a.due_at + interval '10 days') - k4.t_approval) AS done_at) s
      WHERE c.case_number >= $2 AND c.case_number < $3 AND ${PLANNED}`,
    [now, from, to, FINAL_STATUSES],
  );
  return result.rowCount ?? 0;
}

/** Each intervention's deadline, met when its work ended (a final status), for the cases in [from, to). */
export async function seedInterventionDeadlines(client: Client, from: string, to: string): Promise<number> {
  const result = await client.query(
    `INSERT INTO deadlines (case_id, kind, intervention_id, due_at, met_at, created_at, area_path, transfer_area_path, case_open)
     SELECT c.id, 'intervention', i.id, i.due_at, CASE WHEN i.status = ANY($3) THEN i.updated_at END, i.created_at,
            c.area_path, c.transfer_area_path, c.status <> 'closed'
       FROM cases c JOIN interventions i ON i.case_id = c.id
      WHERE c.case_number >= $1 AND c.case_number < $2`,
    [from, to, FINAL_STATUSES],
  );
  return result.rowCount ?? 0;
}

/** How far back the sweep has been filling inboxes (it started this long before the seeding). */
export const INBOX_DAYS = 30;

/**
 * The inbox since the sweep started: the overdue notices to whoever runs the case (the agency's
 * staff for an intervention), the escalations to the provincial officers a day later, and the
 * referrals to the agencies; most of those older than three days were read. The sweep's
 * watermark is `now`, so the service's own sweep carries on from there.
 */
export async function seedNotifications(client: Client, now: Date): Promise<number> {
  const due = `to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const readAt = (created: string, tag: string, key = 'd.id::text') =>
    `CASE WHEN ${created} < $1::timestamptz - interval '3 days' AND ${draw(tag, key)} < 0.8
          THEN ${created} + ${draw(`${tag}-at`, key)} * interval '3 days' END`;
  const insert = `INSERT INTO notifications (recipient_id, kind, case_id, case_number, intervention_id, deadline_kind, due_at, occurrence, created_at, read_at)`;
  let made = 0;
  const overdue = await client.query(
    `${insert}
     SELECT CASE WHEN d.kind = 'intervention' THEN ${userId.agency('i.agency', 'c.province_code')} ELSE c.assignee_id END,
            'deadline_overdue', c.id, c.case_number, d.intervention_id, d.kind, d.due_at, ${due},
            d.due_at + interval '1 minute', ${readAt(`d.due_at`, 'read')}
       FROM deadlines d JOIN cases c ON c.id = d.case_id LEFT JOIN interventions i ON i.id = d.intervention_id
      WHERE d.met_at IS NULL AND d.case_open AND d.due_at <= $1::timestamptz AND d.due_at > $1::timestamptz - $2::int * interval '1 day'
     ON CONFLICT DO NOTHING`,
    [now, INBOX_DAYS],
  );
  made += overdue.rowCount ?? 0;
  const escalated = await client.query(
    `${insert}
     SELECT ${userId.provincialOfficer('c.province_code', 'n::text')}, 'deadline_overdue', c.id, c.case_number,
            d.intervention_id, d.kind, d.due_at, 'escalated:' || ${due},
            d.due_at + interval '24 hours 1 minute', ${readAt(`d.due_at + interval '24 hours'`, 'read-escalation')}
       FROM deadlines d JOIN cases c ON c.id = d.case_id, generate_series(1, $3::int) AS n
      WHERE d.met_at IS NULL AND d.case_open AND d.due_at <= $1::timestamptz - interval '24 hours'
        AND d.due_at > $1::timestamptz - interval '24 hours' - $2::int * interval '1 day'
     ON CONFLICT DO NOTHING`,
    [now, INBOX_DAYS, PROVINCIAL_OFFICERS],
  );
  made += escalated.rowCount ?? 0;
  const referrals = await client.query(
    `${insert}
     SELECT ${userId.agency('i.agency', 'c.province_code')}, 'referral', c.id, c.case_number, i.id, 'intervention',
            i.due_at, '', i.created_at, ${readAt('i.created_at', 'read-referral', 'i.id::text')}
       FROM interventions i JOIN cases c ON c.id = i.case_id
      WHERE i.created_at <= $1::timestamptz AND i.created_at > $1::timestamptz - $2::int * interval '1 day'
     ON CONFLICT DO NOTHING`,
    [now, INBOX_DAYS],
  );
  made += referrals.rowCount ?? 0;
  await client.query(
    `INSERT INTO notification_sweeps (name, swept_until) VALUES ('deadlines', $1::timestamptz)
     ON CONFLICT (name) DO UPDATE SET swept_until = EXCLUDED.swept_until`,
    [now],
  );
  return made;
}
