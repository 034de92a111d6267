import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  APPROACH_ALERT_AT_SQL,
  CHAIRS_TOLD_WHEN_OVERDUE,
  ESCALATION_HOURS,
  HOUR_DEADLINES,
  LONGEST_LEAD_HOURS,
} from './deadline-alerts';
import { DeliveryQueue, queuingDeliveries } from './delivery-queue';
import { RECIPIENTS } from './recipients';

/** Advisory-lock namespace and key of "the deadline sweep" (one at a time across instances). */
const SWEEP_LOCK: [number, number] = [7, 1];
const SWEEP_NAME = 'deadlines';
/** A deadline written this long before the last sweep may not have been visible to it (its transaction still open). */
const WRITTEN_SLACK_MINUTES = 60;
/** A first sweep (an empty watermark) looks back this far, not over every old overdue deadline. */
const FIRST_SWEEP_LOOKBACK_HOURS = 48;

/** The recipients of a deadline alert about deadline `d` of case `c` (intervention `i` when it has one). */
const DEADLINE_PEOPLE = `
  ${RECIPIENTS.agencyStaff} AND d.kind = 'intervention'
  UNION ${RECIPIENTS.caseOwners} AND d.kind <> 'intervention'`;

/** The due time as exact text: a deadline set again (a new plan draft) is a new occurrence. */
const DUE = `to_char(d.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Deadlines written since the last sweep (or just before it, maybe unseen by it) and no later than
 * now: a range of the open-deadline index on created_at.
 */
const WRITTEN_SINCE = `d.created_at > $3 - interval '${WRITTEN_SLACK_MINUTES} minutes' AND d.created_at <= $2`;

interface Alert {
  kind: 'deadline_approaching' | 'deadline_overdue';
  recipients: string;
  occurrence: string;
  /**
   * Which open deadlines, over `$2` (now) and `$3` (the last sweep): a range of due_at, or of
   * created_at for the deadlines written since, whose threshold lay before the window.
   */
  window: string;
}

const OVERDUE_PEOPLE = `${DEADLINE_PEOPLE}
      UNION ${RECIPIENTS.communeChairs} AND d.kind = ANY($5)`;
const ESCALATED = `'escalated:' || ${DUE}`;

const ALERTS: readonly Alert[] = [
  {
    kind: 'deadline_approaching',
    recipients: DEADLINE_PEOPLE,
    occurrence: DUE,
    // Alert times crossed since the last sweep, and deadlines written since (an alert time already
    // past when set): not every deadline of the next day again at every sweep.
    window: `d.due_at > $2 AND d.due_at <= $2 + interval '${LONGEST_LEAD_HOURS} hours'
             AND ${APPROACH_ALERT_AT_SQL.replace(':hourKinds', '$4')} <= $2
             AND (${APPROACH_ALERT_AT_SQL.replace(':hourKinds', '$4')} > $3
                  OR d.created_at > $3 - interval '${WRITTEN_SLACK_MINUTES} minutes')`,
  },
  {
    kind: 'deadline_overdue',
    recipients: OVERDUE_PEOPLE,
    occurrence: DUE,
    window: `d.due_at <= $2 AND d.due_at > $3`,
  },
  {
    kind: 'deadline_overdue',
    recipients: RECIPIENTS.provincialOfficers,
    occurrence: ESCALATED,
    window: `d.due_at <= $2 - interval '${ESCALATION_HOURS} hours' AND d.due_at > $3 - interval '${ESCALATION_HOURS} hours'`,
  },
  // A deadline already past due when written (a report entered late) fell due before the window:
  // overdue now, and escalated now when its escalation time is past too (else the window above
  // takes it when that comes). Told once like the others: the same occurrence, the unique key.
  {
    kind: 'deadline_overdue',
    recipients: OVERDUE_PEOPLE,
    occurrence: DUE,
    window: `${WRITTEN_SINCE} AND d.due_at <= $3`,
  },
  {
    kind: 'deadline_overdue',
    recipients: RECIPIENTS.provincialOfficers,
    occurrence: ESCALATED,
    window: `${WRITTEN_SINCE} AND d.due_at <= $3 - interval '${ESCALATION_HOURS} hours'`,
  },
];

/**
 * One alert's statement: the notifications it makes over the open deadlines in its window, each
 * queued for delivery on `channels` in the same statement; it answers `made`.
 */
function alertStatement(
  alert: Alert,
  now: Date,
  since: Date,
  channels: readonly string[],
): { sql: string; params: unknown[] } {
  const insert = `INSERT INTO notifications (recipient_id, kind, case_id, case_number, intervention_id, deadline_kind, due_at, occurrence)
       SELECT r.id, $1, c.id, c.case_number, d.intervention_id, d.kind, d.due_at, ${alert.occurrence}
         FROM deadlines d
         JOIN cases c ON c.id = d.case_id
         LEFT JOIN interventions i ON i.id = d.intervention_id
        CROSS JOIN LATERAL (${alert.recipients}) r
        WHERE d.met_at IS NULL AND d.case_open AND ${alert.window}
       ON CONFLICT DO NOTHING`;
  // The first CTE only names the parameters' types: each statement uses some of them.
  const typed = `typed AS (SELECT $1::text, $2::timestamptz, $3::timestamptz, $4::text[], $5::text[], $6::text[])`;
  return {
    sql: queuingDeliveries(insert, '$6', typed),
    params: [alert.kind, now, since, HOUR_DEADLINES, CHAIRS_TOLD_WHEN_OVERDUE, channels],
  };
}

/** The statements of a sweep at `now` after one that ended at `since` (for EXPLAIN in bench:queues). */
export function sweepStatements(
  now: Date,
  since: Date,
  channels: readonly string[] = [],
): { kind: string; sql: string; params: unknown[] }[] {
  return ALERTS.map((alert) => ({ kind: alert.kind, ...alertStatement(alert, now, since, channels) }));
}

/**
 * The time-driven notifications: approaching, overdue, and the escalation 24 hours later. One
 * sweep at a time across every instance on the database (an advisory lock; another instance
 * skips), each sweep covering the deadlines that crossed a threshold since the last one (a
 * watermark row, so a restart resumes), each notification made once (the table's unique key).
 * A deadline written already past due is told at the next sweep (its threshold lay before the
 * window). Every statement reads a range of an open-deadline index (on due_at, or on created_at
 * for those written since), never the whole table.
 */
@Injectable()
export class DeadlineSweep {
  constructor(
    private readonly db: DataSource,
    private readonly deliveries: DeliveryQueue,
  ) {}

  /** Makes the alerts due at `now`; `swept: false` when another instance is sweeping. */
  sweep(now: Date = new Date()): Promise<{ swept: boolean; made: number }> {
    return this.db.transaction(async (manager) => {
      const [{ locked }] = (await manager.query(`SELECT pg_try_advisory_xact_lock($1, $2) AS locked`, SWEEP_LOCK)) as {
        locked: boolean;
      }[];
      if (!locked) return { swept: false, made: 0 };
      const since = await this.watermark(manager, now);
      let made = 0;
      for (const alert of ALERTS) made += await this.make(manager, alert, now, since);
      await manager.query(
        `INSERT INTO notification_sweeps (name, swept_until) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET swept_until = greatest(notification_sweeps.swept_until, EXCLUDED.swept_until)`,
        [SWEEP_NAME, now],
      );
      return { swept: true, made };
    });
  }

  private async watermark(manager: EntityManager, now: Date): Promise<Date> {
    const [row] = (await manager.query(`SELECT swept_until AS "sweptUntil" FROM notification_sweeps WHERE name = $1`, [
      SWEEP_NAME,
    ])) as { sweptUntil: Date }[];
    return row?.sweptUntil ?? new Date(now.getTime() - FIRST_SWEEP_LOOKBACK_HOURS * 3600 * 1000);
  }

  private async make(manager: EntityManager, alert: Alert, now: Date, since: Date): Promise<number> {
    const { sql, params } = alertStatement(alert, now, since, this.deliveries.channels);
    return this.deliveries.run(manager, sql, params);
  }
}
