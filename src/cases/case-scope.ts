import { AreaRepository } from '../area-tree/area-repository';
import { descendantsPattern } from '../domain/area-path';
import { invalidField } from '../common/problem';
import { ColumnMap } from '../access/scope-sql';

export { CASE_SCOPE_COLUMNS } from '../access/case-scope-columns';

/**
 * The columns of a `deadlines d` query for conditions on a deadline: the deadline's copy of its
 * case's areas, which triggers keep equal to the case's (migration 1763900014000).
 */
export const DEADLINE_SCOPE_COLUMNS: ColumnMap = {
  areaPath: 'd.area_path',
  transferAreaPath: 'd.transfer_area_path',
};

/**
 * The case's interventions as its access rules read them, `[{agency, areaPath}]`, from its row
 * `cases` of a query.
 */
export const CASE_INTERVENTIONS_SCOPE_JSON = `(SELECT coalesce(json_agg(json_build_object('agency', i.agency, 'areaPath', i.area_path)), '[]')
   FROM interventions i WHERE i.case_id = cases.id)`;

/** The assignee `{id, username, fullName}` of a case, from its row `u` of users. */
export const ASSIGNEE_JSON = `json_build_object('id', u.id, 'username', u.username, 'fullName', u.full_name)`;

/** The columns of an `interventions i JOIN cases c` query for conditions on an intervention. */
export const INTERVENTION_SCOPE_COLUMNS: ColumnMap = {
  agency: 'i.agency',
  areaPath: 'i.area_path',
  // The intervention's copy of its case's area and transfer target (kept by triggers): the queue
  // reads one index range of the interventions instead of joining each to its case first.
  caseAreaPath: 'i.case_area_path',
  caseTransferAreaPath: 'i.case_transfer_area_path',
};

/**
 * `?areaCode=` on a list: the rows whose `column` (an area path; the case's commune by default)
 * lies in that area. An unknown code is a 400 on `areaCode`.
 */
export async function caseAreaFilter(
  areas: AreaRepository,
  areaCode: string,
  column = 'c.area_path',
): Promise<{ sql: string; params: Record<string, string> }> {
  const area = await areas.ref(areaCode);
  if (!area) throw invalidField('areaCode', `no area has code ${areaCode}`);
  return {
    sql: `(${column} = :areaPath OR ${column} LIKE :areaPattern)`,
    params: { areaPath: area.path, areaPattern: descendantsPattern(area.path) },
  };
}
