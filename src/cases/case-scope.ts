/** The columns of a `cases c` query that CASL conditions on a case refer to. */
export const CASE_SCOPE_COLUMNS = { areaPath: 'c.area_path' };
