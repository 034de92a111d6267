/**
 * When people are told about a deadline (docs/domain.md, Deadlines; README "Notifications"), as
 * plain rules:
 * - hour deadlines (12 or 24 hours from receipt) 3 hours before they fall due, day deadlines at
 *   08:00 Asia/Ho_Chi_Minh on the day they fall due;
 * - when an open deadline falls due; the commune chairs too for the emergency response, the end of
 *   a separation and the plan's approval;
 * - an escalation to the provincial officers when it is still open 24 hours later.
 */
export const HOUR_DEADLINES: readonly string[] = ['initial_assessment', 'emergency_response', 'police_referral'];
export const CHAIRS_TOLD_WHEN_OVERDUE: readonly string[] = ['emergency_response', 'separation_end', 'plan_approval'];
export const HOURS_BEFORE_HOUR_DEADLINES = 3;
export const DAY_DEADLINE_ALERT_LOCAL_HOUR = 8;
export const ESCALATION_HOURS = 24;

/** The furthest ahead an approach alert can come (a day deadline due late on its day). */
export const LONGEST_LEAD_HOURS = 24;

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** When the people concerned hear that a deadline due at `dueAt` is approaching. */
export function approachAlertAt(kind: string, dueAt: Date): Date {
  if (HOUR_DEADLINES.includes(kind)) return new Date(dueAt.getTime() - HOURS_BEFORE_HOUR_DEADLINES * 3600 * 1000);
  const local = new Date(dueAt.getTime() + VIETNAM_OFFSET_MS);
  const localDay = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const sameDay = localDay + DAY_DEADLINE_ALERT_LOCAL_HOUR * 3600 * 1000 - VIETNAM_OFFSET_MS;
  // Due before the morning alert hour: the alert comes the morning before, never after the due time.
  return new Date(sameDay < dueAt.getTime() ? sameDay : sameDay - 24 * 3600 * 1000);
}

/** The same rule in SQL over a deadline row `d`, so a sweep selects by it. */
export const APPROACH_ALERT_AT_SQL = `CASE WHEN d.kind = ANY(:hourKinds)
    THEN d.due_at - interval '${HOURS_BEFORE_HOUR_DEADLINES} hours'
    ELSE (date_trunc('day', d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh') + interval '${DAY_DEADLINE_ALERT_LOCAL_HOUR} hours'
          - CASE WHEN (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::time <= time '${String(DAY_DEADLINE_ALERT_LOCAL_HOUR).padStart(2, '0')}:00'
                 THEN interval '1 day' ELSE interval '0' END)
         AT TIME ZONE 'Asia/Ho_Chi_Minh' END`;
