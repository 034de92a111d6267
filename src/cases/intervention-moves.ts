import { subject } from '@casl/ability';
import { Caller } from '../access/request-context';
import { InterventionStatus, nextStatusesOf } from '../domain/intervention-types';

export interface MovableIntervention {
  agency: string;
  type: string;
  status: string;
  /** Where the agency acts. */
  areaPath: string;
  /** Where the case lies. */
  caseAreaPath: string;
}

/**
 * The statuses `caller` may move an intervention to now: the forward moves of its track, when
 * the caller's access rules let it update this intervention (case roles of the case's area, staff
 * of its agency in its area); none otherwise.
 */
export function interventionMoves(caller: Caller, intervention: MovableIntervention): readonly InterventionStatus[] {
  const { agency, areaPath, caseAreaPath, type, status } = intervention;
  if (!caller.ability.can('update', subject('Intervention', { agency, areaPath, caseAreaPath }) as never)) return [];
  return nextStatusesOf(type, status as InterventionStatus);
}
