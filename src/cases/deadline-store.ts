import { EntityManager } from 'typeorm';
import { CaseWrites } from './case-repository';
import { DeadlineKind } from './deadlines';

/**
 * Writes deadline rows inside the transaction of the step that sets or meets them. It takes the
 * transaction's CaseWrites, so every deadline written marks its case for the KPI facts.
 */
export class DeadlineStore {
  private readonly manager: EntityManager;

  constructor(
    writes: CaseWrites,
    private readonly caseId: string,
  ) {
    this.manager = writes.manager;
    writes.touchCase(caseId);
  }

  /**
   * Sets the deadline, restarting it when it already ran (a re-plan starts the clock again). A
   * deadline set again is written again (`created_at`): when its new due time is already past (a
   * step recorded late), the next sweep tells it overdue like any deadline written past due.
   */
  async set(kind: DeadlineKind, dueAt: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO deadlines (case_id, kind, due_at) VALUES ($1, $2, $3)
       ON CONFLICT (case_id, kind) WHERE intervention_id IS NULL
       DO UPDATE SET due_at = EXCLUDED.due_at, met_at = NULL, created_at = now()`,
      [this.caseId, kind, dueAt],
    );
  }

  /** Sets the deadline only if the case has none of that kind yet. */
  async setOnce(kind: DeadlineKind, dueAt: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO deadlines (case_id, kind, due_at) VALUES ($1, $2, $3)
       ON CONFLICT (case_id, kind) WHERE intervention_id IS NULL DO NOTHING`,
      [this.caseId, kind, dueAt],
    );
  }

  /** Marks an open deadline of the case as met at `at` (late or not: `metAt` against `dueAt` tells). */
  async meet(kind: DeadlineKind, at: Date): Promise<void> {
    await this.manager.query(
      `UPDATE deadlines SET met_at = $3 WHERE case_id = $1 AND kind = $2 AND intervention_id IS NULL AND met_at IS NULL`,
      [this.caseId, kind, at],
    );
  }

  /** Withdraws an open deadline the case no longer owes (a correction changed what it calls for). */
  async withdraw(kind: DeadlineKind): Promise<void> {
    await this.manager.query(
      `DELETE FROM deadlines WHERE case_id = $1 AND kind = $2 AND intervention_id IS NULL AND met_at IS NULL`,
      [this.caseId, kind],
    );
  }

  /** A police referral owed since a correction is met already when the police were asked before it. */
  async meetPoliceReferralByEarlierIntervention(): Promise<void> {
    await this.manager.query(
      `UPDATE deadlines d SET met_at = police.first
         FROM (SELECT min(created_at) AS first FROM interventions WHERE case_id = $1 AND agency = 'police') AS police
        WHERE d.case_id = $1 AND d.kind = 'police_referral' AND d.intervention_id IS NULL AND d.met_at IS NULL
          AND police.first IS NOT NULL`,
      [this.caseId],
    );
  }

  async setForIntervention(interventionId: string, dueAt: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO deadlines (case_id, kind, intervention_id, due_at) VALUES ($1, 'intervention', $2, $3)`,
      [this.caseId, interventionId, dueAt],
    );
  }

  async meetForIntervention(interventionId: string, at: Date): Promise<void> {
    await this.manager.query(`UPDATE deadlines SET met_at = $2 WHERE intervention_id = $1 AND met_at IS NULL`, [
      interventionId,
      at,
    ]);
  }
}
