import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { prepared } from '../database/prepared-statements';
import type { SqlStatement } from '../database/statement-batch';
import { DeliveryQueue, queuingDeliveries } from './delivery-queue';
import { NotificationKind } from './notification-kinds';
import { RECIPIENTS } from './recipients';

/** A change that tells people, named by ids only: the outbox reads the rest (number, agency, area) itself. */
export type NotificationEvent =
  /** Interventions were requested of their agencies. */
  | { kind: 'referral'; caseId: string; interventionIds: readonly string[] }
  /** A plan was drafted; its approval is due at `dueAt`. */
  | { kind: 'plan_awaiting_approval'; caseId: string; dueAt: Date }
  /** A transfer of the case to another commune was asked for, at `requestedAt`. */
  | { kind: 'transfer_requested'; caseId: string; requestedAt: Date }
  /** An agency moved its intervention to `status`. */
  | { kind: 'intervention_updated'; caseId: string; interventionId: string; status: string }
  /**
   * Report `reportId` was filed about the cases `caseIds` (new or joined); `tellsChairs` when the
   * report itself calls the commune chairs (reportTellsChairs).
   */
  | { kind: 'report_received'; reportId: string; caseIds: readonly string[]; tellsChairs: boolean };

/** What one event's statement selects per recipient, as SQL over `c` (the case) and `i` (an intervention). */
interface Shape {
  from: string;
  where: string;
  recipients: string;
  interventionId: string;
  deadlineKind: string;
  dueAt: string;
  occurrence: string;
  params: unknown[];
}

function shapeOf(event: NotificationEvent): Shape {
  switch (event.kind) {
    case 'referral':
      return {
        from: 'interventions i JOIN cases c ON c.id = i.case_id',
        where: 'i.case_id = $2 AND i.id = ANY($3::uuid[])',
        recipients: RECIPIENTS.agencyStaff,
        interventionId: 'i.id',
        deadlineKind: `'intervention'`,
        dueAt: 'i.due_at',
        occurrence: `''`,
        params: [event.caseId, event.interventionIds],
      };
    case 'plan_awaiting_approval':
      return {
        from: 'cases c',
        where: 'c.id = $2',
        recipients: RECIPIENTS.communeChairs,
        interventionId: 'NULL::uuid',
        deadlineKind: `'plan_approval'`,
        dueAt: '$3::timestamptz',
        // A plan drafted again (after a replan) waits for approval again: its own notification.
        occurrence: `to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        params: [event.caseId, event.dueAt],
      };
    case 'transfer_requested':
      return {
        from: 'cases c',
        where: 'c.id = $2',
        recipients: RECIPIENTS.transferTargets,
        interventionId: 'NULL::uuid',
        deadlineKind: 'NULL',
        dueAt: 'NULL::timestamptz',
        // A case transferred, sent back and asked again is asked again: its own notification.
        occurrence: `to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        params: [event.caseId, event.requestedAt],
      };
    case 'intervention_updated':
      return {
        from: 'interventions i JOIN cases c ON c.id = i.case_id',
        where: 'i.case_id = $2 AND i.id = $3',
        recipients: RECIPIENTS.caseOwners,
        interventionId: 'i.id',
        deadlineKind: 'NULL',
        dueAt: 'NULL::timestamptz',
        // Statuses only move forward: each one reached is told once.
        occurrence: '$4::text',
        params: [event.caseId, event.interventionId, event.status],
      };
    case 'report_received':
      return {
        from: 'cases c',
        where: 'c.id = ANY($2::uuid[])',
        // A case assessed an emergency calls the chairs whatever the report joining it says.
        recipients: `${RECIPIENTS.caseOwners}
          UNION ${RECIPIENTS.communeChairs} AND ($4::boolean OR c.emergency)`,
        interventionId: 'NULL::uuid',
        deadlineKind: 'NULL',
        dueAt: 'NULL::timestamptz',
        // Each report that reaches a case is told once.
        occurrence: '$3::text',
        params: [event.caseIds, event.reportId, event.tellsChairs],
      };
  }
}

/**
 * The transactional outbox: `notify` writes the notifications of a change inside the change's
 * own transaction (pass its manager), so they stand or fall with it. Recipients are resolved by
 * the contract's rules at the moment of the change; each notification exists once (the table's
 * unique key), so a change told twice tells nobody twice. Codes, ids, case numbers and times only.
 * Each new notification is queued for mail and webhook delivery in the same statement.
 */
@Injectable()
export class NotificationOutbox {
  constructor(private readonly deliveries: DeliveryQueue) {}

  async notify(manager: EntityManager, event: NotificationEvent): Promise<void> {
    const { sql, params } = this.statement(event);
    await this.deliveries.run(manager, prepared(sql), params);
  }

  /**
   * The statement of `notify`, for a writer that sends it with others in one round trip (intake:
   * after its cases are numbered, so the notifications carry the final numbers). Its parameters
   * are ids, codes, times and flags the service made. One text per kind of event: a handful.
   */
  statement(event: NotificationEvent): SqlStatement {
    const shape = shapeOf(event);
    const kind: NotificationKind = event.kind;
    const params = [kind, ...shape.params];
    const insert = `INSERT INTO notifications (recipient_id, kind, case_id, case_number, intervention_id, deadline_kind, due_at, occurrence)
       SELECT r.id, $1::text, c.id, c.case_number, ${shape.interventionId}, ${shape.deadlineKind}, ${shape.dueAt}, ${shape.occurrence}
         FROM ${shape.from} CROSS JOIN LATERAL (${shape.recipients}) r
        WHERE ${shape.where}
       ON CONFLICT DO NOTHING`;
    return {
      sql: queuingDeliveries(insert, `$${params.length + 1}`),
      params: [...params, this.deliveries.channels],
    };
  }
}
