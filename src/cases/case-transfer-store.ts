import { EntityManager } from 'typeorm';

/** A transfer of a case as the case view shows it. */
export interface TransferRow {
  id: string;
  toAreaCode: string;
  status: 'pending' | 'accepted' | 'rejected';
  requestedAt: Date;
  requestedBy: string;
}

/** The rows of `case_transfers`, written inside the transaction of the case move they record. */
export class CaseTransferStore {
  constructor(private readonly manager: EntityManager) {}

  async request(
    caseId: string,
    transfer: { fromAreaCode: string; toAreaCode: string; reasonEnc: string; requestedBy: string },
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO case_transfers (case_id, from_area_code, to_area_code, reason_enc, requested_by) VALUES ($1, $2, $3, $4, $5)`,
      [caseId, transfer.fromAreaCode, transfer.toAreaCode, transfer.reasonEnc, transfer.requestedBy],
    );
  }

  async pending(caseId: string): Promise<TransferRow | undefined> {
    const [row] = (await this.manager.query(
      `SELECT ${TRANSFER_COLUMNS} FROM case_transfers WHERE case_id = $1 AND status = 'pending' FOR UPDATE`,
      [caseId],
    )) as TransferRow[];
    return row;
  }

  async decide(
    transferId: string,
    decision: { status: 'accepted' | 'rejected'; decidedBy: string; reasonEnc: string | null },
  ): Promise<void> {
    await this.manager.query(
      `UPDATE case_transfers SET status = $2, decided_at = now(), decided_by = $3, decision_reason_enc = $4 WHERE id = $1`,
      [transferId, decision.status, decision.decidedBy, decision.reasonEnc],
    );
  }
}

const TRANSFER_COLUMNS = `id, to_area_code AS "toAreaCode", status, requested_at AS "requestedAt", requested_by AS "requestedBy"`;

/** The case's latest transfer, as a JSON column of a `cases` query (`json_build_object`), or NULL. */
export const LATEST_TRANSFER_JSON = `(SELECT json_build_object('toAreaCode', t.to_area_code, 'status', t.status,
    'requestedAt', to_char(t.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'requestedBy', t.requested_by)
   FROM case_transfers t WHERE t.case_id = cases.id ORDER BY t.requested_at DESC LIMIT 1)`;
