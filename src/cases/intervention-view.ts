import { isWithin } from '../domain/area-path';
import { Principal } from '../auth/principal';
import { PiiService } from '../privacy/pii.service';
import { InterventionSummaryDto, InterventionViewDto } from './dto/intervention-view.dto';

/** An intervention as case roles and the agency's own staff see it. */
export type InterventionView = InterventionViewDto;

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

/**
 * An intervention in full, notes and outcome decrypted: for case roles and the agency's own staff.
 * `allowedStatuses`: where this caller may move it now.
 */
export function interventionView(
  row: InterventionRecord,
  pii: Pick<PiiService, 'decrypt'>,
  allowedStatuses: readonly string[],
): InterventionView {
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
    allowedStatuses: [...allowedStatuses],
  };
}

/** What another agency's staff see of an intervention: who acts, and how far it got. */
export function interventionSummary({ id, agency, status }: InterventionSummaryDto): InterventionSummaryDto {
  return { id, agency, status };
}

/** The viewer's own: an intervention of the viewer's agency inside the viewer's area. */
export function isOwnIntervention(
  intervention: { agency: string; areaPath: string },
  viewer: Pick<Principal, 'role' | 'areaPath'>,
): boolean {
  return intervention.agency === viewer.role && isWithin(intervention.areaPath, viewer.areaPath);
}
