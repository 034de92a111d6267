import { PiiService } from '../privacy/pii.service';

/** An intervention as case roles and the agency's own staff see it. */
export interface InterventionView {
  id: string;
  agency: string;
  type: string;
  areaCode: string;
  status: string;
  dueAt: string;
  notes: string | null;
  outcome: string | null;
  version: number;
}

export interface InterventionRecord {
  id: string;
  agency: string;
  type: string;
  areaCode: string;
  status: string;
  dueAt: Date;
  notesEnc: string | null;
  outcomeEnc: string | null;
  version: number;
}

/** An intervention in full, notes and outcome decrypted: for case roles and the agency's own staff. */
export function interventionView(row: InterventionRecord, pii: PiiService): InterventionView {
  return {
    id: row.id,
    agency: row.agency,
    type: row.type,
    areaCode: row.areaCode,
    status: row.status,
    dueAt: row.dueAt.toISOString(),
    notes: pii.decrypt(row.notesEnc, 'interventions.notes'),
    outcome: pii.decrypt(row.outcomeEnc, 'interventions.outcome'),
    version: row.version,
  };
}
