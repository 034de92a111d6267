import { ColumnMap } from '../access/scope-sql';

/** The columns of a `cases c` query that CASL conditions on a case refer to. */
export const CASE_SCOPE_COLUMNS: ColumnMap = {
  areaPath: 'c.area_path',
  interventions: {
    exists: 'SELECT 1 FROM interventions i WHERE i.case_id = c.id',
    columns: { agency: 'i.agency', areaPath: 'i.area_path' },
  },
};

/** The columns of an `interventions i JOIN cases c` query for conditions on an intervention. */
export const INTERVENTION_SCOPE_COLUMNS: ColumnMap = {
  agency: 'i.agency',
  areaPath: 'i.area_path',
  caseAreaPath: 'c.area_path',
};
