import { ColumnMap } from './scope-sql';

/**
 * The columns of a `cases c` query that CASL conditions on a case refer to: who may read a case,
 * as SQL, for the case lists and views and for the statistics that count only readable cases.
 */
export const CASE_SCOPE_COLUMNS: ColumnMap = {
  areaPath: 'c.area_path',
  transferAreaPath: 'c.transfer_area_path',
  interventions: {
    exists: 'SELECT 1 FROM interventions i WHERE i.case_id = c.id',
    columns: { agency: 'i.agency', areaPath: 'i.area_path' },
  },
};
